/** Capitalised words that follow "vs" without being tickers. */
const NOT_TICKERS = new Set(['I', 'A', 'US', 'USA', 'NYSE', 'SEC', 'IRS', 'PM', 'AM', 'EST', 'ET', 'PST', 'UTC', 'Q', 'OMG', 'LOL', 'IMO', 'FYI', 'TBH', 'BTW', 'UK', 'EU', 'ETF', 'ETFS', 'YTD', 'MTD', 'QTD', 'YOY', 'PP', 'EPS', 'PE', 'GDP', 'CPI', 'PMI', 'ISM', 'FED', 'FOMC', 'AI', 'IPO', 'CEO', 'OK', 'VS', 'ATH', 'THE', 'LAST', 'ALL', 'MY', 'OUR']);
/** Symbols the instrument names already cover. */
const COVERED = new Set(['IWM', 'IJR', 'SPY', 'QQQ', 'RUT', 'SPX', 'GSPC', 'NDX', 'SP600']);

const COMPARING = String.raw`vs\.?|versus|against|compared (?:to|with)|relative to`;
const BETTING = String.raw`beat(?:s|ing)?|outperform(?:s|ing)?|underperform(?:s|ing)?|outpace(?:s)?|lag(?:s|ging)?|trail(?:s|ing)?|lose(?:s)? to|than`;

const unknownTicker = (symbol: string) => {
  const bare = symbol.replace('^', '');
  return !NOT_TICKERS.has(bare) && !COVERED.has(bare);
};

const tickerAfter = (cues: string) => {
  const re = new RegExp(String.raw`(?:^|[\s(])(?:${cues})\s+(?:the\s+)?(\^?[A-Z]{2,5})(?![\w&-])`);
  return (text: string): string | undefined => {
    const symbol = re.exec(text)?.[1];
    return symbol && unknownTicker(symbol) ? symbol : undefined;
  };
};

/** Every ticker typed in capitals that the reader has no name for, with where it ends: a bet may name one as its subject ("VTI beats small caps"). */
export function typedTickers(text: string): { readonly symbol: string; readonly to: number }[] {
  return [...text.matchAll(/(?<![\w^&])(\^?[A-Z]{2,5})(?![\w&-])/g)].filter((m) => unknownTicker(m[1]!)).map((m) => ({ symbol: m[1]!, to: m.index + m[0].length }));
}

/**
 * A ticker the reader has no name for, typed in capitals right after "vs", "versus", "against" or
 * "compared to" ("IWM vs VTI"): the comparison to ask the data source for, which answers for it or
 * says it has no such symbol.
 */
export const typedComparison = tickerAfter(COMPARING);

/** The same, also after the verb of a bet ("small caps beat VTI", "lag VTI", "better than VTI"). */
export const typedRival = tickerAfter(`${COMPARING}|${BETTING}`);
