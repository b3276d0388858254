import { z } from 'zod';
import type { Deps } from '../deps.js';
import { communityOf, REPORT_READERS } from '../http/access.js';
import type { Api } from '../http/api.js';
import { getCommunityLimits } from './limits.service.js';

export const limitsViewSchema = z.object({
  day: z.string(),
  timeZone: z.string(),
  resetsAt: z.string(),
  phoneAccounts: z.object({
    limit: z.number(),
    used: z.number(),
    left: z.number(),
    howToRaise: z.string(),
  }),
  claimSmsPerPersonPerDay: z.number(),
});

export function registerLimitsRoutes(api: Api, deps: Deps) {
  api.get(
    '/api/v1/limits',
    {
      config: { access: REPORT_READERS },
      schema: {
        tags: ['limits'],
        summary: "Today's usage of the daily limits, what is left and when they reset (R5, R6)",
        response: { 200: limitsViewSchema },
      },
    },
    async (request) => getCommunityLimits({ deps, communityId: communityOf(request) }),
  );
}
