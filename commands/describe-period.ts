import type { Locale } from '../core/i18n/locale.ts';
import type { Period } from '../core/market/period.ts';
import type { PeriodNote } from '../core/market/resolve-period.ts';
import { t } from '../core/i18n/translate.ts';
import { formatDate } from '../core/i18n/format.ts';

/** "this year", "over the past month", "in 2023", "since Jan 5, 2026". */
export function periodPhrase(locale: Locale, period: Period, baseDate: string, endDate: string): string {
  switch (period.kind) {
    case 'relative': return t(locale, `period.phrase.${period.code}`);
    case 'year': return t(locale, 'period.phrase.year', { year: period.year });
    case 'range': return t(locale, 'period.phrase.range', { from: formatDate(locale, baseDate), to: formatDate(locale, endDate) });
  }
}

/** A short name for titles: "YTD", "2023", "Jan 5 – Jan 20, 2026". */
export function periodName(locale: Locale, period: Period): string {
  switch (period.kind) {
    case 'relative': return t(locale, `period.name.${period.code}`);
    case 'year': return String(period.year);
    case 'range':
      return period.to
        ? t(locale, 'period.between', { from: formatDate(locale, period.from), to: formatDate(locale, period.to) })
        : t(locale, 'period.since', { from: formatDate(locale, period.from) });
  }
}

export function periodNoteText(locale: Locale, note: PeriodNote): string {
  switch (note.kind) {
    case 'snapped-from': return t(locale, 'notes.snappedFrom', { requested: note.requested, session: note.session });
    case 'snapped-to': return t(locale, 'notes.snappedTo', { requested: note.requested, session: note.session });
    case 'partial-year': return t(locale, 'notes.partialYear', { year: note.year, through: formatDate(locale, note.through) });
    case 'max-from': return t(locale, 'notes.maxFrom', { session: formatDate(locale, note.session) });
  }
}
