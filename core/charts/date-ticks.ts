import type { ChartLocale } from './chart-spec.ts';
import type { IsoDate } from '../market/types.ts';

export type DateTick = { readonly index: number; readonly label: string };
export type DateGranularity = 'day' | 'month' | 'year';

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAY_MS = 86_400_000;

const parts = (date: IsoDate) => ({ y: Number(date.slice(0, 4)), m: Number(date.slice(5, 7)), d: Number(date.slice(8, 10)) });
const dayNumber = (date: IsoDate) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;

export function granularityFor(first: IsoDate, last: IsoDate): DateGranularity {
  const span = dayNumber(last) - dayNumber(first);
  if (span < 62) return 'day';
  if (span < 3 * 365) return 'month';
  return 'year';
}

/** 'Jan 5' / '1월 5일', 'Mar 2024' / '2024년 3월', '2019' / '2019년'. */
export function formatDateTick(date: IsoDate, granularity: DateGranularity, locale: ChartLocale): string {
  const { y, m, d } = parts(date);
  if (granularity === 'day') return locale === 'ko' ? `${m}월 ${d}일` : `${MONTHS_EN[m - 1]} ${d}`;
  if (granularity === 'month') return locale === 'ko' ? `${y}년 ${m}월` : `${MONTHS_EN[m - 1]} ${y}`;
  return locale === 'ko' ? `${y}년` : String(y);
}

/** The first step from `steps` that leaves at most `maxTicks` of the candidates. */
function thin(candidates: readonly number[], keyOf: (index: number) => number, steps: readonly number[], maxTicks: number): number[] {
  for (const step of steps) {
    const kept = candidates.filter((i) => keyOf(i) % step === 0);
    if (kept.length <= maxTicks && kept.length > 0) return kept;
  }
  const step = Math.ceil(candidates.length / Math.max(1, maxTicks));
  return candidates.filter((_, k) => k % step === 0);
}

/**
 * Which sessions get a date label on a category axis, and the label: every few sessions when
 * the span is under two months, month starts under three years, year starts beyond.
 * `maxTicks` says how many labels of the chosen granularity fit.
 */
export function planDateTicks(dates: readonly IsoDate[], locale: ChartLocale, maxTicks: (granularity: DateGranularity) => number): DateTick[] {
  const n = dates.length;
  if (n === 0) return [];
  const granularity = granularityFor(dates[0]!, dates[n - 1]!);
  const most = Math.max(1, maxTicks(granularity));
  let indices: number[];
  if (granularity === 'day') {
    const all = dates.map((_, i) => i);
    // Counted from the last session so the latest date always has a label.
    indices = thin(all, (i) => n - 1 - i, [1, 2, 3, 5, 10, 15, 20], most);
  } else {
    const boundaries: number[] = [];
    // The series may open on the first session of a month (or year): that is a boundary too.
    const first = parts(dates[0]!);
    if (first.d <= 4 && (granularity === 'month' || first.m === 1)) boundaries.push(0);
    for (let i = 1; i < n; i++) {
      const a = parts(dates[i - 1]!);
      const b = parts(dates[i]!);
      if (granularity === 'month' ? a.m !== b.m || a.y !== b.y : a.y !== b.y) boundaries.push(i);
    }
    indices = granularity === 'month'
      ? thin(boundaries, (i) => parts(dates[i]!).m - 1, [1, 2, 3, 6, 12], most)
      : thin(boundaries, (i) => parts(dates[i]!).y, [1, 2, 5, 10, 20, 25, 50], most);
    if (indices.length === 0) indices = n > 1 ? [0, n - 1] : [0];
  }
  return indices.map((index) => ({ index, label: formatDateTick(dates[index]!, granularity, locale) }));
}
