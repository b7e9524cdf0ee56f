import { describe, expect, it } from 'vitest';
import type { LedgerEntry, LedgerKey } from '../../../core/posts/ledger-entry.ts';
import type { Subscription } from '../../../core/posts/subscription.ts';
import { findDuePosts, latestSlot, nextPostSlot, slotOn } from '../../../core/posts/due.ts';
import { nysePostCalendar } from '../../../core/posts/post-calendar.ts';

const MINUTE = 60_000;
const sub = (o: Partial<Subscription> = {}): Subscription => ({
  platform: 'slack',
  channelId: 'C1',
  time: '08:30',
  timeZone: 'America/New_York',
  locale: 'en',
  closedNotice: false,
  createdBy: 'U1',
  createdAt: Date.parse('2025-12-01T00:00:00Z'),
  ...o,
});
const seoul = (o: Partial<Subscription> = {}) => sub({ timeZone: 'Asia/Seoul', ...o });
const iso = (ms: number) => new Date(ms).toISOString();
const noLedger = { get: () => undefined };
const options = { graceMs: 120 * MINUTE, claimTimeoutMs: 10 * MINUTE };
const due = (subs: Subscription[], at: string, ledger: { get(k: LedgerKey): LedgerEntry | undefined } = noLedger) =>
  findDuePosts(subs, new Date(at), ledger, nysePostCalendar, options);

describe('slotOn: what a subscription posts on a local date', () => {
  it('reports the previous session on a New York weekday morning', () => {
    const slot = slotOn(sub(), '2026-01-21');
    expect(iso(slot.at)).toBe('2026-01-21T13:30:00.000Z');
    expect(slot.post).toEqual({ kind: 'morning', reportDate: '2026-01-20' });
  });

  it("reports Friday's session on Saturday morning, and nothing on Sunday or Monday", () => {
    expect(slotOn(sub(), '2026-01-10').post).toEqual({ kind: 'morning', reportDate: '2026-01-09' });
    expect(slotOn(sub(), '2026-01-11').post).toBeUndefined();
    expect(slotOn(sub(), '2026-01-12').post).toBeUndefined();
  });

  it('posts nothing the morning after a holiday, or a closed notice when asked', () => {
    expect(slotOn(sub(), '2026-01-20').post).toBeUndefined();
    const notice = slotOn(sub({ closedNotice: true }), '2026-01-20').post;
    expect(notice).toMatchObject({ kind: 'closed', reportDate: '2026-01-19' });
    expect(notice?.kind === 'closed' && notice.holiday.name.en).toBe('Martin Luther King Jr. Day');
  });

  it('gives Seoul the US session the same evening New York time: Tuesday 08:30 KST reports Monday', () => {
    const slot = slotOn(seoul(), '2026-01-14');
    expect(iso(slot.at)).toBe('2026-01-13T23:30:00.000Z');
    expect(slot.post).toEqual({ kind: 'morning', reportDate: '2026-01-13' });
  });

  it('gives Seoul no post on the Tuesday after a US Monday holiday', () => {
    expect(slotOn(seoul(), '2026-01-20').post).toBeUndefined();
    expect(slotOn(seoul({ closedNotice: true }), '2026-01-20').post).toMatchObject({ kind: 'closed', reportDate: '2026-01-19' });
  });

  it('keeps 08:30 local across the DST changes', () => {
    expect(iso(slotOn(sub(), '2026-03-07').at)).toBe('2026-03-07T13:30:00.000Z');
    expect(iso(slotOn(sub(), '2026-03-10').at)).toBe('2026-03-10T12:30:00.000Z');
    expect(iso(slotOn(sub(), '2026-10-31').at)).toBe('2026-10-31T12:30:00.000Z');
    expect(iso(slotOn(sub(), '2026-11-03').at)).toBe('2026-11-03T13:30:00.000Z');
  });

  it('reports an early-close session to a slot between 13:00 and 16:00 New York time the same day', () => {
    expect(slotOn(sub({ time: '14:00' }), '2026-11-27').post).toEqual({ kind: 'morning', reportDate: '2026-11-27' });
  });

  it('resolves a time skipped by spring-forward to the first instant after the gap', () => {
    expect(iso(slotOn(sub({ time: '02:30' }), '2026-03-08').at)).toBe('2026-03-08T07:00:00.000Z');
  });
});

