import { once } from 'node:events';
import { PassThrough, Readable } from 'node:stream';
import { AuditType, recordAudit } from '../audit/audit.js';
import type { ActingContext } from '../context.js';
import type { Deps } from '../deps.js';
import { letOthersRun } from '../event-loop.js';
import { listPeople } from '../people/people.store.js';
import type { PersonState } from '../people/person.js';
import type { LoginKind } from '../storage/schema.js';
import { csvLine, UTF8_BOM } from './csv-line.js';
import { loadExcelJs } from './exceljs.js';
import { EXPORT_HEADER, exportCells } from './export-columns.js';
import { findManagerRefs } from './people-keys.store.js';
import { XLSX_MEDIA_TYPE } from './records.js';
import { neutralise } from './spreadsheet-cell.js';

const PAGE = 1000;
/** How much of the workbook may wait for a slow client before writing pauses. */
const XLSX_BUFFER_BYTES = 4 * 1_048_576;

export interface ExportFilter {
  state?: PersonState | undefined;
  kind?: LoginKind | undefined;
  q?: string | undefined;
}

/** Every person the filter selects, as rows of cells, a page at a time: memory stays flat. */
async function* exportRows(
  deps: Deps,
  communityId: string,
  filter: ExportFilter,
): AsyncGenerator<string[][]> {
  let afterId: string | undefined;
  for (;;) {
    const people = await listPeople(deps.db, communityId, { ...filter, afterId, limit: PAGE });
    const managerIds = [...new Set(people.flatMap((p) => (p.managerId ? [p.managerId] : [])))];
    const managers = await findManagerRefs(deps.db, communityId, managerIds);
    yield people.map((person) =>
      exportCells(person, person.managerId ? managers.get(person.managerId) : undefined),
    );
    const last = people.at(-1);
    if (!last || people.length < PAGE) return;
    afterId = last.id;
    await letOthersRun();
  }
}

async function* csvText(rows: AsyncGenerator<string[][]>): AsyncGenerator<string> {
  yield UTF8_BOM + csvLine(EXPORT_HEADER);
  for await (const page of rows) yield page.map(csvLine).join('');
}

function xlsxStream(rows: AsyncGenerator<string[][]>, onError: (error: unknown) => void): Readable {
  const out = new PassThrough();
  (async () => {
    const { default: ExcelJS } = await loadExcelJs();
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: out,
      useStyles: false,
      useSharedStrings: false,
    });
    const sheet = workbook.addWorksheet('People');
    sheet.addRow([...EXPORT_HEADER]).commit();
    for await (const page of rows) {
      for (const cells of page) sheet.addRow(cells.map(neutralise)).commit();
      while (out.writableLength > XLSX_BUFFER_BYTES && !out.destroyed) await once(out, 'drain');
      if (out.destroyed) return;
    }
    sheet.commit();
    await workbook.commit();
  })().catch((error: unknown) => {
    onError(error);
    out.destroy(error as Error);
  });
  return out;
}

/**
 * People as a spreadsheet (R24), streamed: CSV or XLSX, in Workplace's columns plus status,
 * dates and manager, every cell formula-safe while phone numbers stay `+44…` (R37). The
 * export is audited: it is everyone's personal data in one file.
 */
export async function exportPeople({
  deps,
  ctx,
  format,
  filter,
  onError = () => undefined,
}: {
  deps: Deps;
  ctx: ActingContext;
  format: 'csv' | 'xlsx';
  filter: ExportFilter;
  onError?: (error: unknown) => void;
}) {
  await recordAudit(deps.db, deps.clock, ctx, {
    type: AuditType.peopleExported,
    details: { format, ...filter },
  });
  const rows = exportRows(deps, ctx.communityId, filter);
  const day = deps.clock.now().toISOString().slice(0, 10);
  return format === 'xlsx'
    ? { body: xlsxStream(rows, onError), type: XLSX_MEDIA_TYPE, fileName: `people-${day}.xlsx` }
    : { body: Readable.from(csvText(rows)), type: 'text/csv; charset=utf-8', fileName: `people-${day}.csv` };
}
