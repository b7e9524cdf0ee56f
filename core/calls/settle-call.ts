import type { Bar, IsoDate } from '../market/types.ts';
import type { Call } from './call.ts';
import { isSession, nextSession, previousSession } from '../calendar/index.ts';

/** The session whose close settles a call: the deadline when it is a session, else the next one. */
export const settlementSession = (deadline: IsoDate): IsoDate => (isSession(deadline) ? deadline : nextSession(deadline));

/** The last session close before a call made on `today`, given the last completed session by the real clock. */
export const startSession = (today: IsoDate, lastCompleted: IsoDate): IsoDate => {
  const onOrBefore = isSession(today) ? today : previousSession(today);
  return onOrBefore < lastCompleted ? onOrBefore : lastCompleted;
};

export type LegResult = { readonly symbol: string; readonly from: number; readonly to: number; readonly returnPct: number };

export type CallStanding =
  | { readonly state: 'cancelled' }
  /** Before the settlement session's close: the standing so far, when there is data after the start. */
  | { readonly state: 'open'; readonly settlesOn: IsoDate; readonly soFar?: Standing }
  /** The settlement session has closed but a leg's close for it is not in the data yet. */
  | { readonly state: 'waiting'; readonly settlesOn: IsoDate; readonly missing: readonly string[] }
  | { readonly state: 'settled'; readonly settlesOn: IsoDate; readonly result: Standing & { readonly hit: boolean } };

export type Standing = {
  readonly asOf: IsoDate;
  readonly small: LegResult;
  readonly large: LegResult;
  /** Small minus large, in percentage points. */
  readonly spreadPp: number;
  /** The called side's lead in pp (the spread, or minus it for a large-cap call). */
  readonly leadPp: number;
};

const pct = (from: number, to: number) => (to / from - 1) * 100;

function standingAt(call: Call, small: Bar, large: Bar): Standing {
  const s = { symbol: call.smallSymbol, from: call.start.small, to: small.close, returnPct: pct(call.start.small, small.close) };
  const l = { symbol: call.largeSymbol, from: call.start.large, to: large.close, returnPct: pct(call.start.large, large.close) };
  const spreadPp = s.returnPct - l.returnPct;
  return { asOf: small.date, small: s, large: l, spreadPp, leadPp: call.side === 'small' ? spreadPp : -spreadPp };
}

/** A tie is not a win; with a margin, the called side must lead by at least that many pp. */
export const isHit = (leadPp: number, marginPp: number): boolean => leadPp > 0 && leadPp >= marginPp;

const lastOnOrBefore = (bars: readonly Bar[], date: IsoDate): Bar | undefined => bars.findLast((b) => b.date <= date);

/**
 * Where a call stands on `today`, from the legs' closes. `lastCompleted` is the last session whose
 * close has passed by the real clock, so a session still trading never settles a call.
 */
export function callStanding(call: Call, bars: { readonly small: readonly Bar[]; readonly large: readonly Bar[] }, today: IsoDate, lastCompleted: IsoDate): CallStanding {
  if (call.cancelled) return { state: 'cancelled' };
  const settlesOn = settlementSession(call.deadline);
  const closed = settlesOn <= today && settlesOn <= lastCompleted;
  if (closed) {
    const small = bars.small.find((b) => b.date === settlesOn);
    const large = bars.large.find((b) => b.date === settlesOn);
    if (!small || !large) return { state: 'waiting', settlesOn, missing: [...(small ? [] : [call.smallSymbol]), ...(large ? [] : [call.largeSymbol])] };
    const standing = standingAt(call, small, large);
    return { state: 'settled', settlesOn, result: { ...standing, hit: isHit(standing.leadPp, call.marginPp) } };
  }
  const limit = today < lastCompleted ? today : lastCompleted;
  const small = lastOnOrBefore(bars.small, limit);
  const large = lastOnOrBefore(bars.large, limit);
  if (!small || !large || small.date !== large.date || small.date <= call.start.date) return { state: 'open', settlesOn };
  return { state: 'open', settlesOn, soFar: standingAt(call, small, large) };
}

/** The start closes: each leg's close on the start session, or undefined when a leg lacks it. */
export function startCloses(bars: { readonly small: readonly Bar[]; readonly large: readonly Bar[] }, session: IsoDate) {
  const small = lastOnOrBefore(bars.small, session);
  const large = lastOnOrBefore(bars.large, session);
  if (!small || !large) return undefined;
  const date = small.date < large.date ? small.date : large.date;
  const s = lastOnOrBefore(bars.small, date)!;
  const l = lastOnOrBefore(bars.large, date)!;
  return s.date === l.date ? { date, small: s.close, large: l.close } : undefined;
}
