import type { Services } from './context.ts';
import type { LiveMetric } from '../core/glossary/types.ts';
import type { LiveFigure } from '../core/glossary/live-figure.ts';
import { liveFigure } from '../core/glossary/live-figure.ts';
import { loadLegs } from './load-legs.ts';

export type LoadedFigure = { readonly figure: LiveFigure; readonly source: string };

/**
 * The live figure for a glossary term from the universe's ETF legs, or null. A figure is a
 * bonus next to the explanation: missing data, a failing provider or a period the data does
 * not cover all leave it out rather than fail the answer.
 */
export async function loadLiveFigure(metric: LiveMetric, services: Services): Promise<LoadedFigure | null> {
  try {
    const { small, large } = services.universe.etf;
    const loaded = await loadLegs(services.market, [...small, ...large], new Set());
    const figure = liveFigure(metric, loaded.legs, services.today());
    return figure && { figure, source: loaded.source };
  } catch {
    return null;
  }
}
