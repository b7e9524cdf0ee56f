import type { Locale } from '../core/i18n/locale.ts';
import type { IsoDate } from '../core/market/types.ts';
import type { Reply, ReplyField, Tone } from '../core/reply.ts';
import type { ChartSize, ScorecardChartSpec } from '../core/charts/chart-spec.ts';
import type { Assessment } from '../core/scenarios/assess.ts';
import type { Factor } from '../core/scenarios/factors.ts';
import type { Preset } from '../core/scenarios/presets.ts';
import type { Verdict } from '../core/scenarios/rules.ts';
import type { WatchItem } from '../core/scenarios/watch.ts';
import type { ScenarioData } from './scenario-load.ts';
import { FACTOR_IDS } from '../core/scenarios/factors.ts';
import { countSources } from '../core/scenarios/source-counts.ts';
import { t, sourceName } from '../core/i18n/translate.ts';
import { formatDate, formatPp } from '../core/i18n/format.ts';
import { confidenceText, factorName, flipLine, readingText, reasonLine, sourceLabel, stateLabel, unknownText, verdictName, watchLine } from './scenario-text.ts';

const TONE: Record<Verdict, Tone> = {
  'durable-rerating': 'positive',
  'short-term-trade': 'warning',
  'large-cap-leadership': 'negative',
  mixed: 'neutral',
};

/** The verdict in one sentence, with its confidence. */
export function verdictSentence(locale: Locale, a: Assessment): string {
  const momentum = a.factors.momentum;
  const lead = momentum.source === 'data' && typeof momentum.detail.spreadPp === 'number'
    ? t(locale, 'scenario.headline.lead', { spread: formatPp(locale, momentum.detail.spreadPp), window: t(locale, `scenario.reading.window.${String(momentum.detail.window)}`) })
    : t(locale, 'scenario.headline.leadUnmeasured');
  const variant = a.verdict === 'short-term-trade' ? (a.factors.seasonality.state === 'in-window' ? '.inWindow' : '.unsupported') : '';
  return t(locale, 'scenario.headline.sentence', {
    verdict: verdictName(locale, a.verdict),
    confidence: confidenceText(locale, a.confidence),
    summary: t(locale, `scenario.headline.${a.verdict}${variant}`, { lead }),
  });
}

function checklistValue(locale: Locale, factor: Factor): string {
  if (factor.source === 'unknown') return `${stateLabel(locale, factor.id, 'unknown')}\n${unknownText(locale, factor)}`;
  const parts = [stateLabel(locale, factor.id, factor.state), sourceLabel(locale, factor.source)];
  if (factor.asOf) parts.push(formatDate(locale, factor.asOf));
  const reading = readingText(locale, factor);
  return reading ? `${parts.join(' · ')}\n${reading}` : parts.join(' · ');
}

export function checklist(locale: Locale, a: Assessment): ReplyField[] {
  return FACTOR_IDS.map((id) => ({ label: factorName(locale, id), value: checklistValue(locale, a.factors[id]), inline: true }));
}

/** "Evidence: 7 from data, 0 from proxies, …": in the answer (`line`) or on the chart (`chart`). */
export function evidenceText(locale: Locale, a: Assessment, form: 'line' | 'chart'): string {
  const counts = countSources(a.factors);
  return t(locale, `scenarioEvidence.sources.${form}${counts.config ? 'Config' : ''}`, counts);
}

function flipLines(locale: Locale, a: Assessment): string[] {
  const lines = a.flips.shown.map((f) => `• ${flipLine(locale, f)}`);
  if (a.flips.unreachable.length) {
    lines.push(`• ${t(locale, 'scenario.flip.unreachable', { max: a.flips.maxChanges, verdicts: a.flips.unreachable.map((v) => verdictName(locale, v)).join(', ') })}`);
  }
  return lines;
}