describe('latestSlot', () => {
  it('is today once the time has come, yesterday before', () => {
    expect(latestSlot(sub(), Date.parse('2026-01-21T13:30:00Z'))?.date).toBe('2026-01-21');
    expect(latestSlot(sub(), Date.parse('2026-01-21T13:29:59Z'))?.date).toBe('2026-01-20');
  });

  it('ignores slots from before the subscription existed', () => {
    const created = Date.parse('2026-01-21T14:00:00Z');
    expect(latestSlot(sub({ createdAt: created }), Date.parse('2026-01-21T15:00:00Z'))).toBeUndefined();
    expect(latestSlot(sub({ createdAt: created }), Date.parse('2026-01-22T13:30:00Z'))?.date).toBe('2026-01-22');
  });
});

describe('nextPostSlot', () => {
  it('skips the quiet weekend and holiday mornings', () => {
    const next = nextPostSlot(sub(), Date.parse('2026-01-17T14:00:00Z'));
    expect(iso(next!.at)).toBe('2026-01-21T13:30:00.000Z');
    expect(next!.post).toEqual({ kind: 'morning', reportDate: '2026-01-20' });
  });
});

describe('findDuePosts', () => {
  const entry = (o: Partial<LedgerEntry>): LedgerEntry => ({
    platform: 'slack',
    channelId: 'C1',
    reportDate: '2026-01-20',
    kind: 'morning',
    slotAt: Date.parse('2026-01-21T13:30:00Z'),
    status: 'posted',
    claimedBy: 'a',
    claimToken: 't',
    claimedAt: Date.parse('2026-01-21T13:30:00Z'),
    attempts: 0,
    nextAttemptAt: undefined,
    postedAt: undefined,
    dataAsOf: undefined,
    termId: undefined,
    error: undefined,
    updatedAt: Date.parse('2026-01-21T13:30:00Z'),
    ...o,
  });
  const ledgerOf = (e: LedgerEntry) => ({ get: (k: LedgerKey) => (k.reportDate === e.reportDate ? e : undefined) });

  it('is due at the slot and not a minute before', () => {
    expect(due([sub()], '2026-01-21T13:29:00Z')).toEqual([]);
    expect(due([sub()], '2026-01-21T13:30:00Z')).toMatchObject([{ action: 'post', reportDate: '2026-01-20', kind: 'morning' }]);
  });

  it('skips a subscription the calendar cannot place, reporting it, and still serves the others', () => {
    const broken: Subscription[] = [];
    const result = findDuePosts([sub({ channelId: 'bad', timeZone: 'Mars/Olympus' }), sub()], new Date('2026-01-21T13:30:00Z'), noLedger, nysePostCalendar, {
      ...options,
      onError: (s) => broken.push(s),
    });
    expect(result.map((d) => d.subscription.channelId)).toEqual(['C1']);
    expect(broken.map((s) => s.channelId)).toEqual(['bad']);
  });

  it('is done once the ledger has the post', () => {
    expect(due([sub()], '2026-01-21T13:31:00Z', ledgerOf(entry({})))).toEqual([]);
  });

  it('goes out late within the grace period and is skipped after it', () => {
    expect(due([sub()], '2026-01-21T15:30:00Z')).toMatchObject([{ action: 'post' }]);
    expect(due([sub()], '2026-01-21T15:31:00Z')).toMatchObject([{ action: 'missed' }]);
  });

  it('leaves a fresh claim alone and takes back a stale one that never reached sending', () => {
    const claimed = entry({ status: 'claimed' });
    expect(due([sub()], '2026-01-21T13:39:00Z', ledgerOf(claimed))).toEqual([]);
    expect(due([sub()], '2026-01-21T13:40:00Z', ledgerOf(claimed))).toMatchObject([{ action: 'post' }]);
  });

  it('abandons a stale send instead of sending again', () => {
    const sending = entry({ status: 'sending' });
    expect(due([sub()], '2026-01-21T13:39:00Z', ledgerOf(sending))).toEqual([]);
    expect(due([sub()], '2026-01-21T13:40:00Z', ledgerOf(sending))).toMatchObject([{ action: 'abandon' }]);
  });

  it('retries when the retry is due, and expires a retry left past the grace period', () => {
    const retry = entry({ status: 'retry', nextAttemptAt: Date.parse('2026-01-21T13:35:00Z') });
    expect(due([sub()], '2026-01-21T13:34:00Z', ledgerOf(retry))).toEqual([]);
    expect(due([sub()], '2026-01-21T13:35:00Z', ledgerOf(retry))).toMatchObject([{ action: 'post' }]);
    expect(due([sub()], '2026-01-21T16:00:00Z', ledgerOf(retry))).toMatchObject([{ action: 'expire' }]);
  });
});
