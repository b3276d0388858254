import { refusalRecorder } from '../audit/refusals.js';
import type { ActingContext } from '../context.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import { letOthersRun } from '../event-loop.js';
import { forEachInOwnUnit } from '../storage/units.js';
import { DAILY_LIMITS } from './claim-message.js';
import { listUnclaimedInvitedIds } from './invitations.store.js';
import { textUnclaimedPersonIn } from './invite.js';

/** On SQLite a page is one transaction, which holds the database: a page of 200 held it about 90 ms. */
const REMIND_ALL_PAGE = 100;

/**
 * Remind all (R13): every unclaimed, active phone or email account of the community gets a reminder,
 * each within its own R5 allowance; one refusal (today's texts used up) loses nothing else.
 * Each person is a unit of its own (see forEachInOwnUnit for how the databases differ).
 */
export async function remindAll({ deps, ctx }: { deps: Deps; ctx: ActingContext }) {
  const tally = { reminded: 0, skippedDailyLimit: 0, failed: 0 };
  let after = '';
  for (;;) {
    const page = await listUnclaimedInvitedIds(deps.db, ctx.communityId, after, REMIND_ALL_PAGE);
    if (page.length === 0) break;
    const refused: [AppError, string][] = [];
    await forEachInOwnUnit(
      deps.db,
      page,
      async (tx, id) => {
        await textUnclaimedPersonIn(tx, { deps, ctx, id, reason: 'reminder', channel: 'remind_all' });
        tally.reminded += 1;
      },
      (error, id) => {
        if (!(error instanceof AppError)) throw error;
        if (DAILY_LIMITS.has(error.code)) tally.skippedDailyLimit += 1;
        else tally.failed += 1;
        refused.push([error, id]);
      },
    );
    // Recorded once the page's units are over, where no rollback reaches them (R36).
    const record = refusalRecorder(deps, ctx);
    for (const [error, id] of refused) await record(error, id);
    after = page.at(-1) ?? after;
    await letOthersRun();
  }
  return tally;
}
