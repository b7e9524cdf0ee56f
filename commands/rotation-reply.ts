import type { Locale } from '../core/i18n/locale.ts';
import { INTL_TAG } from '../core/i18n/locale.ts';
import type { Reply } from '../core/reply.ts';
import type { Subscription } from '../core/posts/subscription.ts';
import type { LedgerEntry } from '../core/posts/ledger-entry.ts';
import type { PostSlot, SlotPost } from '../core/posts/due.ts';
import { t } from '../core/i18n/translate.ts';
import { formatDate } from '../core/i18n/format.ts';

/** An instant as the channel's clocks read it: "Wed, Jan 21, 08:30" / "1월 21일 (수) 08:30". */
export function formatInZone(locale: Locale, instant: number, timeZone: string): string {
  return new Intl.DateTimeFormat(INTL_TAG[locale], {
    timeZone,
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(instant));
}

export function scheduleLine(locale: Locale, sub: Subscription): string {
  return t(locale, 'rotation.schedule', {
    time: sub.time,
    zone: sub.timeZone,
    lang: t(locale, `rotation.lang.${sub.locale}`),
    closed: t(locale, `rotation.closed.${sub.closedNotice ? 'notice' : 'skip'}`),
  });
}

export function nextLine(locale: Locale, sub: Subscription, next: (PostSlot & { readonly post: SlotPost }) | undefined): string {
  if (!next) return t(locale, 'rotation.noNext');
  const params = { when: formatInZone(locale, next.at, sub.timeZone), zone: sub.timeZone, date: formatDate(locale, next.post.reportDate) };
  return t(locale, next.post.kind === 'morning' ? 'rotation.next' : 'rotation.nextClosed', params);
}

export function lastLine(locale: Locale, sub: Pick<Subscription, 'timeZone'>, entry: LedgerEntry | undefined): string {
  if (!entry) return t(locale, 'rotation.noLast');
  const when = (ms: number | undefined) => (ms === undefined ? '?' : formatInZone(locale, ms, sub.timeZone));
  const error = entry.error ?? '?';
  const result =
    entry.status === 'posted'
      ? entry.dataAsOf !== undefined && entry.kind === 'morning' && entry.dataAsOf < entry.reportDate
        ? t(locale, 'rotation.result.postedStale', { when: when(entry.postedAt), asOf: formatDate(locale, entry.dataAsOf) })
        : t(locale, 'rotation.result.posted', { when: when(entry.postedAt) })
      : entry.status === 'failed'
        ? t(locale, 'rotation.result.failed', { error })
        : entry.status === 'skipped'
          ? t(locale, 'rotation.result.skipped', { error })
          : entry.status === 'retry'
            ? t(locale, 'rotation.result.retry', { when: when(entry.nextAttemptAt), error })
            : t(locale, 'rotation.result.inProgress');
  return t(locale, entry.kind === 'morning' ? 'rotation.last' : 'rotation.lastClosed', { date: formatDate(locale, entry.reportDate), result });
}

export function rotationReply(locale: Locale, title: string, lines: readonly string[], visibility: Reply['visibility']): Reply {
  const text = lines.join('\n');
  return { visibility, locale, tone: 'neutral', title, text, fields: [], fallbackText: `${title}: ${lines[0] ?? ''}` };
}
