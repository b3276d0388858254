import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';
import { parseDomainName } from '../src/domains/domain-name.js';
import { emailDomainVerifiedElsewhere, markVerified } from '../src/domains/domains.store.js';
import { setCommunityPlan } from '../src/domains/set-plan.js';
import { AppError } from '../src/errors.js';
import { runHousekeeping } from '../src/housekeeping.js';
import { uniqueViolation } from '../src/storage/db.js';
import { startFakeDns } from './fakes/dns.js';
import {
  ADMIN_PASSWORD,
  activateWithPassword,
  type Client,
  eachDatabase,
  enablePhoneProfiles,
  expectProblem,
  seedCommunity,
  signIn,
  type World,
} from './harness.js';
import { ensureBuilt, runCli } from './processes.js';

// Domains and plans (R26, R6): a system admin adds a domain, publishes its TXT record and
// verifies it against a real DNS server on 127.0.0.1 (the fake below, asked through node:dns as
// in production); a name is verified by one community at most, which the database guarantees;
// housekeeping re-checks verified domains daily; the operator sets the plan on the command line;
// and on Core a verified domain raises the daily cap of new mobile-number accounts.

const dns = await startFakeDns();
afterAll(() => dns.close());

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const TXT_SHAPE = /^muster-domain-verification=[0-9a-f]{32}$/;

let serial = 0;
/** A domain name no other test (on either database) uses. */
function domainName(tag: string): string {
  serial += 1;
  return `${tag}-${serial}-${randomBytes(3).toString('hex')}.com`;
}
/** A GB mobile number nobody else in this file uses. */
function mobile(): string {
  serial += 1;
  return `+447400${String(300_000 + serial).padStart(6, '0')}`;
}

interface Admin {
  communityId: string;
  slug: string;
  email: string;
  client: Client;
}

async function newCommunity(world: World): Promise<Admin> {
  const { community, admin, slug } = await seedCommunity(world);
  const email = admin.email ?? '';
  return {
    communityId: community.id,
    slug,
    email,
    client: await signIn(world.app, email, ADMIN_PASSWORD, slug),
  };
}

/** The admin's session, signed in again if a test moved the clock past its lifetime. */
async function fresh(world: World, admin: Admin): Promise<Client> {
  if ((await admin.client.get('/api/v1/me')).statusCode !== 200) {
    admin.client = await signIn(world.app, admin.email, ADMIN_PASSWORD, admin.slug);
  }
  return admin.client;
}

interface DomainView {
  id: string;
  name: string;
  verified: boolean;
  verifiedAt: string | null;
  lastCheckedAt: string | null;
  txtRecord: string;
}

