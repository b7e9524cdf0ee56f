import type { FactorId, StateOf } from './factors.ts';

export const PRESETS = ['auto', 'small-cap-case', 'large-cap-case', 'study'] as const;
export type Preset = (typeof PRESETS)[number];

export type ScenarioStates = { readonly [K in FactorId]: StateOf<K> };

/**
 * The brief's two medium-term scenarios (months ahead) as complete factor sets. Because they look
 * past January, the tax-loss window is over in both, and prices have followed the scenario.
 * `auto` and `study` use today's data instead.
 */
export const SCENARIOS: { readonly [P in Exclude<Preset, 'auto' | 'study'>]: ScenarioStates } = {
  // "Monetary easing + sustained fiscal stimulus + real relief on tariffs and trade uncertainty
  // together → small-cap fundamentals improve and a re-rating can happen": the cycle recovers,
  // revisions turn to small caps, and the valuation gap becomes an opportunity.
  'small-cap-case': {
    seasonality: 'outside-window',
    momentum: 'small-leading',
    monetary: 'easing',
    fiscal: 'stimulus',
    tariffs: 'easing',
    ism: 'expanding',
    housing: 'strong',
    autos: 'strong',
    credit: 'calm',
    revisions: 'small',
    valuation: 'small',
  },
  // "Manufacturing recovery stays weak and housing/autos stay soft → small caps cannot beat large
  // caps on EPS growth; money rotates back … into large-cap tech". Policy stays where it is, and
  // the valuation gap keeps reflecting large caps' quality (brief point 6).
  'large-cap-case': {
    seasonality: 'outside-window',
    momentum: 'large-leading',
    monetary: 'on-hold',
    fiscal: 'no-stimulus',
    tariffs: 'unchanged',
    ism: 'contracting',
    housing: 'weak',
    autos: 'weak',
    credit: 'normal',
    revisions: 'large',
    valuation: 'large',
  },
};
