import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CommandContext } from '../../commands/context.ts';
import type { Platform } from '../../commands/context.ts';
import { COMMANDS } from '../../commands/index.ts';
import { runText } from '../../commands/dispatch.ts';
import { canManageSubscriptions } from '../../commands/rotation-permissions.ts';
import { loadConfig } from '../../core/config.ts';
import { openDatabase } from '../../core/store/open-database.ts';
import { createSubscriptionStore } from '../../core/store/subscription-store.ts';
import { noLog, realServices } from '../helpers/services.ts';

const running = realServices('2026-01-20');
afterAll(() => running.close());
const NOW = new Date('2026-01-20T15:00:00Z');
const services = { ...running.services, now: () => NOW };
let channel = 0;

function ctx(o: Partial<CommandContext> = {}): CommandContext {
  return { locale: 'en', services, platform: 'slack', userId: 'U1', channelId: `C${++channel}`, commandPrefix: '/', isChannelAdmin: true, ...o };
}
const ask = async (line: string, c: CommandContext) => {
  const outcome = await runText(COMMANDS, line, c, noLog);
  return { ok: outcome.ok, kind: outcome.ok ? undefined : outcome.kind, reply: outcome.output.replies[0]!, text: outcome.output.replies[0]!.text };
};

describe('/rotation subscribe', () => {
  it('stores the channel schedule and says when the first post comes', async () => {
    const c = ctx();
    const { ok, reply, text } = await ask('/rotation subscribe time:08:30 timezone:America/New_York', c);
    expect(ok).toBe(true);
    expect(reply.title).toBe('Morning brief scheduled');
    expect(reply.visibility).toBe('public');
    expect(text).toContain('at 08:30 (America/New_York) in English');
    expect(text).toContain('Next post: Wed, Jan 21, 08:30 (America/New_York), on the Jan 20, 2026 session.');
    expect(await services.subscriptions.get('slack', c.channelId!)).toMatchObject({ time: '08:30', timeZone: 'America/New_York', locale: 'en', closedNotice: false, createdBy: 'U1' });
  });

  it('takes Korean, Seoul, closed notices and a loosely typed zone, and updates in place', async () => {
    const c = ctx();
    await ask('/rotation subscribe', c);
    const { reply } = await ask('/rotation subscribe time:8:30 timezone:asia/seoul lang:ko closed:notice', c);
    expect(reply.title).toBe('Morning brief updated');
    expect(await services.subscriptions.get('slack', c.channelId!)).toMatchObject({ time: '08:30', timeZone: 'Asia/Seoul', locale: 'ko', closedNotice: true });
    expect(reply.text).toContain('Next post: Wed, Jan 21, 08:30 (Asia/Seoul), on the Jan 20, 2026 session.');
  });

  it('defaults to ROTATION_POST_TIME and ROTATION_POST_TIMEZONE and the asker’s language', async () => {
    const c = ctx({ locale: 'ko' });
    await ask('/rotation subscribe', c);
    expect(await services.subscriptions.get('slack', c.channelId!)).toMatchObject({ time: '08:30', timeZone: 'America/New_York', locale: 'ko' });
  });

  it('records the workspace the command came from, so the post goes out with that workspace’s installation', async () => {
    const c = ctx({ workspaceId: 'T2' });
    await ask('/rotation subscribe', c);
    expect(await services.subscriptions.get('slack', c.channelId!)).toMatchObject({ workspaceId: 'T2' });
  });

  it('explains a bad time with examples', async () => {
    const { ok, kind, text } = await ask('/rotation subscribe time:8.30am', ctx());
    expect([ok, kind]).toEqual([false, 'user-error']);
    expect(text).toContain('"8.30am" is not a time. Give the local time as HH:MM, 24-hour, for example 08:30 or 16:45.');
  });

  it('explains an unknown time zone with examples', async () => {
    const { ok, text } = await ask('/rotation subscribe timezone:Seoul', ctx());
    expect(ok).toBe(false);
    expect(text).toContain('"Seoul" is not a time zone I know. Use an IANA name such as America/New_York, Asia/Seoul or Europe/London.');
  });

  it('works on the console, in the channel "console"', async () => {
    const c = ctx({ platform: 'console', channelId: undefined, isChannelAdmin: undefined });
    expect((await ask('/rotation subscribe', c)).ok).toBe(true);
    expect(await services.subscriptions.get('console', 'console')).toBeDefined();
    expect((await ask('/rotation unsubscribe', c)).ok).toBe(true);
  });

  it('suggests time zones as the user types', () => {
    const rotation = COMMANDS.find((c) => c.name === 'rotation')!;
    expect(rotation.suggest!('timezone', 'seoul', ctx()).map((c) => c.value)).toEqual(['Asia/Seoul']);
    expect(rotation.suggest!('timezone', '', ctx()).slice(0, 3).map((c) => c.value)).toEqual(['America/New_York', 'Asia/Seoul', 'Europe/London']);
  });
});

