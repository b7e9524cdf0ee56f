import type { LedgerEntry, LedgerKey, LedgerView } from '../posts/ledger-entry.ts';
import type { Subscription } from '../posts/subscription.ts';
import type { PostCalendar } from '../posts/post-calendar.ts';
import type { Async } from './store.ts';
import { latestSlot } from '../posts/due.ts';

const keyText = (k: LedgerKey) => `${k.platform}\u0000${k.channelId}\u0000${k.reportDate}`;

/**
 * The ledger entries of each subscription's latest slot, read once (in parallel on a pooled database)
 * into a synchronous view for `findDuePosts`. Claims re-check the ledger atomically, so a snapshot a
 * moment old only decides what to try.
 */
export async function ledgerSnapshot(ledger: Async<LedgerView>, subscriptions: readonly Subscription[], now: Date, calendar: PostCalendar): Promise<LedgerView> {
  const keys: LedgerKey[] = [];
  for (const sub of subscriptions) {
    try {
      const slot = latestSlot(sub, now.getTime(), calendar);
      if (slot?.post) keys.push({ platform: sub.platform, channelId: sub.channelId, reportDate: slot.post.reportDate });
    } catch {
      // findDuePosts reports subscriptions the calendar cannot place.
    }
  }
  return snapshotOf(ledger, keys);
}

/** The entries of `keys`, read once (in parallel on a pooled database) into a synchronous view. */
export async function snapshotOf(ledger: Async<LedgerView>, keys: readonly LedgerKey[]): Promise<LedgerView> {
  const entries = await Promise.all(keys.map((k) => ledger.get(k)));
  const byKey = new Map<string, LedgerEntry | undefined>(keys.map((k, i) => [keyText(k), entries[i]]));
  return { get: (key) => byKey.get(keyText(key)) };
}
