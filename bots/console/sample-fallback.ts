import type { Services } from '../../commands/context.ts';
import { UnknownSymbolError } from '../../core/data/provider.ts';
import type { MarketData } from '../../core/data/provider.ts';
import { UserError } from '../../core/user-error.ts';
import { sampleDataParts } from '../sample-data-parts.ts';
import { readSampleManifest } from '../../core/data/sample-data.ts';

/** The live price source of a console with no data folder. */
const LIVE_SOURCE = 'Yahoo';

export type ConsoleData = {
  /** The services for the next command: the live ones, or the sample once the live source failed. */
  current(): Services;
  /**
   * Called after each command: once, when the live source could not be reached with nothing cached and
   * the sample has just taken over for the rest of the session, that source and the sample's last date.
   */
  tookOver(): { readonly provider: string; readonly to: string } | undefined;
};

/** Notes whether a live request failed for want of the source (not for an unknown ticker). */
function watched(market: MarketData, onUnreachable: () => void): MarketData {
  return {
    sourceLabel: market.sourceLabel,
    getDaily: (symbol) =>
      market.getDaily(symbol).catch((error: unknown) => {
        if (!(error instanceof UnknownSymbolError) && !(error instanceof UserError)) onUnreachable();
        throw error;
      }),
  };
}

/**
 * The console's data: live, but when the live source cannot be reached and the cache has nothing, the
 * bundled sample answers, saying so on every answer. Only the console does this: a team in Slack or
 * Discord must never mistake sample numbers for live ones. A data folder, or the sample named with
 * --data, is used as it is.
 */
export function consoleData(live: Services): ConsoleData {
  if (live.config.ROTATION_DATA_DIR) return { current: () => live, tookOver: () => undefined };
  let unreachable = false;
  let sampled = false;
  let current: Services = { ...live, market: watched(live.market, () => (unreachable = true)) };
  return {
    current: () => current,
    tookOver() {
      if (sampled || !unreachable) return undefined;
      sampled = true;
      current = { ...live, ...sampleDataParts(live.config, { unreachable: LIVE_SOURCE }) };
      return { provider: LIVE_SOURCE, to: readSampleManifest().to };
    },
  };
}
