import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { FactorId, States } from '../../../core/scenarios/factors.ts';
import type { Verdict } from '../../../core/scenarios/rules.ts';
import { FACTOR_IDS, FACTOR_STATES } from '../../../core/scenarios/factors.ts';
import { decideVerdict } from '../../../core/scenarios/rules.ts';
import { findFlips } from '../../../core/scenarios/flips.ts';
import { SCENARIOS } from '../../../core/scenarios/presets.ts';
import { JANUARY_2026, states } from './states.ts';

type World = { readonly changes: Record<string, string>; readonly verdict: Verdict };

/** Every world reachable from `s` (each factor kept or set to any other known state), found without the code under test. */
function allWorlds(s: States): World[] {
  const out: World[] = [];
  const walk = (i: number, changes: Record<string, string>) => {
    if (i === FACTOR_IDS.length) {
      out.push({ changes: { ...changes }, verdict: decideVerdict({ ...s, ...changes } as States) });
      return;
    }
    const id = FACTOR_IDS[i]!;
    walk(i + 1, changes);
    for (const to of FACTOR_STATES[id]) {
      if (to === s[id]) continue;
      changes[id] = to;
      walk(i + 1, changes);
      delete changes[id];
    }
  };
  walk(0, {});
  return out;
}

const keyOf = (changes: Record<string, string>) => Object.entries(changes).map(([id, to]) => `${id}=${to}`).sort().join('|');

function bruteForce(s: States, maxChanges: number) {
  const current = decideVerdict(s);
  const worlds = allWorlds(s);
  const verdictOf = new Map(worlds.map((w) => [keyOf(w.changes), w.verdict]));
  const minimal = worlds.filter((w) => {
    const entries = Object.entries(w.changes);
    if (w.verdict === current || entries.length > maxChanges) return false;
    for (let mask = 1; mask < (1 << entries.length) - 1; mask++) {
      if (verdictOf.get(keyOf(Object.fromEntries(entries.filter((_, i) => mask & (1 << i))))) === w.verdict) return false;
    }
    return true;
  });
  const nearest = new Map<Verdict, number>();
  for (const w of worlds) {
    const n = Object.keys(w.changes).length;
    if (w.verdict !== current && n < (nearest.get(w.verdict) ?? Infinity)) nearest.set(w.verdict, n);
  }
  return { current, minimal, nearest };
}

function checkAgainstBruteForce(s: States) {
  const report = findFlips(s, 3, 3);
  const truth = bruteForce(s, 3);
  const found = report.minimal.map((f) => keyOf(Object.fromEntries(f.changes.map((c) => [c.id, c.to]))));
  expect(new Set(found)).toEqual(new Set(truth.minimal.map((w) => keyOf(w.changes))));
  expect(found.length).toBe(new Set(found).size);
  for (const f of report.minimal) {
    const next = { ...s, ...Object.fromEntries(f.changes.map((c) => [c.id, c.to])) } as States;
    expect(decideVerdict(next)).toBe(f.verdict);
    for (const c of f.changes) expect(c.from).toBe(s[c.id as FactorId]);
  }
  const smallestTrue = Math.min(...truth.nearest.values());
  if (smallestTrue <= 3) expect(report.shown[0]!.changes.length).toBe(smallestTrue);
  else expect(report.shown).toEqual([]);
  const unreachable = (['durable-rerating', 'short-term-trade', 'large-cap-leadership', 'mixed'] as const).filter((v) => v !== truth.current && (truth.nearest.get(v) ?? Infinity) > 3);
  expect([...report.unreachable].sort()).toEqual([...unreachable].sort());
  return report;
}

describe('what would flip it', () => {
  it('matches an exhaustive search on the January 2026 reading', () => {
    const report = checkAgainstBruteForce(states(JANUARY_2026));
    // Calm credit and a cheap relative price now balance the weak cycle, so a fading lead alone is mixed,
    // and the small-cap case (stimulus, tariff relief and an expanding cycle) is within three changes.
    expect(report.shown[0]).toEqual({ changes: [{ id: 'momentum', from: 'small-leading', to: 'no-clear-leader' }], verdict: 'mixed' });
    expect(report.unreachable).toEqual([]);
  });

  it.each(['small-cap-case', 'large-cap-case'] as const)('matches an exhaustive search on the %s', (preset) => {
    checkAgainstBruteForce(SCENARIOS[preset]);
  });

  it('matches an exhaustive search when nothing is known', () => {
    checkAgainstBruteForce(states());
  });

  it('matches an exhaustive search on random fully known readings', () => {
    const known = fc.record(Object.fromEntries(FACTOR_IDS.map((id) => [id, fc.constantFrom(...FACTOR_STATES[id])])) as Record<FactorId, fc.Arbitrary<string>>);
    fc.assert(fc.property(known, (s) => { checkAgainstBruteForce(s as unknown as States); }), { numRuns: 12, seed: 20260120 });
  });

  it('shows at most three flips, smallest first, one per reachable verdict before repeats', () => {
    const report = findFlips(states(JANUARY_2026));
    expect(report.shown.length).toBeLessThanOrEqual(3);
    const sizes = report.shown.map((f) => f.changes.length);
    expect(sizes).toEqual([...sizes].sort((a, b) => a - b));
    const reachable = new Set(report.minimal.map((f) => f.verdict));
    expect(new Set(report.shown.map((f) => f.verdict))).toEqual(reachable);
  });

  it('never turns a known factor back into unknown', () => {
    for (const f of findFlips(states(JANUARY_2026)).minimal) for (const c of f.changes) expect(c.to).not.toBe('unknown');
  });
});
