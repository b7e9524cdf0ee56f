import type { IsoDate } from '../market/types.ts';
import type { MarketHoliday } from '../calendar/index.ts';
import { addDays, NYSE_TIME_ZONE } from '../calendar/index.ts';
import type { LedgerEntry, LedgerView, PostKind } from './ledger-entry.ts';
import type { Subscription } from './subscription.ts';
import type { PostCalendar, TradingDayEnd } from './post-calendar.ts';
import { nysePostCalendar } from './post-calendar.ts';
import { claimDecision } from './claim-policy.ts';

/** What a slot posts: the morning post on the last session, or a closed notice for a holiday. */
export type SlotPost =
  | { readonly kind: 'morning'; readonly reportDate: IsoDate }
  | { readonly kind: 'closed'; readonly reportDate: IsoDate; readonly holiday: MarketHoliday };

/** One scheduled instant of a subscription and the trading days that ended since the one before. */
export type PostSlot = {
  /** The local date of the slot in the subscription's zone. */
  readonly date: IsoDate;
  readonly at: number;
  readonly previousAt: number;
  readonly post: SlotPost | undefined;
};

/**
 * The subscription's slot on its local `date`. A slot posts about the NYSE days whose end falls in
 * (previous slot, this slot]: the latest session among them (the morning post, reporting that session),
 * else, with closed notices on, the latest holiday. Weekends end nothing, so the slot after one is quiet.
 */
export function slotOn(sub: Subscription, date: IsoDate, calendar: PostCalendar = nysePostCalendar): PostSlot {
  if (calendar !== nysePostCalendar) return computeSlot(sub, date, calendar);
  const key = `${sub.time}|${sub.timeZone}|${sub.closedNotice}|${date}`;
  let slot = slotCache.get(key);
  if (!slot) {
    if (slotCache.size >= SLOT_CACHE_LIMIT) slotCache.clear();
    slot = computeSlot(sub, date, calendar);
    slotCache.set(key, slot);
  }
  return slot;
}

const SLOT_CACHE_LIMIT = 20_000;
const slotCache = new Map<string, PostSlot>();

function computeSlot(sub: Subscription, date: IsoDate, calendar: PostCalendar): PostSlot {
  const at = calendar.slotAt(date, sub.time, sub.timeZone);
  const previousAt = calendar.slotAt(addDays(date, -1), sub.time, sub.timeZone);
  const ended: TradingDayEnd[] = [];
  const last = calendar.localDate(at, NYSE_TIME_ZONE);
  for (let d = calendar.localDate(previousAt, NYSE_TIME_ZONE); d <= last; d = addDays(d, 1)) {
    const end = calendar.dayEnd(d);
    if (end && end.at > previousAt && end.at <= at) ended.push(end);
  }
  const session = ended.findLast((e) => !e.holiday);
  const holiday = ended.findLast((e) => e.holiday)?.holiday;
  const post: SlotPost | undefined = session
    ? { kind: 'morning', reportDate: session.date }
    : holiday && sub.closedNotice
      ? { kind: 'closed', reportDate: holiday.date, holiday }
      : undefined;
  return { date, at, previousAt, post };
}

/** The latest slot at or before `now` that is not older than the subscription itself. */
export function latestSlot(sub: Subscription, now: number, calendar: PostCalendar = nysePostCalendar): PostSlot | undefined {
  let date = calendar.localDate(now, sub.timeZone);
  if (calendar.slotAt(date, sub.time, sub.timeZone) > now) date = addDays(date, -1);
  const slot = slotOn(sub, date, calendar);
  return slot.at >= sub.createdAt ? slot : undefined;
}

/** The first slot after `from` that will post something (ledger aside), looking two weeks ahead. */
export function nextPostSlot(sub: Subscription, from: number, calendar: PostCalendar = nysePostCalendar): (PostSlot & { readonly post: SlotPost }) | undefined {
  const start = calendar.localDate(from, sub.timeZone);
  for (let k = 0; k <= 14; k++) {
    const slot = slotOn(sub, addDays(start, k), calendar);
    if (slot.at > from && slot.at >= sub.createdAt && slot.post) return { ...slot, post: slot.post };
  }
  return undefined;
}

/**
 * - post: claim it and post (late, when past the slot but within the grace period);
 * - missed: nobody claimed it within the grace period (downtime): record it as skipped;
 * - expire: its retries ran past the grace period: record it as failed;
 * - abandon: an instance stopped while sending it: record it as failed, never resend.
 */
export type DueAction = 'post' | 'missed' | 'expire' | 'abandon';

/** What to do with a post the ledger lets this instance claim (or must abandon), `now` against its grace period. */
export function dueAction(decision: 'claim' | 'abandon', entry: LedgerEntry | undefined, now: number, slotAt: number, graceMs: number): DueAction {
  if (decision === 'abandon') return 'abandon';
  if (now <= slotAt + graceMs) return 'post';
  return entry ? 'expire' : 'missed';
}

export type DuePost = {
  readonly action: DueAction;
  readonly subscription: Subscription;
  readonly kind: PostKind;
  readonly reportDate: IsoDate;
  readonly holiday?: MarketHoliday;
  readonly slotAt: number;
  readonly entry: LedgerEntry | undefined;
};

export type DueOptions = {
  readonly graceMs: number;
  readonly claimTimeoutMs: number;
  /** A subscription the calendar cannot place (e.g. a zone this runtime no longer knows) is skipped and reported here. */
  readonly onError?: (subscription: Subscription, error: unknown) => void;
};

/**
 * What every subscription needs done at `now`, from the latest slot of each and the ledger. Pure
 * apart from reading the ledger; claiming is the caller's job (and re-checks the ledger atomically).
 */
export function findDuePosts(
  subscriptions: readonly Subscription[],
  now: Date,
  ledger: LedgerView,
  calendar: PostCalendar = nysePostCalendar,
  options: DueOptions,
): DuePost[] {
  const t = now.getTime();
  const out: DuePost[] = [];
  for (const sub of subscriptions) {
    let slot: PostSlot | undefined;
    try {
      slot = latestSlot(sub, t, calendar);
    } catch (error) {
      options.onError?.(sub, error);
      continue;
    }
    if (!slot?.post) continue;
    const { kind, reportDate } = slot.post;
    const entry = ledger.get({ platform: sub.platform, channelId: sub.channelId, reportDate });
    const decision = claimDecision(entry, t, options.claimTimeoutMs);
    if (decision !== 'claim' && decision !== 'abandon') continue;
    const slotAt = entry?.slotAt ?? slot.at;
    const action = dueAction(decision, entry, t, slotAt, options.graceMs);
    out.push({ action, subscription: sub, kind, reportDate, ...(slot.post.kind === 'closed' ? { holiday: slot.post.holiday } : {}), slotAt, entry });
  }
  return out;
}
