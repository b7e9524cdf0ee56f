import type { IsoDate } from '../market/types.ts';
import { previousSession } from '../calendar/index.ts';

export type SeasonalWindow = {
  /** The January the window belongs to. */
  readonly year: number;
  readonly start: IsoDate;
  readonly end: IsoDate;
};

/**
 * The tax-loss reversal window that ends in January of `year`: from the last NYSE session of
 * December through the last session of January.
 *
 * - Start: tax-loss selling weighs on losers (disproportionately small caps) through December; the
 *   small-cap rebound of the turn of the year begins on the last trading day of December (Keim
 *   1983, Roll 1983: "Turn-of-the-year effect").
 * - End: the wash-sale rule lets a seller buy a loser back without losing the tax loss only 31 days
 *   after the sale, so repurchases of positions sold in late December run to the end of January.
 *   The brief agrees: on 20 January 2026 the analysts expected the fade "within the next two
 *   weeks", as tax-related flows settle, which lands at the turn of January and February.
 */
export function seasonalWindow(year: number): SeasonalWindow {
  return { year, start: previousSession(`${year}-01-01`), end: previousSession(`${year}-02-01`) };
}

/** The window `date` falls in, or else the next one. */
export function seasonalWindowAt(date: IsoDate): { readonly window: SeasonalWindow; readonly inside: boolean } {
  const year = Number(date.slice(0, 4));
  const current = seasonalWindow(year);
  if (date <= current.end) return { window: current, inside: date >= current.start };
  const next = seasonalWindow(year + 1);
  return { window: next, inside: date >= next.start };
}
