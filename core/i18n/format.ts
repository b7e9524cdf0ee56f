import type { Locale } from './locale.ts';
import { INTL_TAG } from './locale.ts';
import type { IsoDate } from '../market/types.ts';

const cache = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: Locale, digits: number, signed: boolean): Intl.NumberFormat {
  const key = `${locale}:${digits}:${signed}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(INTL_TAG[locale], {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
      signDisplay: signed ? 'exceptZero' : 'auto',
    });
    cache.set(key, f);
  }
  return f;
}

/** A decimal return as a percent: 0.0667 → "+6.7%". */
export function formatPercent(locale: Locale, decimal: number, digits = 1, signed = true): string {
  return `${numberFormat(locale, digits, signed).format(decimal * 100)}%`;
}

/** A difference of percentages in percentage points: 7.3 → "+7.3 pp" (Korean "+7.3%p"). */
export function formatPp(locale: Locale, pp: number, digits = 1, signed = true): string {
  const n = numberFormat(locale, digits, signed).format(pp);
  return locale === 'ko' ? `${n}%p` : `${n} pp`;
}

export function formatNumber(locale: Locale, n: number, digits = 2): string {
  return numberFormat(locale, digits, false).format(n);
}

/** An ordinal-free percentile: 99.7 → "99.7th" / "상위 0.3%" is left to the message; this only formats the number. */
export function formatRank(locale: Locale, rank: number): string {
  return numberFormat(locale, 0, false).format(Math.floor(rank));
}

const dateFormats = new Map<Locale, Intl.DateTimeFormat>();
/** A session date as readers expect it: "Jan 20, 2026" / "2026. 1. 20.". */
export function formatDate(locale: Locale, date: IsoDate): string {
  let f = dateFormats.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(INTL_TAG[locale], { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
    dateFormats.set(locale, f);
  }
  return f.format(new Date(`${date}T00:00:00Z`));
}
