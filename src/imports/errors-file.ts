import type { Deps } from '../deps.js';
import { letOthersRun } from '../event-loop.js';
import { csvLine, UTF8_BOM } from './csv-line.js';
import { listRows } from './import-rows.store.js';
import type { ImportJob } from './job.js';

const PAGE = 1000;

/**
 * The rows an import could not apply, as a CSV the admin can fix and upload again: the row
 * number, the row's cells under the file's own header, and the reason. Read a page at a time.
 */
export async function* errorsCsv(deps: Deps, job: ImportJob): AsyncGenerator<string> {
  yield UTF8_BOM + csvLine(['Row', ...job.header, 'Error']);
  let afterLine = 0;
  for (;;) {
    const rows = await listRows(deps.db, job.id, { afterLine, limit: PAGE, statuses: ['failed'] });
    for (const row of rows) {
      const cells = job.header.map((_, i) => row.cells[i] ?? '');
      yield csvLine([row.line, ...cells, row.message ?? row.code]);
    }
    const last = rows.at(-1);
    if (!last || rows.length < PAGE) return;
    afterLine = last.line;
    await letOthersRun();
  }
}
