import { describe, expect, it } from 'vitest';
import type { Call } from '../../../core/calls/call.ts';
import type { LedgerEntry, LedgerView } from '../../../core/posts/ledger-entry.ts';
import { findDueSettlements, settlementKey } from '../../../core/calls/settlement-due.ts';
import { nysePostCalendar } from '../../../core/posts/post-calendar.ts';

const MINUTE = 60_000;
const OPTIONS = { graceMs: 3 * 24 * 60 * MINUTE, claimTimeoutMs: 10 * MINUTE };
const call = (over: Partial<Call> = {}): Call => ({
  id: 'k1', platform: 'slack', channelId: 'C1', locale: 'en', userId: 'U1', madeAt: 0, madeOn: '2026-01-20', side: 'small', smallSymbol: 'IWM', largeSymbol: 'SPY',
  deadline: '2026-02-03', marginPp: 0, start: { date: '2026-01-20', small: 100, large: 100 }, ...over,
});
const empty: LedgerView = { get: () => undefined };
const ledgerWith = (entry: Partial<LedgerEntry>): LedgerView => ({ get: () => ({ status: 'posted', attempts: 0, updatedAt: 0, slotAt: 0, ...entry }) as LedgerEntry });
const due = (calls: Call[], at: string, ledger: LedgerView = empty) => findDueSettlements(calls, Date.parse(at), ledger, nysePostCalendar, OPTIONS);

describe('which call settlements are due', () => {
  it('is none before the settlement close and the call at the close (16:00 New York)', () => {
    expect(due([call()], '2026-02-03T20:59:00Z')).toEqual([]);
    expect(due([call()], '2026-02-03T21:00:00Z')).toMatchObject([{ action: 'post', settlesOn: '2026-02-03', slotAt: Date.parse('2026-02-03T21:00:00Z'), key: { reportDate: 'call:k1' } }]);
  });

  it('waits for the next session close when the deadline is on a weekend before a holiday', () => {
    const weekend = call({ deadline: '2026-02-14' });
    expect(due([weekend], '2026-02-16T22:00:00Z')).toEqual([]);
    expect(due([weekend], '2026-02-17T21:00:00Z')).toMatchObject([{ settlesOn: '2026-02-17' }]);
  });

  it('uses the early close on the day after Thanksgiving (13:00 New York)', () => {
    expect(due([call({ deadline: '2026-11-27' })], '2026-11-27T18:00:00Z')).toMatchObject([{ settlesOn: '2026-11-27', slotAt: Date.parse('2026-11-27T18:00:00Z') }]);
  });

  it('leaves out withdrawn calls and calls whose settlement post is final', () => {
    expect(due([call({ cancelled: { by: 'U1', at: 1 } })], '2026-02-04T00:00:00Z')).toEqual([]);
    expect(due([call()], '2026-02-04T00:00:00Z', ledgerWith({ status: 'posted' }))).toEqual([]);
    expect(due([call()], '2026-02-04T00:00:00Z', ledgerWith({ status: 'retry', nextAttemptAt: Date.parse('2026-02-04T00:05:00Z') }))).toEqual([]);
  });

  it('records a settlement nobody posted within the grace period as missed, and a stale send as abandoned', () => {
    expect(due([call()], '2026-02-06T21:01:00Z')).toMatchObject([{ action: 'missed' }]);
    expect(due([call()], '2026-02-03T22:00:00Z', ledgerWith({ status: 'sending', updatedAt: Date.parse('2026-02-03T21:00:00Z'), slotAt: Date.parse('2026-02-03T21:00:00Z') }))).toMatchObject([{ action: 'abandon' }]);
  });

  it('keys each settlement by its call in its channel', () => {
    expect(settlementKey(call({ id: 'ab12cd', platform: 'discord', channelId: '42' }))).toEqual({ platform: 'discord', channelId: '42', reportDate: 'call:ab12cd' });
  });
});
