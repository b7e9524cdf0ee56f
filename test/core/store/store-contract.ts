import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../../core/store/store.ts';
import type { Subscription } from '../../../core/posts/subscription.ts';
import type { LedgerKey } from '../../../core/posts/ledger-entry.ts';
import type { Bar } from '../../../core/market/types.ts';
import type { Claim } from '../../../core/store/post-ledger.ts';
import type { Call } from '../../../core/calls/call.ts';

/** One engine as the contract sees it: a store on an empty database, and more instances on the same one. */
export type StoreHarness = {
  readonly store: Store;
  /** Another instance (its own connection or pool) on the same database. */
  another(): Promise<Store>;
  /** Every stored installation row as text, as someone reading the database directly would see it. */
  rawInstallations(): Promise<string>;
  close(): Promise<void>;
};

const MINUTE = 60_000;
const T0 = Date.parse('2026-01-20T13:30:00Z');
const KEY: LedgerKey = { platform: 'slack', channelId: 'C1', reportDate: '2026-01-16' };
const request = (instanceId: string, now = T0) => ({ kind: 'morning' as const, slotAt: T0, instanceId, now, claimTimeoutMs: 10 * MINUTE });

const sub = (over: Partial<Subscription> = {}): Subscription => ({
  platform: 'slack',
  channelId: 'C1',
  time: '08:30',
  timeZone: 'America/New_York',
  locale: 'en',
  closedNotice: false,
  createdBy: 'U1',
  createdAt: 1_000,
  ...over,
});

const bar = (date: string, close: number, adjClose?: number): Bar => (adjClose === undefined ? { date, close } : { date, close, adjClose });