export function footerText(locale: Locale, data: ScenarioData, asOf: IsoDate): string {
  return t(locale, 'scenario.footer', {
    pair: data.pair ? `${data.pair.small}/${data.pair.large}` : '—',
    prices: sourceName(locale, data.priceSource),
    macro: sourceName(locale, data.macroSource),
    asOf: formatDate(locale, asOf),
  });
}

export function scenarioReply(
  locale: Locale,
  input: { readonly assessment: Assessment; readonly preset: Preset; readonly data: ScenarioData; readonly asOf: IsoDate; readonly watch: readonly WatchItem[]; readonly visibility: Reply['visibility']; readonly commandPrefix: string },
): Omit<Reply, 'chart'> {
  const { assessment: a, preset, data, asOf, watch } = input;
  const head = verdictSentence(locale, a);
  const whatIf = preset === 'small-cap-case' || preset === 'large-cap-case' ? [t(locale, 'scenario.whatIf', { preset: t(locale, `scenario.preset.${preset}`), command: `${input.commandPrefix}scenario` }), ''] : [];
  const text = [
    head,
    evidenceText(locale, a, 'line'),
    '',
    ...whatIf,
    `**${t(locale, 'scenario.section.why')}**`,
    ...a.reasons.map((r) => `• ${reasonLine(locale, r, a.factors)}`),
    '',
    `**${t(locale, 'scenario.section.flips')}**`,
    ...flipLines(locale, a),
    '',
    `**${t(locale, 'scenario.section.watch')}**`,
    ...watch.map((w) => `• ${watchLine(locale, w)}`),
    '',
    `**${t(locale, 'scenario.section.framing')}**`,
    t(locale, 'scenario.framing.intro'),
    `• ${t(locale, 'scenario.framing.shortTerm')}`,
    `• ${t(locale, 'scenario.framing.selective')}`,
    `• ${t(locale, 'scenario.framing.timing')}`,
    `_${t(locale, 'scenario.disclaimer')}_`,
  ].join('\n');
  const footer = footerText(locale, data, asOf);
  return {
    visibility: input.visibility,
    locale,
    tone: TONE[a.verdict],
    title: t(locale, preset === 'auto' || preset === 'study' ? 'scenario.title' : 'scenario.titleWhatIf', { date: formatDate(locale, asOf), preset: t(locale, `scenario.preset.${preset}`) }),
    text,
    fields: checklist(locale, a),
    footer,
    fallbackText: `${head} (${t(locale, 'scenario.disclaimer')})`,
    actions: [{ kind: 'explain-terms', label: t(locale, 'actions.explain'), terms: ['tax-loss-selling', 'earnings-revisions', 'ism-new-orders', 'durable-re-rating', 'valuation-gap'] }],
  };
}

export function scorecardSpec(locale: Locale, a: Assessment, preset: Preset, data: ScenarioData, asOf: IsoDate, size: ChartSize): ScorecardChartSpec {
  const whatIf = preset === 'small-cap-case' || preset === 'large-cap-case';
  return {
    kind: 'scorecard',
    locale,
    size,
    title: t(locale, whatIf ? 'scenario.chart.titleWhatIf' : 'scenario.chart.title', { date: formatDate(locale, asOf), preset: t(locale, `scenario.preset.${preset}`) }),
    footer: `${evidenceText(locale, a, 'chart')} · ${t(locale, 'scenario.chart.footer', { asOf, prices: sourceName(locale, data.priceSource), macro: sourceName(locale, data.macroSource) })}`,
    factors: FACTOR_IDS.map((id) => {
      const f = a.factors[id];
      const state = stateLabel(locale, id, f.state);
      return {
        label: factorName(locale, id),
        state: f.source === 'proxy' ? t(locale, 'scenarioEvidence.sources.proxyMark', { state }) : state,
        lean: f.source === 'unknown' ? 'unknown' : f.lean,
      };
    }),
    verdictLabel: t(locale, 'scenario.chart.verdict', { verdict: verdictName(locale, a.verdict), confidence: confidenceText(locale, a.confidence) }),
  };
}
