import type { Services } from './context.ts';
import type { IsoDate } from '../core/market/types.ts';
import type { Observation } from '../core/data/macro.ts';
import type { Factor, FactorSet } from '../core/scenarios/factors.ts';
import type { StudyLeg, StudyPair } from '../core/scenarios/history-study.ts';
import { activityFactor, ismFactor, monetaryFactor } from '../core/scenarios/macro-factors.ts';
import { momentumFactor, seasonalityFactor } from '../core/scenarios/market-factors.ts';
import { unknownFactor } from '../core/scenarios/make-factor.ts';
import { REGIONAL_SURVEYS, regionalOrdersFactor } from '../core/scenarios/regional-orders.ts';
import { policyFactor } from '../core/scenarios/policy-factors.ts';
import { creditFactor, mergeObservations } from '../core/scenarios/credit-factor.ts';
import { valuationFactor } from '../core/scenarios/valuation-factor.ts';

export type ScenarioData = {
  readonly factors: FactorSet;
  readonly priceSource: string;
  readonly macroSource: string;
  /** The pair momentum was read from, when prices were available. */
  readonly pair: { readonly small: string; readonly large: string } | null;
};

async function observations(services: Services, id: string): Promise<readonly Observation[] | undefined> {
  try {
    const series = await services.macro.getSeries(id);
    return series.observations.length ? series.observations : undefined;
  } catch {
    return undefined;
  }
}

async function leg(services: Services, symbol: string): Promise<StudyLeg | undefined> {
  try {
    const series = await services.market.getDaily(symbol);
    return { symbol, bars: series.bars };
  } catch {
    return undefined;
  }
}

/** The ISM file wins whenever it has a usable reading; otherwise the regional Fed proxy, if it has one. */
function ismOrProxy(fromFile: Factor<'ism'>, proxy: () => Factor<'ism'>): Factor<'ism'> {
  if (fromFile.source !== 'unknown') return fromFile;
  const fallback = proxy();
  return fallback.source === 'unknown' ? fromFile : fallback;
}

/**
 * Reads every factor the data can speak to. A series that fails or is missing makes its factor
 * unknown; nothing here throws for want of data.
 */
export async function loadScenarioData(services: Services, asOf: IsoDate): Promise<ScenarioData> {
  const smallSymbol = services.universe.etf.small[0]?.symbol;
  const largeSymbol = services.universe.etf.large[0]?.symbol;
  const [small, large, dff, fedfunds, ism, houst, totalsa, hyArchive, hyRecent, epuTrade, epuFiscal, relativePe, ...regional] = await Promise.all([
    smallSymbol ? leg(services, smallSymbol) : undefined,
    largeSymbol ? leg(services, largeSymbol) : undefined,
    ...['DFF', 'FEDFUNDS', 'ISM_MANUFACTURING_PMI', 'HOUST', 'TOTALSA', 'BAMLH0A0HYM2', 'BAMLH0A0HYM2_recent', 'EPUTRADE', 'EPUFISCAL', 'RELATIVE_PE', ...REGIONAL_SURVEYS.map((r) => r.id)]
      .map((id) => observations(services, id)),
  ]) as [StudyLeg | undefined, StudyLeg | undefined, ...(readonly Observation[] | undefined)[]];
  const rates = dff ? { id: 'DFF' as const, observations: dff } : fedfunds ? { id: 'FEDFUNDS' as const, observations: fedfunds } : undefined;
  const legs = small && large ? { small, large } : undefined;
  const factors: FactorSet = {
    seasonality: seasonalityFactor(asOf),
    momentum: legs ? momentumFactor(legs, asOf) : unknownFactor('momentum', { reason: 'no-prices' }),
    monetary: monetaryFactor(rates, asOf),
    fiscal: policyFactor('fiscal', epuFiscal, asOf),
    tariffs: policyFactor('tariffs', epuTrade, asOf),
    ism: ismOrProxy(ismFactor(ism, asOf), () => regionalOrdersFactor(Object.fromEntries(REGIONAL_SURVEYS.map((r, i) => [r.id, regional[i]])), asOf)),
    housing: activityFactor('housing', 'HOUST', houst, asOf),
    autos: activityFactor('autos', 'TOTALSA', totalsa, asOf),
    credit: creditFactor(mergeObservations(hyArchive, hyRecent), asOf),
    revisions: unknownFactor('revisions', { reason: 'revisions-sources' }),
    valuation: valuationFactor({ relativePe, legs }, asOf),
  };
  return {
    factors,
    priceSource: services.market.sourceLabel,
    macroSource: services.macro.sourceLabel,
    pair: small && large ? { small: small.symbol, large: large.symbol } : null,
  };
}

/**
 * The candidate pairs for the history study: each small-cap leg against the primary large-cap leg,
 * ETFs and indexes alike (IWM vs SPY from 2000, IJR vs SPY from 2005, ^RUT vs ^GSPC from 2016…).
 */
export async function loadStudyPairs(services: Services): Promise<StudyPair[]> {
  const families = [services.universe.etf, services.universe.index];
  const wanted = families.flatMap((f) => (f.large[0] ? f.small.map((s) => ({ small: s.symbol, large: f.large[0]!.symbol })) : []));
  const symbols = [...new Set(wanted.flatMap((w) => [w.small, w.large]))];
  const loaded = new Map<string, StudyLeg>();
  await Promise.all(symbols.map(async (s) => {
    const l = await leg(services, s);
    if (l) loaded.set(s, l);
  }));
  return wanted.flatMap((w) => {
    const small = loaded.get(w.small);
    const large = loaded.get(w.large);
    return small && large ? [{ small, large }] : [];
  });
}
