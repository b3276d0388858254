import type { Deps } from '../deps.js';
import { actingContext, communityOf, SYSTEM_ADMIN } from '../http/access.js';
import type { Api } from '../http/api.js';
import { settingsPatchSchema, settingsViewSchema } from './settings.schemas.js';
import { getSettings, updateSettings } from './settings.service.js';

export function registerSettingsRoutes(api: Api, deps: Deps) {
  const tags = ['settings'];
  api.get(
    '/api/v1/settings',
    {
      config: { access: SYSTEM_ADMIN },
      schema: { tags, summary: 'Community settings (R25)', response: { 200: settingsViewSchema } },
    },
    async (request) => getSettings({ deps, communityId: communityOf(request) }),
  );
  api.patch(
    '/api/v1/settings',
    {
      config: { access: SYSTEM_ADMIN },
      schema: {
        tags,
        summary: 'Change settings; takes effect at once',
        body: settingsPatchSchema,
        response: { 200: settingsViewSchema },
      },
    },
    async (request) => updateSettings({ deps, ctx: actingContext(request), patch: request.body }),
  );
}
