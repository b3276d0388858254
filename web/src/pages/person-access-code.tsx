import { useState } from 'react';
import { type AccessCodeStatus, del, get, type IssuedAccessCode, type Person, post } from '../api';
import { formatTime, t } from '../i18n';
import { navigate } from '../router';
import { useSession } from '../session';
import { Alert, Button, ErrorAlert } from '../ui/feedback';
import { CopyField } from '../ui/forms';
import { useAction, useLoad } from '../ui/hooks';
import { handOverSheet } from './access-code-sheet-store';

/**
 * A person with neither email nor phone gets in with an access code (R21): this section makes
 * one (shown once, here), says whether the last one is still good, and cancels it.
 */
export function AccessCodeSection({ person, onChange }: { person: Person; onChange: () => unknown }) {
  const { me } = useSession();
  const status = useLoad(() => get<AccessCodeStatus>(`/api/v1/people/${person.id}/access-code`), [person.id]);
  const [issued, setIssued] = useState<IssuedAccessCode | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const make = useAction(async () => {
    const live = status.data?.state === 'active';
    if (live && !window.confirm(t('codes.confirmNew', { name: person.displayName }))) return;
    setNotice(null);
    setIssued(await post<IssuedAccessCode>(`/api/v1/people/${person.id}/access-code`));
    await Promise.all([status.reload(), onChange()]);
  });
  const revoke = useAction(async () => {
    await del(`/api/v1/people/${person.id}/access-code`);
    setIssued(null);
    setNotice(t('codes.revoked'));
    await status.reload();
  });
  const printCard = (code: IssuedAccessCode) => {
    handOverSheet({
      sheet: {
        community: { name: me?.community.name ?? '', slug: me?.community.slug ?? '' },
        done: 1,
        failed: 0,
        results: [{ id: person.id, status: 'done', person, ...code }],
      },
      names: {},
    });
    navigate('/people/access-codes');
  };
  const enabled = me?.community.accessCodeProfilesEnabled ?? false;
  const state = status.data?.state;
  return (
    <section className="card" aria-labelledby="access-code-title">
      <h2 id="access-code-title">{t('codes.title')}</h2>
      <p>{t('codes.intro')}</p>
      {status.data && state ? (
        <p>{t(`codes.state.${state}`, { when: formatTime(status.data.usedAt ?? status.data.expiresAt) })}</p>
      ) : null}
      {enabled ? null : <Alert kind="info">{t('codes.off')}</Alert>}
      {notice ? <Alert kind="success">{notice}</Alert> : null}
      {issued ? <ShownOnce person={person} code={issued} onPrint={() => printCard(issued)} /> : null}
      <ErrorAlert error={make.error ?? revoke.error ?? status.error} />
      <div className="actions">
        <Button kind="secondary" busy={make.busy} disabled={!enabled} onClick={() => make.run()}>
          {state === 'none' || state === undefined ? t('codes.get') : t('codes.getNew')}
        </Button>
        {state === 'active' ? (
          <Button kind="danger" busy={revoke.busy} onClick={() => revoke.run()}>
            {t('codes.revoke')}
          </Button>
        ) : null}
      </div>
    </section>
  );
}

function ShownOnce({
  person,
  code,
  onPrint,
}: {
  person: Person;
  code: IssuedAccessCode;
  onPrint: () => void;
}) {
  const page = code.redeemUrl.split('?')[0] ?? '';
  return (
    <Alert kind="success">
      <p>{t('codes.shownOnce', { name: person.displayName, when: formatTime(code.expiresAt) })}</p>
      <CopyField
        label={t('codes.label', { name: person.displayName })}
        value={code.accessCode}
        copyLabel={t('codes.copy')}
        testId="access-code"
        hint={t(code.purpose === 'recovery' ? 'codes.recoveryHint' : 'codes.claimHint', { url: page })}
      />
      <Button kind="secondary" onClick={onPrint}>
        {t('codes.printCard')}
      </Button>
    </Alert>
  );
}
