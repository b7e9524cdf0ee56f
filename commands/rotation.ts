import type { CommandContext } from './context.ts';
import type { Subscription } from '../core/posts/subscription.ts';
import type { PostSlot, SlotPost } from '../core/posts/due.ts';
import { defineCommand } from './define-command.ts';
import { UserError } from '../core/user-error.ts';
import { t } from '../core/i18n/translate.ts';
import { INTL_TAG } from '../core/i18n/locale.ts';
import { canonicalTimeZone, formatHhMm, parseHhMm } from '../core/calendar/index.ts';
import { nextPostSlot } from '../core/posts/due.ts';
import { canManageSubscriptions } from './rotation-permissions.ts';
import { lastLine, nextLine, rotationReply, scheduleLine } from './rotation-reply.ts';

const ACTIONS = ['subscribe', 'unsubscribe', 'status'] as const;
const COMMON_ZONES = [
  'America/New_York', 'Asia/Seoul', 'Europe/London', 'America/Chicago', 'America/Los_Angeles', 'Asia/Tokyo',
  'Asia/Hong_Kong', 'Asia/Singapore', 'Europe/Paris', 'Europe/Berlin', 'Australia/Sydney', 'UTC',
];
let allZones: readonly string[] | undefined;
const zoneNames = () => (allZones ??= [...new Set([...COMMON_ZONES, ...Intl.supportedValuesOf('timeZone')])]);

function channelOf(ctx: CommandContext): string {
  const channelId = ctx.channelId ?? (ctx.platform === 'console' ? 'console' : undefined);
  if (!channelId) throw new UserError('rotation.noChannel');
  return channelId;
}

function requireManager(ctx: CommandContext): void {
  const allowed = ctx.isChannelAdmin ?? canManageSubscriptions(ctx.platform, {}, ctx.services.config);
  if (allowed) return;
  const roles = new Intl.ListFormat(INTL_TAG[ctx.locale], { type: 'disjunction' }).format(
    ctx.services.config.SLACK_SUBSCRIBE_ROLES.map((r) => t(ctx.locale, `errors.rotation.roles.${r}`)),
  );
  throw new UserError('rotation.notAdmin', { who: t(ctx.locale, `errors.rotation.who.${ctx.platform}`, { roles }), command: `${ctx.commandPrefix}rotation` });
}

function parseTime(raw: string): string {
  const hm = parseHhMm(raw);
  if (!hm) throw new UserError('rotation.badTime', { value: raw.slice(0, 20) });
  return formatHhMm(hm);
}

function parseZone(raw: string): string {
  const zone = canonicalTimeZone(raw.trim());
  if (!zone) throw new UserError('rotation.badZone', { value: raw.slice(0, 64) });
  return zone;
}

/** The next slot that will really post: one whose report is already in the ledger (e.g. after a time change) is passed over. */
async function nextPost(ctx: CommandContext, sub: Subscription): Promise<(PostSlot & { readonly post: SlotPost }) | undefined> {
  const { postLedger } = ctx.services;
  let from = ctx.services.now().getTime();
  for (let k = 0; k < 5; k++) {
    const slot = nextPostSlot(sub, from);
    if (!slot) return undefined;
    const entry = await postLedger.get({ platform: sub.platform, channelId: sub.channelId, reportDate: slot.post.reportDate });
    if (!entry) return slot;
    from = slot.at;
  }
  return undefined;
}

export const rotation = defineCommand({
  name: 'rotation',
  options: {
    action: { type: 'string', choices: ACTIONS, required: true },
    time: { type: 'string', maxLength: 20 },
    timezone: { type: 'string', autocomplete: true, maxLength: 64 },
    lang: { type: 'string', choices: ['en', 'ko'] },
    closed: { type: 'string', choices: ['notice', 'skip'] },
  },
  visibility: (args) => (args.action === 'status' ? 'ephemeral' : 'public'),
  slow: false,
  adminOnly: true,
  examples: ['rotation subscribe time:08:30 timezone:America/New_York', 'rotation subscribe time:08:30 timezone:Asia/Seoul lang:ko closed:notice', 'rotation status', 'rotation unsubscribe'],
  suggest: (option, query) => {
    if (option !== 'timezone') return [];
    const q = query.trim().toLowerCase().replace(/\s+/g, '_');
    return zoneNames().filter((z) => z.toLowerCase().includes(q)).map((z) => ({ name: z, value: z }));
  },
  async run(args, ctx) {
    const { services, locale, platform } = ctx;
    const channelId = channelOf(ctx);
    const command = `${ctx.commandPrefix}rotation`;
    const existing = await services.subscriptions.get(platform, channelId);

    if (args.action === 'status') {
      if (!existing) return { replies: [rotationReply(locale, t(locale, 'rotation.title.status'), [t(locale, 'rotation.notSubscribed', { command })], 'ephemeral')], result: { subscription: null } };
      const next = await nextPost(ctx, existing);
      const last = await services.postLedger.latest(platform, channelId);
      const lines = [scheduleLine(locale, existing), nextLine(locale, existing, next), lastLine(locale, existing, last)];
      return {
        replies: [rotationReply(locale, t(locale, 'rotation.title.status'), lines, 'ephemeral')],
        result: { subscription: existing, nextPost: next ? { at: new Date(next.at).toISOString(), ...next.post } : null, lastPost: last ?? null },
      };
    }

    requireManager(ctx);
    if (args.action === 'unsubscribe') {
      const removed = await services.subscriptions.remove(platform, channelId);
      const line = removed ? t(locale, 'rotation.unsubscribed', { command }) : t(locale, 'rotation.nothingToStop');
      return { replies: [rotationReply(locale, t(locale, 'rotation.title.unsubscribed'), [line], 'public')], result: { removed } };
    }

    const { config } = services;
    const wanted: Subscription = {
      platform,
      channelId,
      ...(ctx.workspaceId ? { workspaceId: ctx.workspaceId } : {}),
      time: parseTime(args.time ?? existing?.time ?? config.ROTATION_POST_TIME),
      timeZone: parseZone(args.timezone ?? existing?.timeZone ?? config.ROTATION_POST_TIMEZONE),
      locale: args.lang ?? existing?.locale ?? locale,
      closedNotice: args.closed ? args.closed === 'notice' : (existing?.closedNotice ?? config.ROTATION_POST_CLOSED_NOTICE),
      createdBy: ctx.userId,
      createdAt: services.now().getTime(),
    };
    const { created, subscription } = await services.subscriptions.upsert(wanted);
    const lines = [scheduleLine(locale, subscription), nextLine(locale, subscription, await nextPost(ctx, subscription)), t(locale, 'rotation.stopHint', { command })];
    return {
      replies: [rotationReply(locale, t(locale, created ? 'rotation.title.subscribed' : 'rotation.title.updated'), lines, 'public')],
      result: { created, subscription },
    };
  },
});
