import type { Services } from './context.ts';
import type { IsoDate } from '../core/market/types.ts';
import type { Observation } from '../core/data/macro.ts';
import type { FactorSet } from '../core/scenarios/factors.ts';
import type { StudyLeg, StudyPair } from '../core/scenarios/history-study.ts';
import { activityFactor, ismFactor, monetaryFactor } from '../core/scenarios/macro-factors.ts';
import { momentumFactor, seasonalityFactor } from '../core/scenarios/market-factors.ts';
import { unknownFactor } from '../core/scenarios/make-factor.ts';

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

/**
 * Reads every factor the data can speak to. A series that fails or is missing makes its factor
 * unknown; nothing here throws for want of data.
 */
export async function loadScenarioData(services: Services, asOf: IsoDate): Promise<ScenarioData> {
  const smallSymbol = services.universe.etf.small[0]?.symbol;
  const largeSymbol = services.universe.etf.large[0]?.symbol;
  const [small, large, dff, fedfunds, ism, houst, totalsa] = await Promise.all([
    smallSymbol ? leg(services, smallSymbol) : undefined,
    largeSymbol ? leg(services, largeSymbol) : undefined,
    observations(services, 'DFF'),
    observations(services, 'FEDFUNDS'),
    observations(services, 'ISM_MANUFACTURING_PMI'),
    observations(services, 'HOUST'),
    observations(services, 'TOTALSA'),
  ]);
  const rates = dff ? { id: 'DFF' as const, observations: dff } : fedfunds ? { id: 'FEDFUNDS' as const, observations: fedfunds } : undefined;
  const factors: FactorSet = {
    seasonality: seasonalityFactor(asOf),
    momentum: small && large ? momentumFactor({ small, large }, asOf) : unknownFactor('momentum', { reason: 'no-prices' }),
    monetary: monetaryFactor(rates, asOf),
    fiscal: unknownFactor('fiscal', { reason: 'no-public-data' }),
    tariffs: unknownFactor('tariffs', { reason: 'no-public-data' }),
    ism: ismFactor(ism, asOf),
    housing: activityFactor('housing', 'HOUST', houst, asOf),
    autos: activityFactor('autos', 'TOTALSA', totalsa, asOf),
    revisions: unknownFactor('revisions', { reason: 'no-public-data' }),
    valuation: unknownFactor('valuation', { reason: 'no-public-data' }),
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
