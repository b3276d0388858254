import { useEffect, useState } from 'react';
import {
  type BulkResult,
  get,
  type Page,
  type PeopleCounts,
  type Person,
  post,
  query,
  type State,
} from '../api';
import { formatNumber, t } from '../i18n';
import { Link } from '../router';
import { isAdmin, useSession } from '../session';
import { Alert, Button, ErrorAlert, Loading, StateBadge } from '../ui/feedback';
import { Select } from '../ui/forms';
import { useAction, useLoad } from '../ui/hooks';
import { Pager, useCursorPages } from '../ui/pager';
import { loginText } from '../ui/phone';
import { Shell } from '../ui/shell';
import { TableWrap } from '../ui/table';
import { makeAccessCodeSheet } from './people-access-codes';

const STATES: State[] = ['active', 'invited', 'not_invited', 'deactivated'];
const PAGE_SIZE = 50;

type Action = 'remind' | 'unclaim' | 'deactivate' | 'access-codes';

/** The search text, once typing has paused. */
function useSettled(q: string): string {
  const [search, setSearch] = useState('');
  // Wait for a pause in typing before searching.
  useEffect(() => {
    const timer = setTimeout(() => setSearch(q.trim()), 250);
    return () => clearTimeout(timer);
  }, [q]);
  return search;
}

/** The filters, the page of people they select, and the counts per state. */
function usePeopleList() {
  const [q, setQ] = useState('');
  const search = useSettled(q);
  const [state, setState] = useState<State | ''>('');
  const [kind, setKind] = useState('');
  // Cursors of the pages before this one, so "Previous" can go back.
  const pages = useCursorPages();
  const cursor = pages.cursor;
  const [selected, setSelected] = useState<Set<string>>(new Set());
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new filter starts from the first page
  useEffect(() => {
    pages.first();
    setSelected(new Set());
  }, [search, state, kind]);
  const counts = useLoad(() => get<PeopleCounts>('/api/v1/people/counts'), []);
  const people = useLoad(
    () => get<Page<Person>>(`/api/v1/people${query({ q: search, state, kind, cursor, limit: PAGE_SIZE })}`),
    [search, state, kind, cursor],
  );
  const filters = { q, setQ, state, setState, kind, setKind };
  return { filters, pages, selected, setSelected, counts, people };
}

