/**
 * A filter that cannot be used: bad syntax, an unknown attribute, or a comparison that makes no
 * sense for the attribute's type. A SCIM server answers it with 400 and `scimType: invalidFilter`
 * (RFC 7644 §3.12), passing the message on: it says what is wrong and, for syntax, where.
 */
export class ScimFilterError extends Error {
  readonly scimType = 'invalidFilter';
  readonly status = 400;

  constructor(
    message: string,
    /** 1-based character position in the filter, when the problem has one. */
    readonly position: number | null = null,
  ) {
    super(message);
    this.name = 'ScimFilterError';
  }
}
