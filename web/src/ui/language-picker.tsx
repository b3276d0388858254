import { useId } from 'react';
import { chooseLocale, t, useLocale } from '../i18n';
import { LOCALES, matchLocale } from '../locale-choice';

/**
 * Choose the page's language (R61). Each language is named in itself, so a worker who cannot read
 * the page yet still finds theirs; the globe says what the list is for. A native select: arrow
 * keys, type-ahead and the phone's own chooser work without anything more.
 */
export function LanguagePicker() {
  const current = useLocale();
  const id = useId();
  return (
    <div className="language-picker">
      <label htmlFor={id}>
        <Globe />
        <span className="visually-hidden">{t('app.language')}</span>
      </label>
      <select
        id={id}
        value={current}
        onChange={(event) => {
          const code = matchLocale(event.target.value);
          if (code) chooseLocale(code);
        }}
      >
        {LOCALES.map((locale) => (
          <option key={locale.code} value={locale.code} lang={locale.code} dir={locale.dir}>
            {locale.name}
          </option>
        ))}
      </select>
    </div>
  );
}

function Globe() {
  return (
    <svg aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="22" height="22">
      <g fill="none" stroke="currentColor" strokeWidth="1.6">
        <circle cx="12" cy="12" r="9.2" />
        <path d="M2.8 12h18.4M12 2.8c2.6 2.5 3.9 5.6 3.9 9.2s-1.3 6.7-3.9 9.2c-2.6-2.5-3.9-5.6-3.9-9.2S9.4 5.3 12 2.8Z" />
      </g>
    </svg>
  );
}
