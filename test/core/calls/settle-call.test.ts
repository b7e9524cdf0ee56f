import { describe, expect, it } from 'vitest';
import type { Call } from '../../../core/calls/call.ts';
import type { Bar } from '../../../core/market/types.ts';
import { callStanding, isHit, settlementSession, startCloses, startSession } from '../../../core/calls/settle-call.ts';
import { checkDeadline } from '../../../core/calls/validate-call.ts';
import { cancelDecision } from '../../../core/calls/cancel-rule.ts';
import { callerName, cleanDisplayName } from '../../../core/calls/caller-name.ts';
import { callBoard } from '../../../core/calls/board.ts';
import { UserError } from '../../../core/user-error.ts';

const call = (over: Partial<Call> = {}): Call => ({
  id: 'k1', platform: 'console', channelId: 'c', locale: 'en', userId: 'U1', madeAt: 0, madeOn: '2026-01-20', side: 'small', smallSymbol: 'IWM', largeSymbol: 'SPY',
  deadline: '2026-02-03', marginPp: 0, start: { date: '2026-01-20', small: 100, large: 100 }, ...over,
});
const bars = (rows: [string, number][]): Bar[] => rows.map(([date, close]) => ({ date, close }));

describe('the settlement session', () => {
  it('is the deadline when it is a session', () => expect(settlementSession('2026-02-03')).toBe('2026-02-03'));
  it('is the next session after a weekend deadline', () => expect(settlementSession('2026-02-07')).toBe('2026-02-09'));
  it('skips a holiday and the weekend before it (Presidents Day 2026-02-16)', () => expect(settlementSession('2026-02-14')).toBe('2026-02-17'));
  it('skips Good Friday 2026-04-03 and the weekend', () => expect(settlementSession('2026-04-03')).toBe('2026-04-06'));
});

describe('the start session', () => {
  it('is today when today has closed, the previous session on a holiday', () => {
    expect(startSession('2026-01-20', '2026-12-04')).toBe('2026-01-20');
    expect(startSession('2026-01-19', '2026-12-04')).toBe('2026-01-16');
  });
  it('is the last completed session while today is still trading', () => expect(startSession('2026-01-21', '2026-01-20')).toBe('2026-01-20'));
  it('takes each leg’s close on that session', () => {
    expect(startCloses({ small: bars([['2026-01-16', 1], ['2026-01-20', 2]]), large: bars([['2026-01-16', 3], ['2026-01-20', 4]]) }, '2026-01-20')).toEqual({ date: '2026-01-20', small: 2, large: 4 });
  });
});

describe('a call’s standing', () => {
  const data = { small: bars([['2026-01-21', 101], ['2026-02-03', 100.08]]), large: bars([['2026-01-21', 100.5], ['2026-02-03', 101.76]]) };

  it('is settled at the deadline’s close: returns, spread in pp, a miss when large caps led', () => {
    const s = callStanding(call(), data, '2026-02-10', '2026-02-10');
    expect(s.state).toBe('settled');
    if (s.state !== 'settled') return;
    expect(s.result.small.returnPct).toBeCloseTo(0.08, 10);
    expect(s.result.large.returnPct).toBeCloseTo(1.76, 10);
    expect(s.result.spreadPp).toBeCloseTo(-1.68, 10);
    expect(s.result.hit).toBe(false);
  });

  it('is a hit for the large-cap side, whose lead is minus the spread', () => {
    const s = callStanding(call({ side: 'large' }), data, '2026-02-10', '2026-02-10');
    expect(s.state === 'settled' && s.result.hit && s.result.leadPp).toBeCloseTo(1.68, 10);
  });

  it('needs the margin: a 1.68 pp lead misses a 2 pp call and hits a 1.5 pp one', () => {
    const at = (marginPp: number) => callStanding(call({ side: 'large', marginPp }), data, '2026-02-10', '2026-02-10');
    expect(at(2)).toMatchObject({ state: 'settled', result: { hit: false } });
    expect(at(1.5)).toMatchObject({ state: 'settled', result: { hit: true } });
    expect(isHit(0, 0)).toBe(false);
    expect(isHit(2, 2)).toBe(true);
  });

  it('stays open, with the standing so far, before the settlement session has closed', () => {
    const open = callStanding(call(), data, '2026-01-21', '2026-01-21');
    expect(open).toMatchObject({ state: 'open', settlesOn: '2026-02-03', soFar: { asOf: '2026-01-21' } });
    expect(open.state === 'open' && open.soFar?.spreadPp).toBeCloseTo(0.5, 10);
    expect(callStanding(call(), data, '2026-02-03', '2026-02-02')).toMatchObject({ state: 'open', soFar: { asOf: '2026-01-21' } });
  });

  it('waits, naming the leg, when the settlement close is not in the data', () => {
    const gap = { small: data.small.slice(0, 1), large: data.large };
    expect(callStanding(call(), gap, '2026-02-10', '2026-02-10')).toEqual({ state: 'waiting', settlesOn: '2026-02-03', missing: ['IWM'] });
  });

  it('settles a weekend deadline on the Monday close, not an older one', () => {
    const weekend = { small: bars([['2026-02-06', 90], ['2026-02-09', 110]]), large: bars([['2026-02-06', 100], ['2026-02-09', 100]]) };
    expect(callStanding(call({ deadline: '2026-02-07' }), weekend, '2026-02-08', '2026-02-06')).toMatchObject({ state: 'open', settlesOn: '2026-02-09' });
    expect(callStanding(call({ deadline: '2026-02-07' }), weekend, '2026-02-09', '2026-02-09')).toMatchObject({ state: 'settled', result: { asOf: '2026-02-09', hit: true } });
  });

  it('is cancelled when withdrawn', () => expect(callStanding(call({ cancelled: { by: 'U1', at: 1 } }), data, '2026-02-10', '2026-02-10')).toEqual({ state: 'cancelled' }));
});

