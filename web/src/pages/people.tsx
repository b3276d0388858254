import { useEffect, useState } from 'react';
import { type BulkResult, get, type Page, type Person, post, query, type State } from '../api';
import { t } from '../i18n';
import { Link } from '../router';
import { isAdmin, useSession } from '../session';
import { Alert, Button, ErrorAlert, Loading, StateBadge } from '../ui/feedback';
import { Select } from '../ui/forms';
import { useAction, useLoad } from '../ui/hooks';
import { Pager, useCursorPages } from '../ui/pager';
import { Shell } from '../ui/shell';

const STATES: State[] = ['active', 'invited', 'not_invited', 'deactivated'];
const PAGE_SIZE = 50;

interface Counts {
  total: number;
  byState: Record<State, number>;
}

/** People: server-side paging, search and filters, so it stays quick with 100,000 people. */
export function PeoplePage() {
  const { me } = useSession();
  const admin = isAdmin(me);
  const [q, setQ] = useState('');
  const [search, setSearch] = useState('');
  const [state, setState] = useState<State | ''>('');
  const [kind, setKind] = useState('');
  // Cursors of the pages before this one, so "Previous" can go back.
  const pages = useCursorPages();
  const cursor = pages.cursor;
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [outcome, setOutcome] = useState<string | null>(null);

  // Wait for a pause in typing before searching.
  useEffect(() => {
    const timer = setTimeout(() => setSearch(q.trim()), 250);
    return () => clearTimeout(timer);
  }, [q]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new filter starts from the first page
  useEffect(() => {
    pages.first();
    setSelected(new Set());
  }, [search, state, kind]);

  const counts = useLoad(() => get<Counts>('/api/v1/people/counts'), []);
  const people = useLoad(
    () => get<Page<Person>>(`/api/v1/people${query({ q: search, state, kind, cursor, limit: PAGE_SIZE })}`),
    [search, state, kind, cursor],
  );

  const bulk = useAction(async (action: 'remind' | 'unclaim' | 'deactivate') => {
    const ids = [...selected];
    if (action === 'unclaim' && !window.confirm(t('people.confirmUnclaim', { count: ids.length }))) return;
    if (action === 'deactivate' && !window.confirm(t('people.confirmDeactivate', { count: ids.length })))
      return;
    const result = await post<BulkResult>(`/api/v1/people/${action}`, { ids });
    const reasons = [...new Set(result.results.filter((r) => r.status === 'error').map((r) => r.message))];
    setOutcome([t('people.bulkDone', { done: result.done, failed: result.failed }), ...reasons].join(' '));
    setSelected(new Set());
    await Promise.all([people.reload(), counts.reload()]);
  });

  const items = people.data?.items ?? [];
  const allSelected = items.length > 0 && items.every((p) => selected.has(p.id));
  const toggle = (id: string) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setSelected(next);
  };

  return (
    <Shell title={t('people.title')}>
      {admin ? (
        <div className="actions">
          <Link className="button primary" href="/people/new">
            {t('people.add')}
          </Link>
          <Link className="button secondary" href="/people/import">
            {t('people.addMany')}
          </Link>
        </div>
      ) : null}
      <fieldset className="tabs">
        <legend className="visually-hidden">{t('people.filterState')}</legend>
        <button type="button" aria-pressed={state === ''} onClick={() => setState('')}>
          {t('people.all')} <span className="count">{counts.data?.total ?? '…'}</span>
        </button>
        {STATES.map((s) => (
          <button type="button" key={s} aria-pressed={state === s} onClick={() => setState(s)}>
            {t(`state.${s}`)} <span className="count">{counts.data?.byState[s] ?? '…'}</span>
          </button>
        ))}
      </fieldset>
      <div className="filters">
        <div className="field grow">
          <label htmlFor="people-search">{t('people.search')}</label>
          <input id="people-search" type="search" value={q} onChange={(event) => setQ(event.target.value)} />
        </div>
        <Select
          label={t('people.filterKind')}
          value={kind}
          onChange={(event) => setKind(event.target.value)}
          options={[
            { value: '', label: t('people.all') },
            { value: 'phone', label: t('kind.phone') },
            { value: 'email', label: t('kind.email') },
          ]}
        />
      </div>
      {admin && selected.size > 0 ? (
        <section className="bulk-bar" aria-label={t('people.selected', { count: selected.size })}>
          <span>{t('people.selected', { count: selected.size })}</span>
          <Button kind="secondary" busy={bulk.busy} onClick={() => bulk.run('remind')}>
            {t('people.remind')}
          </Button>
          <Button kind="secondary" busy={bulk.busy} onClick={() => bulk.run('unclaim')}>
            {t('people.unclaim')}
          </Button>
          <Button kind="danger" busy={bulk.busy} onClick={() => bulk.run('deactivate')}>
            {t('people.deactivate')}
          </Button>
        </section>
      ) : null}
      {outcome ? <Alert kind="info">{outcome}</Alert> : null}
      <ErrorAlert error={people.error ?? bulk.error} onRetry={people.reload} />
      {people.loading && !people.data ? <Loading /> : null}
      {people.data && items.length === 0 ? <p>{t('people.empty')}</p> : null}
      {items.length > 0 ? (
        <div className="table-wrap">
          <table aria-busy={people.loading}>
            <thead>
              <tr>
                {admin ? (
                  <th scope="col" className="select">
                    <input
                      type="checkbox"
                      aria-label={t('people.selectAll')}
                      checked={allSelected}
                      onChange={() => setSelected(allSelected ? new Set() : new Set(items.map((p) => p.id)))}
                    />
                  </th>
                ) : null}
                <th scope="col">{t('people.name')}</th>
                <th scope="col">{t('people.login')}</th>
                <th scope="col">{t('people.status')}</th>
                <th scope="col" className="wide-only">
                  {t('people.job')}
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((person) => (
                <tr key={person.id}>
                  {admin ? (
                    <td className="select">
                      <input
                        type="checkbox"
                        aria-label={t('people.select', { name: person.displayName })}
                        checked={selected.has(person.id)}
                        onChange={() => toggle(person.id)}
                      />
                    </td>
                  ) : null}
                  <td>
                    <Link href={`/people/${person.id}`}>{person.displayName}</Link>
                  </td>
                  <td className="login">{person.phone ?? person.email ?? person.username ?? '—'}</td>
                  <td>
                    <StateBadge state={person.state} />
                  </td>
                  <td className="wide-only">{person.jobTitle ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <Pager pages={pages} nextCursor={people.data?.nextCursor} />
    </Shell>
  );
}
