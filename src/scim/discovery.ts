import { URN } from './urns.js';

/**
 * What the server supports (RFC 7643 §5–7): identity providers read these before provisioning.
 * `location`s are filled in with the public URL when served.
 */
export function serviceProviderConfig(base: string) {
  return {
    schemas: [URN.serviceProviderConfig],
    documentationUri: `${base.replace(/\/scim\/v2$/, '')}/api/v1/openapi.json`,
    patch: { supported: true },
    bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
    filter: { supported: true, maxResults: MAX_PAGE },
    changePassword: { supported: false },
    sort: { supported: false },
    etag: { supported: true },
    authenticationSchemes: [
      {
        type: 'oauthbearertoken',
        name: 'API token',
        description: 'An API token with the scim scope, sent as "Authorization: Bearer <token>".',
        primary: true,
      },
    ],
    meta: { resourceType: 'ServiceProviderConfig', location: `${base}/ServiceProviderConfig` },
  };
}

/** The most resources one page holds; a client asking for more gets this many. */
export const MAX_PAGE = 1000;

export function resourceTypes(base: string) {
  return [
    {
      schemas: [URN.resourceType],
      id: 'User',
      name: 'User',
      endpoint: '/Users',
      description: 'User Account',
      schema: URN.user,
      schemaExtensions: [
        { schema: URN.enterprise, required: false },
        { schema: URN.accountStatus, required: false },
        { schema: URN.authMethod, required: false },
        { schema: URN.startTermDates, required: false },
      ],
      meta: { resourceType: 'ResourceType', location: `${base}/ResourceTypes/User` },
    },
    {
      schemas: [URN.resourceType],
      id: 'Group',
      name: 'Group',
      endpoint: '/Groups',
      description: 'Group',
      schema: URN.group,
      meta: { resourceType: 'ResourceType', location: `${base}/ResourceTypes/Group` },
    },
  ];
}
