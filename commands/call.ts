import { randomBytes } from 'node:crypto';
import type { CommandContext } from './context.ts';
import type { Call } from '../core/calls/call.ts';
import type { IsoDate } from '../core/market/types.ts';
import type { CommandOutput } from '../core/reply.ts';
import { defineCommand } from './define-command.ts';
import { UserError } from '../core/user-error.ts';
import { t } from '../core/i18n/translate.ts';
import { formatPp } from '../core/i18n/format.ts';
import { lastCompletedSession } from '../core/calendar/index.ts';
import { instrument, knownSize, resolveLeg, sameIndex } from '../core/market/universe.ts';
import { UnknownSymbolError } from '../core/data/provider.ts';
import { callStanding, startCloses, startSession } from '../core/calls/settle-call.ts';
import { checkDeadline, MAX_MARGIN_PP } from '../core/calls/validate-call.ts';
import { cancelDecision } from '../core/calls/cancel-rule.ts';
import { callBoard } from '../core/calls/board.ts';
import { canManageSubscriptions } from './rotation-permissions.ts';
import { closest } from './closest.ts';
import { callBars } from './call-bars.ts';
import { callFooter, callReply, claimText, statusText } from './call-reply.ts';
import { callerName, cleanDisplayName } from '../core/calls/caller-name.ts';

const ACTIONS = ['make', 'list', 'board', 'cancel', 'example'] as const;

function channelOf(ctx: CommandContext): string {
  const channelId = ctx.channelId ?? (ctx.platform === 'console' ? 'console' : undefined);
  if (!channelId) throw new UserError('call.errors.noChannel');
  return channelId;
}

/** The pair's closes to `today`; an unknown symbol the user typed gets "did you mean". */
async function loadPair(ctx: CommandContext, smallSymbol: string, largeSymbol: string, today: IsoDate, typed: readonly string[] = []) {
  const { market, universe } = ctx.services;
  try {
    return await callBars(market, smallSymbol, largeSymbol, today);
  } catch (error) {
    if (error instanceof UnknownSymbolError && typed.includes(error.symbol)) {
      const known = [...universe.etf.small, ...universe.etf.large].map((i) => i.symbol);
      throw new UserError('call.errors.unknownSymbol', { symbol: error.symbol, suggestions: closest(error.symbol, known).join(', ') || known.join(', ') });
    }
    throw error;
  }
}

async function standingOf(ctx: CommandContext, call: Call, today: IsoDate) {
  const bars = await loadPair(ctx, call.smallSymbol, call.largeSymbol, today);
  return callStanding(call, bars, today, lastCompletedSession(ctx.services.now()));
}

const isManager = (ctx: CommandContext) => ctx.isChannelAdmin ?? canManageSubscriptions(ctx.platform, {}, ctx.services.config);

async function make(args: { side?: 'small' | 'large'; vs?: string; small?: string; by?: IsoDate; margin?: number }, ctx: CommandContext): Promise<CommandOutput> {
  const { services, locale } = ctx;
  if (!args.side || !args.by) throw new UserError('call.errors.needSideAndDate', { command: `${ctx.commandPrefix}call` });
  const today = services.today();
  checkDeadline(args.by, today);
  const small = args.small ? resolveLeg(services.universe, 'price', args.small, 'small').symbol : services.universe.etf.small[0]!.symbol;
  const large = args.vs ? resolveLeg(services.universe, 'price', args.vs, 'large').symbol : services.universe.etf.large[0]!.symbol;
  if (knownSize(small) === 'large') throw new UserError('call.errors.smallIsLarge', { symbol: small, smalls: services.universe.etf.small.map((i) => i.symbol).join(', ') });
  const retyped = args.small && !args.vs ? 'small' : 'vs';
  if (large === small) throw new UserError('call.errors.sameLeg', { symbol: large, option: retyped });
  if (sameIndex(small, large)) throw new UserError('call.errors.sameIndex', { small, large, index: instrument(small, 'small').name[locale], option: retyped });
  const bars = await loadPair(ctx, small, large, today, [...(args.small ? [small] : []), ...(args.vs ? [large] : [])]);
  const session = startSession(today, lastCompletedSession(services.now()));
  const start = startCloses(bars, session);
  if (!start) throw new UserError('call.errors.noStart', { symbols: `${small}, ${large}`, date: session });
  const userName = cleanDisplayName(ctx.userName);
  const call: Call = {
    id: randomBytes(3).toString('hex'),
    platform: ctx.platform,
    channelId: channelOf(ctx),
    ...(ctx.workspaceId ? { workspaceId: ctx.workspaceId } : {}),
    locale,
    userId: ctx.userId,
    ...(userName ? { userName } : {}),
    madeAt: services.now().getTime(),
    madeOn: today,
    side: args.side,
    smallSymbol: small,
    largeSymbol: large,
    deadline: args.by,
    // Hundredths of a point are the finest a reply shows.
    marginPp: Math.round((args.margin ?? 0) * 100) / 100,
    start,
  };
  await services.calls.add(call);
  const text = [claimText(locale, call, callerName(call)), statusText(locale, callStanding(call, bars, today, lastCompletedSession(services.now())), call), t(locale, 'call.madeHint', { id: call.id, command: `${ctx.commandPrefix}call` })].join('\n');
  return { replies: [callReply(locale, t(locale, 'call.title.made'), text, callFooter(locale, services.market.sourceLabel, start.date), 'public')], result: { call } };
}

