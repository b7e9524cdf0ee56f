import type { ReplyChart } from '../core/reply.ts';
import type { RenderedChart } from '../core/charts/chart-spec.ts';
import { defineCommand } from './define-command.ts';
import { PRESETS } from '../core/scenarios/presets.ts';
import { OVERRIDE_CHOICES, applyScenario, overridesFrom } from '../core/scenarios/overrides.ts';
import { assess } from '../core/scenarios/assess.ts';
import { watchList } from '../core/scenarios/watch.ts';
import { januaryLeadStudy, pickStudyPair } from '../core/scenarios/history-study.ts';
import { t } from '../core/i18n/translate.ts';
import { loadScenarioData, loadStudyPairs } from './scenario-load.ts';
import { scenarioReply, scorecardSpec } from './scenario-reply.ts';
import { studyReply, studySpec } from './scenario-study-reply.ts';
import { scenarioResult } from './scenario-result.ts';

const chartOf = (rendered: RenderedChart, filename: string): ReplyChart => ({
  png: rendered.png,
  filename,
  alt: rendered.alt,
  width: rendered.width,
  height: rendered.height,
});

export const scenario = defineCommand({
  name: 'scenario',
  options: {
    preset: { type: 'string', choices: PRESETS, default: 'auto' },
    easing: { type: 'string', choices: OVERRIDE_CHOICES.easing },
    stimulus: { type: 'string', choices: OVERRIDE_CHOICES.stimulus },
    tariffs: { type: 'string', choices: OVERRIDE_CHOICES.tariffs },
    ism: { type: 'string', choices: OVERRIDE_CHOICES.ism },
    housing: { type: 'string', choices: OVERRIDE_CHOICES.housing },
    autos: { type: 'string', choices: OVERRIDE_CHOICES.autos },
    revisions: { type: 'string', choices: OVERRIDE_CHOICES.revisions },
    valuation: { type: 'string', choices: OVERRIDE_CHOICES.valuation },
    credit: { type: 'string', choices: OVERRIDE_CHOICES.credit },
    lead: { type: 'number', min: 0, max: 30, default: 3 },
    years: { type: 'number', integer: true, min: 3, max: 100 },
    private: { type: 'boolean', default: false },
  },
  visibility: (args) => (args.private ? 'ephemeral' : 'public'),
  slow: true,
  examples: ['scenario', 'scenario revisions:large valuation:large', 'scenario small-cap-case', 'scenario study lead:5'],
  async run(args, ctx) {
    const { services, locale } = ctx;
    const asOf = services.today();
    const visibility = args.private ? 'ephemeral' : 'public';
    const data = await loadScenarioData(services, asOf);
    const assessment = assess(applyScenario(data.factors, args.preset, overridesFrom(args)));
    const watch = watchList(asOf);
    const size = services.config.ROTATION_CHART_SIZE;
    const shareLine = ['/scenario', ...Object.entries(args).filter(([k, v]) => k !== 'private' && v !== undefined).map(([k, v]) => `${k}:${String(v)}`)].join(' ');
    const share = args.private ? [{ kind: 'share' as const, label: t(locale, 'actions.share'), command: shareLine }] : [];

    if (args.preset === 'study') {
      const pair = pickStudyPair(await loadStudyPairs(services), asOf);
      const study = pair ? januaryLeadStudy(pair, asOf, args.lead, args.years) : null;
      const base = studyReply(locale, { study, assessment, asOf, source: services.market.sourceLabel, visibility, commandPrefix: ctx.commandPrefix });
      const spec = study && studySpec(locale, study, services.market.sourceLabel, asOf, size);
      const chart = spec ? chartOf(await services.charts.render(spec), `scenario-study-${asOf}.png`) : undefined;
      return {
        replies: [{ ...base, actions: [...(base.actions ?? []), ...share], ...(chart ? { chart } : {}) }],
        result: scenarioResult({ preset: args.preset, asOf, assessment, data, watch, study }),
      };
    }

    const base = scenarioReply(locale, { assessment, preset: args.preset, data, asOf, watch, visibility, commandPrefix: ctx.commandPrefix });
    const chart = chartOf(await services.charts.render(scorecardSpec(locale, assessment, args.preset, data, asOf, size)), `scenario-${asOf}.png`);
    return {
      replies: [{ ...base, actions: [...(base.actions ?? []), ...share], chart }],
      result: scenarioResult({ preset: args.preset, asOf, assessment, data, watch }),
    };
  },
});