async function addDomain(admin: Admin, name: string): Promise<DomainView> {
  const response = await admin.client.post('/api/v1/domains', { name });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

function verify(admin: Admin, id: string) {
  return admin.client.post(`/api/v1/domains/${id}/verify`);
}

/** Adds a domain, publishes its record and verifies it. */
async function verifiedDomain(admin: Admin, name = domainName('verified')): Promise<DomainView> {
  const domain = await addDomain(admin, name);
  dns.setTxt(domain.name, domain.txtRecord);
  const verified = await verify(admin, domain.id);
  expect(verified.statusCode, verified.body).toBe(200);
  return verified.json();
}

async function auditOf(world: World, communityId: string, type: string) {
  const rows = await world.deps.db
    .selectFrom('audit_events')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('type', '=', type)
    .orderBy('id')
    .execute();
  return rows.map((row) => ({ ...row, details: JSON.parse(row.details) as Record<string, unknown> }));
}

async function communityFlag(world: World, communityId: string): Promise<number> {
  const row = await world.deps.db
    .selectFrom('communities')
    .select('domain_verified')
    .where('id', '=', communityId)
    .executeTakeFirstOrThrow();
  return row.domain_verified;
}

/** Runs housekeeping as the dispatcher does between rounds, a few times, so every due domain is seen. */
async function housekeep(world: World) {
  for (let i = 0; i < 3; i++) await runHousekeeping(world.deps);
}

eachDatabase(
  'domains (R26)',
  (world) => {
    let acme: Admin;
    let other: Admin;

    beforeAll(async () => {
      acme = await newCommunity(world);
      other = await newCommunity(world);
    });

    // Re-check tests move the clock by days, past the admins' sessions.
    beforeEach(async () => {
      await fresh(world, acme);
      await fresh(world, other);
    });

    describe('adding and verifying', () => {
      it('R26: a domain is added normalised and unverified, with its TXT record; publishing the record verifies it, audited, and the community flag follows', async () => {
        const name = domainName('acme-freight');
        const added = await acme.client.post('/api/v1/domains', { name: `  ${name.toUpperCase()}. ` });
        expect(added.statusCode, added.body).toBe(201);
        const domain: DomainView = added.json();
        expect(domain).toMatchObject({ name, verified: false, verifiedAt: null, lastCheckedAt: null });
        expect(domain.txtRecord).toMatch(TXT_SHAPE);

        expect((await acme.client.get('/api/v1/domains')).json().items).toContainEqual(
          expect.objectContaining({ id: domain.id, name, verified: false }),
        );
        expect((await acme.client.get(`/api/v1/domains/${domain.id}`)).json()).toMatchObject({
          id: domain.id,
          txtRecord: domain.txtRecord,
        });

        // Not yet in DNS at all: refused, naming the record it looked for.
        const missing = expectProblem(await verify(acme, domain.id), 422, 'domain_record_missing');
        expect(missing.detail).toContain(domain.txtRecord);
        expect(missing.detail).toMatch(/does not exist in DNS \(NXDOMAIN\)/);

        // In DNS, but with other TXT records only: refused, saying what it found.
        dns.setTxt(name, 'v=spf1 include:_spf.example.net -all', 'google-site-verification=abc');
        const other = expectProblem(await verify(acme, domain.id), 422, 'domain_record_missing');
        expect(other.detail).toContain(`has 2 TXT records, but not ${domain.txtRecord}`);
        expect(other.detail).toContain('"v=spf1 include:_spf.example.net -all"');
        expect(other.detail).toMatch(/"@" or left empty/);
        expect((other as unknown as { record: string }).record).toBe(domain.txtRecord);
        expect(await communityFlag(world, acme.communityId)).toBe(0);

        dns.setTxt(name, 'v=spf1 include:_spf.example.net -all', domain.txtRecord);
        const verified = await verify(acme, domain.id);
        expect(verified.statusCode, verified.body).toBe(200);
        const now = world.clock.now().toISOString();
        expect(verified.json()).toMatchObject({
          id: domain.id,
          verified: true,
          verifiedAt: now,
          lastCheckedAt: now,
        });
        expect(await communityFlag(world, acme.communityId)).toBe(1);
        expect((await acme.client.get('/api/v1/settings')).json().domainVerified).toBe(true);

        // Verifying again is a fresh check that keeps the first verification time.
        world.clock.advance(60_000);
        const again = await verify(acme, domain.id);
        expect(again.json()).toMatchObject({ verified: true, verifiedAt: now });
        expect(again.json().lastCheckedAt).toBe(world.clock.now().toISOString());

        const addedEvents = await auditOf(world, acme.communityId, 'Domain Added');
        expect(addedEvents.find((e) => e.target_id === domain.id)?.details).toEqual({
          txtRecord: domain.txtRecord,
        });
        const verifiedEvents = (await auditOf(world, acme.communityId, 'Domain Verified')).filter(
          (e) => e.target_id === domain.id,
        );
        expect(verifiedEvents).toHaveLength(1);
        expect(verifiedEvents[0]?.actor_label).toBe('Ada Admin');
        const failures = (await auditOf(world, acme.communityId, 'Domain Verification Failed')).filter(
          (e) => e.target_id === domain.id,
        );
        // Refusals of one target within a minute share a row, counted (R36).
        expect(failures.map((e) => [e.outcome, e.details.reason, e.count])).toEqual([
          ['failure', 'no_domain', 2],
        ]);
      });

      it('R26: a record split into several strings, or typed with quotes around it, still verifies', async () => {
        const split = await addDomain(acme, domainName('split'));
        const value = split.txtRecord;
        dns.setTxt(split.name, ['muster-domain-', value.slice('muster-domain-'.length, 40), value.slice(40)]);
        expect((await verify(acme, split.id)).json()).toMatchObject({ verified: true });

        const quoted = await addDomain(acme, domainName('quoted'));
        dns.setTxt(quoted.name, `"${quoted.txtRecord}"`);
        expect((await verify(acme, quoted.id)).json()).toMatchObject({ verified: true });
      });

      it('R26: a record with another token is refused, saying what was found and what is expected; re-adding a domain gives it a new token', async () => {
        const first = await addDomain(acme, domainName('retoken'));
        const removed = await acme.client.delete(`/api/v1/domains/${first.id}`);
        expect(removed.statusCode).toBe(204);
        const second = await addDomain(acme, first.name);
        expect(second.txtRecord).not.toBe(first.txtRecord);

        dns.setTxt(first.name, first.txtRecord);
        const problem = expectProblem(await verify(acme, second.id), 422, 'domain_record_mismatch');
        expect(problem.detail).toContain(`found "${first.txtRecord}"`);
        expect(problem.detail).toContain(`this community's record is ${second.txtRecord}`);
        expect((problem as unknown as { found: string[] }).found).toEqual([first.txtRecord]);

        dns.setTxt(first.name, first.txtRecord, second.txtRecord);
        expect((await verify(acme, second.id)).json()).toMatchObject({ verified: true });
      });

      it('R26: a DNS failure (SERVFAIL, REFUSED, no answer) is a 503 that changes nothing', async () => {
        const domain = await addDomain(acme, domainName('flaky'));
        dns.fail(domain.name, 'servfail');
        const servfail = expectProblem(await verify(acme, domain.id), 503, 'dns_lookup_failed');
        expect(servfail.detail).toMatch(/SERVFAIL/);
        expect(servfail.detail).toMatch(/nothing has changed/);
        dns.fail(domain.name, 'refused');
        const refused = await verify(acme, domain.id);
        expectProblem(refused, 503, 'dns_lookup_failed');
        expect(refused.headers['retry-after']).toBe('60');
        expect((await acme.client.get(`/api/v1/domains/${domain.id}`)).json()).toMatchObject({
          verified: false,
          lastCheckedAt: null,
        });

        // A verified domain stays verified when DNS does not answer.
        const kept = await verifiedDomain(acme);
        dns.fail(kept.name, 'silent');
        const timedOut = expectProblem(await verify(acme, kept.id), 503, 'dns_lookup_failed');
        expect(timedOut.detail).toMatch(/no DNS server answered in time/);
        expect((await acme.client.get(`/api/v1/domains/${kept.id}`)).json()).toMatchObject({
          verified: true,
        });
        dns.setTxt(kept.name, kept.txtRecord);
      });

      it('R26: a verified domain whose record is gone stops being verified when an admin checks it again', async () => {
        const lone = await newCommunity(world);
        const domain = await verifiedDomain(lone);
        expect(await communityFlag(world, lone.communityId)).toBe(1);
        dns.setTxt(domain.name);
        const problem = expectProblem(await verify(lone, domain.id), 422, 'domain_record_missing');
        expect(problem.detail).toContain(`${domain.name} has no TXT records`);
        expect((await lone.client.get(`/api/v1/domains/${domain.id}`)).json()).toMatchObject({
          verified: false,
          verifiedAt: null,
        });
        expect(await communityFlag(world, lone.communityId)).toBe(0);
        const ended = await auditOf(world, lone.communityId, 'Domain Unverified');
        expect(ended.map((e) => [e.target_id, e.details.reason, e.actor_label])).toEqual([
          [domain.id, 'no_record', 'Ada Admin'],
        ]);
      });
    });

    describe('names', () => {
      it('R26: names are normalised (case, trailing dot, IDN to punycode) and refused with a reason when not a registrable domain', async () => {
        const idn = `bücher-${randomBytes(3).toString('hex')}.de`;
        const added = await addDomain(acme, idn.toUpperCase());
        expect(added.name).toBe(new URL(`http://${idn}`).hostname);
        expect(added.name).toMatch(/^xn--/);

        const refusals: [string, RegExp][] = [
          ['', /Enter a domain name/],
          ['ana@acme.com', /email address/],
          ['https://acme.com/', /without https/],
          ['acme.com:443', /not a domain name/],
          ['%61cme.com', /not a domain name/],
          ['192.0.2.10', /IP address/],
          ['[2001:db8::1]', /IP address/],
          ['0x7f.1', /IP address/],
          ['acme', /whole domain with its ending/],
          ['acme..com', /empty part/],
          ['-acme.com', /cannot be part of a domain name/],
          ['acme.123', /not a domain name/],
          ['intranet.local', /reserved/],
          ['acme.test', /reserved/],
          ['localhost', /whole domain|reserved/],
          [`${'a'.repeat(64)}.com`, /1 to 63/],
          [`${'abcdefghi.'.repeat(26)}com`, /at most 253/],
        ];
        for (const [name, reason] of refusals) {
          const problem = expectProblem(
            await acme.client.post('/api/v1/domains', { name }),
            400,
            'domain_invalid',
          );
          expect(problem.detail, name).toMatch(reason);
          expect(problem.errors?.[0]?.path).toBe('body.name');
        }
      });

      it('R26: public mail providers, and names under them, are refused', async () => {
        for (const name of [
          'gmail.com',
          'GMAIL.COM.',
          'outlook.com',
          'hotmail.com',
          'yahoo.com',
          'icloud.com',
          'proton.me',
          'mail.yahoo.com',
        ]) {
          const problem = expectProblem(
            await acme.client.post('/api/v1/domains', { name }),
            400,
            'domain_public_mail',
          );
          expect(problem.detail).toMatch(/public email provider/);
        }
      });

      it('R26: a community lists a domain once', async () => {
        const domain = await addDomain(acme, domainName('twice'));
        expectProblem(
          await acme.client.post('/api/v1/domains', { name: domain.name.toUpperCase() }),
          409,
          'domain_exists',
        );
      });
    });

    describe('one community per domain', () => {
      it('R26: a domain another community verified (or a domain under it) cannot be added or verified; email addresses there are reported as taken', async () => {
        const theirs = await verifiedDomain(other);

        const again = expectProblem(
          await acme.client.post('/api/v1/domains', { name: theirs.name }),
          409,
          'domain_verified_elsewhere',
        );
        expect(again.detail).toMatch(/already verified by another Muster community/);
        const under = expectProblem(
          await acme.client.post('/api/v1/domains', { name: `uk.${theirs.name}` }),
          409,
          'domain_verified_elsewhere',
        );
        expect(under.detail).toContain(`${theirs.name}, which uk.${theirs.name} is part of`);

        // Added before the other community verified it: verifying is refused, whatever DNS says.
        const late = await newCommunity(world);
        const lateName = domainName('late');
        const lateDomain = await addDomain(late, lateName);
        await verifiedDomain(other, lateName);
        dns.setTxt(lateName, lateDomain.txtRecord);
        expectProblem(await verify(late, lateDomain.id), 409, 'domain_verified_elsewhere');
        const refused = await auditOf(world, late.communityId, 'Domain Verification Failed');
        expect(refused.map((e) => [e.target_id, e.details.code])).toEqual([
          [lateDomain.id, 'domain_verified_elsewhere'],
        ]);

        const db = world.deps.db;
        expect(await emailDomainVerifiedElsewhere(db, acme.communityId, `ana@${theirs.name}`)).toBe(true);
        expect(
          await emailDomainVerifiedElsewhere(db, acme.communityId, `Ana@UK.${theirs.name.toUpperCase()}`),
        ).toBe(true);
        expect(await emailDomainVerifiedElsewhere(db, other.communityId, `ana@${theirs.name}`)).toBe(false);
        expect(await emailDomainVerifiedElsewhere(db, acme.communityId, 'ana@example.org')).toBe(false);
        expect(await emailDomainVerifiedElsewhere(db, acme.communityId, 'not an address')).toBe(false);
      });

      it('R26: of two communities verifying the same domain at once, exactly one wins, and the database decides', async () => {
        const racers = [acme, other];
        let decidedByIndex = 0;
        for (let round = 0; round < 3; round++) {
          const name = domainName('race');
          const [a, b] = await Promise.all(racers.map((admin) => addDomain(admin, name)));
          if (!a || !b) throw new Error('both communities add the domain');
          dns.setTxt(name, a.txtRecord, b.txtRecord);
          // Both requests pass the "verified elsewhere?" check before either DNS answer arrives.
          dns.delayMs = 200;
          const answers = await Promise.all([verify(acme, a.id), verify(other, b.id)]);
          dns.delayMs = 0;
          expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 409]);
          const loser = answers.findIndex((r) => r.statusCode === 409);
          expectProblem(
            answers[loser] as NonNullable<(typeof answers)[number]>,
            409,
            'domain_verified_elsewhere',
          );
          const rows = await world.deps.db
            .selectFrom('domains')
            .select(['community_id', 'verified_at'])
            .where('name', '=', name)
            .execute();
          expect(rows.filter((r) => r.verified_at !== null)).toHaveLength(1);
          const loserCommunity = racers[loser]?.communityId ?? '';
          const loserDomain = loser === 0 ? a : b;
          const refusal = (await auditOf(world, loserCommunity, 'Domain Verification Failed')).find(
            (e) => e.target_id === loserDomain.id,
          );
          if (refusal?.details.race === true) decidedByIndex += 1;
          expect(await communityFlag(world, racers[1 - loser]?.communityId ?? '')).toBe(1);
        }
        expect(decidedByIndex).toBeGreaterThan(0);
      });

      it('R26: the unique index itself refuses a second verified row for a name', async () => {
        const name = domainName('index');
        const first = await verifiedDomain(acme, name);
        const second = await addDomain(other, domainName('placeholder'));
        await world.deps.db.updateTable('domains').set({ name }).where('id', '=', second.id).execute();
        const now = world.clock.now().toISOString();
        const attempt = markVerified(world.deps.db, other.communityId, second.id, { now, nextCheckAt: now });
        const error = await attempt.then(
          () => null,
          (caught: unknown) => caught,
        );
        expect(uniqueViolation(error)).not.toBeNull();
        expect(first.verified).toBe(true);
      });
    });

    describe('daily re-check', () => {
      it('R26: housekeeping re-checks a verified domain about every 24 hours and unverifies it, audited, once the record is gone', async () => {
        const lone = await newCommunity(world);
        const domain = await verifiedDomain(lone);
        const verifiedAt = world.clock.now().toISOString();

        world.clock.advance(23 * HOUR);
        const asked = dns.queries.length;
        await housekeep(world);
        expect(dns.queries.slice(asked)).not.toContain(domain.name);

        world.clock.advance(HOUR + 60_000);
        await housekeep(world);
        expect(dns.queries.slice(asked)).toContain(domain.name);
        const client = await fresh(world, lone);
        expect((await client.get(`/api/v1/domains/${domain.id}`)).json()).toMatchObject({
          verified: true,
          verifiedAt,
          lastCheckedAt: world.clock.now().toISOString(),
        });

        dns.remove(domain.name);
        world.clock.advance(DAY);
        await housekeep(world);
        expect((await (await fresh(world, lone)).get(`/api/v1/domains/${domain.id}`)).json()).toMatchObject({
          verified: false,
          verifiedAt: null,
        });
        expect(await communityFlag(world, lone.communityId)).toBe(0);
        const ended = await auditOf(world, lone.communityId, 'Domain Unverified');
        expect(ended).toHaveLength(1);
        expect(ended[0]).toMatchObject({ target_id: domain.id, actor_id: null, outcome: 'success' });
        expect(ended[0]?.details).toMatchObject({ reason: 'no_domain', record: domain.txtRecord });
      });

      it('R26: DNS failures do not unverify: retried hourly, and only a week of failures ends the verification', async () => {
        const lone = await newCommunity(world);
        const domain = await verifiedDomain(lone);
        const row = () =>
          world.deps.db
            .selectFrom('domains')
            .selectAll()
            .where('id', '=', domain.id)
            .executeTakeFirstOrThrow();

        dns.fail(domain.name, 'servfail');
        world.clock.advance(DAY + 60_000);
        const failedAt = world.clock.now().toISOString();
        await housekeep(world);
        expect(await row()).toMatchObject({
          failing_since: failedAt,
          next_check_at: new Date(Date.parse(failedAt) + HOUR).toISOString(),
        });
        expect((await row()).verified_at).not.toBeNull();

        // The record answers again: the failure is forgotten.
        dns.setTxt(domain.name, domain.txtRecord);
        world.clock.advance(HOUR);
        await housekeep(world);
        expect(await row()).toMatchObject({ failing_since: null });
        expect((await row()).verified_at).not.toBeNull();

        // A week of failures ends it.
        dns.fail(domain.name, 'servfail');
        world.clock.advance(DAY);
        await housekeep(world);
        expect((await row()).verified_at).not.toBeNull();
        world.clock.advance(6 * DAY + 23 * HOUR);
        await housekeep(world);
        expect((await row()).verified_at).not.toBeNull();
        world.clock.advance(HOUR);
        await housekeep(world);
        expect((await row()).verified_at).toBeNull();
        expect(await communityFlag(world, lone.communityId)).toBe(0);
        const ended = await auditOf(world, lone.communityId, 'Domain Unverified');
        expect(ended.map((e) => [e.details.reason, e.details.dnsError])).toEqual([
          ['dns_failing', 'ESERVFAIL'],
        ]);
      });
    });

    describe('removing', () => {
      it('R26: removing a verified domain ends its effect at once, audited; it is then gone', async () => {
        const lone = await newCommunity(world);
        const domain = await verifiedDomain(lone);
        const removed = await lone.client.delete(`/api/v1/domains/${domain.id}`);
        expect(removed.statusCode).toBe(204);
        expect(await communityFlag(world, lone.communityId)).toBe(0);
        expectProblem(await lone.client.get(`/api/v1/domains/${domain.id}`), 404, 'not_found');
        expectProblem(await lone.client.delete(`/api/v1/domains/${domain.id}`), 404, 'not_found');
        expect((await lone.client.get('/api/v1/domains')).json().items).toEqual([]);
        const events = await auditOf(world, lone.communityId, 'Domain Removed');
        expect(events.map((e) => [e.target_id, e.target_label, e.details.wasVerified])).toEqual([
          [domain.id, domain.name, true],
        ]);
        // The name is free for another community now.
        const next = await verifiedDomain(other, domain.name);
        expect(next.verified).toBe(true);
      });
    });

    describe('access', () => {
      it('R26, R35: only system admins reach domains (403 for account managers, analysts and members), and only their own community’s (404)', async () => {
        const domain = await addDomain(acme, domainName('guarded'));
        const paths: ['GET' | 'POST' | 'DELETE', string, unknown?][] = [
          ['GET', '/api/v1/domains'],
          ['POST', '/api/v1/domains', { name: domainName('sneaky') }],
          ['GET', `/api/v1/domains/${domain.id}`],
          ['POST', `/api/v1/domains/${domain.id}/verify`],
          ['DELETE', `/api/v1/domains/${domain.id}`],
        ];
        for (const role of ['account_manager', 'analyst', 'member'] as const) {
          const email = `${role.replace('_', '-')}-${randomBytes(3).toString('hex')}@people.example`;
          const person = await acme.client.post('/api/v1/people', { email, displayName: `Pat ${role}` });
          expect(person.statusCode, person.body).toBe(201);
          if (role !== 'member') {
            const promoted = await acme.client.put(`/api/v1/people/${person.json().id}/role`, { role });
            expect(promoted.statusCode, promoted.body).toBe(200);
          }
          await activateWithPassword(world, person.json().id, 'violet lantern harbour 42');
          const client = await signIn(world.app, email, 'violet lantern harbour 42', acme.slug);
          for (const [method, url, body] of paths) {
            expectProblem(await client.request(method, url, body), 403, 'forbidden');
          }
        }

        for (const [method, url] of paths.slice(2)) {
          expectProblem(await other.client.request(method, url), 404, 'not_found');
        }
        expect((await other.client.get('/api/v1/domains')).json().items).not.toContainEqual(
          expect.objectContaining({ id: domain.id }),
        );
        expect((await acme.client.get(`/api/v1/domains/${domain.id}`)).statusCode).toBe(200);
      });
    });

    describe('plans and the daily cap (R6)', () => {
      it('R6, R26: on Core with a verified domain the daily cap of new mobile-number accounts is raised, through verify; removing the domain lowers it again', async () => {
        const lone = await newCommunity(world);
        await enablePhoneProfiles(lone.client);
        const limits = async () => (await lone.client.get('/api/v1/limits')).json().phoneAccounts;
        expect(await limits()).toMatchObject({ limit: 100, used: 0 });
        expect((await limits()).howToRaise).toMatch(/Core plan.*Settings → Domains/);

        const batch = await lone.client.post('/api/v1/people/batch', {
          sendInvitations: false,
          people: Array.from({ length: 101 }, (_, i) => ({ phone: mobile(), displayName: `Worker ${i}` })),
        });
        expect(batch.statusCode, batch.body).toBe(200);
        expect(batch.json()).toMatchObject({ created: 100, failed: 1 });
        expect(batch.json().results[100]).toMatchObject({
          status: 'error',
          code: 'phone_account_daily_limit',
        });
        expect(batch.json().results[100].message).toMatch(/Settings → Domains/);

        // A verified domain alone does not raise it on Essentials.
        const domain = await verifiedDomain(lone);
        expect(await limits()).toMatchObject({ limit: 100, used: 100, left: 0 });
        const refused = await lone.client.post('/api/v1/people', {
          phone: mobile(),
          displayName: 'One more',
        });
        expect(expectProblem(refused, 429, 'phone_account_daily_limit').detail).toMatch(
          /On the Core plan, verifying a domain \(Settings → Domains\) raises the limit/,
        );

        await setCommunityPlan({ deps: world.deps, communitySlug: lone.slug, plan: 'core' });
        expect((await lone.client.get('/api/v1/settings')).json()).toMatchObject({
          plan: 'core',
          domainVerified: true,
        });
        expect(await limits()).toMatchObject({ limit: 5000, used: 100, left: 4900 });
        expect((await limits()).howToRaise).toMatch(/highest/);
        const more = await lone.client.post('/api/v1/people/batch', {
          sendInvitations: false,
          people: Array.from({ length: 5 }, (_, i) => ({ phone: mobile(), displayName: `Later ${i}` })),
        });
        expect(more.json()).toMatchObject({ created: 5, failed: 0 });
        expect(await limits()).toMatchObject({ limit: 5000, used: 105 });

        // Without a verified domain, Core is back at the lower cap (already passed today).
        expect((await lone.client.delete(`/api/v1/domains/${domain.id}`)).statusCode).toBe(204);
        expect(await limits()).toMatchObject({ limit: 100, used: 105, left: 0 });
        const again = await lone.client.post('/api/v1/people', { phone: mobile(), displayName: 'Too many' });
        expect(expectProblem(again, 429, 'phone_account_daily_limit').detail).toMatch(
          /verifying a domain in Settings → Domains/,
        );
        expect((await limits()).howToRaise).toMatch(/Settings → Domains/);
      });

      it('R26: `npx muster community set-plan` changes the plan, audited; a wrong plan or community is refused', async () => {
        await ensureBuilt();
        const lone = await newCommunity(world);
        const env = {
          MUSTER_DATABASE_URL: world.db.url,
          MUSTER_SECRET_KEY: randomBytes(32).toString('hex'),
          MUSTER_LOG_LEVEL: 'silent',
        };
        const core = await runCli(['community', 'set-plan', '--community', lone.slug, 'core'], env);
        expect(core.code, core.stderr).toBe(0);
        expect(core.stdout).toContain(`${lone.slug}: essentials → core`);
        expect(core.stdout).toContain('5000 once a system admin verifies a domain in Settings → Domains');
        expect((await lone.client.get('/api/v1/settings')).json().plan).toBe('core');

        const same = await runCli(['community', 'set-plan', '--community', lone.slug, 'CORE'], env);
        expect(same.code, same.stderr).toBe(0);
        expect(same.stdout).toContain('already on core');

        const back = await runCli(['community', 'set-plan', '--community', lone.slug, 'essentials'], env);
        expect(back.code, back.stderr).toBe(0);
        expect((await lone.client.get('/api/v1/settings')).json().plan).toBe('essentials');

        const events = await auditOf(world, lone.communityId, 'Plan Changed');
        expect(events.map((e) => [e.details.from, e.details.to, e.actor_id])).toEqual([
          ['essentials', 'core', null],
          ['core', 'essentials', null],
        ]);

        const wrongPlan = await runCli(['community', 'set-plan', '--community', lone.slug, 'gold'], env);
        expect(wrongPlan.code).toBe(1);
        expect(wrongPlan.stderr).toMatch(/use essentials or core/);
        const wrongCommunity = await runCli(
          ['community', 'set-plan', '--community', 'nowhere-at-all', 'core'],
          env,
        );
        expect(wrongCommunity.code).toBe(1);
        expect(wrongCommunity.stderr).toMatch(/There is no community "nowhere-at-all"/);
      }, 180_000);
    });
  },
  { config: { MUSTER_DNS_SERVERS: dns.servers } },
);

