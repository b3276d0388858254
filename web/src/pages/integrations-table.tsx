import { type ApiTokenView, get, type Person } from '../api';
import { formatTime, t } from '../i18n';
import { Button } from '../ui/feedback';
import { useLoad } from '../ui/hooks';
import { TableWrap } from '../ui/table';

/** The names of the people who made the tokens, so a leaver's tokens are easy to find. */
export function useMakers(items: readonly ApiTokenView[]): ReadonlyMap<string, string> {
  const ids = [...new Set(items.flatMap((token) => (token.createdBy ? [token.createdBy] : [])))].sort();
  const makers = useLoad(async () => {
    const people = await Promise.all(ids.map((id) => get<Person>(`/api/v1/people/${id}`).catch(() => null)));
    return new Map(people.flatMap((person) => (person ? [[person.id, person.displayName] as const] : [])));
  }, [ids]);
  return makers.data ?? new Map();
}

/** The community's tokens, told apart by their last four characters, with when and where last used. */
export function TokenTable({
  items,
  makers,
  busy,
  onRevoke,
}: {
  items: ApiTokenView[];
  makers: ReadonlyMap<string, string>;
  busy: boolean;
  onRevoke: (token: ApiTokenView) => unknown;
}) {
  const now = Date.now();
  return (
    <TableWrap label={t('integrations.listTitle')}>
      <table aria-busy={busy}>
        <thead>
          <tr>
            <th scope="col">{t('integrations.colName')}</th>
            <th scope="col">{t('integrations.colScopes')}</th>
            <th scope="col">{t('integrations.colToken')}</th>
            <th scope="col">{t('integrations.colCreated')}</th>
            <th scope="col">{t('integrations.colLastUsed')}</th>
            <th scope="col">{t('integrations.colExpires')}</th>
            <th scope="col">{t('integrations.colStatus')}</th>
            <th scope="col">{t('integrations.colAction')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((token) => (
            <TokenRow
              key={token.id}
              token={token}
              maker={token.createdBy ? makers.get(token.createdBy) : undefined}
              now={now}
              busy={busy}
              onRevoke={onRevoke}
            />
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

function TokenRow({
  token,
  maker,
  now,
  busy,
  onRevoke,
}: {
  token: ApiTokenView;
  maker: string | undefined;
  now: number;
  busy: boolean;
  onRevoke: (token: ApiTokenView) => unknown;
}) {
  const status = token.revokedAt
    ? 'revoked'
    : token.expiresAt && Date.parse(token.expiresAt) <= now
      ? 'expired'
      : 'active';
  return (
    <tr>
      <th scope="row" className="token-name">
        {token.name}
        {token.createdBy === null ? (
          <span className="hint">{t('integrations.madeOnServer')}</span>
        ) : maker ? (
          <span className="hint">{t('integrations.madeBy', { name: maker })}</span>
        ) : null}
      </th>
      <td>
        <span className="scopes">
          {token.scopes.map((scope) => (
            <span key={scope} className="badge">
              {t(`integrations.scope.${scope}`)}
            </span>
          ))}
        </span>
      </td>
      <td className="nowrap">
        <code>…{token.hint}</code>
      </td>
      <td>{formatTime(token.createdAt)}</td>
      <td>
        {token.lastUsedAt ? formatTime(token.lastUsedAt) : t('integrations.neverUsed')}
        {token.lastUsedIp ? (
          <span className="hint login">{t('integrations.fromIp', { ip: token.lastUsedIp })}</span>
        ) : null}
      </td>
      <td>{token.expiresAt ? formatTime(token.expiresAt) : t('integrations.neverExpires')}</td>
      <td>
        <span className={`badge ${status === 'active' ? 'badge-active' : 'badge-deactivated'}`}>
          {t(`integrations.status.${status}`)}
        </span>
        {token.revokedAt ? (
          <span className="hint">{t('integrations.revokedAt', { when: formatTime(token.revokedAt) })}</span>
        ) : null}
      </td>
      <td>
        {token.revokedAt ? (
          '—'
        ) : (
          <Button
            kind="danger"
            busy={busy}
            aria-label={t('integrations.revokeFor', { name: token.name })}
            onClick={() => onRevoke(token)}
          >
            {t('integrations.revoke')}
          </Button>
        )}
      </td>
    </tr>
  );
}
