import type { ApiError, FieldProblem } from '../api';
import { currentLocale, intlLocale, t } from '../i18n';
import { fieldMessage, refusalMessage } from '../refusals';

const formatDate = (iso: string) =>
  new Intl.DateTimeFormat(intlLocale(), { dateStyle: 'long' }).format(new Date(iso));

/**
 * A refusal as the page says it (R61): on an English page the server's own words, which can be
 * more specific; in another language the catalogue's, where the refusal is one a worker meets,
 * else the server's English rather than nothing.
 */
export function refusalText(error: ApiError): string {
  if (currentLocale() === 'en') return error.detail;
  const message = refusalMessage(error, formatDate);
  return message ? t(message.key, message.values) : error.detail;
}

/** The words beside a field the refusal names, in the page's language where the catalogue has them. */
export function fieldRefusalText(error: ApiError, problem: FieldProblem): string {
  if (currentLocale() === 'en') return problem.message;
  const message = fieldMessage(error, problem.path);
  return message ? t(message.key, message.values) : problem.message;
}
