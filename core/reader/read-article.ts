import type { GlossaryIndex } from '../glossary/glossary-index.ts';
import type { GlossaryEntry } from '../glossary/types.ts';
import type { IsoDate } from '../market/types.ts';
import type { Claim } from './claims.ts';
import type { InputProblem } from './text-input.ts';
import { checkInput, languageOf } from './text-input.ts';
import { findTerms } from './find-terms.ts';
import { extractClaims } from './claims.ts';

export const ARTICLE_MAX = 20_000;

export type ArticleReading =
  | { readonly kind: 'read'; readonly language: 'en' | 'ko'; readonly terms: readonly { readonly entry: GlossaryEntry; readonly text: string }[]; readonly claims: readonly Claim[] }
  | { readonly kind: 'refused'; readonly problem: InputProblem; readonly length: number };

export type ArticleDeps = { readonly glossary: GlossaryIndex; readonly asOf: IsoDate };

/** Every glossary term an article mentions and every claim in it, unmeasured (see measureClaims). Pure; never throws. */
export function readArticle(raw: unknown, deps: ArticleDeps): ArticleReading {
  const checked = checkInput(raw, ARTICLE_MAX);
  // Instructions inside an article are just text to read: only the other problems refuse it.
  if (!checked.ok && checked.problem !== 'instructions') return { kind: 'refused', problem: checked.problem, length: checked.length };
  const text = checked.ok ? checked.text : String(raw).normalize('NFKC');
  try {
    return {
      kind: 'read',
      language: languageOf(text),
      terms: findTerms(deps.glossary, text).map((t) => ({ entry: t.entry, text: t.text })),
      claims: extractClaims(text, deps.glossary, deps.asOf),
    };
  } catch {
    return { kind: 'read', language: languageOf(text), terms: [], claims: [] };
  }
}
