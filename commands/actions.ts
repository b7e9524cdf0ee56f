import type { ReplyAction } from '../core/reply.ts';

/** What a button press carries back, encoded in the platform's custom id (at most 100 characters). */
export type ActionPayload =
  | { readonly kind: 'explain-terms'; readonly terms: readonly string[] }
  | { readonly kind: 'share'; readonly command: string }
  | { readonly kind: 'run'; readonly command: string };

const PREFIX = 'rb';
const MAX = 100;

export function encodeAction(action: ReplyAction): string {
  switch (action.kind) {
    case 'explain-terms': {
      let terms = [...action.terms];
      while (terms.length > 1 && `${PREFIX}:explain:${terms.join(',')}`.length > MAX) terms = terms.slice(0, -1);
      return `${PREFIX}:explain:${terms.join(',')}`.slice(0, MAX);
    }
    case 'share':
    case 'run':
      return `${PREFIX}:${action.kind}:${action.command}`.slice(0, MAX);
  }
}

export function decodeAction(id: string): ActionPayload | undefined {
  const m = /^rb:(explain|share|run):(.*)$/s.exec(id);
  if (!m) return undefined;
  const body = m[2]!;
  if (m[1] === 'explain') {
    const terms = body.split(',').map((t) => t.trim()).filter((t) => /^[a-z0-9-]{1,60}$/.test(t));
    return terms.length ? { kind: 'explain-terms', terms } : undefined;
  }
  return body.trim() ? { kind: m[1] as 'share' | 'run', command: body } : undefined;
}

/** The command line a button press runs: `/explain a,b` or the shared command made public. */
export function actionCommandLine(payload: ActionPayload): string {
  switch (payload.kind) {
    case 'explain-terms': return `/explain ${payload.terms.join(',')}`;
    case 'share': return `${payload.command.replace(/\s+private[:=]\S+/g, '')} private:false`;
    case 'run': return payload.command;
  }
}
