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