async function list(ctx: CommandContext): Promise<CommandOutput> {
  const { services, locale } = ctx;
  const today = services.today();
  const calls = (await services.calls.list(ctx.platform, channelOf(ctx))).filter((c) => !c.cancelled && c.madeOn <= today);
  if (calls.length === 0) return { replies: [callReply(locale, t(locale, 'call.title.list'), t(locale, 'call.none', { command: `${ctx.commandPrefix}call` }), callFooter(locale, services.market.sourceLabel, today), 'ephemeral')], result: { calls: [] } };
  const rows = await Promise.all(calls.map(async (call) => ({ call, standing: await standingOf(ctx, call, today) })));
  const text = rows.map(({ call, standing }) => `• \`${call.id}\` ${claimText(locale, call, callerName(call))}\n  ${statusText(locale, standing, call)}`).join('\n');
  return { replies: [callReply(locale, t(locale, 'call.title.list'), text, callFooter(locale, services.market.sourceLabel, today), 'ephemeral')], result: { calls: rows } };
}

async function board(ctx: CommandContext): Promise<CommandOutput> {
  const { services, locale } = ctx;
  const today = services.today();
  const calls = (await services.calls.list(ctx.platform, channelOf(ctx))).filter((c) => c.madeOn <= today);
  const rows = callBoard(await Promise.all(calls.map(async (call) => ({ call, standing: await standingOf(ctx, call, today) }))));
  const footer = callFooter(locale, services.market.sourceLabel, today);
  if (rows.length === 0) return { replies: [callReply(locale, t(locale, 'call.title.board'), t(locale, 'call.none', { command: `${ctx.commandPrefix}call` }), footer, 'public')], result: { board: [] } };
  const line = (r: (typeof rows)[number]) =>
    t(locale, 'call.boardLine', { who: r.name, hits: r.hits, misses: r.misses, open: r.open, average: r.averageLeadPp === undefined ? '–' : formatPp(locale, r.averageLeadPp, 2) });
  const settled = rows.filter((r) => r.averageLeadPp !== undefined);
  const reply = callReply(locale, t(locale, 'call.title.board'), rows.map((r) => `• ${line(r)}`).join('\n'), footer, 'public');
  if (settled.length === 0) return { replies: [reply], result: { board: rows } };
  const chart = await services.charts.render({
    kind: 'bars',
    locale,
    size: services.config.ROTATION_CHART_SIZE,
    title: t(locale, 'call.chartTitle'),
    footer,
    legs: settled.map((r, k) => ({ label: r.name, role: r.averageLeadPp! >= 0 ? 'small' : 'large', rank: k % 2, returnPct: r.averageLeadPp!, valueLabel: `${r.hits}–${r.misses} · ${formatPp(locale, r.averageLeadPp!, 2)}` })),
    spreadLabel: '',
    unit: 'pp',
  });
  return { replies: [{ ...reply, chart: { png: chart.png, filename: `calls-board-${today}.png`, alt: chart.alt, width: chart.width, height: chart.height } }], result: { board: rows } };
}

