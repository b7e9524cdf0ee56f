import type { IsoDate } from '../market/types.ts';
import { UserError } from '../user-error.ts';

const MAX_YEARS_AHEAD = 2;

/** The deadline must be after today and at most two years out; errors name the limit. */
export function checkDeadline(deadline: IsoDate, today: IsoDate): void {
  if (deadline <= today) throw new UserError('call.errors.deadlineNotFuture', { deadline, today });
  const latest = `${Number(today.slice(0, 4)) + MAX_YEARS_AHEAD}${today.slice(4)}`;
  if (deadline > latest) throw new UserError('call.errors.deadlineTooFar', { deadline, latest });
}

export const MAX_MARGIN_PP = 100;