describe('MUSTER_DNS_SERVERS', () => {
  const parse = (value: string) => loadConfig({ MUSTER_DNS_SERVERS: value }).dnsServers;

  it('R26: takes IP addresses with optional ports, comma-separated; unset means the system resolvers', () => {
    expect(loadConfig({}).dnsServers).toBeNull();
    expect(parse('127.0.0.1:5353')).toEqual(['127.0.0.1:5353']);
    expect(parse(' 9.9.9.9 , [2001:db8::53]:53, 2001:db8::1')).toEqual([
      '9.9.9.9',
      '[2001:db8::53]:53',
      '2001:db8::1',
    ]);
  });

  it('R26: refuses host names, bad ports and empty entries, naming the setting', () => {
    for (const value of [
      'dns.google',
      '127.0.0.1:0',
      '127.0.0.1:65536',
      '1.2.3.4,',
      '300.1.1.1',
      '[1.2.3.4]:53',
    ]) {
      expect(() => parse(value), value).toThrow(ConfigError);
      expect(() => parse(value), value).toThrow(/MUSTER_DNS_SERVERS/);
    }
  });
});

describe('domain-name parser (fuzzed)', () => {
  const LDH =
    /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$|^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+xn--[a-z0-9-]+$/;

  /** The parser's answer: the name, or the reason it refused; any other exception fails the property. */
  function attempt(input: string): { name: string } | { refused: string } {
    try {
      return { name: parseDomainName(input) };
    } catch (error) {
      if (error instanceof AppError && error.code === 'domain_invalid') return { refused: error.message };
      throw error;
    }
  }

  it('R26: any input is either refused with domain_invalid or becomes a lower-case LDH name, no IP, that parses to itself', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string({ unit: 'grapheme' }),
          fc.domain().map((d) => d.toUpperCase()),
          fc.webUrl(),
          fc.emailAddress(),
          fc.ipV4(),
          fc.ipV4Extended(),
          fc.ipV6(),
          fc.stringMatching(/^[a-zA-Z0-9.\-%:@/[\]ÄÖÜäöüß。．]{0,40}$/),
        ),
        (input) => {
          const result = attempt(input);
          if ('refused' in result) {
            expect(result.refused.length).toBeGreaterThan(15);
            return;
          }
          expect(result.name).toMatch(LDH);
          expect(result.name).toBe(result.name.toLowerCase());
          expect(result.name.endsWith('.')).toBe(false);
          expect(parseDomainName(result.name)).toBe(result.name);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('R26: a valid name in any case, with a trailing dot and spaces around it, parses to its lower-case form', () => {
    const special = new Set([
      'localhost',
      'local',
      'invalid',
      'test',
      'example',
      'onion',
      'arpa',
      'internal',
      'alt',
    ]);
    fc.assert(
      fc.property(
        fc.domain().filter((d) => !special.has(d.split('.').at(-1) ?? '')),
        fc.boolean(),
        fc.boolean(),
        (domain, dot, upper) => {
          const typed = ` ${upper ? domain.toUpperCase() : domain}${dot ? '.' : ''} `;
          expect(parseDomainName(typed)).toBe(domain.toLowerCase());
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('R26: IP addresses, in every notation, are refused', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.ipV4(),
          fc.ipV4Extended(),
          fc.ipV6(),
          fc.ipV6().map((ip) => `[${ip}]`),
        ),
        (ip) => {
          expect(attempt(ip)).toHaveProperty('refused');
        },
      ),
      { numRuns: 2000 },
    );
  });
});
