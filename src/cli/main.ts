import { Command, InvalidArgumentError } from 'commander';
import { ConfigError, loadConfig } from '../config.js';
import { setCommunityPlan } from '../domains/set-plan.js';
import { AppError } from '../errors.js';
import { openDeps, serve, startDispatcher } from '../main.js';
import { resetAdminSecondFactor } from '../second-factor/operator-reset.js';
import { createCommunityWithAdmin, firstAdminSchema, newCommunitySchema } from '../setup/create-community.js';
import { migrateDown, migrateToLatest, openDatabase } from '../storage/db.js';
import { createTokenAsOperator } from '../tokens/operator-token.js';
import { registerOidcCommands } from './oidc.js';
import { registerPeopleCommands } from './people.js';

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

async function withStorage<T>(run: (storage: ReturnType<typeof openDatabase>) => Promise<T>): Promise<T> {
  const storage = openDatabase(loadConfig().databaseUrl);
  try {
    return await run(storage);
  } finally {
    await storage.close();
  }
}

const program = new Command()
  .name('muster')
  .description(
    'Muster: accounts for workforces without company email. Settings come from MUSTER_* environment variables.',
  );

program
  .command('serve', { isDefault: true })
  .description('migrate the database and start the server')
  .action(async () => {
    const stop = await serve(loadConfig());
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.once(signal, () => {
        stop().then(
          () => process.exit(0),
          () => process.exit(1),
        );
      });
    }
  });

program
  .command('migrate')
  .description('bring the database schema up to date (or undo the newest migration with --down)')
  .option('--down', 'undo the newest migration (development only)')
  .action(async (options: { down?: boolean }) => {
    const names = await withStorage(async ({ db }) => (options.down ? migrateDown(db) : migrateToLatest(db)));
    process.stdout.write(
      names.length ? `${options.down ? 'Reverted' : 'Applied'}: ${names.join(', ')}\n` : 'Nothing to do.\n',
    );
  });

program
  .command('dispatch')
  .description(
    'drain the SMS outbox and send reminders, apart from the server (set MUSTER_DISPATCHER=off there)',
  )
  .action(async () => {
    const config = loadConfig();
    const { deps, close } = await openDeps(config, (line) => process.stdout.write(`${line}\n`));
    const dispatcher = startDispatcher(deps, (error) =>
      process.stderr.write(`SMS dispatcher: ${String(error)}\n`),
    );
    process.stdout.write(`Dispatching texts through ${config.sms.provider}. Stop with Ctrl+C.\n`);
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.once(signal, () => {
        dispatcher
          .stop()
          .then(close)
          .then(
            () => process.exit(0),
            () => process.exit(1),
          );
      });
    }
  });

const country = (value: string) => {
  if (!/^[A-Za-z]{2}$/.test(value))
    throw new InvalidArgumentError('use a two-letter country code such as GB');
  return value.toUpperCase();
};

