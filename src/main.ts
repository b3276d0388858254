import { buildApp } from './app.js';
import { systemClock } from './clock.js';
import { type Config, isLocalUrl } from './config.js';
import { loadSecretKey } from './crypto/secret-key.js';
import { createSecrets } from './crypto/secrets.js';
import type { Deps } from './deps.js';
import { runHousekeeping } from './housekeeping.js';
import { createImportWorker } from './imports/worker.js';
import { sendDueReminders } from './invitations/reminders.js';
import { createMailer } from './mail/create-mailer.js';
import { startLogoutDelivery } from './oidc/logout-worker.js';
import { createDispatcher } from './outbox/dispatcher.js';
import { createOutboxSignal } from './outbox/outbox-signal.js';
import { issueSetupLinkIfEmpty } from './setup/setup.service.js';
import { createSmsProvider } from './sms/providers/index.js';
import { migrateToLatest, openDatabase } from './storage/db.js';
import { createThrottle } from './throttle/create-throttle.js';

/** How often the dispatcher, between rounds, sends due reminders and sweeps expired rows. */
const PERIODIC_INTERVAL_MS = 60_000;

/** Opens the database, migrates, and gathers what every part needs. */
export async function openDeps(
  config: Config,
  print: (line: string) => void,
): Promise<{ deps: Deps; close: () => Promise<void> }> {
  const secrets = createSecrets(loadSecretKey(config));
  const storage = openDatabase(config.databaseUrl);
  await migrateToLatest(storage.db);
  const sms = createSmsProvider(config, () => systemClock.now(), print);
  const mail = createMailer(config.mail, () => systemClock.now(), print);
  return {
    deps: {
      db: storage.db,
      clock: systemClock,
      config,
      sms,
      mail,
      outbox: createOutboxSignal(),
      throttle: createThrottle({ db: storage.db, clock: systemClock }),
      secrets,
    },
    close: async () => {
      await mail.close();
      await storage.close();
    },
  };
}

/**
 * The outbox dispatcher; between rounds, at most once a minute, it also sends due reminders
 * (R13), sweeps expired rows and re-checks verified domains (R26). Beside it runs the import
 * worker (R54). Used inside the server and alone by `muster dispatch`.
 */
export function startDispatcher(deps: Deps, onError: (error: unknown) => void) {
  let lastPeriodic = 0;
  const dispatcher = createDispatcher(
    deps,
    { sms: deps.sms, email: deps.mail },
    {
      onError,
      onIdle: async () => {
        if (Date.now() - lastPeriodic < PERIODIC_INTERVAL_MS) return;
        lastPeriodic = Date.now();
        await sendDueReminders({ deps });
        await runHousekeeping(deps);
      },
    },
  );
  dispatcher.start();
  // Import jobs (R54) run where texts are sent: every process that dispatches also imports.
  const imports = createImportWorker(deps, { onError });
  imports.start();
  return {
    ...dispatcher,
    async stop() {
      await imports.stop();
      await dispatcher.stop();
    },
  };
}

/** The only place that listens: open the database, migrate, build the app, serve. */
export async function serve(config: Config): Promise<() => Promise<void>> {
  const print = (line: string) => process.stdout.write(`${line}\n`);
  const { deps, close } = await openDeps(config, print);
  const app = await buildApp(deps);
  await app.listen({ port: config.port, host: config.host });
  const logouts = startLogoutDelivery(deps, app.oidc, (error) =>
    app.log.error({ err: error }, 'OpenID logout'),
  );
  const dispatcher =
    config.dispatcher === 'inline'
      ? startDispatcher(deps, (error) => app.log.error({ err: error }, 'outbox dispatcher'))
      : null;
  if (config.sms.provider === 'console') {
    print(
      !isLocalUrl(config.publicUrl)
        ? 'WARNING: MUSTER_SMS_PROVIDER is console: no text reaches a phone (nor is printed, as texts hold links and codes). Set MUSTER_SMS_PROVIDER.'
        : config.devInbox
          ? `Texts go to this console and to the development inbox, ${config.publicUrl}/dev/sms; set MUSTER_SMS_PROVIDER to reach phones.`
          : 'Texts go to this console; set MUSTER_SMS_PROVIDER to reach phones.',
    );
  }
  if (config.mail.transport === 'console') {
    print(
      !isLocalUrl(config.publicUrl)
        ? 'WARNING: MUSTER_SMTP_URL is not set: no email reaches anyone (nor is printed, as emails hold links). Set MUSTER_SMTP_URL.'
        : 'Emails go to this console and the development inbox; set MUSTER_SMTP_URL to reach inboxes.',
    );
  }
  const setupLink = await issueSetupLinkIfEmpty(deps);
  // Printed to the console only: whoever holds the link can create the first admin.
  print(`\nMuster is running at ${config.publicUrl}`);
  if (setupLink) print(`Finish setting up in your browser:\n\n  ${setupLink}\n`);
  let closing: Promise<void> | undefined;
  return () => {
    closing ??= (async () => {
      await dispatcher?.stop();
      await logouts.stop();
      await app.close();
      await close();
    })();
    return closing;
  };
}
