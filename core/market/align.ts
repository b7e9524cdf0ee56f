import type { Basis, Bar, IsoDate } from './types.ts';

export type Aligned = {
  readonly dates: readonly IsoDate[];
  /** values[leg][i] is the leg's close on dates[i]. */
  readonly values: readonly (readonly number[])[];
};

export function valueOf(bar: Bar, basis: Basis): number | undefined {
  return basis === 'total' ? bar.adjClose : bar.close;
}

/** Keeps only the dates every leg has a value for, up to and including `until`. */
export function alignOnCommonSessions(legs: readonly (readonly Bar[])[], basis: Basis, until: IsoDate): Aligned {
  if (legs.length === 0) return { dates: [], values: [] };
  const maps = legs.map((bars) => {
    const m = new Map<IsoDate, number>();
    for (const bar of bars) {
      if (bar.date > until) break;
      const v = valueOf(bar, basis);
      if (v !== undefined) m.set(bar.date, v);
    }
    return m;
  });
  const shortest = maps.reduce((a, b) => (b.size < a.size ? b : a));
  const dates = [...shortest.keys()].filter((d) => maps.every((m) => m.has(d))).sort();
  return { dates, values: maps.map((m) => dates.map((d) => m.get(d)!)) };
}
