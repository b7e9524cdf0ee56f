import { fileURLToPath } from 'node:url';
import { autocomplete } from '../core/glossary/autocomplete.ts';
import { loadGlossary } from '../core/glossary/load.ts';
import { createGlossaryIndex, lookupTerm } from '../core/glossary/lookup.ts';

export type Percentiles = { readonly p50: number; readonly p99: number; readonly max: number };

export type GlossaryBench = {
  readonly queries: number;
  readonly buildIndexMs: number;
  readonly lookupMs: Percentiles;
  readonly autocompleteMs: Percentiles;
};

/** A mix of what users type: exact terms, aliases and tickers, typos, Korean, half-typed prefixes, questions, garbage. */
const QUERY_MIX = [
  'Russell 2000', 'S&P 500', 'tax-loss selling', 'January effect', 'EPS', 'valuation gap', 'percentile',
  'IWM', 'QQQ', 'R2K', 'SPX', 'ISM', 'YTD', 'mega caps', 'tax-loss harvesting', 'magnificent 7',
  'tax los', 'russel 2000', 're rating', 'eps revison', 'ism new order', 'janury efect', 'earnigs seas', 'valuaton',
  '러셀2000', '세금 손실 매도', '러셀 2000', '초소형주', '밸류에이션', '이익 수정', '품질이 낮은 구간', '관세가 뭐야',
  't', 'ta', 'tax', 'rus', 'ear', 'val', 's&p', '러', '러세', '세금', '재평',
  'what is the january effect', 'small caps vs large caps', 'xyzzy qwerty', 'spread in percentage points vs percent',
];

const QUERIES = 1000;

/** Builds the index from the real content, then times 1,000 queries through lookupTerm and autocomplete. */
export function benchGlossary(glossaryDir: string = fileURLToPath(new URL('../assets/glossary', import.meta.url))): GlossaryBench {
  const glossary = loadGlossary(glossaryDir);
  const buildStart = performance.now();
  const index = createGlossaryIndex(glossary);
  const buildIndexMs = performance.now() - buildStart;

  // One untimed pass so that the figures describe a warmed-up bot, not the JIT compiling.
  for (const query of QUERY_MIX) {
    lookupTerm(index, query);
    autocomplete(index, query, 'en');
  }
  const lookups: number[] = [];
  const completions: number[] = [];
  for (let i = 0; i < QUERIES; i++) {
    const query = QUERY_MIX[i % QUERY_MIX.length]!;
    let t = performance.now();
    lookupTerm(index, query);
    lookups.push(performance.now() - t);
    t = performance.now();
    autocomplete(index, query, i % 2 === 0 ? 'en' : 'ko');
    completions.push(performance.now() - t);
  }
  return { queries: QUERIES, buildIndexMs, lookupMs: percentiles(lookups), autocompleteMs: percentiles(completions) };
}

function percentiles(samples: readonly number[]): Percentiles {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { p50: at(0.5), p99: at(0.99), max: sorted[sorted.length - 1] ?? 0 };
}

const ms = (n: number) => `${n.toFixed(3)} ms`;

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const r = benchGlossary();
  console.log(`glossary: index built in ${ms(r.buildIndexMs)}; ${r.queries} queries`);
  console.log(`  lookupTerm    p50 ${ms(r.lookupMs.p50)}  p99 ${ms(r.lookupMs.p99)}  max ${ms(r.lookupMs.max)}`);
  console.log(`  autocomplete  p50 ${ms(r.autocompleteMs.p50)}  p99 ${ms(r.autocompleteMs.p99)}  max ${ms(r.autocompleteMs.max)}`);
}
