/** The forms of a counted word, one per plural category its language tells apart. */
type CountedForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

const rules = new Map<string, Intl.PluralRules>();
const numbers = new Map<string, Intl.NumberFormat>();

/**
 * "14 days" as a language counts it: the form `Intl.PluralRules` picks for `n` (Polish has four,
 * Arabic six), with `#` replaced by the number as the locale writes it.
 */
export function counted(locale: string, n: number, forms: CountedForms): string {
  let rule = rules.get(locale);
  if (!rule) {
    rule = new Intl.PluralRules(locale);
    rules.set(locale, rule);
  }
  let number = numbers.get(locale);
  if (!number) {
    number = new Intl.NumberFormat(locale);
    numbers.set(locale, number);
  }
  return (forms[rule.select(n)] ?? forms.other).replace('#', number.format(n));
}