describe('deadline checks', () => {
  const code = (f: () => void) => {
    try {
      f();
      return 'ok';
    } catch (e) {
      return e instanceof UserError ? e.key : 'crash';
    }
  };
  it('refuses today and the past, accepts tomorrow and exactly two years out, refuses the day after', () => {
    expect(code(() => checkDeadline('2026-01-20', '2026-01-20'))).toBe('call.errors.deadlineNotFuture');
    expect(code(() => checkDeadline('2025-12-31', '2026-01-20'))).toBe('call.errors.deadlineNotFuture');
    expect(code(() => checkDeadline('2026-01-21', '2026-01-20'))).toBe('ok');
    expect(code(() => checkDeadline('2028-01-20', '2026-01-20'))).toBe('ok');
    expect(code(() => checkDeadline('2028-01-21', '2026-01-20'))).toBe('call.errors.deadlineTooFar');
  });
});

describe('cancelling', () => {
  it('lets the maker withdraw before the deadline, a manager anyone’s, nobody after it or twice', () => {
    expect(cancelDecision(call(), { userId: 'U1', isManager: false }, '2026-01-30')).toBe('ok');
    expect(cancelDecision(call(), { userId: 'U2', isManager: false }, '2026-01-30')).toBe('notYours');
    expect(cancelDecision(call(), { userId: 'U2', isManager: true }, '2026-01-30')).toBe('ok');
    expect(cancelDecision(call(), { userId: 'U1', isManager: false }, '2026-02-03')).toBe('pastDeadline');
    expect(cancelDecision(call({ cancelled: { by: 'U1', at: 1 } }), { userId: 'U1', isManager: true }, '2026-01-30')).toBe('notOpen');
  });
});

describe('the board', () => {
  it('counts hits, misses and open calls per member, averaging settled leads, best first', () => {
    const settled = (hit: boolean, leadPp: number) => ({ state: 'settled', settlesOn: 'x', result: { hit, leadPp } }) as never;
    const rows = callBoard([
      { call: call({ userId: 'A' }), standing: settled(false, -1) },
      { call: call({ userId: 'B' }), standing: settled(true, 2) },
      { call: call({ userId: 'B' }), standing: settled(false, -1) },
      { call: call({ userId: 'B' }), standing: { state: 'open', settlesOn: 'x' } },
      { call: call({ userId: 'C' }), standing: { state: 'cancelled' } },
    ]);
    expect(rows).toEqual([
      { userId: 'B', name: 'B', hits: 1, misses: 1, open: 1, averageLeadPp: 0.5 },
      { userId: 'A', name: 'A', hits: 0, misses: 1, open: 0, averageLeadPp: -1 },
    ]);
  });

  it('names each member by the display name on their latest call, and counts a renamed member once', () => {
    const rows = callBoard([
      { call: call({ userId: 'U1', userName: 'Mina' }), standing: { state: 'open', settlesOn: 'x' } },
      { call: call({ userId: 'U1', userName: 'Mina Park' }), standing: { state: 'open', settlesOn: 'x' } },
      { call: call({ userId: 'U2' }), standing: { state: 'open', settlesOn: 'x' } },
    ]);
    expect(rows.map((r) => [r.userId, r.name, r.open])).toEqual([['U1', 'Mina Park', 2], ['U2', 'U2', 1]]);
  });
});

describe('a display name kept with a call', () => {
  it('is one line without markup, at most 40 characters, and absent when blank', () => {
    expect(cleanDisplayName('  Mina\n**Park**  ')).toBe('Mina Park');
    expect(cleanDisplayName('<@U123> `x` _y_')).toBe('@U123 x y');
    expect(cleanDisplayName('김민아')).toBe('김민아');
    expect([...cleanDisplayName('x'.repeat(60))!]).toHaveLength(40);
    expect(cleanDisplayName('\u200b \t')).toBeUndefined();
    expect(cleanDisplayName(undefined)).toBeUndefined();
  });

  it('names the caller, falling back to the platform id', () => {
    expect(callerName({ userId: 'U1', userName: 'Mina' })).toBe('Mina');
    expect(callerName({ userId: 'U1' })).toBe('U1');
  });
});
