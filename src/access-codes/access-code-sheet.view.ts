import type { z } from 'zod';
import type { accessCodeSheetSchema, issuedAccessCodeSchema } from './access-codes.schemas.js';
import type { IssuedAccessCode } from './issue-access-code.js';
import type { issueAccessCodes } from './issue-access-codes.js';

type SheetView = z.infer<typeof accessCodeSheetSchema>;

/** The redeem page with a code filled in: what the QR code on a printed card opens. */
function redeemUrlOf(publicUrl: string, accessCode: string): string {
  return `${publicUrl}/access-code?code=${encodeURIComponent(accessCode.replaceAll('-', ''))}`;
}

export function toIssuedView(
  issued: IssuedAccessCode,
  publicUrl: string,
): z.infer<typeof issuedAccessCodeSchema> {
  return {
    accessCode: issued.accessCode,
    expiresAt: issued.expiresAt,
    purpose: issued.purpose,
    redeemUrl: redeemUrlOf(publicUrl, issued.accessCode),
  };
}

/** What the sheet shows: the community, and per person their code or why they got none. */
export function toSheetView(
  sheet: Awaited<ReturnType<typeof issueAccessCodes>>,
  publicUrl: string,
): SheetView {
  return {
    community: { name: sheet.community.name, slug: sheet.community.slug },
    done: sheet.done,
    failed: sheet.failed,
    results: sheet.results.map(({ issued, ...result }) =>
      issued
        ? {
            ...result,
            person: {
              displayName: issued.person.displayName,
              username: issued.person.username,
              externalId: issued.person.externalId,
            },
            ...toIssuedView(issued, publicUrl),
          }
        : result,
    ),
  };
}
