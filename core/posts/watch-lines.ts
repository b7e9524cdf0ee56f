import type { Locale } from '../i18n/locale.ts';
import { INTL_TAG } from '../i18n/locale.ts';
import type { Quarter, WatchItem } from '../scenarios/watch.ts';
import { t } from '../i18n/translate.ts';
import { formatDate } from '../i18n/format.ts';

function formatMonth(locale: Locale, yyyyMm: string): string {
  return new Intl.DateTimeFormat(INTL_TAG[locale], { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(`${yyyyMm}-01T00:00:00Z`));
}

const quarterName = (locale: Locale, q: Quarter) => t(locale, 'post.watch.quarter', { year: q.year, quarter: q.quarter });

/** One "what to watch" line: the next ISM report, the earnings season, the tax-loss reversal window. */
export function watchLine(locale: Locale, item: WatchItem): string {
  const date = formatDate(locale, item.date);
  switch (item.kind) {
    case 'ism-release':
      return t(locale, 'post.watch.ism', { date, month: formatMonth(locale, item.coversMonth) });
    case 'earnings-season-start':
      return t(locale, 'post.watch.earningsStart', { date, quarter: quarterName(locale, item.reports), end: formatDate(locale, item.end) });
    case 'earnings-season-end':
      return t(locale, 'post.watch.earningsEnd', { date, quarter: quarterName(locale, item.reports) });
    case 'seasonal-window-end':
      return t(locale, 'post.watch.windowEnd', { date });
    case 'seasonal-window-start':
      return t(locale, 'post.watch.windowStart', { date });
  }
}
