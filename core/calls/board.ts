import type { Call } from './call.ts';
import { callerName } from './caller-name.ts';
import type { CallStanding } from './settle-call.ts';

/** `name` is the member's display name on their latest call, else their id. */
export type BoardRow = { readonly userId: string; readonly name: string; readonly hits: number; readonly misses: number; readonly open: number; readonly averageLeadPp: number | undefined };

/** Each member's settled hits and misses and the average lead of their settled calls (pp), best first. */
export function callBoard(calls: readonly { readonly call: Call; readonly standing: CallStanding }[]): BoardRow[] {
  const by = new Map<string, { name: string; hits: number; misses: number; open: number; leads: number[] }>();
  for (const { call, standing } of calls) {
    if (standing.state === 'cancelled') continue;
    const row = by.get(call.userId) ?? { name: call.userId, hits: 0, misses: 0, open: 0, leads: [] };
    by.set(call.userId, row);
    row.name = callerName(call);
    if (standing.state !== 'settled') row.open++;
    else {
      row.leads.push(standing.result.leadPp);
      if (standing.result.hit) row.hits++;
      else row.misses++;
    }
  }
  return [...by.entries()]
    .map(([userId, r]) => ({ userId, name: r.name, hits: r.hits, misses: r.misses, open: r.open, averageLeadPp: r.leads.length ? r.leads.reduce((a, b) => a + b, 0) / r.leads.length : undefined }))
    .sort((a, b) => b.hits - a.hits || a.misses - b.misses || (b.averageLeadPp ?? -Infinity) - (a.averageLeadPp ?? -Infinity) || a.userId.localeCompare(b.userId));
}
