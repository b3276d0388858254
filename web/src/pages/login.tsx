import { type FormEvent, useState } from 'react';
import { post, type SignedIn } from '../api';
import { t } from '../i18n';
import { Link, navigate } from '../router';
import { useSession } from '../session';
import { Button, ErrorAlert } from '../ui/feedback';
import { Field } from '../ui/forms';
import { useAction } from '../ui/hooks';
import { Shell } from '../ui/shell';

export function LoginPage() {
  const { signedIn } = useSession();
  const [identifier, setIdentifier] = useState('');
  const [password, setPassword] = useState('');
  const [community, setCommunity] = useState(
    () => new URLSearchParams(location.search).get('community') ?? '',
  );
  const [askCommunity, setAskCommunity] = useState(community !== '');
  const submit = useAction(async () => {
    const me = await post<SignedIn>('/api/v1/auth/login', {
      identifier,
      password,
      ...(community ? { community } : {}),
    });
    signedIn(me);
    navigate('/');
  });
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    await submit.run();
  };
  if (submit.error?.code === 'community_required' && !askCommunity) setAskCommunity(true);
  return (
    <Shell title={t('login.title')} narrow>
      <form onSubmit={onSubmit} noValidate>
        <Field
          label={t('login.identifier')}
          hint={t('login.identifierHint')}
          value={identifier}
          onChange={(event) => setIdentifier(event.target.value)}
          autoComplete="username"
          autoCapitalize="none"
          required
          autoFocus
        />
        <Field
          label={t('login.password')}
          type="password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          autoComplete="current-password"
          required
        />
        {askCommunity ? (
          <Field
            label={t('login.community')}
            hint={t('login.communityHint')}
            value={community}
            onChange={(event) => setCommunity(event.target.value)}
            autoCapitalize="none"
          />
        ) : null}
        <ErrorAlert error={submit.error} />
        <Button type="submit" busy={submit.busy}>
          {t('login.submit')}
        </Button>
      </form>
      <p>
        <Link href="/forgot">{t('login.forgot')}</Link>
      </p>
    </Shell>
  );
}
