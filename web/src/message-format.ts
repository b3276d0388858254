/**
 * The small part of ICU MessageFormat the catalogues use: `{name}` fills in a value, and
 * `{count, plural, =0 {…} one {…} few {…} other {…}}` picks the form a language needs for a number,
 * by `Intl.PluralRules` (Polish and Arabic have more forms than English; a translation may count
 * where English does not). Inside a form, `#` is the number, formatted for the locale. Translators
 * know this syntax from every translation tool; no ICU library is needed for this much of it.
 */

type Part =
  | { kind: 'text'; text: string }
  | { kind: 'value'; name: string }
  | { kind: 'number' }
  | { kind: 'plural'; name: string; forms: Map<string, Part[]> };

const parsed = new Map<string, Part[]>();

function parse(message: string): Part[] {
  let parts = parsed.get(message);
  if (!parts) {
    parts = new Reader(message).parts(false);
    parsed.set(message, parts);
  }
  return parts;
}

class Reader {
  at = 0;
  constructor(readonly text: string) {}

  parts(inForm: boolean): Part[] {
    const parts: Part[] = [];
    let text = '';
    const flush = () => {
      if (text) parts.push({ kind: 'text', text });
      text = '';
    };
    while (this.at < this.text.length) {
      const char = this.text[this.at] ?? '';
      if (char === '}' && inForm) break;
      if (char === '{') {
        flush();
        parts.push(this.argument());
      } else if (char === '#' && inForm) {
        flush();
        parts.push({ kind: 'number' });
        this.at++;
      } else {
        text += char;
        this.at++;
      }
    }
    flush();
    return parts;
  }

  private argument(): Part {
    const start = this.at;
    this.at++; // {
    const name = this.word();
    this.space();
    if (this.text[this.at] === '}') {
      this.at++;
      return { kind: 'value', name };
    }
    this.expect(',');
    const type = this.word();
    if (type !== 'plural')
      throw new Error(`Unsupported argument type "${type}" at ${start} in: ${this.text}`);
    this.expect(',');
    const forms = new Map<string, Part[]>();
    for (this.space(); this.text[this.at] !== '}'; this.space()) {
      const selector = this.word();
      this.expect('{');
      forms.set(selector, this.parts(true));
      this.expect('}');
    }
    this.at++; // }
    if (!forms.has('other')) throw new Error(`A plural needs an "other" form, at ${start} in: ${this.text}`);
    return { kind: 'plural', name, forms };
  }

  private word(): string {
    this.space();
    const found = /^=?[\w.]+/.exec(this.text.slice(this.at))?.[0];
    if (!found) throw new Error(`Expected a name at ${this.at} in: ${this.text}`);
    this.at += found.length;
    return found;
  }

  private space() {
    while (/\s/.test(this.text[this.at] ?? '')) this.at++;
  }

  private expect(char: string) {
    this.space();
    if (this.text[this.at] !== char) throw new Error(`Expected "${char}" at ${this.at} in: ${this.text}`);
    this.at++;
  }
}

export type Values = Record<string, string | number>;

const numberFormats = new Map<string, Intl.NumberFormat>();
const pluralRules = new Map<string, Intl.PluralRules>();

function cached<T>(cache: Map<string, T>, locale: string, make: () => T): T {
  let value = cache.get(locale);
  if (!value) {
    value = make();
    cache.set(locale, value);
  }
  return value;
}

export function formatNumber(value: number, locale: string): string {
  return cached(numberFormats, locale, () => new Intl.NumberFormat(locale)).format(value);
}

function render(parts: Part[], values: Values, locale: string, count: number | null): string {
  let out = '';
  for (const part of parts) {
    if (part.kind === 'text') out += part.text;
    else if (part.kind === 'number') out += count === null ? '#' : formatNumber(count, locale);
    else if (part.kind === 'value') {
      const value = values[part.name];
      out +=
        value === undefined
          ? `{${part.name}}`
          : typeof value === 'number'
            ? formatNumber(value, locale)
            : value;
    } else {
      const n = Number(values[part.name]);
      const category = cached(pluralRules, locale, () => new Intl.PluralRules(locale)).select(n);
      const form = part.forms.get(`=${n}`) ?? part.forms.get(category) ?? part.forms.get('other') ?? [];
      out += render(form, values, locale, n);
    }
  }
  return out;
}

/** A catalogue message with its values filled in, numbers and plural forms as `locale` writes them. */
export function formatMessage(message: string, values: Values, locale: string): string {
  return render(parse(message), values, locale, null);
}

/** The names of the values a message uses, plain or counted: a translation must use the same. */
export function argumentNames(message: string): Set<string> {
  const names = new Set<string>();
  const walk = (parts: Part[]) => {
    for (const part of parts) {
      if (part.kind === 'value') names.add(part.name);
      if (part.kind === 'plural') {
        names.add(part.name);
        for (const form of part.forms.values()) walk(form);
      }
    }
  };
  walk(parse(message));
  return names;
}

/** Every plural in a message, with the forms (`one`, `few`, `=0`…) it gives. */
export function pluralForms(message: string): { name: string; forms: string[] }[] {
  const found: { name: string; forms: string[] }[] = [];
  const walk = (parts: Part[]) => {
    for (const part of parts) {
      if (part.kind !== 'plural') continue;
      found.push({ name: part.name, forms: [...part.forms.keys()] });
      for (const form of part.forms.values()) walk(form);
    }
  };
  walk(parse(message));
  return found;
}
