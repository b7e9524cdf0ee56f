import type { IsoDate } from '../market/types.ts';
import type { Observation } from '../data/macro.ts';
import type { Factor, StateOf } from './factors.ts';
import { percentileRank } from '../market/stats.ts';
import { classifyUncertainty, fiscalFromUncertainty, tariffsFromUncertainty, THRESHOLDS } from './rules.ts';
import { knownFactor, unknownFactor } from './make-factor.ts';
import { latestKnown, PUBLICATION } from './macro-factors.ts';

const mean = (values: readonly Observation[]) => values.reduce((a, o) => a + o.value, 0) / values.length;

const POLICY = {
  tariffs: { series: 'EPUTRADE', state: tariffsFromUncertainty },
  fiscal: { series: 'EPUFISCAL', state: fiscalFromUncertainty },
} as const;

/**
 * Tariffs from trade-policy uncertainty (EPUTRADE) and fiscal support from fiscal-policy
 * uncertainty (EPUFISCAL), Baker, Bloom and Davis's news-based categorical indexes. They measure
 * how uncertain policy is, not what it is, so the factor is a proxy. The last three months'
 * average is placed against the ten years of months before them and compared with the three
 * months before (see THRESHOLDS).
 */
export function policyFactor<K extends keyof typeof POLICY>(id: K, observations: readonly Observation[] | undefined, asOf: IsoDate): Factor<K> {
  const { series, state } = POLICY[id];
  const found = latestKnown(observations, PUBLICATION[series], asOf);
  if (!found.ok) return unknownFactor(id, { reason: found.reason, series, ...(found.last ? { last: found.last } : {}) });
  const months = THRESHOLDS.policyAverageMonths;
  const known = found.known;
  const recent = known.slice(-months);
  const previous = known.slice(-2 * months, -months);
  const history = known.slice(Math.max(0, known.length - months - THRESHOLDS.policyHistoryMonths), known.length - months);
  if (recent.length < months || previous.length < months || history.length < THRESHOLDS.policyMinHistoryMonths) {
    return unknownFactor(id, { reason: 'short-history', series });
  }
  const level = mean(recent);
  const changePct = (level / mean(previous) - 1) * 100;
  const percentile = percentileRank(history.map((o) => o.value), level);
  const reading = classifyUncertainty(percentile, changePct);
  return knownFactor(id, state(reading) as StateOf<K>, 'proxy', found.latest.date, {
    series,
    month: found.latest.date.slice(0, 7),
    level,
    previousLevel: mean(previous),
    changePct,
    percentile,
    historyFrom: history[0]!.date.slice(0, 7),
    reading,
  });
}
