import { lazy, Suspense, useEffect } from 'react';
import { t, useSessionLocale } from './i18n';
import { AccessCodePage } from './pages/access-code';
import { ClaimPage } from './pages/claim';
import { DevInboxPage } from './pages/dev-inbox';
import { ForgotPage } from './pages/forgot';
import { LoginPage } from './pages/login';
import { OidcConsentPage } from './pages/oidc-consent';
import { OidcLoginPage } from './pages/oidc-login';
import { ResetPage } from './pages/reset';
import { SecurityPage } from './pages/security';
import { SetupPage } from './pages/setup';
import { Link, match, navigate, useLocation } from './router';
import { canReadReports, mustEnrol, SessionProvider, TWO_STEP_PATH, useSession } from './session';
import { Loading } from './ui/feedback';
import { Shell } from './ui/shell';

// Admin pages load on first use, so a worker on a slow phone downloads only the pages they need.
const AppsPage = lazy(() => import('./pages/apps').then((m) => ({ default: m.AppsPage })));
const AuditPage = lazy(() => import('./pages/audit').then((m) => ({ default: m.AuditPage })));
const DomainsPage = lazy(() => import('./pages/domains').then((m) => ({ default: m.DomainsPage })));
const ImportPage = lazy(() => import('./pages/import').then((m) => ({ default: m.ImportPage })));
const ImportJobPage = lazy(() => import('./pages/import-job').then((m) => ({ default: m.ImportJobPage })));
const IntegrationsPage = lazy(() =>
  import('./pages/integrations').then((m) => ({ default: m.IntegrationsPage })),
);
const InvitationsPage = lazy(() =>
  import('./pages/invitations').then((m) => ({ default: m.InvitationsPage })),
);
const LimitsPage = lazy(() => import('./pages/limits').then((m) => ({ default: m.LimitsPage })));
const LockoutsPage = lazy(() => import('./pages/lockouts').then((m) => ({ default: m.LockoutsPage })));
const AccessCodeSheetPage = lazy(() =>
  import('./pages/access-code-sheet').then((m) => ({ default: m.AccessCodeSheetPage })),
);
const AddPersonPage = lazy(() => import('./pages/add-person').then((m) => ({ default: m.AddPersonPage })));
const PeoplePage = lazy(() => import('./pages/people').then((m) => ({ default: m.PeoplePage })));
const PersonPage = lazy(() => import('./pages/person').then((m) => ({ default: m.PersonPage })));
const SettingsPage = lazy(() => import('./pages/settings').then((m) => ({ default: m.SettingsPage })));
const SmsLogPage = lazy(() => import('./pages/sms-log').then((m) => ({ default: m.SmsLogPage })));
const TwoStepPage = lazy(() => import('./pages/two-step').then((m) => ({ default: m.TwoStepPage })));

export function App() {
  return (
    <SessionProvider>
      <Routes />
    </SessionProvider>
  );
}

/** Pages anyone may open; every other page needs a session and sends the visitor to sign in. */
const PUBLIC = ['/setup', '/login', '/forgot', '/access-code', '/dev/sms'];
/** Signing in to another app with Muster (R60): open to anyone, as the sign-in happens there. */
const isOidcPage = (path: string) => path.startsWith('/oidc-login/') || path.startsWith('/oidc-consent/');
/** What an admin who has not set up their authenticator may open (R40). */
const BEFORE_ENROLMENT = [TWO_STEP_PATH, '/me/security'];

function Routes() {
  const { path } = useLocation();
  const { me, loading } = useSession();
  // Renders the whole app again when the language changes (R61).
  useSessionLocale(me?.person.locale, me?.community.defaultLocale);
  const isPublic =
    PUBLIC.includes(path) || path.startsWith('/claim/') || path.startsWith('/reset/') || isOidcPage(path);
  useEffect(() => {
    if (loading) return;
    if (!me && !isPublic) navigate('/login', { replace: true });
    else if (mustEnrol(me) && !isPublic && !BEFORE_ENROLMENT.includes(path))
      navigate(TWO_STEP_PATH, { replace: true });
    else if (me && path === '/') navigate(canReadReports(me) ? '/people' : '/me/security', { replace: true });
  }, [loading, me, isPublic, path]);

  if (path === '/setup') return <SetupPage />;
  if (path === '/login') return <LoginPage />;
  if (path === '/forgot') return <ForgotPage />;
  if (path === '/access-code') return <AccessCodePage />;
  if (path === '/dev/sms') return <DevInboxPage />;
  const claim = match('/claim/:token', path);
  if (claim?.token) return <ClaimPage token={claim.token} />;
  const reset = match('/reset/:token', path);
  if (reset?.token) return <ResetPage token={reset.token} />;
  const oidcLogin = match('/oidc-login/:uid', path);
  if (oidcLogin?.uid) return <OidcLoginPage uid={oidcLogin.uid} />;
  const oidcConsent = match('/oidc-consent/:uid', path);
  if (oidcConsent?.uid) return <OidcConsentPage uid={oidcConsent.uid} />;
  // Nothing of an admin page loads before enrolment: it would only be refused (and audited).
  if (loading || !me || (mustEnrol(me) && !BEFORE_ENROLMENT.includes(path))) return <Loading />;
  return (
    <Suspense fallback={<Loading />}>
      <SignedInPage path={path} />
    </Suspense>
  );
}

function SignedInPage({ path }: { path: string }) {
  if (path === '/people') return <PeoplePage />;
  if (path === '/people/new') return <AddPersonPage />;
  if (path === '/people/import') return <ImportPage />;
  if (path === '/people/access-codes') return <AccessCodeSheetPage />;
  const importJob = match('/people/import/:id', path);
  if (importJob?.id) return <ImportJobPage id={importJob.id} />;
  const person = match('/people/:id', path);
  if (person?.id) return <PersonPage id={person.id} />;
  if (path === '/invitations') return <InvitationsPage />;
  if (path === '/settings') return <SettingsPage />;
  if (path === '/integrations') return <IntegrationsPage />;
  if (path === '/apps') return <AppsPage />;
  if (path === '/domains') return <DomainsPage />;
  if (path === '/sms') return <SmsLogPage />;
  if (path === '/audit') return <AuditPage />;
  if (path === '/limits') return <LimitsPage />;
  if (path === '/lockouts') return <LockoutsPage />;
  if (path === '/me/security') return <SecurityPage />;
  if (path === TWO_STEP_PATH) return <TwoStepPage />;
  if (path === '/') return <Loading />;
  return (
    <Shell title={t('app.notFound')}>
      <Link href="/">{t('app.goHome')}</Link>
    </Shell>
  );
}
