import type { Locale } from '../i18n/locale.ts';
import type { IsoDate } from '../market/types.ts';
import type { MarketHoliday } from '../calendar/index.ts';
import type { Reply } from '../reply.ts';
import { nextSession } from '../calendar/index.ts';
import { t } from '../i18n/translate.ts';
import { formatDate } from '../i18n/format.ts';

/** The one-line post a `closed:notice` channel gets instead of a morning post after an NYSE holiday. */
export function closedNoticeReply(locale: Locale, holiday: MarketHoliday): Reply {
  const title = t(locale, 'post.closed.title');
  const text = t(locale, 'post.closed.text', {
    date: formatDate(locale, holiday.date),
    holiday: holiday.name[locale],
    next: formatDate(locale, nextSession(holiday.date)),
  });
  return { visibility: 'public', locale, tone: 'neutral', title, text, fields: [], fallbackText: `${title}: ${text}` };
}

export function closedNoticeResult(holiday: MarketHoliday): { kind: 'closed'; date: IsoDate; holiday: string; nextSession: IsoDate } {
  return { kind: 'closed', date: holiday.date, holiday: holiday.id, nextSession: nextSession(holiday.date) };
}
