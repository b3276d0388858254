import { en } from './messages/en';

/**
 * Every string the pages show comes from a message catalogue, keyed by id; `{name}` marks a
 * value filled in. English is the first catalogue; another locale adds a file of the same shape.
 */
export type MessageKey = keyof typeof en;

const catalogue: Record<string, string> = en;

export function t(key: MessageKey, values: Record<string, string | number> = {}): string {
  const text = catalogue[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function formatTime(iso: string | null | undefined): string {
  return iso ? dateTime.format(new Date(iso)) : '—';
}
