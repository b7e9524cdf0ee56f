import Fuse, { type IFuseOptions } from 'fuse.js';
import { charCounts, type GlossaryIndex, type IndexKey } from './glossary-index.ts';
import { foldTerm, normalizeTerm } from './normalize-term.ts';

export type ScoredEntry = {
  /** Position in `GlossaryIndex.entries`. */
  readonly entry: number;
  /** 0 is a perfect match; lower is better. */
  readonly score: number;
  /** The name of the entry that matched best. */
  readonly key: IndexKey;
};

/**
 * How a query is scored against one key (all on the folded form, Hangul split into jamo):
 * - fuse.js's Bitap score, the share of the query's characters that had to be edited for it
 *   to appear somewhere in the key ("taxlos" in "taxlossselling" is 0, "russel2000" in
 *   "russell2000" is 0.1), plus LENGTH_WEIGHT × (1 − shorter/longer length), so that a query
 *   covering most of a key beats a small piece of a long one ("rating": "re-rating" before
 *   "durable re-rating");
 * - or, when the key appears whole inside a longer query ("what is the january effect"),
 *   CONTAINED_BASE + CONTAINED_WEIGHT × the share of the query the key leaves unexplained.
 *   This costs more than the first kind, so "eps revison" is Earnings revisions (one typo)
 *   rather than EPS (a third of the query). Keys shorter than LONG_KEY must instead equal a
 *   word of the query, so that "eps" matches "what is eps" but "per" does not match "percentile".
 */
const LENGTH_WEIGHT = 0.25;
const CONTAINED_BASE = 0.05;
const CONTAINED_WEIGHT = 0.35;
const LONG_KEY = 5;

/**
 * Bitap accepts up to FUSE_THRESHOLD × query length edits: loose enough for "did you mean"
 * suggestions ("rusel 2" for Russell 2000 needs 2 edits in 6); lookup applies a stricter bar.
 */
const FUSE_THRESHOLD = 0.4;
const FUSE_OPTIONS: IFuseOptions<IndexKey> = {
  keys: ['fold'],
  includeScore: true,
  isCaseSensitive: true,
  ignoreLocation: true,
  ignoreFieldNorm: true,
  threshold: FUSE_THRESHOLD,
};

/** All entries with any match, best first (ties in content order), each with its best key. */
export function scoreEntries(index: GlossaryIndex, query: string): ScoredEntry[] {
  const fold = foldTerm(normalizeTerm(query));
  if (fold === '') return [];
  const best = new Map<number, ScoredEntry>();
  const offer = (key: IndexKey, score: number) => {
    const current = best.get(key.entry);
    if (!current || score < current.score) best.set(key.entry, { entry: key.entry, score, key });
  };
  for (const { key, score } of editScores(index, fold)) {
    const [shorter, longer] = [fold.length, key.fold.length].sort((a, b) => a - b) as [number, number];
    offer(key, score + LENGTH_WEIGHT * (1 - shorter / longer));
  }
  const words = new Set(queryWords(query));
  for (const key of index.keys) {
    if (key.fold.length >= fold.length) continue;
    const contained = key.fold.length >= LONG_KEY ? fold.includes(key.fold) : words.has(key.fold);
    if (contained) offer(key, CONTAINED_BASE + CONTAINED_WEIGHT * (1 - key.fold.length / fold.length));
  }
  return [...best.values()].sort((a, b) => a.score - b.score || a.entry - b.entry);
}

/**
 * fuse.js Bitap scores, run only on keys that could pass: a match with at most k edits keeps at
 * least (length − k) of the query's characters, so keys sharing fewer are skipped. With k = 0
 * (queries of one or two characters) Bitap is a plain substring test.
 */
function editScores(index: GlossaryIndex, fold: string): { key: IndexKey; score: number }[] {
  const maxEdits = Math.floor(FUSE_THRESHOLD * fold.length);
  if (maxEdits === 0) return index.keys.filter((k) => k.fold.includes(fold)).map((key) => ({ key, score: 0 }));
  const wanted = charCounts(fold);
  const needed = fold.length - maxEdits;
  const candidates = index.keys.filter((k) => sharedChars(wanted, k.chars) >= needed);
  if (candidates.length === 0) return [];
  return new Fuse(candidates, FUSE_OPTIONS).search(fold).map((r) => ({ key: r.item, score: r.score ?? 1 }));
}

function sharedChars(wanted: ReadonlyMap<string, number>, have: ReadonlyMap<string, number>): number {
  let shared = 0;
  for (const [c, n] of wanted) shared += Math.min(n, have.get(c) ?? 0);
  return shared;
}

const WORD_BREAK = /[^\p{L}\p{M}\p{N}&%]+|(?<=\p{Script=Hangul})(?=[\p{Script=Latin}\p{N}])|(?<=[\p{Script=Latin}\p{N}])(?=\p{Script=Hangul})/u;

/** The query's words, folded; Latin and Hangul runs are split apart ("eps가" → "eps", "가"). */
function queryWords(query: string): string[] {
  return query
    .normalize('NFKC')
    .toLowerCase()
    .split(WORD_BREAK)
    .map((w) => foldTerm(normalizeTerm(w)))
    .filter((w) => w !== '');
}
