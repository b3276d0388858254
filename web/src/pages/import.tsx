import Papa from 'papaparse';
import { type ChangeEvent, useState } from 'react';
import { type BatchResult, type BatchRowResult, post } from '../api';
import { t } from '../i18n';
import { Link } from '../router';
import { useSession } from '../session';
import { Alert, Button, ErrorAlert } from '../ui/feedback';
import { useAction } from '../ui/hooks';
import { loginText } from '../ui/phone';
import { Shell } from '../ui/shell';
import { TableWrap } from '../ui/table';
import { downloadErrors, type Row } from './import-errors';

/** Header names people use, mapped to the API's fields. */
const HEADERS: Record<string, string> = {
  phone: 'phone',
  mobile: 'phone',
  'mobile number': 'phone',
  'phone number': 'phone',
  email: 'email',
  'email address': 'email',
  'first name': 'givenName',
  'given name': 'givenName',
  firstname: 'givenName',
  'last name': 'familyName',
  'family name': 'familyName',
  surname: 'familyName',
  lastname: 'familyName',
  name: 'displayName',
  'display name': 'displayName',
  'full name': 'displayName',
  'job title': 'jobTitle',
  title: 'jobTitle',
  department: 'department',
  division: 'division',
  organization: 'organization',
  'cost center': 'costCenter',
  location: 'location',
  'employee id': 'externalId',
  'employee number': 'externalId',
  'start date': 'startDate',
  locale: 'locale',
  language: 'locale',
};

/** The API takes at most 1,000 rows a call; bigger lists go in chunks, with progress shown. */
const CHUNK = 1000;

function toRows(table: string[][]): Row[] {
  const [header, ...body] = table;
  if (!header) return [];
  const fields = header.map((name) => HEADERS[name.trim().toLowerCase()] ?? null);
  return body
    .filter((cells) => cells.some((cell) => String(cell ?? '').trim() !== ''))
    .map((cells) => {
      const row: Row = {};
      fields.forEach((field, i) => {
        const value = String(cells[i] ?? '').trim();
        // Email wins over phone, as in Workplace: one login per person.
        if (field && value !== '') row[field] = value;
      });
      if (row.email && row.phone) delete row.phone;
      // Workplace files write locales as en_US; Muster takes en-US.
      if (row.locale) row.locale = row.locale.replace('_', '-');
      return row;
    });
}

/** Parsed rows of a pasted or uploaded list (CSV, or Excel loaded on demand). */
async function readFileRows(file: File): Promise<Row[]> {
  if (/\.xlsx$/i.test(file.name)) {
    // Loaded only when someone uploads a spreadsheet, to keep the app small.
    const { readSheet } = await import('read-excel-file/browser');
    const sheet = await readSheet(file);
    return toRows(sheet.map((cells) => cells.map((cell) => (cell === null ? '' : String(cell)))));
  }
  return toRows(Papa.parse<string[]>((await file.text()).trim(), { skipEmptyLines: true }).data);
}

/** Sends the rows in chunks the API accepts, showing progress; row numbers stay those of the list. */
function useBatch(sendNow: boolean) {
  const [progress, setProgress] = useState<string | null>(null);
  const run = async (all: Row[], dryRun: boolean, label: 'import.checking' | 'import.sending') => {
    const results: BatchRowResult[] = [];
    for (let start = 0; start < all.length; start += CHUNK) {
      setProgress(t(label, { done: start, total: all.length }));
      const chunk = all.slice(start, start + CHUNK);
      const answer = await post<BatchResult>('/api/v1/people/batch', {
        people: chunk,
        sendInvitations: sendNow,
        dryRun,
      });
      results.push(...answer.results.map((r) => ({ ...r, index: r.index + start })));
    }
    setProgress(null);
    return results;
  };
  return { progress, run };
}

type RunBatch = ReturnType<typeof useBatch>['run'];

/** Check every row first (a dry run), then add them: the preview shows what will happen. */
function useImport(runBatch: RunBatch) {
  const [rows, setRows] = useState<Row[]>([]);
  const [preview, setPreview] = useState<BatchRowResult[] | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const check = useAction(async (source: Row[]) => {
    setRows(source);
    setDone(null);
    if (source.length === 0) throw Object.assign(new Error(t('import.noRows')));
    setPreview(await runBatch(source, true, 'import.checking'));
  });
  const send = useAction(async () => {
    const results = await runBatch(rows, false, 'import.sending');
    const created = results.filter((r) => r.status === 'created').length;
    setPreview(results);
    setDone(t('import.done', { created, failed: results.length - created }));
  });
  return { rows, preview, done, check, send };
}

