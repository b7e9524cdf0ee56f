import type { IsoDate } from '../core/market/types.ts';
import type { Assessment } from '../core/scenarios/assess.ts';
import type { JanuaryStudy } from '../core/scenarios/history-study.ts';
import type { Preset } from '../core/scenarios/presets.ts';
import type { WatchItem } from '../core/scenarios/watch.ts';
import type { ScenarioData } from './scenario-load.ts';
import { FACTOR_IDS } from '../core/scenarios/factors.ts';
import { countSources } from '../core/scenarios/source-counts.ts';

/** The numbers behind the answer, for `--json` and tests. Study figures are in percentage points. */
export function scenarioResult(input: {
  readonly preset: Preset;
  readonly asOf: IsoDate;
  readonly assessment: Assessment;
  readonly data: ScenarioData;
  readonly watch: readonly WatchItem[];
  readonly study?: JanuaryStudy | null;
}) {
  const { assessment: a, study } = input;
  return {
    preset: input.preset,
    asOf: input.asOf,
    verdict: a.verdict,
    confidence: a.confidence,
    factors: FACTOR_IDS.map((id) => {
      const f = a.factors[id];
      return { id, state: f.state, lean: f.lean, source: f.source, asOf: f.asOf, detail: f.detail };
    }),
    evidence: countSources(a.factors),
    reasons: a.reasons,
    flips: a.flips.shown.map((f) => ({ changes: f.changes, verdict: f.verdict })),
    unreachable: a.flips.unreachable,
    watch: input.watch,
    sources: { prices: input.data.priceSource, macro: input.data.macroSource, pair: input.data.pair },
    ...(study === undefined
      ? {}
      : {
          study: study && {
            small: study.small,
            large: study.large,
            referenceDay: study.referenceDay,
            reference: study.reference,
            minLeadPp: study.minLeadPp,
            examined: study.examined,
            current: study.current,
            summary: study.summary,
          },
          years: study?.years ?? [],
        }),
  };
}
