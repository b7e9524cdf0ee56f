import type { Call } from './call.ts';
import type { IsoDate } from '../market/types.ts';

export type CancelDecision = 'ok' | 'notYours' | 'notOpen' | 'pastDeadline';

/** A member may withdraw their own call before its deadline; a channel manager may withdraw anyone's. */
export function cancelDecision(call: Call, who: { readonly userId: string; readonly isManager: boolean }, today: IsoDate): CancelDecision {
  if (call.cancelled) return 'notOpen';
  if (!who.isManager && call.userId !== who.userId) return 'notYours';
  return today >= call.deadline ? 'pastDeadline' : 'ok';
}
