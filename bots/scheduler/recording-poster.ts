import type { Reply } from '../../core/reply.ts';
import type { PostPlatform } from '../../core/posts/subscription.ts';
import type { Poster } from './poster.ts';

export type SentPost = { readonly channelId: string; readonly replies: readonly Reply[]; readonly workspaceId?: string };

/** A poster that keeps what it was given: for tests and demos. */
export type RecordingPoster = Poster & {
  /** Posts the platform accepted, in order. */
  readonly sent: SentPost[];
  /** Every call, accepted or not. */
  readonly calls: SentPost[];
  /** The next `times` calls throw `error` instead of posting. */
  failNext(error: Error, times?: number): void;
  /**
   * Runs inside each call after the post counts as delivered and before the call returns; a promise
   * that never settles stands for an instance that died right after delivering.
   */
  afterDelivery: (() => Promise<void>) | undefined;
};

export function createRecordingPoster(platform: PostPlatform): RecordingPoster {
  const failures: Error[] = [];
  const poster: RecordingPoster = {
    platform,
    sent: [],
    calls: [],
    afterDelivery: undefined,
    failNext(error, times = 1) {
      for (let i = 0; i < times; i++) failures.push(error);
    },
    async post(channelId, replies, workspaceId) {
      const post = { channelId, replies, ...(workspaceId ? { workspaceId } : {}) };
      poster.calls.push(post);
      const failure = failures.shift();
      if (failure) throw failure;
      poster.sent.push(post);
      await poster.afterDelivery?.();
    },
  };
  return poster;
}
