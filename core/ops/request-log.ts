import { createHash, randomBytes } from 'node:crypto';
import type { Logger } from '../logger.ts';

export type RequestFields = {
  readonly platform: string;
  readonly command?: string | undefined;
  readonly userId: string;
  readonly channelId?: string | undefined;
  /** Slack's team id: which installation answered. */
  readonly workspaceId?: string | undefined;
};

/** A short, stable stand-in for a user id, so logs can follow one user without naming them. */
export function userHash(platform: string, userId: string): string {
  return createHash('sha256').update(`${platform}:${userId}`).digest('hex').slice(0, 12);
}

export const newRequestId = () => randomBytes(6).toString('hex');

/** A child logger for one command: every line it writes carries the request id, platform, command and user hash. */
export function requestLogger(log: Logger, fields: RequestFields): { readonly log: Logger; readonly requestId: string } {
  const requestId = newRequestId();
  return {
    requestId,
    log: log.child({
      requestId,
      platform: fields.platform,
      ...(fields.command ? { command: fields.command } : {}),
      user: userHash(fields.platform, fields.userId),
      ...(fields.channelId ? { channel: fields.channelId } : {}),
      ...(fields.workspaceId ? { workspace: fields.workspaceId } : {}),
    }),
  };
}
