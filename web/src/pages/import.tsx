import { type ChangeEvent, useState } from 'react';
import { type ImportJob, query, upload } from '../api';
import { t } from '../i18n';
import { navigate } from '../router';
import { Button, ErrorAlert } from '../ui/feedback';
import { useAction } from '../ui/hooks';
import { Shell } from '../ui/shell';
import { ImportList } from './import-list';
import { ImportPreview } from './import-preview';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A file (or a pasted list) as the server takes it: the bytes as they are, and their type. */
interface Source {
  blob: Blob;
  type: string;
  name: string | undefined;
}

function sourceOfFile(file: File): Source {
  return { blob: file, type: /\.xlsx$/i.test(file.name) ? XLSX : 'text/csv', name: file.name };
}

/**
 * Add multiple people (R54): the file goes to the server once, as it is, and becomes an import
 * job there. A preview checks every row first without changing anything; the import itself
 * runs on the server, so it goes on if this tab is closed.
 */
export function ImportPage() {
  const [text, setText] = useState('');
  const [source, setSource] = useState<Source | null>(null);
  const [previewId, setPreviewId] = useState<string | null>(null);
  const [sendNow, setSendNow] = useState(true);
  const check = useAction(async (next: Source | null) => {
    if (!next) throw new Error(t('import.noRows'));
    setSource(next);
    setPreviewId(null);
    const path = `/api/v1/imports${query({ dryRun: 'true', fileName: next.name })}`;
    setPreviewId((await upload<ImportJob>(path, next.blob, next.type)).id);
  });
  const start = useAction(async () => {
    if (!source) return;
    const path = `/api/v1/imports${query({ sendInvitations: String(sendNow), fileName: source.name })}`;
    const job = await upload<ImportJob>(path, source.blob, source.type);
    navigate(`/people/import/${job.id}`);
  });
  const fromText = () =>
    check.run(
      text.trim() === ''
        ? null
        : { blob: new Blob([text], { type: 'text/csv' }), type: 'text/csv', name: undefined },
    );
  const fromFile = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (file) void check.run(sourceOfFile(file));
  };
  return (
    <Shell title={t('import.title')}>
      <p>{t('import.intro')}</p>
      <ListInput text={text} setText={setText} onCheck={fromText} onFile={fromFile} busy={check.busy} />
      <ErrorAlert error={check.error ?? start.error} />
      {previewId ? (
        <>
          <ImportPreview id={previewId} />
          <SendChoice sendNow={sendNow} setSendNow={setSendNow} />
          <div className="actions">
            <Button busy={start.busy} onClick={() => start.run()}>
              {sendNow ? t('import.send') : t('import.addOnly')}
            </Button>
          </div>
        </>
      ) : null}
      <ImportList />
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