async function cancel(args: { id?: string }, ctx: CommandContext): Promise<CommandOutput> {
  const { services, locale } = ctx;
  const id = args.id?.trim().toLowerCase();
  if (!id) throw new UserError('call.errors.needId', { command: `${ctx.commandPrefix}call` });
  const call = await services.calls.get(id);
  if (!call || call.platform !== ctx.platform || call.channelId !== channelOf(ctx)) throw new UserError('call.errors.notFound', { id: id.slice(0, 20), command: `${ctx.commandPrefix}call` });
  const decision = cancelDecision(call, { userId: ctx.userId, isManager: isManager(ctx) }, services.today());
  if (decision !== 'ok') throw new UserError(`call.errors.cancel.${decision}`, { id });
  if (!(await services.calls.cancel(id, ctx.userId, services.now().getTime()))) throw new UserError('call.errors.cancel.notOpen', { id });
  return { replies: [callReply(locale, t(locale, 'call.title.cancelled'), t(locale, 'call.cancelled', { id, claim: claimText(locale, call, callerName(call)) }), callFooter(locale, services.market.sourceLabel, services.today()), 'public')], result: { cancelled: id } };
}

/** The brief's call: on 2026-01-20 the analysts said the small-cap trade fades within two weeks and large caps lead again. */
export const EXAMPLE_MADE_ON = '2026-01-20';
export const EXAMPLE_DEADLINE = '2026-02-03';

async function example(ctx: CommandContext): Promise<CommandOutput> {
  const { services, locale } = ctx;
  const today = services.today();
  const small = services.universe.etf.small[0]!.symbol;
  const large = services.universe.etf.large[0]!.symbol;
  if (today < EXAMPLE_MADE_ON) throw new UserError('call.errors.exampleNotYet', { made: EXAMPLE_MADE_ON, today });
  const bars = await loadPair(ctx, small, large, today);
  const start = startCloses(bars, EXAMPLE_MADE_ON);
  if (!start || start.date !== EXAMPLE_MADE_ON) throw new UserError('call.errors.noStart', { symbols: `${small}, ${large}`, date: EXAMPLE_MADE_ON });
  const call: Call = { id: 'example', platform: ctx.platform, channelId: 'example', locale, userId: 'Wolfe Research', madeAt: 0, madeOn: EXAMPLE_MADE_ON, side: 'large', smallSymbol: small, largeSymbol: large, deadline: EXAMPLE_DEADLINE, marginPp: 0, start };
  const standing = callStanding(call, bars, today, lastCompletedSession(services.now()));
  const text = [t(locale, 'call.example.said'), claimText(locale, call, t(locale, 'call.example.who')), statusText(locale, standing, call)].join('\n');
  const tone = standing.state === 'settled' ? (standing.result.hit ? 'positive' : 'negative') : 'neutral';
  return { replies: [callReply(locale, t(locale, 'call.title.example'), text, callFooter(locale, services.market.sourceLabel, standing.state === 'settled' ? standing.settlesOn : today), 'public', tone)], result: { call, standing } };
}

export const callCommand = defineCommand({
  name: 'call',
  options: {
    action: { type: 'string', choices: ACTIONS, default: 'make' },
    side: { type: 'string', choices: ['small', 'large'] },
    by: { type: 'date' },
    vs: { type: 'string', maxLength: 12 },
    small: { type: 'string', maxLength: 12 },
    margin: { type: 'number', min: 0, max: MAX_MARGIN_PP },
    id: { type: 'string', maxLength: 20 },
  },
  visibility: (args) => (args.action === 'list' ? 'ephemeral' : 'public'),
  slow: true,
  examples: ['call side:small by:2026-03-31', 'call side:large vs:QQQ by:2026-06-30 margin:2', 'call side:small small:IJR by:2026-09-30', 'call list', 'call board', 'call cancel id:a1b2c3', 'call example'],
  async run(args, ctx) {
    switch (args.action) {
      case 'make':
        return make(args, ctx);
      case 'list':
        return list(ctx);
      case 'board':
        return board(ctx);
      case 'cancel':
        return cancel(args, ctx);
      case 'example':
        return example(ctx);
    }
  },
});