export function ImportPage() {
  const [text, setText] = useState('');
  const [sendNow, setSendNow] = useState(true);
  const batch = useBatch(sendNow);
  const { rows, preview, done, check, send } = useImport(batch.run);

  const fromText = () => check.run(toRows(Papa.parse<string[]>(text.trim(), { skipEmptyLines: true }).data));
  const fromFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    void check.run(await readFileRows(file));
  };

  return (
    <Shell title={t('import.title')}>
      <p>{t('import.intro')}</p>
      <ListInput text={text} setText={setText} onCheck={fromText} onFile={fromFile} busy={check.busy} />
      {batch.progress ? (
        <p role="status" className="progress">
          {batch.progress}
        </p>
      ) : null}
      <ErrorAlert error={check.error ?? send.error} />
      {done ? (
        <Alert kind="success">
          {done} <Link href="/people">{t('nav.people')}</Link>
        </Alert>
      ) : null}
      {preview ? (
        <Preview
          preview={preview}
          rows={rows}
          done={done}
          sendNow={sendNow}
          setSendNow={setSendNow}
          send={send}
        />
      ) : null}
    </Shell>
  );
}

function ListInput({
  text,
  setText,
  onCheck,
  onFile,
  busy,
}: {
  text: string;
  setText: (text: string) => void;
  onCheck: () => unknown;
  onFile: (event: ChangeEvent<HTMLInputElement>) => unknown;
  busy: boolean;
}) {
  return (
    <>
      <div className="field">
        <label htmlFor="paste">{t('import.paste')}</label>
        <textarea
          id="paste"
          rows={6}
          value={text}
          onChange={(event) => setText(event.target.value)}
          placeholder={t('import.placeholder')}
        />
      </div>
      <div className="actions">
        <Button kind="secondary" onClick={onCheck} busy={busy}>
          {t('import.check')}
        </Button>
        <div className="field">
          <label htmlFor="file">{t('import.file')}</label>
          <input id="file" type="file" accept=".csv,.txt,.xlsx,text/csv" onChange={onFile} />
        </div>
      </div>
    </>
  );
}

const OVER_LIMIT = 'phone_account_daily_limit';

function previewCounts(preview: BatchRowResult[]) {
  return {
    ready: preview.filter((r) => r.status === 'created').length,
    over: preview.filter((r) => r.code === OVER_LIMIT).length,
    errors: preview.filter((r) => r.status === 'error' && r.code !== OVER_LIMIT).length,
  };
}

function Preview({
  preview,
  rows,
  done,
  sendNow,
  setSendNow,
  send,
}: {
  preview: BatchRowResult[];
  rows: Row[];
  done: string | null;
  sendNow: boolean;
  setSendNow: (sendNow: boolean) => void;
  send: { busy: boolean; run: () => unknown };
}) {
  const counts = previewCounts(preview);
  return (
    <section aria-labelledby="preview-title">
      <h2 id="preview-title">{t('import.preview')}</h2>
      <p>{t('import.summary', counts)}</p>
      <PreviewTable preview={preview} rows={rows} />
      {!done ? <SendChoice sendNow={sendNow} setSendNow={setSendNow} /> : null}
      <div className="actions">
        {!done ? (
          <Button busy={send.busy} disabled={counts.ready === 0} onClick={() => send.run()}>
            {sendNow ? t('import.send') : t('import.addOnly')}
          </Button>
        ) : null}
        {counts.errors + counts.over > 0 ? (
          <Button kind="secondary" onClick={() => downloadErrors(preview, rows)}>
            {t('import.downloadErrors')}
          </Button>
        ) : null}
      </div>
    </section>
  );
}

function PreviewTable({ preview, rows }: { preview: BatchRowResult[]; rows: Row[] }) {
  return (
    <TableWrap label={t('import.preview')}>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('import.row')}</th>
            <th scope="col">{t('people.login')}</th>
            <th scope="col">{t('people.name')}</th>
            <th scope="col">{t('people.status')}</th>
          </tr>
        </thead>
        <tbody>
          {preview.map((result) => (
            <PreviewRow key={result.index} result={result} row={rows[result.index] ?? {}} />
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

function PreviewRow({ result, row }: { result: BatchRowResult; row: Row }) {
  const { me } = useSession();
  const label =
    result.status === 'created'
      ? t('import.ready')
      : result.code === OVER_LIMIT
        ? t('import.overLimit')
        : t('import.error');
  return (
    <tr className={result.status === 'created' ? 'ok' : 'bad'}>
      <td>{result.index + 2}</td>
      <td className="login">{loginText(row.phone ?? row.email, me?.community.defaultCountry)}</td>
      <td>{row.displayName ?? [row.givenName, row.familyName].filter(Boolean).join(' ')}</td>
      <td>
        <strong>{label}</strong>
        {result.status === 'error' ? <span className="reason"> {result.message}</span> : null}
      </td>
    </tr>
  );
}

function SendChoice({ sendNow, setSendNow }: { sendNow: boolean; setSendNow: (sendNow: boolean) => void }) {
  return (
    <fieldset className="choice">
      <legend>{t('import.send')}</legend>
      <label>
        <input type="radio" name="when" checked={sendNow} onChange={() => setSendNow(true)} />{' '}
        {t('import.sendNow')}
      </label>
      <label>
        <input type="radio" name="when" checked={!sendNow} onChange={() => setSendNow(false)} />{' '}
        {t('import.sendLater')}
      </label>
    </fieldset>
  );
}