describe('who may subscribe', () => {
  const config = loadConfig({}, {});
  it.each<[Platform, Parameters<typeof canManageSubscriptions>[1], boolean]>([
    ['slack', { isAdmin: true }, true],
    ['slack', { isOwner: true }, true],
    ['slack', { isPrimaryOwner: true }, true],
    ['slack', { isAdmin: false, isOwner: false }, false],
    ['slack', {}, false],
    ['discord', { manageChannels: true }, true],
    ['discord', { manageChannels: false }, false],
    ['discord', { directMessage: true }, true],
    ['discord', {}, false],
    ['console', {}, true],
  ])('%s %j → %s', (platform, user, allowed) => {
    expect(canManageSubscriptions(platform, user, config)).toBe(allowed);
  });

  it('follows SLACK_SUBSCRIBE_ROLES', () => {
    expect(canManageSubscriptions('slack', { isAdmin: true }, loadConfig({ SLACK_SUBSCRIBE_ROLES: 'owner' }, {}))).toBe(false);
    expect(canManageSubscriptions('slack', {}, loadConfig({ SLACK_SUBSCRIBE_ROLES: 'member' }, {}))).toBe(true);
  });

  it.each<[Platform, string]>([
    ['slack', 'Only workspace admins or owners can change'],
    ['discord', 'Only members with the Manage Channels permission can change'],
  ])('refuses a %s user who is not a channel manager, changing nothing', async (platform, message) => {
    const c = ctx({ platform, isChannelAdmin: false });
    for (const line of ['/rotation subscribe', '/rotation unsubscribe']) {
      const { ok, kind, text } = await ask(line, c);
      expect([ok, kind]).toEqual([false, 'user-error']);
      expect(text).toContain(message);
    }
    expect(await services.subscriptions.get(platform, c.channelId!)).toBeUndefined();
  });

  it('refuses when the adapter did not say (fails closed on Slack and Discord)', async () => {
    expect((await ask('/rotation subscribe', ctx({ isChannelAdmin: undefined }))).ok).toBe(false);
    expect((await ask('/rotation subscribe', ctx({ platform: 'discord', isChannelAdmin: undefined }))).ok).toBe(false);
  });

  it('lets anyone see the status', async () => {
    const { ok, reply } = await ask('/rotation status', ctx({ isChannelAdmin: false }));
    expect(ok).toBe(true);
    expect(reply.visibility).toBe('ephemeral');
  });

  it('marks the command admin-only, so Discord hides it from members without Manage Channels', () => {
    expect(COMMANDS.find((c) => c.name === 'rotation')!.adminOnly).toBe(true);
  });
});

describe('/rotation status and unsubscribe', () => {
  it('says how to start when the channel has no subscription', async () => {
    const { text } = await ask('/rotation status', ctx());
    expect(text).toBe('This channel has no morning brief. Start one with `/rotation subscribe time:08:30 timezone:America/New_York`.');
  });

  it('shows the schedule, the next post in the channel zone, and the last post with its result', async () => {
    const c = ctx();
    await ask('/rotation subscribe time:08:30 timezone:Asia/Seoul closed:notice', c);
    const claim = (await services.postLedger.claim(
      { platform: 'slack', channelId: c.channelId!, reportDate: '2026-01-16' },
      { kind: 'morning', slotAt: Date.parse('2026-01-16T23:30:00Z'), instanceId: 'test', now: Date.parse('2026-01-16T23:30:00Z'), claimTimeoutMs: 600_000 },
    ))!;
    services.postLedger.markSending(claim, Date.parse('2026-01-16T23:30:01Z'));
    services.postLedger.markPosted(claim, { now: Date.parse('2026-01-16T23:30:02Z'), dataAsOf: '2026-01-16' });
    const { text } = await ask('/rotation status', c);
    expect(text.split('\n')).toEqual([
      'This channel gets the morning brief at 08:30 (Asia/Seoul) in English, the morning after every NYSE session. After a market holiday: a one-line notice.',
      'Next post: Wed, Jan 21, 08:30 (Asia/Seoul), on the Jan 20, 2026 session.',
      'Last post: the Jan 16, 2026 session, posted Sat, Jan 17, 08:30.',
    ]);
  });

  it('answers in Korean', async () => {
    const c = ctx({ locale: 'ko' });
    await ask('/rotation subscribe time:08:30 timezone:Asia/Seoul lang:ko', c);
    const { text } = await ask('/rotation status', c);
    expect(text).toContain('이 채널은 뉴욕증권거래소 거래일 다음 날 08:30(Asia/Seoul)에 한국어 모닝 브리핑을 받습니다.');
  });

  it('stops the posts', async () => {
    const c = ctx();
    await ask('/rotation subscribe', c);
    const { reply } = await ask('/rotation unsubscribe', c);
    expect(reply.title).toBe('Morning brief stopped');
    expect(await services.subscriptions.get('slack', c.channelId!)).toBeUndefined();
    expect((await ask('/rotation unsubscribe', c)).text).toBe('This channel had no morning brief to stop.');
  });
});

describe('subscriptions in SQLite', () => {
  it('survive a restart', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rotation-subs-'));
    try {
      const file = path.join(dir, 'bot.db');
      const first = openDatabase(file);
      createSubscriptionStore(first).upsert({ platform: 'discord', channelId: '42', time: '16:45', timeZone: 'Europe/London', locale: 'en', closedNotice: true, createdBy: 'u', createdAt: 1 });
      first.close();
      const again = openDatabase(file);
      expect(createSubscriptionStore(again).list()).toEqual([
        { platform: 'discord', channelId: '42', time: '16:45', timeZone: 'Europe/London', locale: 'en', closedNotice: true, createdBy: 'u', createdAt: 1 },
      ]);
      again.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
