import { z } from 'zod';
import type { GlossaryCategory, GlossaryEntry, LiveMetric } from './types.ts';

export const LIVE_METRICS = ['january-effect', 'tax-loss', 'spread', 'ratio', 'drawdown', 'ytd', 'percentile'] as const satisfies readonly LiveMetric[];

const KEBAB_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const text = z.string().trim().min(1, 'must not be empty');
const localized = z.strictObject({ en: text, ko: text });
const aliasList = z.array(text);
const id = z.string().regex(KEBAB_ID, 'must be kebab-case (a-z, 0-9, single hyphens)');

export const glossaryEntrySchema = z.strictObject({
  id,
  category: id,
  term: localized,
  aliases: z.strictObject({ en: aliasList, ko: aliasList }),
  definition: localized,
  explanation: localized,
  example: localized,
  whyItMatters: localized,
  related: z.array(id),
  live: z.enum(LIVE_METRICS).optional(),
}) satisfies z.ZodType<GlossaryEntry>;

/** One `assets/glossary/<category>.json` file. */
export const glossaryFileSchema = z.array(glossaryEntrySchema).min(1, 'a glossary file must hold at least one entry');

export const glossaryCategorySchema = z.strictObject({
  id,
  title: localized,
  description: localized,
}) satisfies z.ZodType<GlossaryCategory>;

/** `assets/glossary-categories.json`: the categories in display order. */
export const glossaryCategoriesFileSchema = z.array(glossaryCategorySchema).min(1, 'at least one category is required');

/** Short messages for the two most common content mistakes; zod's own wording otherwise. */
export const contentErrorMap: z.core.$ZodErrorMap = (issue) => {
  if (issue.input === undefined) return 'required';
  if (issue.code === 'invalid_type') return `expected ${issue.expected}`;
  return undefined;
};
