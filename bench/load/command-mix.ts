import { str } from '../../test/fakes/discord-interactions.ts';
import type { SentOption } from '../../test/fakes/discord-interactions.ts';

/** One kind of command in a load: `text` for Slack, `options` for Discord; `weight` how often it comes. */
export type Mix = { readonly weight: number; readonly name: string; readonly text: string; readonly options: readonly SentOption[] };

/** What users ask, roughly: mostly charts, some help and glossary, a few scenarios. */
export const MIX: readonly Mix[] = [
  { weight: 4, name: 'smallcaps', text: 'ytd', options: [str('period', 'ytd')] },
  { weight: 2, name: 'smallcaps', text: '1y vs:QQQ', options: [str('period', '1y'), str('vs', 'QQQ')] },
  { weight: 1, name: 'smallcaps', text: '5y chart:ratio', options: [str('period', '5y'), str('chart', 'ratio')] },
  { weight: 1, name: 'scenario', text: '', options: [] },
  { weight: 2, name: 'help', text: '', options: [] },
  { weight: 2, name: 'explain', text: 'spread', options: [str('term', 'spread')] },
];

/** Each kind repeated `weight` times: command k of a load is `weighted[k % weighted.length]`. */
export const weighted = <M extends { readonly weight: number }>(mix: readonly M[]): M[] => mix.flatMap((m) => Array.from({ length: m.weight }, () => m));
