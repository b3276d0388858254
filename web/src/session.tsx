import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from 'react';
import { ApiError, get, onApiError, type SignedIn, setCsrfToken } from './api';
import { navigate } from './router';

/** Where an admin sets up their authenticator app (R40), before any admin page. */
export const TWO_STEP_PATH = '/me/security/two-step';

interface SessionState {
  me: SignedIn | null;
  loading: boolean;
  signedIn(me: SignedIn): void;
  refresh(): Promise<void>;
  signedOut(): void;
}

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<SignedIn | null>(null);
  const [loading, setLoading] = useState(true);
  const signedIn = useCallback((value: SignedIn) => {
    setCsrfToken(value.csrfToken);
    setMe(value);
  }, []);
  const signedOut = useCallback(() => {
    setCsrfToken(null);
    setMe(null);
  }, []);
  const refresh = useCallback(async () => {
    try {
      signedIn(await get<SignedIn>('/api/v1/me'));
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) signedOut();
      else throw error;
    } finally {
      setLoading(false);
    }
  }, [signedIn, signedOut]);
  useEffect(() => {
    refresh().catch(() => setLoading(false));
  }, [refresh]);
  // An admin whose community just began to require a second factor learns it from a refusal.
  useEffect(
    () =>
      onApiError((error) => {
        if (error.code !== 'totp_enrollment_required') return;
        setMe((value) => (value ? { ...value, secondFactor: 'enrollment_required' } : value));
        navigate(TWO_STEP_PATH);
      }),
    [],
  );
  return (
    <SessionContext.Provider value={{ me, loading, signedIn, refresh, signedOut }}>
      {children}
    </SessionContext.Provider>
  );
}

export function useSession(): SessionState {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** An admin who must set up an authenticator before anything else (R40). */
export const mustEnrol = (me: SignedIn | null) => me?.secondFactor === 'enrollment_required';

export const isAdmin = (me: SignedIn | null) =>
  me?.person.role === 'system_admin' || me?.person.role === 'account_manager';
export const canReadReports = (me: SignedIn | null) => isAdmin(me) || me?.person.role === 'analyst';
