import { t } from '../../core/i18n/translate.ts';

/** Titles of the answers that are not answers: a user error, an internal error, a refusal by the limits. */
const NOT_ANSWERS = ['errors.title', 'errors.internalTitle', 'limits.title'].map((key) => `${t('en', key)}:`);

/** What a `/rotation` answer must say: a new subscription, or a status that found one. */
export type RotationExpectation = 'created' | 'found';
const MUST_SAY: Record<RotationExpectation, string> = {
  created: t('en', 'rotation.title.subscribed'),
  found: t('en', 'rotation.noLast'),
};

/** Why an answer delivered to the fake Slack is wrong, or undefined when it is fine. `reply` starts with the message's fallback text. */
export function replyProblem(reply: string, expectation?: RotationExpectation): string | undefined {
  const refusal = NOT_ANSWERS.find((title) => reply.startsWith(title));
  if (refusal) return reply.slice(0, 200);
  if (expectation && !reply.includes(MUST_SAY[expectation])) return `expected "${MUST_SAY[expectation]}" in: ${reply.slice(0, 200)}`;
  return undefined;
}
