import type { GlossaryIndex } from '../glossary/glossary-index.ts';
import type { GlossaryEntry } from '../glossary/types.ts';
import { normalizeTerm } from '../glossary/normalize-term.ts';

export type TermMention = {
  readonly entry: GlossaryEntry;
  /** The words as they appear in the text. */
  readonly text: string;
  readonly start: number;
  readonly end: number;
};

/** English aliases too common to mean the term on their own in running text. */
const TOO_COMMON = new Set([
  'expectations', 'outlook', 'trade', 'cycle', 'index', 'indices', 'indexes', 'benchmark', 'rates', 'yields', 'session', 'sessions',
  'ratio', 'tilt', 'trim', 'rotate', 'rotating', 'visibility', 'leadership', 'squeeze', 'positioning', 'rebound', 'bounce', 'vol',
  'concentration', 'leverage', 'technology', 'rebase', 'rebased', 'recon', 'shorts', 'stimulus', 'easing', 'cyclical', 'quality',
  'fundamental', 'outperform', 'underperform', 'revisions', 'tr', 'pe', 'pp', 'bp', 'bip', 'bips', 'ppt', 'qoe', 'erp', 'smb', 'lei',
  'iwm', 'ijr', 'spy', 'qqq', 'rut', 'spx', 'ndx', 'sml', 'iwc', 'rua', 'smid', 'm7', 'tariff', 'interest rate', 'show me', 'cycle',
  'ism', 'pmi', 'etfs', 'ai', 'trend', 'mega cap', 'big caps',
]);
/** Korean keys this short are whole words only (followed by a particle or a non-Hangul character). */
const SHORT_HANGUL = 2;
const PARTICLE = /^(은|는|이|가|을|를|의|에|와|과|도|로|으로|에서|만|보다|까지|부터|처럼|이나|나|란|이란|라는|이라는|\(|$)/u;

type Key = { readonly norm: string; readonly entry: number; readonly hangul: boolean };
const keysCache = new WeakMap<GlossaryIndex, readonly Key[]>();

function keysOf(index: GlossaryIndex): readonly Key[] {
  let keys = keysCache.get(index);
  if (!keys) {
    keys = index.keys
      .filter((k) => k.kind !== 'id' && !(k.locale === 'en' && TOO_COMMON.has(k.text.toLowerCase())) && k.norm.length >= 2)
      .map((k) => ({ norm: k.norm, entry: k.entry, hangul: /\p{Script=Hangul}/u.test(k.norm) }))
      .sort((a, b) => b.norm.length - a.norm.length);
    keysCache.set(index, keys);
  }
  return keys;
}

/** normalizeTerm of one character, remembered: an article repeats a few hundred characters thousands of times. */
const charForms = new Map<string, string>();
function normalizedChar(c: string): string {
  let form = charForms.get(c);
  if (form === undefined) {
    form = normalizeTerm(c);
    if (charForms.size < 10_000) charForms.set(c, form);
  }
  return form;
}

/** The text in glossary form (as normalizeTerm), with each kept character's offset in the original. */
function normalizedWithOffsets(text: string): { norm: string; at: number[] } {
  let norm = '';
  const at: number[] = [];
  for (let i = 0; i < text.length; i++) {
    // The word "and" counts as "&", as in normalizeTerm ("S and P 500").
    if (/and/iy.test(text.slice(i, i + 3)) && !isWordChar(text[i - 1]) && !isWordChar(text[i + 3])) {
      norm += '&';
      at.push(i);
      i += 2;
      continue;
    }
    for (const c of normalizedChar(text[i]!)) {
      norm += c;
      at.push(i);
    }
  }
  return { norm, at };
}

const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
const isLatin = (c: string | undefined) => c !== undefined && /[\p{Script=Latin}\p{N}]/u.test(c);
const ENGLISH_ENDING = /^(s|es|ed|d|ing|')?(?![\p{Script=Latin}])/u;

/**
 * Every glossary term the text mentions, by its terms and aliases in both languages, spacing and
 * hyphens ignored ("세금 손실 매도", "tax-loss selling"), with English plural and past endings.
 * Longer names win where two overlap; each entry is listed once, at its first mention.
 */
export function findTerms(index: GlossaryIndex, text: string): TermMention[] {
  const { norm, at } = normalizedWithOffsets(text);
  const covered = new Uint8Array(norm.length);
  const hits: { entry: number; start: number; end: number }[] = [];
  for (const key of keysOf(index)) {
    for (let from = norm.indexOf(key.norm); from >= 0; from = norm.indexOf(key.norm, from + 1)) {
      const to = from + key.norm.length;
      if (covered.subarray(from, to).some((c) => c === 1)) continue;
      const start = at[from]!;
      const end = at[to - 1]! + 1;
      if (!acceptable(text, start, end, key)) continue;
      covered.fill(1, from, to);
      hits.push({ entry: key.entry, start, end });
    }
  }
  const first = new Map<number, { start: number; end: number }>();
  for (const h of hits.sort((a, b) => a.start - b.start)) if (!first.has(h.entry)) first.set(h.entry, h);
  return [...first.entries()].map(([entry, h]) => ({ entry: index.entries[entry]!, text: text.slice(h.start, h.end), start: h.start, end: h.end })).sort((a, b) => a.start - b.start);
}

function acceptable(text: string, start: number, end: number, key: Key): boolean {
  const before = text[start - 1];
  const first = text[start];
  if (isLatin(first) && isLatin(before)) return false;
  const last = text[end - 1];
  const after = text.slice(end);
  if (isLatin(last)) return ENGLISH_ENDING.test(after);
  if (key.hangul && key.norm.length <= SHORT_HANGUL) {
    if (/\p{Script=Hangul}/u.test(before ?? '') && !/[·,]/.test(before ?? '')) return false;
    return !isWordChar(after[0]) || PARTICLE.test(after);
  }
  return true;
}
