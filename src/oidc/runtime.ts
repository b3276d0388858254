import type Provider from 'oidc-provider';
import { createProvider, type OidcDeps } from './provider.js';
import { installProviderHooks, type ProviderLog } from './provider-hooks.js';
import { loadSigningKeys, publishedKeyIds } from './signing-keys.js';

/** How often a server looks whether `muster oidc rotate-keys` (or another server) changed the keys. */
const KEY_CHECK_INTERVAL_MS = 30_000;

/** The provider this server answers with, rebuilt when the signing keys change. */
export interface OidcRuntime {
  provider(): Promise<Provider>;
  /** Reads the keys again now (after a rotation in this process; tests). */
  refresh(): Promise<void>;
}

/**
 * The library takes its keys when it is built, so a rotation means a new provider. Every record
 * it keeps is in the database, so swapping it loses nothing: the next request meets the new one.
 * Built at first use (the server asks at start, which makes the first key if there is none).
 */
export function createOidcRuntime(deps: OidcDeps, log: ProviderLog): OidcRuntime {
  type Built = { provider: Provider; keyIds: string };
  const build = async (): Promise<Built> => {
    const keys = await loadSigningKeys(deps);
    const provider = createProvider(deps, keys);
    installProviderHooks(provider, deps, log);
    return { provider, keyIds: keys.map((key) => key.kid).join(' ') };
  };
  let current: Promise<Built> | null = null;
  let checkedAt = 0;
  let checking: Promise<void> | null = null;
  const start = () => {
    const attempt = build();
    current = attempt;
    // A failed build (the database away for a moment) is tried again by the next request.
    attempt.catch(() => {
      if (current === attempt) current = null;
    });
    return attempt;
  };
  const refresh = async () => {
    checkedAt = deps.clock.now().getTime();
    const built = current ? await current.catch(() => null) : null;
    if (!built || (await publishedKeyIds(deps)) !== built.keyIds) await start();
  };
  return {
    async provider() {
      if (!current) {
        checkedAt = deps.clock.now().getTime();
        return (await start()).provider;
      }
      if (deps.clock.now().getTime() - checkedAt > KEY_CHECK_INTERVAL_MS) {
        checking ??= refresh().finally(() => {
          checking = null;
        });
        await checking;
      }
      return (await (current ?? start())).provider;
    },
    refresh,
  };
}
