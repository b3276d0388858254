import { Readable } from 'node:stream';
import type { Deps } from '../deps.js';
import { ADMINS, actingContext, communityOf } from '../http/access.js';
import { type Api, idParams, pageOf } from '../http/api.js';
import { cancelImport } from './cancel-import.js';
import { errorsCsv } from './errors-file.js';
import {
  importJobViewSchema,
  importRowViewSchema,
  listImportsQuerySchema,
  listRowsQuerySchema,
  startImportQuerySchema,
} from './imports.schemas.js';
import { toImportJobView } from './job.view.js';
import { findImportOrThrow, getImport, listImportRows, listImports } from './queries.js';
import { startImport } from './start-import.js';
import { acceptFileBodies, FILE_BODY_DESCRIPTION, uploadedFile } from './upload-body.js';

/** Import jobs (R54): upload a file, follow its progress, download the rows it could not apply. */
// biome-ignore lint/complexity/noExcessiveLinesPerFunction: a route table, one declaration per route, read top to bottom
export function registerImportRoutes(api: Api, deps: Deps) {
  const tags = ['imports'];

  api.register((scope: Api, _options, done) => {
    acceptFileBodies(scope);
    scope.post(
      '/api/v1/imports',
      {
        config: { access: ADMINS },
        schema: {
          tags,
          summary: 'Import people from a CSV or XLSX file, as a job that runs on the server (R54)',
          description: `${FILE_BODY_DESCRIPTION} Answers 202 at once; follow the job at its Location.`,
          querystring: startImportQuerySchema,
          response: { 202: importJobViewSchema },
        },
      },
      async (request, reply) => {
        const file = await uploadedFile(request, deps.config.importMaxBytes);
        const job = await startImport({
          deps,
          ctx: actingContext(request),
          body: file.body,
          format: file.format,
          fileName: request.query.fileName ?? file.fileName,
          sendInvitations: request.query.sendInvitations,
          dryRun: request.query.dryRun,
        });
        return reply.code(202).header('location', `/api/v1/imports/${job.id}`).send(toImportJobView(job));
      },
    );
    done();
  });

  api.get(
    '/api/v1/imports',
    {
      config: { access: ADMINS },
      schema: {
        tags,
        summary: 'Past and current imports, newest first',
        querystring: listImportsQuerySchema,
        response: { 200: pageOf(importJobViewSchema) },
      },
    },
    async (request) => listImports({ deps, communityId: communityOf(request), ...request.query }),
  );

  api.get(
    '/api/v1/imports/:id',
    {
      config: { access: ADMINS },
      schema: {
        tags,
        summary: 'An import’s state and progress',
        params: idParams,
        response: { 200: importJobViewSchema },
      },
    },
    async (request) => getImport({ deps, communityId: communityOf(request), id: request.params.id }),
  );

  api.get(
    '/api/v1/imports/:id/rows',
    {
      config: { access: ADMINS },
      schema: {
        tags,
        summary: 'The rows of an import with what became of each (a preview’s verdicts)',
        params: idParams,
        querystring: listRowsQuerySchema,
        response: { 200: pageOf(importRowViewSchema) },
      },
    },
    async (request) =>
      listImportRows({ deps, communityId: communityOf(request), id: request.params.id, ...request.query }),
  );

  api.get(
    '/api/v1/imports/:id/errors.csv',
    {
      config: { access: ADMINS },
      schema: {
        tags,
        summary: 'The rows an import could not apply, with the reason: fix them and upload the file again',
        params: idParams,
      },
    },
    async (request, reply) => {
      const job = await findImportOrThrow({ deps, communityId: communityOf(request) }, request.params.id);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="import-${job.id.slice(0, 8)}-errors.csv"`)
        .send(Readable.from(errorsCsv(deps, job)));
    },
  );

  api.post(
    '/api/v1/imports/:id/cancel',
    {
      config: { access: ADMINS },
      schema: {
        tags,
        summary: 'Stop an import; rows already applied stay applied',
        params: idParams,
        response: { 200: importJobViewSchema },
      },
    },
    async (request) => cancelImport({ deps, ctx: actingContext(request), id: request.params.id }),
  );
}
