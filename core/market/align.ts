import type { Basis, Bar, IsoDate } from './types.ts';

export type Aligned = {
  readonly dates: readonly IsoDate[];
  /** values[leg][i] is the leg's close on dates[i]. */
  readonly values: readonly (readonly number[])[];
};

export function valueOf(bar: Bar, basis: Basis): number | undefined {
  return basis === 'total' ? bar.adjClose : bar.close;
}

/**
 * Keeps only the dates every leg has a value for, from `from` up to and including `until`. Bars are
 * ascending, so one pointer per leg walks forward: linear in the total number of bars.
 */
export function alignOnCommonSessions(legs: readonly (readonly Bar[])[], basis: Basis, until: IsoDate, from: IsoDate = ''): Aligned {
  const dates: IsoDate[] = [];
  const values: number[][] = legs.map(() => []);
  if (legs.length === 0) return { dates, values };
  const pos = legs.map(() => 0);
  const k = legs.length;
  let target = from;
  outer: for (;;) {
    for (let j = 0; j < k; j++) {
      const bars = legs[j]!;
      let p = pos[j]!;
      while (p < bars.length && (bars[p]!.date < target || valueOf(bars[p]!, basis) === undefined)) p++;
      pos[j] = p;
      if (p >= bars.length) break outer;
      if (bars[p]!.date > target) target = bars[p]!.date;
    }
    if (target > until) break;
    let all = true;
    for (let j = 0; j < k; j++) {
      if (legs[j]![pos[j]!]!.date !== target) { all = false; break; }
    }
    if (!all) continue;
    dates.push(target);
    for (let j = 0; j < k; j++) {
      values[j]!.push(valueOf(legs[j]![pos[j]!]!, basis)!);
      pos[j]!++;
    }
  }
  return { dates, values };
}

/** Every date any leg has, up to `until`, ascending and without repeats. */
export function unionOfSessions(legs: readonly (readonly Bar[])[], until: IsoDate): IsoDate[] {
  let merged: IsoDate[] = [];
  for (const bars of legs) {
    const next: IsoDate[] = [];
    let i = 0;
    let j = 0;
    while (i < merged.length || (j < bars.length && bars[j]!.date <= until)) {
      const a = merged[i];
      const b = j < bars.length && bars[j]!.date <= until ? bars[j]!.date : undefined;
      if (b === undefined || (a !== undefined && a < b)) { next.push(a!); i++; }
      else if (a === undefined || b < a) { next.push(b); j++; }
      else { next.push(a); i++; j++; }
    }
    merged = next;
  }
  return merged;
}
