import type { MarketData } from '../core/data/provider.ts';
import type { Bar, IsoDate } from '../core/market/types.ts';

export type CallBars = { readonly small: readonly Bar[]; readonly large: readonly Bar[] };

/** Each leg's closes up to `through` (later data is ignored, as everywhere with ROTATION_AS_OF). */
export async function callBars(market: MarketData, smallSymbol: string, largeSymbol: string, through: IsoDate): Promise<CallBars> {
  const load = async (symbol: string) => (await market.getDaily(symbol)).bars.filter((b) => b.date <= through);
  const [small, large] = await Promise.all([load(smallSymbol), load(largeSymbol)]);
  return { small, large };
}
