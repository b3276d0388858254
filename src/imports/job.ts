import type { ActingContext, Actor, RequestMeta } from '../context.js';
import type { ImportRowStatus, ImportState } from '../storage/schema.js';
import type { FileFormat } from './records.js';

/** An import job as the domain sees it (R54). */
export interface ImportJob {
  id: string;
  communityId: string;
  state: ImportState;
  dryRun: boolean;
  sendInvitations: boolean;
  format: FileFormat;
  fileName: string | null;
  header: string[];
  unknownColumns: string[];
  total: number;
  processed: number;
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  waiting: number;
  waitingUntil: string | null;
  phoneAccountsLeft: number | null;
  error: string | null;
  /** Who started it, and from where: its changes are theirs in the audit log (R36). */
  actor: Actor | null;
  meta: RequestMeta;
  createdAt: string;
  updatedAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

/** A line of the file a worker has leased, to apply or to link to its manager. */
export interface ClaimedRow {
  line: number;
  cells: string[];
  loginKey: string | null;
  employeeKey: string | null;
  managerKey: string | null;
  status: ImportRowStatus;
  personId: string | null;
  /** Set when the row waited for a daily limit: it no longer waits once applied. */
  notBefore: string | null;
}

/** What became of a row; written with the change it made, in the same transaction. */
export interface RowOutcome {
  line: number;
  status: ImportRowStatus;
  personId?: string | null;
  code?: string | null;
  message?: string | null;
  /** 'pending' when the manager is a later line of the file, linked once every line is in. */
  managerState?: 'pending' | 'done' | null;
  /** Set (with status 'pending') when a daily limit holds the row back until then. */
  notBefore?: string | null;
}

/**
 * The context the job's changes are made in: the admin who started it, the address they started
 * it from, and the job as the request id, so the audit log ties every change to its import.
 */
export function jobContext(job: ImportJob): ActingContext {
  return {
    communityId: job.communityId,
    actor: job.actor,
    meta: { ip: job.meta.ip, requestId: `import:${job.id}`, userAgent: job.meta.userAgent },
  };
}
