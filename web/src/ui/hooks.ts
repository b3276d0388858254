import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api';
import { fieldRefusalText, refusalText } from './refusal-text';

/** Loads data for a page and reloads it on demand; keeps the last data while reloading (no jumps). */
export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(true);
  const generation = useRef(0);
  const latest = useRef(load);
  latest.current = load;
  const reload = useCallback(async () => {
    const mine = ++generation.current;
    setLoading(true);
    try {
      const value = await latest.current();
      if (mine === generation.current) {
        setData(value);
        setError(null);
      }
    } catch (caught) {
      if (mine === generation.current) setError(asApiError(caught));
    } finally {
      if (mine === generation.current) setLoading(false);
    }
  }, []);
  const key = JSON.stringify(deps);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the loader runs again whenever what it reads (deps) changes
  useEffect(() => {
    void reload();
  }, [reload, key]);
  return { data, error, loading, reload, setData };
}

/** Runs an action from a button or form: busy while running, its error kept for display. */
export function useAction<A extends unknown[], T>(action: (...args: A) => Promise<T>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const run = useCallback(
    async (...args: A): Promise<T | undefined> => {
      setBusy(true);
      setError(null);
      try {
        return await action(...args);
      } catch (caught) {
        setError(asApiError(caught));
        return undefined;
      } finally {
        setBusy(false);
      }
    },
    [action],
  );
  return { run, busy, error, setError };
}

function asApiError(error: unknown): ApiError {
  return error instanceof ApiError
    ? error
    : new ApiError(0, 'error', error instanceof Error ? error.message : String(error));
}

/** The message a field should show, from an API error naming it (`body.phone` → phone). */
export function fieldError(error: ApiError | null, field: string): string | undefined {
  const problem = error?.errors.find(
    (e) => e.path === `body.${field}` || e.path === field || e.path.endsWith(`.${field}`),
  );
  return error && problem ? fieldRefusalText(error, problem) : undefined;
}

const SECOND_FACTOR_REFUSALS = ['totp_required', 'totp_invalid', 'second_factor_required'];

/** The server's own words about a missing or wrong authenticator code, for the code's field. */
export function secondFactorError(error: ApiError | null): string | undefined {
  return error && SECOND_FACTOR_REFUSALS.includes(error.code) ? refusalText(error) : undefined;
}
