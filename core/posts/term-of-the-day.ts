import { createHash } from 'node:crypto';

const rank = (seed: string, id: string) => createHash('sha256').update(`${seed}\u0000${id}`).digest('hex');

/**
 * The order a channel sees the glossary in: a shuffle fixed by `seed` (e.g. "slack:C123"). Sorting by a
 * hash of seed and id keeps every other entry's place when entries are added or removed.
 */
export function termOrder(ids: readonly string[], seed: string): string[] {
  return [...new Set(ids)]
    .map((id) => ({ id, key: rank(seed, id) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.id < b.id ? -1 : 1))
    .map((x) => x.id);
}

export type TermPick = {
  readonly id: string;
  /** Every entry had been shown: this one starts a new round, so the shown set is to be cleared first. */
  readonly startsNewRound: boolean;
};

/** The next term in the channel's order not yet shown this round; undefined for an empty glossary. */
export function pickTermOfTheDay(ids: readonly string[], shown: ReadonlySet<string>, seed: string): TermPick | undefined {
  const order = termOrder(ids, seed);
  const next = order.find((id) => !shown.has(id));
  if (next !== undefined) return { id: next, startsNewRound: false };
  return order[0] === undefined ? undefined : { id: order[0], startsNewRound: true };
}
