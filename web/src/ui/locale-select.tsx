import { LOCALES } from '../locale-choice';
import { Select } from './forms';

/**
 * The language a person's texts and pages use (R61), or a community's default: each language
 * named in itself. A locale set elsewhere (SCIM, an import) that no catalogue serves stays listed,
 * so saving the form does not change it behind the admin's back.
 */
export function LocaleSelect({
  label,
  hint,
  value,
  onChange,
  inherit,
}: {
  label: string;
  hint: string;
  value: string;
  onChange: (value: string) => void;
  /** The option that leaves the language unset (the person follows the community). */
  inherit?: string;
}) {
  const options: { value: string; label: string }[] = LOCALES.map((locale) => ({
    value: locale.code,
    label: locale.name,
  }));
  if (value && !options.some((option) => option.value === value)) options.push({ value, label: value });
  if (inherit !== undefined) options.unshift({ value: '', label: inherit });
  return (
    <Select
      label={label}
      hint={hint}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      options={options}
    />
  );
}
