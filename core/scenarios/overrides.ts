import type { Factor, FactorId, FactorSet, StateOf } from './factors.ts';
import type { Preset } from './presets.ts';
import { FACTOR_IDS } from './factors.ts';
import { SCENARIOS } from './presets.ts';
import { knownFactor } from './make-factor.ts';

/** What a user may say about the factors the data cannot read (or to overrule it), as command options. */
export const OVERRIDE_CHOICES = {
  easing: ['easing', 'on-hold', 'tightening'],
  stimulus: ['yes', 'no'],
  tariffs: ['easing', 'unchanged', 'worsening'],
  ism: ['expanding', 'contracting'],
  housing: ['strong', 'weak'],
  autos: ['strong', 'weak'],
  revisions: ['small', 'large', 'neutral'],
  valuation: ['small', 'large', 'neutral'],
  credit: ['calm', 'normal', 'stressed'],
} as const;

export type OverrideOption = keyof typeof OVERRIDE_CHOICES;
export type OverrideOptions = { readonly [O in OverrideOption]?: (typeof OVERRIDE_CHOICES)[O][number] };
export type Overrides = { readonly [K in FactorId]?: StateOf<K> };

export const OVERRIDE_FACTOR: { readonly [O in OverrideOption]: FactorId } = {
  easing: 'monetary',
  stimulus: 'fiscal',
  tariffs: 'tariffs',
  ism: 'ism',
  housing: 'housing',
  autos: 'autos',
  revisions: 'revisions',
  valuation: 'valuation',
  credit: 'credit',
};

export function overridesFrom(options: OverrideOptions): Overrides {
  const out: { -readonly [K in FactorId]?: StateOf<K> } = {};
  if (options.easing) out.monetary = options.easing;
  if (options.stimulus) out.fiscal = options.stimulus === 'yes' ? 'stimulus' : 'no-stimulus';
  if (options.tariffs) out.tariffs = options.tariffs;
  if (options.ism) out.ism = options.ism;
  if (options.housing) out.housing = options.housing;
  if (options.autos) out.autos = options.autos;
  if (options.revisions) out.revisions = options.revisions;
  if (options.valuation) out.valuation = options.valuation;
  if (options.credit) out.credit = options.credit;
  return out;
}

/** The user's options win over the preset, which wins over the data. */
export function applyScenario(data: FactorSet, preset: Preset, overrides: Overrides): FactorSet {
  const scenario = preset === 'small-cap-case' || preset === 'large-cap-case' ? SCENARIOS[preset] : undefined;
  const out = {} as Record<FactorId, Factor>;
  for (const id of FACTOR_IDS) {
    const user = overrides[id];
    const fixed = scenario?.[id];
    out[id] =
      user !== undefined ? knownFactor(id, user, 'user', null)
      : fixed !== undefined ? knownFactor(id, fixed, 'config', null)
      : data[id];
  }
  return out as unknown as FactorSet;
}
