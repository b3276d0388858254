/**
 * The `scimType` values RFC 7644 §3.12 gives a failed PATCH. invalidFilter is the one §3.12 lists
 * for a bad filter inside a PATCH path (`emails[type eq work]`); the others are PATCH's own.
 */
export type ScimPatchType =
  | 'invalidSyntax'
  | 'invalidPath'
  | 'invalidFilter'
  | 'noTarget'
  | 'invalidValue'
  | 'mutability';

/**
 * A PATCH request that cannot be applied. A SCIM server answers it with 400 and this `scimType`,
 * passing the message on as `detail`: it names the operation and says what to send instead.
 */
export class ScimPatchError extends Error {
  readonly status = 400;

  constructor(
    readonly scimType: ScimPatchType,
    message: string,
  ) {
    super(message);
    this.name = 'ScimPatchError';
  }

  /** The same error with where it happened in front: `Operation 2 (replace "active"): …`. */
  within(place: string): ScimPatchError {
    return new ScimPatchError(this.scimType, `${place}: ${this.message}`);
  }
}