/** People: server-side paging, search and filters, so it stays quick with 100,000 people. */
export function PeoplePage() {
  const { me } = useSession();
  const admin = isAdmin(me);
  const { filters, pages, selected, setSelected, counts, people } = usePeopleList();
  const [outcome, setOutcome] = useState<string | null>(null);

  const bulk = useAction(async (action: Action) => {
    const ids = [...selected];
    if (action === 'access-codes') return makeAccessCodeSheet(ids, people.data?.items ?? []);
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
  return (
    <Shell title={t('people.title')}>
      {admin ? <AddLinks /> : null}
      <StateTabs state={filters.state} setState={filters.setState} counts={counts.data} />
      <Filters filters={filters} />
      <ExportLinks filters={filters} />
      {admin && selected.size > 0 ? (
        <BulkBar
          count={selected.size}
          bulk={bulk}
          accessCodes={me?.community.accessCodeProfilesEnabled ?? false}
        />
      ) : null}
      {outcome ? <Alert kind="info">{outcome}</Alert> : null}
      <ErrorAlert error={people.error ?? bulk.error} onRetry={people.reload} />
      {people.loading && !people.data ? <Loading /> : null}
      {people.data && items.length === 0 ? <p>{t('people.empty')}</p> : null}
      {items.length > 0 ? (
        <PeopleTable
          items={items}
          admin={admin}
          busy={people.loading}
          selected={selected}
          setSelected={setSelected}
        />
      ) : null}
      <Pager pages={pages} nextCursor={people.data?.nextCursor} />
    </Shell>
  );
}

function AddLinks() {
  return (
    <div className="actions">
      <Link className="button primary" href="/people/new">
        {t('people.add')}
      </Link>
      <Link className="button secondary" href="/people/import">
        {t('people.addMany')}
      </Link>
    </div>
  );
}

function StateTabs({
  state,
  setState,
  counts,
}: {
  state: State | '';
  setState: (state: State | '') => void;
  counts: PeopleCounts | null;
}) {
  return (
    <fieldset className="tabs">
      <legend className="visually-hidden">{t('people.filterState')}</legend>
      <button type="button" aria-pressed={state === ''} onClick={() => setState('')}>
        {t('people.all')} <span className="count">{counts ? formatNumber(counts.total) : '…'}</span>
      </button>
      {STATES.map((s) => (
        <button type="button" key={s} aria-pressed={state === s} onClick={() => setState(s)}>
          {t(`state.${s}`)} <span className="count">{counts ? formatNumber(counts.byState[s]) : '…'}</span>
        </button>
      ))}
    </fieldset>
  );
}

function Filters({ filters }: { filters: ReturnType<typeof usePeopleList>['filters'] }) {
  return (
    <div className="filters">
      <div className="field grow">
        <label htmlFor="people-search">{t('people.search')}</label>
        <input
          id="people-search"
          type="search"
          value={filters.q}
          onChange={(event) => filters.setQ(event.target.value)}
        />
      </div>
      <Select
        label={t('people.filterKind')}
        value={filters.kind}
        onChange={(event) => filters.setKind(event.target.value)}
        options={[
          { value: '', label: t('people.all') },
          { value: 'phone', label: t('kind.phone') },
          { value: 'email', label: t('kind.email') },
          { value: 'username', label: t('kind.username') },
        ]}
      />
    </div>
  );
}

/** Everyone the filters select, as a spreadsheet (R24): the server streams it, however many. */
function ExportLinks({ filters }: { filters: ReturnType<typeof usePeopleList>['filters'] }) {
  const href = (format: 'csv' | 'xlsx') =>
    `/api/v1/people/export${query({ format, q: filters.q.trim(), state: filters.state, kind: filters.kind })}`;
  return (
    <div className="actions">
      <a className="button secondary" href={href('csv')} download>
        {t('people.exportCsv')}
      </a>
      <a className="button secondary" href={href('xlsx')} download>
        {t('people.exportXlsx')}
      </a>
    </div>
  );
}

function BulkBar({
  count,
  bulk,
  accessCodes,
}: {
  count: number;
  bulk: { busy: boolean; run: (action: Action) => unknown };
  accessCodes: boolean;
}) {
  return (
    <section className="bulk-bar" aria-label={t('people.selected', { count })}>
      <span>{t('people.selected', { count })}</span>
      <Button kind="secondary" busy={bulk.busy} onClick={() => bulk.run('remind')}>
        {t('people.remind')}
      </Button>
      <Button kind="secondary" busy={bulk.busy} onClick={() => bulk.run('unclaim')}>
        {t('people.unclaim')}
      </Button>
      {accessCodes ? (
        <Button kind="secondary" busy={bulk.busy} onClick={() => bulk.run('access-codes')}>
          {t('codes.bulk')}
        </Button>
      ) : null}
      <Button kind="danger" busy={bulk.busy} onClick={() => bulk.run('deactivate')}>
        {t('people.deactivate')}
      </Button>
    </section>
  );
}

function PeopleTable({
  items,
  admin,
  busy,
  selected,
  setSelected,
}: {
  items: Person[];
  admin: boolean;
  busy: boolean;
  selected: Set<string>;
  setSelected: (selected: Set<string>) => void;
}) {
  const allSelected = items.length > 0 && items.every((p) => selected.has(p.id));
  const toggle = (id: string) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setSelected(next);
  };
  return (
    <TableWrap label={t('people.title')}>
      <table aria-busy={busy}>
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
            <PersonRow
              key={person.id}
              person={person}
              admin={admin}
              checked={selected.has(person.id)}
              toggle={toggle}
            />
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

function PersonRow({
  person,
  admin,
  checked,
  toggle,
}: {
  person: Person;
  admin: boolean;
  checked: boolean;
  toggle: (id: string) => void;
}) {
  return (
    <tr>
      {admin ? (
        <td className="select">
          <input
            type="checkbox"
            aria-label={t('people.select', { name: person.displayName })}
            checked={checked}
            onChange={() => toggle(person.id)}
          />
        </td>
      ) : null}
      <td>
        <Link href={`/people/${person.id}`}>{person.displayName}</Link>
      </td>
      <td className="login">{loginText(person.phone ?? person.email ?? person.username)}</td>
      <td>
        <StateBadge state={person.state} />
      </td>
      <td className="wide-only">{person.jobTitle ?? ''}</td>
    </tr>
  );
}
