export type UserErrorParams = Record<string, string | number>;

/** A mistake the user can fix. Rendered as a short localized message plus usage, never a stack trace. */
export class UserError extends Error {
  constructor(
    readonly key: string,
    readonly params: UserErrorParams = {},
  ) {
    super(`${key} ${JSON.stringify(params)}`);
    this.name = 'UserError';
  }
}

/**
 * The data could not answer (a source unreachable, a broken file): not a mistake in the question, so it
 * is shown without the command's usage. `otherData` says to suggest another source of data.
 */
export class DataError extends UserError {
  constructor(
    key: string,
    params: UserErrorParams = {},
    readonly otherData = false,
  ) {
    super(key, params);
    this.name = 'DataError';
  }
}
