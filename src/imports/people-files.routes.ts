import { z } from 'zod';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import { ADMINS, actingContext, REPORT_READERS } from '../http/access.js';
import type { Api } from '../http/api.js';
import { listPeopleQuerySchema } from '../people/people.schemas.js';
import { actOnKeys, KEY_ACTIONS, type KeyAction } from './act-on-keys.js';
import { exportPeople } from './export-people.js';
import { checkKeyCount, MAX_KEYS, readKeysFile } from './keys-file.js';
import { acceptFileBodies, FILE_BODY_DESCRIPTION, hasFileBody, uploadedFile } from './upload-body.js';

const exportQuerySchema = listPeopleQuerySchema
  .pick({ state: true, kind: true, q: true })
  .extend({ format: z.enum(['csv', 'xlsx']).default('csv') });

const keysBodySchema = z
  .strictObject({
    keys: z
      .array(z.string().trim().min(1).max(320))
      .min(1)
      .max(MAX_KEYS)
      .describe('Mobile numbers (any format), email addresses or employee IDs.'),
    by: z
      .enum(['auto', 'phone', 'email', 'employeeId'])
      .default('auto')
      .describe(
        'What the keys are; auto tells them apart (an @ is an email, else an employee ID that exists, else a number).',
      ),
  })
  // Absent when the body is a file: the route reads the file instead.
  .nullish();

const keyResultsSchema = z.object({
  done: z.number(),
  failed: z.number(),
  results: z.array(
    z.object({
      key: z.string(),
      status: z.enum(['done', 'error']),
      personId: z.string().optional(),
      code: z.string().optional(),
      message: z.string().optional(),
    }),
  ),
});

const SUMMARIES: Record<KeyAction, string> = {
  deactivate:
    'Deactivate the people a list names by mobile number, email or employee ID (R22); a leavers file',
  reactivate: 'Reactivate the people a list names by mobile number, email or employee ID (R22)',
  unclaim: 'Reset to unclaimed the people a list names by mobile number, email or employee ID (R12)',
  remind: 'Remind the unclaimed people a list names by mobile number, email or employee ID (R13)',
  delete: 'Delete the people a list names by mobile number, email or employee ID (R23)',
};

/** Whole-community files: the export (R24), and actions on people named by key (R22). */
export function registerPeopleFileRoutes(api: Api, deps: Deps) {
  api.get(
    '/api/v1/people/export',
    {
      config: { access: REPORT_READERS },
      schema: {
        tags: ['people'],
        summary: 'Everyone (as filtered on the People list) as CSV or XLSX, formula-safe (R24)',
        querystring: exportQuerySchema,
      },
    },
    async (request, reply) => {
      const { format, ...filter } = request.query;
      const file = await exportPeople({
        deps,
        ctx: actingContext(request),
        format,
        filter,
        onError: (error) => request.log.error({ err: error }, 'people export'),
      });
      return reply
        .type(file.type)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .send(file.body);
    },
  );

  api.register((scope: Api, _options, done) => {
    acceptFileBodies(scope);
    for (const action of KEY_ACTIONS) registerKeyAction(scope, deps, action);
    done();
  });
}

function registerKeyAction(scope: Api, deps: Deps, action: KeyAction) {
  scope.post(
    `/api/v1/people/by-key/${action}`,
    {
      config: { access: ADMINS },
      schema: {
        tags: ['people'],
        summary: SUMMARIES[action],
        description: `JSON {"keys": [...]} or a file: one column of keys, or a file with Workplace's columns (Email, Phone Number, Employee Id). ${FILE_BODY_DESCRIPTION}`,
        body: keysBodySchema,
        response: { 200: keyResultsSchema },
      },
    },
    async (request) => {
      const keys = hasFileBody(request)
        ? await uploadedFile(request, deps.config.importMaxBytes).then((file) =>
            readKeysFile(file.body, file.format),
          )
        : (request.body?.keys ?? []).map((value) => ({ value, by: request.body?.by ?? 'auto' }));
      checkKeyCount(keys.length);
      if (keys.length === 0) {
        throw new AppError(
          'invalid_request',
          'Name at least one person: send {"keys": [...]} or a file with one per row.',
        );
      }
      return actOnKeys({ deps, ctx: actingContext(request), action, keys });
    },
  );
}
