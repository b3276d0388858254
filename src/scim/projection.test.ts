import { describe, expect, it } from 'vitest';
import { parseAttributeList, returnsAttribute } from './projection.js';

const GROUP = 'urn:ietf:params:scim:schemas:core:2.0:Group';

/** Does a request with these query values get a group's members (so they must be read)? */
const membersReturned = (query: { attributes?: string; excludedAttributes?: string }) =>
  returnsAttribute(
    'members',
    GROUP,
    parseAttributeList(query.attributes),
    parseAttributeList(query.excludedAttributes),
  );

describe('which attributes a projection returns (RFC 7644 §3.4.2.5)', () => {
  it("reads a group's members only when the answer holds them", () => {
    expect(membersReturned({})).toBe(true);
    // As Entra asks for groups, in any case, with the core schema's URN or without it.
    expect(membersReturned({ excludedAttributes: 'members' })).toBe(false);
    expect(membersReturned({ excludedAttributes: 'displayName,Members' })).toBe(false);
    expect(membersReturned({ excludedAttributes: `${GROUP}:members` })).toBe(false);
    expect(membersReturned({ attributes: 'displayName' })).toBe(false);
    expect(membersReturned({ attributes: 'displayName,externalId' })).toBe(false);
    // Part of them is still them.
    expect(membersReturned({ excludedAttributes: 'members.display' })).toBe(true);
    expect(membersReturned({ excludedAttributes: 'displayName' })).toBe(true);
    expect(membersReturned({ attributes: 'members' })).toBe(true);
    expect(membersReturned({ attributes: 'members.value' })).toBe(true);
    expect(membersReturned({ attributes: `${GROUP}:members` })).toBe(true);
    expect(membersReturned({ attributes: 'members[type eq "User"]' })).toBe(true);
  });
});
