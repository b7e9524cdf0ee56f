export type { Locale } from '../i18n/locale.ts';

export type Localized = { readonly en: string; readonly ko: string };

export type LocalizedList = { readonly en: readonly string[]; readonly ko: readonly string[] };

/** The measurable counterpart of a term: which live figure the bot can show next to its explanation. */
export type LiveMetric = 'january-effect' | 'tax-loss' | 'spread' | 'ratio' | 'drawdown' | 'ytd' | 'percentile';

export type GlossaryEntry = {
  readonly id: string;
  readonly category: string;
  readonly term: Localized;
  readonly aliases: LocalizedList;
  readonly definition: Localized;
  readonly explanation: Localized;
  readonly example: Localized;
  readonly whyItMatters: Localized;
  readonly related: readonly string[];
  readonly live?: LiveMetric;
};

export type GlossaryCategory = {
  readonly id: string;
  readonly title: Localized;
  readonly description: Localized;
};

export type Glossary = {
  /** In file order (files sorted by name), then in each file's own order. */
  readonly entries: readonly GlossaryEntry[];
  /** In the order of the categories file. */
  readonly categories: readonly GlossaryCategory[];
};