program
  .command('setup')
  .description('create a community and its first system admin without a browser')
  .requiredOption('--community <name>', 'the community (company) name')
  .requiredOption('--slug <slug>', 'short name used in addresses, such as acme')
  .option('--admin-email <email>', "the admin's email address (login)")
  .option('--admin-phone <number>', "the admin's mobile number (login), if no email")
  .requiredOption('--admin-password <password>', "the admin's password (at least 8 characters)")
  .option('--admin-name <name>', "the admin's display name", 'Administrator')
  .option('--time-zone <zone>', 'IANA time zone of the community', 'UTC')
  .option('--country <code>', 'country of most mobile numbers', country, 'US')
  .option('--plan <plan>', 'essentials or core', 'essentials')
  .action(async (o: Record<string, string | undefined>) => {
    const community = newCommunitySchema.safeParse({
      name: o.community,
      slug: o.slug,
      plan: o.plan,
      timeZone: o.timeZone,
      defaultCountry: o.country,
    });
    const admin = firstAdminSchema.safeParse({
      displayName: o.adminName,
      email: o.adminEmail,
      phone: o.adminPhone,
      password: o.adminPassword,
    });
    if (!community.success || !admin.success) {
      const issues = [...(community.error?.issues ?? []), ...(admin.error?.issues ?? [])];
      fail(`Setup needs fixing:\n${issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`).join('\n')}`);
    }
    const { deps, close } = await openDeps(loadConfig(), () => undefined);
    const created = await createCommunityWithAdmin({
      deps,
      community: community.data,
      admin: admin.data,
      meta: { ip: null, requestId: 'cli', userAgent: 'muster-cli' },
    }).finally(close);
    process.stdout.write(
      `Created community "${created.community.name}" (${created.community.slug}) with system admin ${created.admin.email ?? created.admin.phone}.\n`,
    );
  });

const token = program
  .command('token')
  .description('API tokens for identity providers (SCIM) and scripts (REST)');

token
  .command('create')
  .description('make an API token (R27); the token is printed alone on the last line, once')
  .requiredOption('--community <slug>', 'the community, by its short name')
  .option('--scope <scope...>', 'scim and/or rest', ['scim'])
  .option('--name <name>', 'what it is for', 'Created on the command line')
  .option('--expires-days <days>', 'expire after this many days', (value) => {
    if (!/^\d+$/.test(value) || Number(value) < 1)
      throw new InvalidArgumentError('use a number of days, such as 365');
    return Number(value);
  })
  .action(async (o: { community: string; scope: string[]; name: string; expiresDays?: number }) => {
    const scopes = o.scope.flatMap((s) => s.split(',')).map((s) => s.trim().toLowerCase());
    const unknown = scopes.filter((s) => s !== 'scim' && s !== 'rest');
    if (unknown.length > 0) fail(`Unknown scope ${unknown.join(', ')}: use scim and/or rest.`);
    const { deps, close } = await openDeps(loadConfig(), () => undefined);
    try {
      const { secret } = await createTokenAsOperator({
        deps,
        communitySlug: o.community,
        name: o.name,
        scopes: scopes as ('scim' | 'rest')[],
        expiresInDays: o.expiresDays,
      });
      process.stdout.write(
        `API token for ${o.community} (${scopes.join(', ')}). It is shown once; store it now:\n${secret}\n`,
      );
    } finally {
      await close();
    }
  });

const admin = program.command('admin').description("operator's tools for administrator accounts");

admin
  .command('reset-totp')
  .description(
    "remove an admin's authenticator (R40), so they set one up again at their next sign-in; audited",
  )
  .requiredOption('--community <slug>', 'the community, by its short name')
  .option('--email <email>', "the admin's email address")
  .option('--phone <number>', "the admin's mobile number")
  .action(async (o: { community: string; email?: string; phone?: string }) => {
    if ((o.email === undefined) === (o.phone === undefined))
      fail('Give the admin with --email or --phone (one of them).');
    const { deps, close } = await openDeps(loadConfig(), () => undefined);
    try {
      const person = await resetAdminSecondFactor({
        deps,
        communitySlug: o.community,
        login: o.email !== undefined ? { email: o.email } : { phone: o.phone ?? '' },
      });
      process.stdout.write(
        `Removed the authenticator of ${person.displayName}. They will set up a new one when they next sign in.\n`,
      );
    } finally {
      await close();
    }
  });

const community = program.command('community').description("operator's tools for communities");

community
  .command('set-plan')
  .description(
    'move a community to the essentials or core plan (on core, a verified domain raises R6); audited',
  )
  .requiredOption('--community <slug>', 'the community, by its short name')
  .argument('<plan>', 'essentials or core')
  .action(async (plan: string, o: { community: string }) => {
    const chosen = plan.trim().toLowerCase();
    if (chosen !== 'essentials' && chosen !== 'core') fail(`Unknown plan "${plan}": use essentials or core.`);
    const { deps, close } = await openDeps(loadConfig(), () => undefined);
    try {
      const { community: changed, previous } = await setCommunityPlan({
        deps,
        communitySlug: o.community,
        plan: chosen,
      });
      const { phoneAccountsPerDay, phoneAccountsPerDayVerified } = deps.config.limits;
      const limit =
        changed.plan === 'core' && changed.domainVerified ? phoneAccountsPerDayVerified : phoneAccountsPerDay;
      process.stdout.write(
        `${previous === changed.plan ? `${changed.slug} is already on ${changed.plan}` : `${changed.slug}: ${previous} → ${changed.plan}`}. New mobile-number accounts per day: ${limit}${
          changed.plan === 'core' && !changed.domainVerified
            ? ` (${phoneAccountsPerDayVerified} once a system admin verifies a domain in Settings → Domains)`
            : ''
        }.\n`,
      );
    } finally {
      await close();
    }
  });

registerOidcCommands(program);
registerPeopleCommands(program);

program.parseAsync().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof AppError) fail(error.message);
  fail(error instanceof Error ? (error.stack ?? error.message) : String(error));
});
