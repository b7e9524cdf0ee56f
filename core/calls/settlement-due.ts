import type { IsoDate } from '../market/types.ts';
import type { Call } from './call.ts';
import type { LedgerEntry, LedgerKey, LedgerView } from '../posts/ledger-entry.ts';
import type { PostCalendar } from '../posts/post-calendar.ts';
import type { DueAction } from '../posts/due.ts';
import { claimDecision } from '../posts/claim-policy.ts';
import { dueAction } from '../posts/due.ts';
import { settlementSession } from './settle-call.ts';

/** A settlement post has the channel's ledger row `call:<id>`, so it is claimed and posted once like a morning post. */
export const settlementKey = (call: Call): LedgerKey => ({ platform: call.platform, channelId: call.channelId, reportDate: `call:${call.id}` });

export type DueSettlement = {
  readonly action: DueAction;
  readonly call: Call;
  readonly key: LedgerKey;
  readonly settlesOn: IsoDate;
  /** The settlement session's close: the post's scheduled time. */
  readonly slotAt: number;
  readonly entry: LedgerEntry | undefined;
};

export type SettlementDueOptions = {
  /** How long after the settlement close the post may still go out (waiting for prices included). */
  readonly graceMs: number;
  readonly claimTimeoutMs: number;
};

/** The settlement posts to make or give up at `now`: calls whose settlement session has closed, by the ledger. */
export function findDueSettlements(calls: readonly Call[], now: number, ledger: LedgerView, calendar: PostCalendar, options: SettlementDueOptions): DueSettlement[] {
  const out: DueSettlement[] = [];
  for (const call of calls) {
    if (call.cancelled) continue;
    const settlesOn = settlementSession(call.deadline);
    const close = calendar.dayEnd(settlesOn);
    if (!close || close.at > now) continue;
    const key = settlementKey(call);
    const entry = ledger.get(key);
    const decision = claimDecision(entry, now, options.claimTimeoutMs);
    if (decision !== 'claim' && decision !== 'abandon') continue;
    const slotAt = entry?.slotAt ?? close.at;
    out.push({ action: dueAction(decision, entry, now, slotAt, options.graceMs), call, key, settlesOn, slotAt, entry });
  }
  return out;
}
