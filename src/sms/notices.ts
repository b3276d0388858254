import { AppError } from '../errors.js';
import type { Tx } from '../storage/db.js';
import { enqueueSms, type OutboxDeps } from './enqueue-sms.js';
import { catalogueFor } from './messages.js';

export type NoticeKind = 'password_changed' | 'recovery_code_changed';

/**
 * Tells a worker by text that something changed on their account (R41), so a change they did not
 * make is noticed: a new password, a new recovery code. Queued in the change's transaction.
 *
 * A notice never blocks the change it reports: if the server's SMS budget (R34) is spent, the
 * notice is skipped and false comes back, for the caller to note in the audit log.
 */
export async function queueNotice(
  tx: Tx,
  deps: OutboxDeps,
  notice: {
    kind: NoticeKind;
    to: string;
    communityId: string;
    personId: string;
    communityName: string;
    locale: string;
  },
): Promise<boolean> {
  const catalogue = catalogueFor(notice.locale);
  const body = (
    notice.kind === 'password_changed' ? catalogue.passwordChanged : catalogue.recoveryCodeChanged
  )({
    community: notice.communityName,
  });
  try {
    await enqueueSms(tx, deps, {
      communityId: notice.communityId,
      personId: notice.personId,
      to: notice.to,
      kind: notice.kind,
      channel: 'notice',
      body,
      preview: body,
    });
    return true;
  } catch (error) {
    if (error instanceof AppError && error.code === 'sms_capacity_reached') return false;
    throw error;
  }
}