/** The behaviour both engines must share; each engine's test file calls this with its harness. */
export function storeContract(engine: string, open: () => Promise<StoreHarness>): void {
  describe(`${engine} store`, () => {
    let h: StoreHarness;
    const extra: Store[] = [];
    beforeEach(async () => {
      h = await open();
    });
    afterEach(async () => {
      for (const s of extra.splice(0)) await s.close();
      await h.close();
    });
    const another = async () => {
      const s = await h.another();
      extra.push(s);
      return s;
    };

    describe('prices', () => {
      it('returns nothing and no fetch state for a symbol never saved', async () => {
        expect(await h.store.prices.bars('IWM')).toEqual([]);
        expect(await h.store.prices.lastFetch('IWM', 'yahoo')).toBeUndefined();
      });

      it('saves a first fetch in date order, keeping adjusted closes only where given', async () => {
        await h.store.prices.saveRefresh('IWM', 'yahoo', [bar('2026-01-05', 10, 9.5), bar('2026-01-02', 9), bar('2026-01-06', 11, 10.5)], undefined, 5_000);
        expect(await h.store.prices.bars('IWM')).toEqual([bar('2026-01-02', 9), bar('2026-01-05', 10, 9.5), bar('2026-01-06', 11, 10.5)]);
        expect(await h.store.prices.lastFetch('IWM', 'yahoo')).toEqual({ fetchedAt: 5_000, lastDate: '2026-01-06' });
        expect(await h.store.prices.bars('SPY')).toEqual([]);
      });

      it('never rewrites sessions before the refresh window, and updates those inside it', async () => {
        await h.store.prices.saveRefresh('IWM', 'yahoo', [bar('2026-01-02', 9), bar('2026-01-05', 10), bar('2026-01-06', 11)], undefined, 1);
        await h.store.prices.saveRefresh('IWM', 'yahoo', [bar('2026-01-02', 99), bar('2026-01-06', 12), bar('2026-01-07', 13)], '2026-01-06', 2);
        expect(await h.store.prices.bars('IWM')).toEqual([bar('2026-01-02', 9), bar('2026-01-05', 10), bar('2026-01-06', 12), bar('2026-01-07', 13)]);
        expect(await h.store.prices.lastFetch('IWM', 'yahoo')).toEqual({ fetchedAt: 2, lastDate: '2026-01-07' });
      });

      it('rescales older adjusted closes by the factor the provider moved them (a new dividend)', async () => {
        await h.store.prices.saveRefresh('IJR', 'yahoo', [bar('2026-01-02', 100, 80), bar('2026-01-05', 110, 88)], undefined, 1);
        await h.store.prices.saveRefresh('IJR', 'yahoo', [bar('2026-01-05', 110, 44), bar('2026-01-06', 120, 48)], '2026-01-05', 2);
        const bars = await h.store.prices.bars('IJR');
        expect(bars.map((b) => b.close)).toEqual([100, 110, 120]);
        expect(bars.map((b) => b.adjClose)).toEqual([40, 44, 48]);
      });

      it('leaves adjusted closes alone when the provider did not move them', async () => {
        await h.store.prices.saveRefresh('IJR', 'yahoo', [bar('2026-01-02', 100, 80), bar('2026-01-05', 110, 88)], undefined, 1);
        await h.store.prices.saveRefresh('IJR', 'yahoo', [bar('2026-01-05', 110, 88), bar('2026-01-06', 120, 96)], '2026-01-05', 2);
        expect((await h.store.prices.bars('IJR')).map((b) => b.adjClose)).toEqual([80, 88, 96]);
      });

      it('rescales once when two instances save the same dividend refresh at once', async () => {
        const b = await another();
        await h.store.prices.saveRefresh('IJR', 'yahoo', [bar('2026-01-02', 100, 80), bar('2026-01-05', 110, 88)], undefined, 1);
        const refresh = [bar('2026-01-05', 110, 44), bar('2026-01-06', 120, 48)];
        await Promise.all([h.store.prices.saveRefresh('IJR', 'yahoo', refresh, '2026-01-05', 2), b.prices.saveRefresh('IJR', 'yahoo', refresh, '2026-01-05', 2)]);
        expect((await h.store.prices.bars('IJR')).map((x) => x.adjClose)).toEqual([40, 44, 48]);
      });
    });

    describe('subscriptions', () => {
      it('creates a subscription and reads it back', async () => {
        expect(await h.store.subscriptions.upsert(sub())).toEqual({ created: true, subscription: sub() });
        expect(await h.store.subscriptions.get('slack', 'C1')).toEqual(sub());
        expect(await h.store.subscriptions.get('discord', 'C1')).toBeUndefined();
      });

      it('replaces a channel’s subscription in place, keeping its creator and creation time', async () => {
        await h.store.subscriptions.upsert(sub());
        const changed = sub({ time: '07:00', timeZone: 'Asia/Seoul', locale: 'ko', closedNotice: true, createdBy: 'U2', createdAt: 9_000 });
        expect(await h.store.subscriptions.upsert(changed)).toEqual({ created: false, subscription: { ...changed, createdBy: 'U1', createdAt: 1_000 } });
        expect(await h.store.subscriptions.list()).toHaveLength(1);
      });

      it('keeps one subscription per platform and channel, listed in order', async () => {
        await h.store.subscriptions.upsert(sub({ channelId: 'C2' }));
        await h.store.subscriptions.upsert(sub({ platform: 'discord', channelId: 'C1' }));
        await h.store.subscriptions.upsert(sub());
        await h.store.subscriptions.upsert(sub());
        expect((await h.store.subscriptions.list()).map((s) => `${s.platform}:${s.channelId}`)).toEqual(['discord:C1', 'slack:C1', 'slack:C2']);
      });

      it('removes a subscription once', async () => {
        await h.store.subscriptions.upsert(sub());
        expect(await h.store.subscriptions.remove('slack', 'C1')).toBe(true);
        expect(await h.store.subscriptions.remove('slack', 'C1')).toBe(false);
        expect(await h.store.subscriptions.list()).toEqual([]);
      });

      it('keeps the workspace a subscription was made in', async () => {
        await h.store.subscriptions.upsert(sub({ workspaceId: 'T1' }));
        expect(await h.store.subscriptions.get('slack', 'C1')).toEqual(sub({ workspaceId: 'T1' }));
        expect(await h.store.subscriptions.list()).toEqual([sub({ workspaceId: 'T1' })]);
      });

      it('keeps a replaced subscription’s workspace when the new one names none, and takes a new one', async () => {
        await h.store.subscriptions.upsert(sub({ workspaceId: 'T1' }));
        expect((await h.store.subscriptions.upsert(sub({ time: '07:00' }))).subscription).toEqual(sub({ time: '07:00', workspaceId: 'T1' }));
        expect((await h.store.subscriptions.upsert(sub({ workspaceId: 'T2' }))).subscription.workspaceId).toBe('T2');
        expect(await h.store.subscriptions.get('slack', 'C1')).toEqual(sub({ workspaceId: 'T2' }));
      });

      it('remembers shown terms per channel until a new round starts', async () => {
        await h.store.subscriptions.recordTermShown('slack', 'C1', 'spread', 1, false);
        await h.store.subscriptions.recordTermShown('slack', 'C1', 'beta', 2, false);
        await h.store.subscriptions.recordTermShown('slack', 'C2', 'ratio', 2, false);
        expect(await h.store.subscriptions.shownTerms('slack', 'C1')).toEqual(new Set(['spread', 'beta']));
        await h.store.subscriptions.recordTermShown('slack', 'C1', 'ratio', 3, true);
        expect(await h.store.subscriptions.shownTerms('slack', 'C1')).toEqual(new Set(['ratio']));
        expect(await h.store.subscriptions.shownTerms('slack', 'C2')).toEqual(new Set(['ratio']));
      });
    });

    describe('post ledger', () => {
      it('gives a post to the first claim and refuses the next while it is held', async () => {
        const claim = await h.store.ledger.claim(KEY, request('A'));
        expect(claim).toMatchObject({ key: KEY, kind: 'morning', slotAt: T0, attempts: 0 });
        expect(await h.store.ledger.claim(KEY, request('B', T0 + MINUTE))).toBeUndefined();
        expect(await h.store.ledger.get(KEY)).toMatchObject({ status: 'claimed', claimedBy: 'A', claimToken: claim!.token });
      });

      it('grants exactly one of many concurrent claims', async () => {
        const claims = await Promise.all(Array.from({ length: 25 }, (_, i) => h.store.ledger.claim(KEY, request(`I${i}`))));
        expect(claims.filter(Boolean)).toHaveLength(1);
      });

      it('grants exactly one claim per post between two instances claiming many posts at once', async () => {
        const b = await another();
        const keys = Array.from({ length: 20 }, (_, i): LedgerKey => ({ ...KEY, channelId: `C${i}` }));
        const attempts = keys.flatMap((key) => [h.store.ledger.claim(key, request('A')), b.ledger.claim(key, request('B')), h.store.ledger.claim(key, request('A2'))]);
        const granted = (await Promise.all(attempts)).filter((c): c is Claim => c !== undefined);
        expect(granted.map((c) => c.key.channelId).sort()).toEqual(keys.map((k) => k.channelId).sort());
      });

      it('grants exactly one of many concurrent claims on a retry that fell due', async () => {
        const b = await another();
        const first = (await h.store.ledger.claim(KEY, request('A')))!;
        await h.store.ledger.release(first, { now: T0 + 1, nextAttemptAt: T0 + MINUTE, error: 'timeout', failedAttempt: true });
        const due = T0 + MINUTE;
        const claims = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? b : h.store).ledger.claim(KEY, request(`I${i}`, due))));
        expect(claims.filter(Boolean)).toHaveLength(1);
      });

      it('walks a post from claimed to sending to posted, fenced by the claim token', async () => {
        const claim = (await h.store.ledger.claim(KEY, request('A')))!;
        const impostor: Claim = { ...claim, token: 'not-the-token' };
        expect(await h.store.ledger.markSending(impostor, T0 + 1)).toBe(false);
        expect(await h.store.ledger.markSending(claim, T0 + 1)).toBe(true);
        expect(await h.store.ledger.markSending(claim, T0 + 2)).toBe(false);
        expect(await h.store.ledger.markPosted(impostor, { now: T0 + 2 })).toBe(false);
        expect(await h.store.ledger.markPosted(claim, { now: T0 + 3, dataAsOf: '2026-01-16', termId: 'spread' })).toBe(true);
        expect(await h.store.ledger.get(KEY)).toMatchObject({ status: 'posted', postedAt: T0 + 3, dataAsOf: '2026-01-16', termId: 'spread', error: undefined, updatedAt: T0 + 3 });
        expect(await h.store.ledger.claim(KEY, request('B', T0 + 60 * MINUTE))).toBeUndefined();
      });

      it('releases a post for a retry, counts failed attempts, and lets it be claimed again when due', async () => {
        const first = (await h.store.ledger.claim(KEY, request('A')))!;
        expect(await h.store.ledger.release(first, { now: T0 + 1, nextAttemptAt: T0 + MINUTE, error: 'timeout', failedAttempt: true })).toBe(true);
        expect(await h.store.ledger.get(KEY)).toMatchObject({ status: 'retry', attempts: 1, nextAttemptAt: T0 + MINUTE, error: 'timeout' });
        expect(await h.store.ledger.claim(KEY, request('B', T0 + 30_000))).toBeUndefined();
        const second = await h.store.ledger.claim(KEY, request('B', T0 + MINUTE));
        expect(second).toMatchObject({ attempts: 1, slotAt: T0 });
        expect(await h.store.ledger.release(first, { now: T0 + MINUTE, nextAttemptAt: T0 + 2 * MINUTE, error: 'stale', failedAttempt: true })).toBe(false);
        expect(await h.store.ledger.markFailed(second!, { now: T0 + MINUTE + 1, error: 'x'.repeat(600), failedAttempt: true })).toBe(true);
        const failed = await h.store.ledger.get(KEY);
        expect(failed).toMatchObject({ status: 'failed', attempts: 2, nextAttemptAt: undefined });
        expect(failed!.error!.length).toBe(500);
      });

      it('takes over a claim whose holder died before sending, and abandons one that died while sending', async () => {
        await h.store.ledger.claim(KEY, request('A'));
        const takeover = await h.store.ledger.claim(KEY, request('B', T0 + 10 * MINUTE));
        expect(takeover).toBeDefined();
        await h.store.ledger.markSending(takeover!, T0 + 10 * MINUTE);
        expect(await h.store.ledger.claim(KEY, request('C', T0 + 30 * MINUTE))).toBeUndefined();
        const settled = await h.store.ledger.settleStale(KEY, { now: T0 + 30 * MINUTE, claimTimeoutMs: 10 * MINUTE, deadline: T0 + 120 * MINUTE });
        expect(settled).toMatchObject({ status: 'failed', error: expect.stringContaining('delivery unknown: B') });
        expect(await h.store.ledger.settleStale(KEY, { now: T0 + 31 * MINUTE, claimTimeoutMs: 10 * MINUTE, deadline: T0 })).toBeUndefined();
      });

      it('records a missed post once and never lets it be claimed', async () => {
        const skip = { kind: 'morning' as const, slotAt: T0, now: T0 + 200 * MINUTE, reason: 'missed' };
        expect(await h.store.ledger.recordSkipped(KEY, skip)).toBe(true);
        expect(await h.store.ledger.recordSkipped(KEY, skip)).toBe(false);
        expect(await h.store.ledger.claim(KEY, request('A', T0 + 201 * MINUTE))).toBeUndefined();
        expect(await h.store.ledger.get(KEY)).toMatchObject({ status: 'skipped', error: 'missed', claimedBy: undefined });
      });

      it('answers the channel’s latest entry by scheduled time', async () => {
        expect(await h.store.ledger.latest('slack', 'C1')).toBeUndefined();
        await h.store.ledger.claim({ ...KEY, reportDate: '2026-01-20' }, { ...request('A'), slotAt: T0 + 86_400_000 });
        await h.store.ledger.claim(KEY, request('A'));
        await h.store.ledger.claim({ ...KEY, channelId: 'C2', reportDate: '2026-01-21' }, { ...request('A'), slotAt: T0 + 2 * 86_400_000 });
        expect(await h.store.ledger.latest('slack', 'C1')).toMatchObject({ reportDate: '2026-01-20' });
      });

      it('answers the channel’s last morning post that went out before a report date', async () => {
        const posted = async (reportDate: string, slotAt: number) => {
          const c = await h.store.ledger.claim({ ...KEY, reportDate }, { ...request('A'), slotAt });
          await h.store.ledger.markPosted(c!, { now: slotAt });
        };
        await posted('2026-01-15', T0 - 2 * 86_400_000);
        await posted('2026-01-16', T0 - 86_400_000);
        await h.store.ledger.claim({ ...KEY, reportDate: '2026-01-21' }, { ...request('A'), slotAt: T0 + 86_400_000 });
        await h.store.ledger.claim({ ...KEY, reportDate: 'call:k9' }, { ...request('A'), kind: 'call', slotAt: T0 + 2 * 86_400_000 });
        expect(await h.store.ledger.lastPosted('slack', KEY.channelId, '2026-01-21')).toMatchObject({ reportDate: '2026-01-16', status: 'posted' });
        expect(await h.store.ledger.lastPosted('slack', KEY.channelId, '2026-01-16')).toMatchObject({ reportDate: '2026-01-15' });
        expect(await h.store.ledger.lastPosted('slack', KEY.channelId, '2026-01-15')).toBeUndefined();
        expect(await h.store.ledger.lastPosted('slack', 'elsewhere', '2026-01-21')).toBeUndefined();
      });
    });

    describe('team calls', () => {
      const call = (over: Partial<Call> = {}): Call => ({
        id: 'k1', platform: 'slack', channelId: 'C1', workspaceId: 'T1', locale: 'ko', userId: 'U1', userName: '김민아 (Mina)', madeAt: T0, madeOn: '2026-01-20', side: 'small', smallSymbol: 'IWM', largeSymbol: 'SPY',
        deadline: '2026-02-03', marginPp: 0.5, start: { date: '2026-01-20', small: 262.5799865722656, large: 677.5800170898438 }, ...over,
      });

      it('keeps a call exactly as made, closes to the last digit, and lists a channel oldest first', async () => {
        await h.store.calls.add(call({ id: 'k2', madeAt: T0 + 1 }));
        await h.store.calls.add(call());
        await h.store.calls.add(call({ id: 'k3', channelId: 'C2' }));
        expect(await h.store.calls.get('k1')).toEqual(call());
        expect((await h.store.calls.list('slack', 'C1')).map((c) => c.id)).toEqual(['k1', 'k2']);
        expect(await h.store.calls.get('nope')).toBeUndefined();
      });

      it('keeps a call made where no workspace or display name is known without them', async () => {
        const { workspaceId: _, userName: __, ...discord } = call({ platform: 'discord', locale: 'en' });
        await h.store.calls.add(discord);
        expect(await h.store.calls.get('k1')).toEqual(discord);
      });

      it('cancels once, from any instance, and leaves cancelled calls out of the ones to settle', async () => {
        await h.store.calls.add(call());
        await h.store.calls.add(call({ id: 'k2' }));
        const other = await h.another();
        try {
          expect(await other.calls.cancel('k1', 'U9', T0 + 5)).toBe(true);
          expect(await h.store.calls.cancel('k1', 'U1', T0 + 6)).toBe(false);
        } finally {
          await other.close();
        }
        expect(await h.store.calls.get('k1')).toEqual(call({ cancelled: { by: 'U9', at: T0 + 5 } }));
        expect((await h.store.calls.listSettling('2026-12-31')).map((c) => c.id)).toEqual(['k2']);
      });

      it('claims a call settlement in the post ledger once, and keeps it out of the channel\'s latest morning post', async () => {
        const key = { platform: 'slack' as const, channelId: 'C1', reportDate: 'call:k1' };
        const first = await h.store.ledger.claim(key, { ...request('A'), kind: 'call' });
        expect(first).toBeDefined();
        expect(await h.store.ledger.claim(key, { ...request('B'), kind: 'call' })).toBeUndefined();
        expect(await h.store.ledger.markPosted(first!, { now: T0 })).toBe(true);
        expect(await h.store.ledger.get(key)).toMatchObject({ kind: 'call', status: 'posted' });
        expect(await h.store.ledger.latest('slack', 'C1')).toBeUndefined();
      });

      it('lists the calls to settle by deadline, and drops one once its settlement post is final', async () => {
        await h.store.calls.add(call({ id: 'k1', deadline: '2026-02-03' }));
        await h.store.calls.add(call({ id: 'k2', deadline: '2026-01-30' }));
        await h.store.calls.add(call({ id: 'k3', deadline: '2026-03-31' }));
        await h.store.calls.add(call({ id: 'k4', channelId: 'C2', deadline: '2026-02-02' }));
        expect((await h.store.calls.listSettling('2026-02-03')).map((c) => c.id)).toEqual(['k2', 'k4', 'k1']);
        const claimed = await h.store.ledger.claim({ platform: 'slack', channelId: 'C1', reportDate: 'call:k2' }, { ...request('A'), kind: 'call' });
        expect((await h.store.calls.listSettling('2026-02-03')).map((c) => c.id)).toEqual(['k2', 'k4', 'k1']);
        await h.store.ledger.markPosted(claimed!, { now: T0 });
        await h.store.ledger.recordSkipped({ platform: 'slack', channelId: 'C1', reportDate: 'call:k4' }, { kind: 'call', slotAt: T0, now: T0, reason: 'other channel' });
        expect((await h.store.calls.listSettling('2026-02-03')).map((c) => c.id)).toEqual(['k4', 'k1']);
      });

      it('refuses a second call with the same id', async () => {
        await h.store.calls.add(call());
        await expect(h.store.calls.add(call())).rejects.toThrow();
      });
    });

    describe('Slack installations', () => {
      const TEAM = { teamId: 'T123', enterpriseId: undefined, isEnterpriseInstall: false };
      const installation = { team: { id: 'T123', name: 'Acme' }, bot: { token: 'xoxb-secret-bot-token-123', userId: 'UB', id: 'B1', scopes: ['commands'] }, user: { token: 'xoxp-secret-user-token-456', id: 'U1' } };

      it('saves, finds, replaces and deletes an installation by workspace', async () => {
        expect(await h.store.installations.find(TEAM)).toBeUndefined();
        await h.store.installations.save(TEAM, installation, 1);
        expect(await h.store.installations.find(TEAM)).toEqual(installation);
        const reinstalled = { ...installation, bot: { ...installation.bot, token: 'xoxb-new' } };
        await h.store.installations.save(TEAM, reinstalled, 2);
        expect(await h.store.installations.find(TEAM)).toEqual(reinstalled);
        expect(await h.store.installations.find({ ...TEAM, teamId: 'T999' })).toBeUndefined();
        expect(await h.store.installations.delete(TEAM)).toBe(true);
        expect(await h.store.installations.delete(TEAM)).toBe(false);
        expect(await h.store.installations.find(TEAM)).toBeUndefined();
      });

      it('finds an org-wide install by its enterprise from any workspace of the org', async () => {
        const org = { teamId: undefined, enterpriseId: 'E1', isEnterpriseInstall: true };
        await h.store.installations.save(org, { enterprise: { id: 'E1' }, bot: { token: 'xoxb-org' } }, 1);
        expect(await h.store.installations.find({ teamId: 'T5', enterpriseId: 'E1', isEnterpriseInstall: true })).toEqual({ enterprise: { id: 'E1' }, bot: { token: 'xoxb-org' } });
      });

      it('keeps tokens encrypted at rest: the raw row holds neither token', async () => {
        await h.store.installations.save(TEAM, installation, 1);
        const raw = await h.rawInstallations();
        expect(raw).toContain('T123');
        expect(raw).not.toContain('xoxb-secret-bot-token-123');
        expect(raw).not.toContain('xoxp-secret-user-token-456');
        expect(raw).not.toContain('secret');
      });
    });
  });
}
