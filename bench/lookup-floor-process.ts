/**
 * The floor of a person lookup, beside Fastify's hello-world (forked by bench/person-lookup.ts):
 * the least a lookup can cost where the session is checked in the database on every request
 * (R22: a deactivation ends sessions at once). Fastify and better-sqlite3 alone make the same
 * two indexed reads as Muster, on the same SQLite file: the live session behind the cookie,
 * with its person and community, then the people with the number asked for, every column. No
 * logging, no validation, no hooks, no query builder: what no implementation can do without.
 * Started with `logged` after the file, it also logs each request as Muster's server does (one
 * line when answered, secrets redacted, numbers and addresses masked, R37), into the same
 * /dev/null: what a server that keeps a log of every request cannot do without.
 * Rows are read as arrays and made into objects of a fixed shape by Muster's SQLite dialect's
 * `rowMaker` (better-sqlite3's own objects cost more to make and to read).
 */
import { createHash } from 'node:crypto';
import SQLite from 'better-sqlite3';
import Fastify from 'fastify';
import { serverLogging } from '../src/http/log.js';
import { rowMaker } from '../src/storage/dialects/sqlite.js';

const database = new SQLite(process.argv[2] ?? '', { readonly: true, fileMustExist: true });
const liveSession = database.prepare<[string, string, string], { community_id: string }>(`
  select sessions.id, sessions.last_used_at, sessions.idle_expires_at, sessions.absolute_expires_at,
    sessions.person_id, people.display_name, people.role, people.totp_confirmed_at,
    sessions.community_id, communities.settings
  from sessions
  join people on people.id = sessions.person_id
  join communities on communities.id = sessions.community_id
  where sessions.token_hash = ? and sessions.revoked_at is null
    and sessions.idle_expires_at > ? and sessions.absolute_expires_at > ? and people.active = 1`);
const peopleWithPhone = database
  .prepare<[string, string], unknown[]>(
    'select * from people where community_id = ? and phone = ? order by id limit 51',
  )
  .raw(true);
const personRow = rowMaker(peopleWithPhone.columns().map((column) => column.name));

const app = Fastify(process.argv[3] === 'logged' ? serverLogging('info') : {});
app.get<{ Querystring: { phone?: string } }>('/api/v1/people', async (request, reply) => {
  const cookie = request.headers.cookie ?? '';
  const token = cookie.slice(cookie.indexOf('=') + 1);
  const now = new Date().toISOString();
  const session = liveSession.get(createHash('sha256').update(token).digest('hex'), now, now);
  if (!session) return reply.code(401).send({ code: 'unauthenticated' });
  const items = peopleWithPhone.all(session.community_id, request.query.phone ?? '').map(personRow);
  return { items, nextCursor: null };
});
const url = await app.listen({ port: 0, host: '127.0.0.1' });
process.on('message', () => process.send?.(process.cpuUsage()));
process.send?.({ url });
