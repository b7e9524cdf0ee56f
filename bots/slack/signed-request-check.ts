import { isValidSlackRequest } from '@slack/bolt';
import { SLACK_LIMITS } from '../../core/platform-limits.ts';

/** What to do with a request to the events path before Bolt sees it. */
export type Verdict =
  | { readonly action: 'pass' }
  | { readonly action: 'refuse'; readonly status: 400 | 401; readonly reason: string }
  /** A copy of a signed request already acted on: acknowledged, not acted on again. */
  | { readonly action: 'ack-replay' };

export type SignedRequest = {
  readonly signature: string | undefined;
  readonly timestamp: string | undefined;
  readonly contentType: string | undefined;
  readonly body: string;
};

/** Signatures of the signed requests seen in the last five minutes, with the second each stops mattering. */
export type ReplayMemory = Map<string, number>;

/**
 * Refuses what Bolt would mishandle: a timestamp more than five minutes ahead (Bolt refuses only
 * old ones), a signed JSON body that is not an object (Bolt never answers `null`), and a second
 * copy of a signed request inside the window (Bolt would act on it again). Unsigned or badly signed
 * requests pass, for Bolt to refuse with its 401.
 */
export function checkSignedRequest(request: SignedRequest, signingSecret: string, nowSeconds: number, seen: ReplayMemory): Verdict {
  const maxAge = SLACK_LIMITS.requestMaxAgeSeconds;
  const timestamp = Number(request.timestamp);
  if (Number.isFinite(timestamp) && timestamp > nowSeconds + maxAge) return { action: 'refuse', status: 401, reason: 'request timestamp is in the future' };
  if (!request.signature || !Number.isFinite(timestamp)) return { action: 'pass' };
  const signed = isValidSlackRequest({ signingSecret, body: request.body, headers: { 'x-slack-signature': request.signature, 'x-slack-request-timestamp': timestamp }, nowMilliseconds: nowSeconds * 1000 });
  if (!signed) return { action: 'pass' };
  for (const [signature, until] of seen) if (until < nowSeconds) seen.delete(signature);
  if (seen.has(request.signature)) return { action: 'ack-replay' };
  seen.set(request.signature, timestamp + maxAge);
  if (request.contentType?.split(';')[0]?.trim() === 'application/json') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(request.body);
    } catch {
      return { action: 'refuse', status: 400, reason: 'the body is not JSON' };
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { action: 'refuse', status: 400, reason: 'the JSON body is not an object' };
  }
  return { action: 'pass' };
}
