import { buildApp } from './app.js';
import { systemClock } from './clock.js';
import type { Config } from './config.js';
import type { Deps } from './context.js';
import { issueSetupLinkIfEmpty } from './setup/setup.service.js';
import { migrateToLatest, openDatabase } from './storage/db.js';

/** The only place that listens: open the database, migrate, build the app, serve. */
export async function serve(config: Config): Promise<() => Promise<void>> {
  const storage = openDatabase(config.databaseUrl);
  await migrateToLatest(storage.db);
  const deps: Deps = { db: storage.db, dialect: storage.dialect, clock: systemClock, config };
  const app = await buildApp(deps);
  await app.listen({ port: config.port, host: config.host });
  const setupLink = await issueSetupLinkIfEmpty(deps);
  if (setupLink) {
    // Printed to the console only: whoever holds it can create the first admin.
    process.stdout.write(
      `\nMuster is running at ${config.publicUrl}\nFinish setting up in your browser:\n\n  ${setupLink}\n\n`,
    );
  } else {
    process.stdout.write(`\nMuster is running at ${config.publicUrl}\n`);
  }
  let closing: Promise<void> | undefined;
  return () => {
    closing ??= app.close().then(() => storage.close());
    return closing;
  };
}
