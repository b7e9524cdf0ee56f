import type { FactorId, States } from './factors.ts';
import type { Verdict } from './rules.ts';
import { FACTOR_IDS, FACTOR_STATES } from './factors.ts';
import { decideVerdict, VERDICTS } from './rules.ts';

export type Change = { readonly id: FactorId; readonly from: string; readonly to: string };
export type Flip = { readonly changes: readonly Change[]; readonly verdict: Verdict };

export type FlipReport = {
  /** Up to `show` minimal flips, smallest first: one per other verdict, then other factors, before any repeat. */
  readonly shown: readonly Flip[];
  /** Every minimal flip found: no proper subset of its changes leads to the same new verdict. */
  readonly minimal: readonly Flip[];
  /** Other verdicts that no combination of up to `maxChanges` changes reaches. */
  readonly unreachable: readonly Verdict[];
  readonly maxChanges: number;
};

const keyOf = (changes: readonly Change[]) => changes.map((c) => `${c.id}=${c.to}`).sort().join('|');

function* combinations<T>(items: readonly T[], k: number, start = 0): Generator<T[]> {
  if (k === 0) { yield []; return; }
  for (let i = start; i <= items.length - k; i++) {
    for (const rest of combinations(items, k - 1, i + 1)) yield [items[i]!, ...rest];
  }
}

function* alternatives(states: States, ids: readonly FactorId[], at = 0): Generator<Change[]> {
  if (at === ids.length) { yield []; return; }
  const id = ids[at]!;
  const from = states[id];
  for (const to of FACTOR_STATES[id]) {
    if (to === from) continue;
    for (const rest of alternatives(states, ids, at + 1)) yield [{ id, from, to }, ...rest];
  }
}

function* properSubsets<T>(items: readonly T[]): Generator<T[]> {
  for (let mask = 1; mask < (1 << items.length) - 1; mask++) yield items.filter((_, i) => mask & (1 << i));
}

/**
 * "What would flip it": tries every combination of 1, then 2, then up to `maxChanges` factor
 * changes (to any other known state; an unknown factor may become known, never the reverse) and
 * keeps the minimal ones that produce a different verdict. Minimal is per new verdict: a pair of
 * changes that leads to `mixed` is kept even if one of them alone already leads elsewhere, so every
 * verdict within reach has a shortest route.
 */
export function findFlips(states: States, maxChanges = 3, show = 3): FlipReport {
  const current = decideVerdict(states);
  const verdictOf = new Map<string, Verdict>();
  const minimal: Flip[] = [];
  for (let k = 1; k <= maxChanges; k++) {
    for (const ids of combinations(FACTOR_IDS, k)) {
      for (const changes of alternatives(states, ids)) {
        const next = { ...states } as Record<FactorId, string>;
        for (const c of changes) next[c.id] = c.to;
        const verdict = decideVerdict(next as unknown as States);
        verdictOf.set(keyOf(changes), verdict);
        if (verdict === current) continue;
        const reachedBySubset = [...properSubsets(changes)].some((sub) => verdictOf.get(keyOf(sub)) === verdict);
        if (!reachedBySubset) minimal.push({ changes, verdict });
      }
    }
  }
  const shown: Flip[] = [];
  const seen = new Set<Verdict>();
  for (const f of minimal) {
    if (shown.length < show && !seen.has(f.verdict)) { shown.push(f); seen.add(f.verdict); }
  }
  // Then flips that touch a different set of factors from those shown, then anything left.
  const factorsOf = (f: Flip) => f.changes.map((c) => c.id).join('+');
  for (const f of minimal) {
    if (shown.length < show && !shown.includes(f) && !shown.some((g) => factorsOf(g) === factorsOf(f))) shown.push(f);
  }
  for (const f of minimal) if (shown.length < show && !shown.includes(f)) shown.push(f);
  shown.sort((a, b) => a.changes.length - b.changes.length || minimal.indexOf(a) - minimal.indexOf(b));
  const reached = new Set(minimal.map((f) => f.verdict));
  return { shown, minimal, unreachable: VERDICTS.filter((v) => v !== current && !reached.has(v)), maxChanges };
}
