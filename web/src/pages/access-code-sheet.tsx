import { useEffect, useState } from 'react';
import { accessCodeCsv } from '../../../src/access-codes/access-code-csv';
import type { AccessCodeSheet } from '../api';
import { intlLocale, t } from '../i18n';
import { Link } from '../router';
import { Alert, Button } from '../ui/feedback';
import { Shell } from '../ui/shell';
import { forgetSheet, type SheetToShow, waitingSheet } from './access-code-sheet-store';

type Line = AccessCodeSheet['results'][number];

/**
 * The access codes just made, as a sheet to print: one card per person with their name, the
 * community, the code and a QR code that opens the redeem page with the code filled in (R21).
 * The codes live only in this page's memory: leaving it loses them, as they are shown once.
 */
export function AccessCodeSheetPage() {
  const [shown] = useState<SheetToShow | null>(waitingSheet);
  useEffect(() => () => forgetSheet(), []);
  if (!shown) {
    return (
      <Shell title={t('sheet.title')}>
        <Alert kind="info">{t('sheet.none')}</Alert>
        <Link href="/people">{t('sheet.back')}</Link>
      </Shell>
    );
  }
  const { sheet, names } = shown;
  const cards = sheet.results.filter((line) => line.accessCode);
  const refused = sheet.results.filter((line) => line.status === 'error');
  return (
    <Shell title={t('sheet.title')}>
      <div className="no-print">
        <Alert kind="info">{t('sheet.warning')}</Alert>
        <p>{t('sheet.summary', { done: sheet.done })}</p>
        {refused.length > 0 ? (
          <>
            <p>{t('sheet.failed')}</p>
            <ul>
              {refused.map((line) => (
                <li key={line.id}>
                  {names[line.id] ?? line.id}: {line.message}
                </li>
              ))}
            </ul>
          </>
        ) : null}
        <div className="actions">
          <Button onClick={() => window.print()} disabled={cards.length === 0}>
            {t('sheet.print')}
          </Button>
          <Button kind="secondary" onClick={() => downloadCsv(sheet)} disabled={cards.length === 0}>
            {t('sheet.csv')}
          </Button>
          <Link className="button secondary" href="/people">
            {t('sheet.back')}
          </Link>
        </div>
      </div>
      <ul className="code-cards">
        {cards.map((line) => (
          <CodeCard key={line.id} community={sheet.community.name} line={line} />
        ))}
      </ul>
    </Shell>
  );
}

function CodeCard({ community, line }: { community: string; line: Line }) {
  const qr = useQrCode(line.redeemUrl ?? '');
  const page = line.redeemUrl ? line.redeemUrl.split('?')[0] : '';
  const { person } = line;
  return (
    <li className="code-card">
      <p className="code-card-community">{t('sheet.cardFor', { community })}</p>
      <h2>{person?.displayName}</h2>
      {person?.externalId ? <p>{t('sheet.employeeId', { id: person.externalId })}</p> : null}
      {person?.username ? <p>{t('sheet.username', { username: person.username })}</p> : null}
      <p className="code-card-code" dir="ltr">
        {line.accessCode}
      </p>
      {qr ? (
        <img className="code-card-qr" src={qr} alt={t('sheet.qrAlt')} />
      ) : (
        <div className="code-card-qr" />
      )}
      <p>{t(line.purpose === 'recovery' ? 'sheet.recovery' : 'sheet.claim', { url: page ?? '' })}</p>
      <p className="hint">{t('sheet.expires', { when: formatDay(line.expiresAt) })}</p>
    </li>
  );
}

/** The QR code of a card as an image (the page's CSP allows `data:` images). Drawn in the browser. */
function useQrCode(text: string): string | null {
  const [source, setSource] = useState<string | null>(null);
  useEffect(() => {
    if (!text) return;
    let live = true;
    // Loaded on this page only: no other page needs the QR code library.
    void import('qrcode')
      .then((qrcode) => (qrcode.default ?? qrcode).toString(text, { type: 'svg', margin: 1 }))
      .then((svg) => {
        if (live) setSource(svgDataUrl(svg));
      });
    return () => {
      live = false;
    };
  }, [text]);
  return source;
}

function svgDataUrl(svg: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(svg)) binary += String.fromCharCode(byte);
  return `data:image/svg+xml;base64,${btoa(binary)}`;
}

function formatDay(iso: string | undefined): string {
  return iso ? new Intl.DateTimeFormat(intlLocale(), { dateStyle: 'long' }).format(new Date(iso)) : '';
}

/** The same codes as a CSV, written by the server's own formula-safe code (R37); no new codes. */
function downloadCsv(sheet: AccessCodeSheet) {
  const url = URL.createObjectURL(new Blob([accessCodeCsv(sheet.results)], { type: 'text/csv' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = 'access-codes.csv';
  link.click();
  URL.revokeObjectURL(url);
}
