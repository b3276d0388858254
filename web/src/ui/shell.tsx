import { type ReactNode, useEffect, useRef, useState } from 'react';
import { post } from '../api';
import { t } from '../i18n';
import { Link, navigate, useLocation } from '../router';
import { canReadReports, isAdmin, mustEnrol, useSession } from '../session';
import { LanguagePicker } from './language-picker';

/** The frame of every page: header with navigation, and the page's own content. */
export function Shell({ title, children, narrow }: { title: string; children: ReactNode; narrow?: boolean }) {
  const { me, signedOut } = useSession();
  const { path } = useLocation();
  const [open, setOpen] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title]);
  // Moving focus to the heading tells screen-reader users the page changed.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the page changes
  useEffect(() => {
    heading.current?.focus();
    setOpen(false);
  }, [path]);
  // Until an admin has set up their authenticator, admin pages would only refuse them (R40).
  const reports = canReadReports(me) && !mustEnrol(me);
  const admin = isAdmin(me) && !mustEnrol(me);
  const links: { href: string; label: string; show: boolean }[] = [
    { href: '/people', label: t('nav.people'), show: reports },
    { href: '/invitations', label: t('nav.invitations'), show: admin },
    { href: '/lockouts', label: t('nav.lockouts'), show: admin },
    { href: '/sms', label: t('nav.sms'), show: reports },
    { href: '/audit', label: t('nav.audit'), show: reports },
    { href: '/limits', label: t('nav.limits'), show: reports },
    { href: '/settings', label: t('nav.settings'), show: admin && me?.person.role === 'system_admin' },
    { href: '/domains', label: t('nav.domains'), show: admin && me?.person.role === 'system_admin' },
    { href: '/apps', label: t('nav.apps'), show: admin && me?.person.role === 'system_admin' },
    {
      href: '/integrations',
      label: t('nav.integrations'),
      show: admin && me?.person.role === 'system_admin',
    },
    { href: '/me/security', label: t('nav.security'), show: me !== null },
  ];
  const signOut = async () => {
    await post('/api/v1/auth/logout').catch(() => undefined);
    signedOut();
    navigate('/login');
  };
  return (
    <>
      <a className="skip" href="#main">
        {t('app.skip')}
      </a>
      <header className="top">
        <Link href="/" className="brand">
          {t('app.name')}
          {me ? <span className="community"> · {me.community.name}</span> : null}
        </Link>
        {me ? (
          <>
            <button
              type="button"
              className="menu-toggle"
              aria-expanded={open}
              aria-controls="main-nav"
              onClick={() => setOpen(!open)}
            >
              {t('app.menu')}
            </button>
            <nav id="main-nav" className={open ? 'open' : undefined} aria-label={t('app.menu')}>
              <ul>
                {links
                  .filter((link) => link.show)
                  .map((link) => (
                    <li key={link.href}>
                      <Link href={link.href} aria-current={path.startsWith(link.href) ? 'page' : undefined}>
                        {link.label}
                      </Link>
                    </li>
                  ))}
                <li>
                  <button type="button" className="link-button" onClick={signOut}>
                    {t('app.signOut')}
                  </button>
                </li>
              </ul>
            </nav>
          </>
        ) : (
          <LanguagePicker />
        )}
      </header>
      <main id="main" className={narrow ? 'narrow' : undefined}>
        <h1 ref={heading} tabIndex={-1}>
          {title}
        </h1>
        {children}
      </main>
      {/* Signed in, a person's own language (their profile) decides; without one they may choose. */}
      {me && !me.person.locale ? (
        <footer className="page-footer">
          <LanguagePicker />
        </footer>
      ) : null}
    </>
  );
}
