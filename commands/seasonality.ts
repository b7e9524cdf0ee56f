import { defineCommand } from './define-command.ts';
import { legsFor } from '../core/market/universe.ts';
import { t } from '../core/i18n/translate.ts';
import { formatDate, formatPp } from '../core/i18n/format.ts';
import type { Basis } from '../core/market/types.ts';
import { UserError } from '../core/user-error.ts';
import { loadLegs } from './load-legs.ts';
import { januaryHistory, seasonalitySpec } from './seasonality-view.ts';

export const seasonality = defineCommand({
  name: 'seasonality',
  options: {
    years: { type: 'number', integer: true, min: 3, max: 40, default: 20 },
    basis: { type: 'string', choices: ['price', 'total', 'index'], default: 'price' },
    size: { type: 'string', choices: ['wide', 'square'] },
    private: { type: 'boolean', default: false },
  },
  visibility: (args) => (args.private ? 'ephemeral' : 'public'),
  slow: true,
  examples: ['seasonality', 'seasonality 10', 'seasonality years:30 basis:index'],
  async run(args, ctx) {
    const { services, locale } = ctx;
    const asOf = services.today();
    const basis = args.basis as Basis;
    const family = legsFor(services.universe, basis);
    const loaded = await loadLegs(services.market, [family.small[0]!, family.large[0]!], new Set());
    const [small, large] = [loaded.legs.find((l) => l.instrument.role === 'small')!, loaded.legs.find((l) => l.instrument.role === 'large')!];
    const history = januaryHistory(small, large, asOf, args.years, basis);
    if (!history.median) throw new UserError('seasonality.noHistory', { small: small.instrument.symbol, large: large.instrument.symbol });

    const sName = small.instrument.name[locale];
    const lName = large.instrument.name[locale];
    const m = history.median;
    const past = history.spreads.filter((s) => s !== history.current);
    const lines = [
      t(locale, 'seasonality.headline', { small: sName, large: lName, led: history.ledCount, count: m.count, median: formatPp(locale, m.medianPp), first: m.firstYear, last: m.lastYear }),
    ];
    if (history.current) {
      lines.push(
        t(locale, history.current.finished ? 'seasonality.currentDone' : 'seasonality.currentSoFar', {
          year: history.current.year,
          spread: formatPp(locale, history.current.spreadPp),
          through: formatDate(locale, history.current.endDate),
        }),
      );
    }
    if (m.count < args.years) lines.push(`• ${t(locale, 'seasonality.fewerYears', { count: m.count, asked: args.years })}`);
    const best = past.reduce((a, b) => (b.spreadPp > a.spreadPp ? b : a));
    const worst = past.reduce((a, b) => (b.spreadPp < a.spreadPp ? b : a));
    const spec = seasonalitySpec(locale, history, args.size ?? services.config.ROTATION_CHART_SIZE, loaded.source, asOf);
    const chart = await services.charts.render(spec);
    const footer = t(locale, 'seasonality.footer', { basis: t(locale, `basis.${basis}`), source: loaded.source, asOf: formatDate(locale, history.spreads.at(-1)!.endDate) });
    return {
      replies: [
        {
          visibility: args.private ? 'ephemeral' : 'public',
          locale,
          tone: 'neutral',
          title: t(locale, 'seasonality.title', { years: m.count }),
          text: lines.join('\n'),
          fields: [
            { label: t(locale, 'seasonality.best'), value: `${best.year}: ${formatPp(locale, best.spreadPp)}`, inline: true },
            { label: t(locale, 'seasonality.worst'), value: `${worst.year}: ${formatPp(locale, worst.spreadPp)}`, inline: true },
            { label: t(locale, 'seasonality.median'), value: formatPp(locale, m.medianPp), inline: true },
          ],
          footer,
          fallbackText: `${lines[0]} (${footer})`,
          chart: { png: chart.png, filename: `seasonality-${asOf}.png`, alt: chart.alt, width: chart.width, height: chart.height },
          actions: [{ kind: 'explain-terms', label: t(locale, 'actions.explain'), terms: ['january-effect', 'tax-loss-selling', 'spread', 'percentage-point'] }],
        },
      ],
      result: {
        small: small.instrument.symbol,
        large: large.instrument.symbol,
        basis,
        years: history.spreads.map((s) => ({ year: s.year, spreadPp: s.spreadPp, smallReturn: s.smallReturn, largeReturn: s.largeReturn, baseDate: s.baseDate, endDate: s.endDate, finished: s.finished })),
        medianPp: m.medianPp,
        ledCount: history.ledCount,
        count: m.count,
      },
    };
  },
});
