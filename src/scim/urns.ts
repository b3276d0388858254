/** The schema and message URNs Muster's SCIM server speaks (RFC 7643, 7644; Workplace's own). */
export const URN = {
  user: 'urn:ietf:params:scim:schemas:core:2.0:User',
  group: 'urn:ietf:params:scim:schemas:core:2.0:Group',
  enterprise: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User',
  accountStatus: 'urn:ietf:params:scim:schemas:extension:facebook:accountstatusdetails:2.0:User',
  authMethod: 'urn:ietf:params:scim:schemas:extension:facebook:authmethod:2.0:User',
  startTermDates: 'urn:ietf:params:scim:schemas:extension:facebook:starttermdates:2.0:User',
  listResponse: 'urn:ietf:params:scim:api:messages:2.0:ListResponse',
  error: 'urn:ietf:params:scim:api:messages:2.0:Error',
  patchOp: 'urn:ietf:params:scim:api:messages:2.0:PatchOp',
  searchRequest: 'urn:ietf:params:scim:api:messages:2.0:SearchRequest',
  serviceProviderConfig: 'urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig',
  resourceType: 'urn:ietf:params:scim:schemas:core:2.0:ResourceType',
  schema: 'urn:ietf:params:scim:schemas:core:2.0:Schema',
} as const;

export const USER_EXTENSIONS = [
  URN.enterprise,
  URN.accountStatus,
  URN.authMethod,
  URN.startTermDates,
] as const;
