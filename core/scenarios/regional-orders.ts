import type { IsoDate } from '../market/types.ts';
import type { Observation } from '../data/macro.ts';
import type { Factor } from './factors.ts';
import { addCalendarMonths } from '../market/sessions-index.ts';
import { classifyIsm, THRESHOLDS } from './rules.ts';
import { knownFactor, unknownFactor } from './make-factor.ts';
import { latestKnown, PUBLICATION } from './macro-factors.ts';

/**
 * The regional Federal Reserve manufacturing surveys whose current new-orders diffusion index
 * (seasonally adjusted) FRED carries. The Richmond and Kansas City surveys are published by those
 * banks as workbooks but are not on FRED.
 */
export const REGIONAL_SURVEYS = [
  { id: 'NOCDISA066MSFRBNY', bank: 'NY' },
  { id: 'NOCDFSA066MSFRBPHI', bank: 'PHIL' },
  { id: 'VNWOSAMFRBDAL', bank: 'DAL' },
] as const;

export type RegionalSeriesId = (typeof REGIONAL_SURVEYS)[number]['id'];
export type RegionalSeries = { readonly [K in RegionalSeriesId]?: readonly Observation[] };

const monthOf = (date: IsoDate) => date.slice(0, 7);
const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / values.length;

/**
 * A proxy for ISM new orders: the average of the regional new-orders indexes published for the
 * latest month any of them covers (surveys not yet out for that month are left out, and named),
 * against the same surveys three months earlier. Below 0 is contraction; above it, expanding only
 * while not falling.
 */
export function regionalOrdersFactor(series: RegionalSeries, asOf: IsoDate): Factor<'ism'> {
  const readings = REGIONAL_SURVEYS.flatMap((s) => {
    const found = latestKnown(series[s.id], PUBLICATION[s.id], asOf);
    return found.ok ? [{ ...s, known: found.known, latest: found.latest }] : [];
  });
  if (!readings.length) return unknownFactor('ism', { reason: 'no-data', series: 'ISM_MANUFACTURING_PMI' });
  const month = readings.map((r) => monthOf(r.latest.date)).sort().at(-1)!;
  const current = readings.filter((r) => monthOf(r.latest.date) === month);
  const earlierMonth = monthOf(addCalendarMonths(`${month}-01`, -THRESHOLDS.ismTrendMonths));
  const earlierValues = current.map((r) => r.known.find((o) => monthOf(o.date) === earlierMonth)?.value);
  const earlier = earlierValues.every((v): v is number => v !== undefined) ? mean(earlierValues) : undefined;
  const index = mean(current.map((r) => r.latest.value));
  return knownFactor('ism', classifyIsm(index, earlier, THRESHOLDS.regionalExpansion), 'proxy', current.map((r) => r.latest.date).sort().at(-1)!, {
    series: 'REGIONAL_NEW_ORDERS',
    surveys: current.map((r) => r.bank).join('+'),
    surveyCount: current.length,
    index,
    month,
    ...(earlier === undefined ? {} : { earlierIndex: earlier, earlierMonth }),
  });
}
