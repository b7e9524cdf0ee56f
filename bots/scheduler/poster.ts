import type { Reply } from '../../core/reply.ts';
import type { PostPlatform } from '../../core/posts/subscription.ts';

/**
 * Delivers scheduled posts to one platform. Each adapter provides one; the scheduler calls it once per
 * post with the replies the commands' renderers understand, every one of them `visibility: 'public'`.
 *
 * Contract: resolve only once every reply was accepted by the platform; throw when any was not.
 * A throw is taken to mean nothing arrived, so the post is retried with backoff: a poster should
 * send one message per post (the morning post is one Reply) and never swallow errors. Throw
 * `PermanentPostError` when retrying cannot help (the channel is gone, the bot was removed).
 */
export interface Poster {
  readonly platform: PostPlatform;
  /** `workspaceId` is the subscription's (Slack: whose installation posts); posters that need none ignore it. */
  post(channelId: string, replies: readonly Reply[], workspaceId?: string): Promise<void>;
}

/** A refusal that retrying cannot fix: the post is marked failed at once. */
export class PermanentPostError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PermanentPostError';
  }
}
