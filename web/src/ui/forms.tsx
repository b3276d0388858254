import {
  type FocusEvent,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  useId,
  useState,
} from 'react';
import { t } from '../i18n';
import { Button } from './feedback';

interface FieldProps extends InputHTMLAttributes<HTMLInputElement> {
  label: string;
  hint?: ReactNode;
  error?: string | undefined;
}

/** A labelled input with its hint and error read out by screen readers. */
export function Field({ label, hint, error, id, required, ...input }: FieldProps) {
  const generated = useId();
  const fieldId = id ?? generated;
  const hintId = hint ? `${fieldId}-hint` : undefined;
  const errorId = error ? `${fieldId}-error` : undefined;
  return (
    <div className="field">
      <label htmlFor={fieldId}>
        {label}
        {required ? <span className="required"> ({t('app.required')})</span> : null}
      </label>
      <input
        id={fieldId}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
        {...input}
      />
      {hint ? (
        <small id={hintId} className="hint">
          {hint}
        </small>
      ) : null}
      {error ? (
        <small id={errorId} className="field-error">
          {error}
        </small>
      ) : null}
    </div>
  );
}

interface SelectProps extends SelectHTMLAttributes<HTMLSelectElement> {
  label: string;
  hint?: ReactNode;
  options: readonly { value: string; label: string }[];
}

export function Select({ label, hint, options, id, ...select }: SelectProps) {
  const generated = useId();
  const fieldId = id ?? generated;
  return (
    <div className="field">
      <label htmlFor={fieldId}>{label}</label>
      <select id={fieldId} aria-describedby={hint ? `${fieldId}-hint` : undefined} {...select}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {hint ? (
        <small id={`${fieldId}-hint`} className="hint">
          {hint}
        </small>
      ) : null}
    </div>
  );
}

export function Checkbox({
  label,
  hint,
  ...input
}: InputHTMLAttributes<HTMLInputElement> & { label: string; hint?: ReactNode }) {
  const id = useId();
  return (
    <div className="checkbox">
      <input type="checkbox" id={id} aria-describedby={hint ? `${id}-hint` : undefined} {...input} />
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <small id={`${id}-hint`} className="hint">
          {hint}
        </small>
      ) : null}
    </div>
  );
}

/** A new-password field that says, as the person types, whether it is long enough (R30). */
export function NewPasswordField({
  label,
  value,
  onChange,
  minLength,
  error,
  autoFocus,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  minLength: number;
  error?: string | undefined;
  autoFocus?: boolean;
}) {
  const [visible, setVisible] = useState(false);
  const length = [...value.normalize('NFKC')].length;
  const enough = length >= minLength;
  return (
    <div className="password">
      <Field
        label={label}
        type={visible ? 'text' : 'password'}
        autoComplete="new-password"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        required
        autoFocus={autoFocus}
        error={error}
        hint={
          <span aria-live="polite" className={enough ? 'ok' : undefined}>
            {value === ''
              ? t('password.rules', { min: minLength })
              : enough
                ? `✓ ${t('password.ok')}`
                : t('password.count', { count: length, min: minLength })}
          </span>
        }
      />
      <Checkbox
        label={t('password.show')}
        checked={visible}
        onChange={(event) => setVisible(event.target.checked)}
      />
    </div>
  );
}

/**
 * The second factor typed at sign-in or recovery (R40): a 6-digit code from the authenticator app
 * or a backup code. Plain text, not a numeric keypad, because backup codes have letters.
 */
export function SecondFactorField({
  label,
  value,
  onChange,
  error,
  autoFocus = true,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  autoFocus?: boolean;
}) {
  return (
    <Field
      label={label}
      hint={t('code.hint')}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      error={error}
      autoComplete="one-time-code"
      autoCapitalize="characters"
      autoCorrect="off"
      spellCheck={false}
      required
      autoFocus={autoFocus}
    />
  );
}

/**
 * A value to copy somewhere else (a token, an address): read-only, selected whole on focus, with a
 * Copy button. Where the browser refuses the clipboard (plain http), the text is selected instead
 * and the person is told to press Ctrl+C, so copying never silently fails.
 */
export function CopyField({
  label,
  value,
  hint,
  copyLabel,
  testId,
  wrap = false,
}: {
  label: string;
  value: string;
  hint?: ReactNode;
  copyLabel: string;
  testId?: string;
  /** Shows a long value (a token) whole, over several lines, instead of scrolling in one line. */
  wrap?: boolean;
}) {
  const id = useId();
  const [outcome, setOutcome] = useState<'copied' | 'manual' | null>(null);
  const copy = async () => {
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(value);
      setOutcome('copied');
    } catch {
      const field = document.getElementById(id) as HTMLInputElement | HTMLTextAreaElement | null;
      field?.focus();
      field?.select();
      setOutcome('manual');
    }
  };
  const shown = {
    id,
    readOnly: true,
    value,
    spellCheck: false,
    autoComplete: 'off',
    'data-testid': testId,
    'aria-describedby': hint ? `${id}-hint` : undefined,
    onFocus: (event: FocusEvent<HTMLInputElement | HTMLTextAreaElement>) => event.currentTarget.select(),
  };
  return (
    <div className="field copy-field">
      <label htmlFor={id}>{label}</label>
      <div className="copy-row">
        {wrap ? <textarea rows={2} {...shown} /> : <input {...shown} />}
        <Button kind="secondary" onClick={copy}>
          {copyLabel}
        </Button>
      </div>
      <small className="hint" role="status">
        {outcome === 'copied' ? `✓ ${t('app.copied')}` : outcome === 'manual' ? t('app.copyManual') : ''}
      </small>
      {hint ? (
        <small id={`${id}-hint`} className="hint">
          {hint}
        </small>
      ) : null}
    </div>
  );
}
