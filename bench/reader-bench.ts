import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { loadGlossary } from '../core/glossary/load.ts';
import { createGlossaryIndex } from '../core/glossary/glossary-index.ts';
import { readQuestion } from '../core/reader/read-question.ts';
import { readArticle } from '../core/reader/read-article.ts';
import { measureClaims } from '../core/reader/measure-claims.ts';
import { createCsvFolderProvider } from '../core/data/csv-folder-provider.ts';
import { DEFAULT_UNIVERSE } from '../core/market/universe.ts';
import { summarize, type Summary } from './stats.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SHARED = path.resolve(ROOT, '../shared');
const AS_OF = '2026-01-20';

const QUESTIONS = [
  'are small caps still beating the S&P this year?', '소형주 올해 얼마나 올랐어?', 'Russell vs Nasdaq over the last 3 months',
  'small caps since 1 March 2025', 'is the small-cap rally a trade or a real rotation?', 'Is there a January effect?',
  'what is tax-loss selling?', '세금손실 매도가 뭐야?', 'am I subscribed?', 'smal caps beatng the s&p this yaer?',
  'russel vs 나스닥 3개월', 'what if the fed cuts rates and tariffs ease', 'zzqx blorp', 'small caps',
];

export type ReaderBench = { readonly question: Summary; readonly article: Summary; readonly articleChars: number };

/** Times readQuestion over a mix of questions, and readArticle plus the claim checks on a 7,000-character article with its series already loaded. */
export async function benchReader(): Promise<ReaderBench> {
  const glossary = createGlossaryIndex(loadGlossary(path.join(ROOT, 'assets/glossary')));
  const samples: number[] = [];
  for (let round = 0; round < 200; round++) {
    for (const q of QUESTIONS) {
      const t0 = performance.now();
      readQuestion(q, { glossary, asOf: AS_OF });
      if (round > 0) samples.push(performance.now() - t0);
    }
  }
  const seed = readFileSync(path.join(SHARED, 'seed-article-ko.txt'), 'utf8');
  const english = ' The Russell 2000 and the S&P 600 rose about 8% year to date, well ahead of the S&P 500 and the Nasdaq-100. EPS revisions still favour large caps, and valuations remain stretched.';
  const article = [...seed + english.repeat(40)].slice(0, 7_000).join('');
  const provider = createCsvFolderProvider(path.join(SHARED, 'market-data'));
  const legs = await Promise.all([...DEFAULT_UNIVERSE.etf.small, ...DEFAULT_UNIVERSE.etf.large].map(async (instrument) => ({ instrument, bars: await provider.fetchDaily(instrument.symbol) })));
  const articleSamples: number[] = [];
  for (let i = 0; i < 101; i++) {
    const t0 = performance.now();
    const read = readArticle(article, { glossary, asOf: AS_OF });
    if (read.kind === 'read') measureClaims(read.claims, legs, AS_OF);
    if (i > 0) articleSamples.push(performance.now() - t0);
  }
  return { question: summarize(samples), article: summarize(articleSamples), articleChars: [...article].length };
}
