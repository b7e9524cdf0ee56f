import { defineCommand } from './define-command.ts';
import { parsePeriod, RELATIVE_PERIODS } from '../core/market/period.ts';
import { compareLegs } from '../core/market/compare.ts';
import { legsFor, resolveVs, sameIndex } from '../core/market/universe.ts';
import { UserError } from '../core/user-error.ts';
import { loadLegs } from './load-legs.ts';
import { smallcapsReply, smallcapsResult } from './smallcaps-reply.ts';
import { CHART_KINDS, smallcapsChart } from './smallcaps-charts.ts';
import type { Basis } from '../core/market/types.ts';
import type { Period } from '../core/market/period.ts';
import { t } from '../core/i18n/translate.ts';

/** `from:`/`to:` when given, else the period option. */
function periodOf(args: { readonly period: string; readonly from?: string; readonly to?: string }): Period {
  if (args.to && !args.from) throw new UserError('period.toWithoutFrom', {});
  return args.from ? parsePeriod(args.from, args.to) : parsePeriod(args.period);
}

const PERIOD_SUGGESTIONS = [...RELATIVE_PERIODS, '2025', '2024', '2023'];

export const smallcaps = defineCommand({
  name: 'smallcaps',
  options: {
    period: { type: 'string', default: 'ytd', autocomplete: true, maxLength: 40 },
    basis: { type: 'string', choices: ['price', 'total', 'index'], default: 'price' },
    vs: { type: 'string', autocomplete: true, maxLength: 20 },
    from: { type: 'date' },
    to: { type: 'date' },
    chart: { type: 'string', choices: CHART_KINDS, default: 'auto' },
    size: { type: 'string', choices: ['wide', 'square'] },
    private: { type: 'boolean', default: false },
  },
  visibility: (args) => (args.private ? 'ephemeral' : 'public'),
  slow: true,
  examples: ['smallcaps ytd', 'smallcaps 1m vs:QQQ', 'smallcaps 2023 basis:index', 'smallcaps 5y chart:ratio', 'smallcaps from:2026-01-02 to:2026-01-20'],
  check: (args) => void periodOf(args),
  suggest: (option, query, ctx) => {
    const q = query.toLowerCase();
    const pool =
      option === 'vs'
        ? [...ctx.services.universe.etf.large, ...ctx.services.universe.index.large].map((i) => i.symbol)
        : PERIOD_SUGGESTIONS;
    return pool.filter((p) => p.toLowerCase().includes(q)).map((p) => ({ name: p, value: p }));
  },
  async run(args, ctx) {
    const { services, locale } = ctx;
    const asOf = services.today();
    const period = periodOf(args);
    const basis = args.basis as Basis;
    const family = legsFor(services.universe, basis);
    const large = args.vs ? [resolveVs(services.universe, basis, args.vs)] : family.large;
    const typed = new Set(args.vs ? [large[0]!.symbol] : []);
    // vs:IJR sets the S&P 600 against the Russell: it is then the comparison, not also a small leg (nor is the ETF of a vs index).
    const small = family.small.filter((i) => !typed.has(i.symbol) && !(args.vs && sameIndex(i.symbol, large[0]!.symbol)));
    const loaded = await loadLegs(services.market, [...small, ...large], typed);
    const comparison = compareLegs(loaded.legs, period, asOf, basis);
    const base = smallcapsReply(locale, comparison, loaded, args.private ? 'ephemeral' : 'public');
    const shareLine = ['/smallcaps', ...Object.entries(args).filter(([k, v]) => k !== 'private' && v !== undefined && !(k === 'chart' && v === 'auto')).map(([k, v]) => `${k}:${String(v)}`)].join(' ');
    const actions = args.private ? [...(base.actions ?? []), { kind: 'share' as const, label: t(locale, 'actions.share'), command: shareLine }] : base.actions;
    const chart = await services.charts.render(smallcapsChart(args.chart, locale, comparison, loaded, args.size ?? services.config.ROTATION_CHART_SIZE));
    return {
      replies: [{ ...base, ...(actions ? { actions } : {}), chart: { png: chart.png, filename: `smallcaps-${comparison.endDate}.png`, alt: chart.alt, width: chart.width, height: chart.height } }],
      result: smallcapsResult(comparison, loaded),
    };
  },
});
