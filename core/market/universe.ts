import type { Basis, LegRole } from './types.ts';

export type Localized = { readonly en: string; readonly ko: string };

export type Instrument = {
  readonly symbol: string;
  readonly name: Localized;
  readonly role: LegRole;
  readonly kind: 'etf' | 'index';
};

export type Universe = {
  readonly etf: { readonly small: readonly Instrument[]; readonly large: readonly Instrument[] };
  readonly index: { readonly small: readonly Instrument[]; readonly large: readonly Instrument[] };
};

const KNOWN: Record<string, { name: Localized; kind: 'etf' | 'index'; size: LegRole; aliases: string[] }> = {
  IWM: { name: { en: 'Russell 2000', ko: '러셀2000' }, kind: 'etf', size: 'small', aliases: ['russell', 'russell2000', 'r2k', 'rut'] },
  IJR: { name: { en: 'S&P 600', ko: 'S&P 600' }, kind: 'etf', size: 'small', aliases: ['sp600', 's&p600'] },
  SPY: { name: { en: 'S&P 500', ko: 'S&P 500' }, kind: 'etf', size: 'large', aliases: ['sp500', 's&p500', 'spx', 'gspc'] },
  QQQ: { name: { en: 'Nasdaq-100', ko: '나스닥100' }, kind: 'etf', size: 'large', aliases: ['nasdaq', 'nasdaq100', 'ndx'] },
  '^RUT': { name: { en: 'Russell 2000', ko: '러셀2000' }, kind: 'index', size: 'small', aliases: ['russell', 'russell2000', 'r2k', 'rut', 'iwm'] },
  '^SP600': { name: { en: 'S&P 600', ko: 'S&P 600' }, kind: 'index', size: 'small', aliases: ['sp600', 's&p600', 'ijr'] },
  '^GSPC': { name: { en: 'S&P 500', ko: 'S&P 500' }, kind: 'index', size: 'large', aliases: ['sp500', 's&p500', 'spx', 'gspc', 'spy'] },
  '^NDX': { name: { en: 'Nasdaq-100', ko: '나스닥100' }, kind: 'index', size: 'large', aliases: ['nasdaq', 'nasdaq100', 'ndx', 'qqq'] },
};

/** Whether a symbol is a known small-cap or large-cap index (or its ETF); undefined for any other. */
export const knownSize = (symbol: string): LegRole | undefined => KNOWN[symbol.toUpperCase()]?.size;

/** Whether two known symbols follow one index (IWM and ^RUT are both the Russell 2000). */
export const sameIndex = (a: string, b: string): boolean => {
  const [x, y] = [KNOWN[a.toUpperCase()], KNOWN[b.toUpperCase()]];
  return x !== undefined && y !== undefined && x.name.en === y.name.en;
};

export function instrument(symbol: string, role: LegRole): Instrument {
  const upper = symbol.toUpperCase();
  const known = KNOWN[upper];
  return known
    ? { symbol: upper, name: known.name, role, kind: known.kind }
    : { symbol: upper, name: { en: upper, ko: upper }, role, kind: upper.startsWith('^') ? 'index' : 'etf' };
}

export function buildUniverse(lists: { small: readonly string[]; large: readonly string[]; smallIndex: readonly string[]; largeIndex: readonly string[] }): Universe {
  return {
    etf: { small: lists.small.map((s) => instrument(s, 'small')), large: lists.large.map((s) => instrument(s, 'large')) },
    index: { small: lists.smallIndex.map((s) => instrument(s, 'small')), large: lists.largeIndex.map((s) => instrument(s, 'large')) },
  };
}

export const DEFAULT_UNIVERSE = buildUniverse({
  small: ['IWM', 'IJR'], large: ['SPY', 'QQQ'], smallIndex: ['^RUT', '^SP600'], largeIndex: ['^GSPC', '^NDX'],
});

export function legsFor(universe: Universe, basis: Basis) {
  return basis === 'index' ? universe.index : universe.etf;
}

const squash = (s: string) => s.toLowerCase().replace(/[\s\-_.]/g, '');

/**
 * Resolves a leg the user names, in the given role: a universe leg by symbol or common name in the
 * basis's instrument family (`nasdaq` is QQQ for ETFs and ^NDX for indexes), or any other symbol as given.
 */
export function resolveLeg(universe: Universe, basis: Basis, typed: string, role: LegRole): Instrument {
  const family = legsFor(universe, basis);
  const q = squash(typed);
  const all = role === 'large' ? [...family.large, ...family.small] : [...family.small, ...family.large];
  const bySymbol = all.find((i) => squash(i.symbol) === q || squash(i.symbol.replace('^', '')) === q);
  if (bySymbol) return { ...bySymbol, role };
  const byAlias = all.find((i) => KNOWN[i.symbol]?.aliases.includes(q) || squash(i.name.en) === q);
  if (byAlias) return { ...byAlias, role };
  return instrument(typed.trim(), role);
}

/** The user's `vs` choice: the large leg. */
export const resolveVs = (universe: Universe, basis: Basis, vs: string): Instrument => resolveLeg(universe, basis, vs, 'large');

export function displayName(i: Instrument, locale: 'en' | 'ko'): string {
  return i.name.en === i.symbol ? i.symbol : `${i.name[locale]} (${i.symbol})`;
}
