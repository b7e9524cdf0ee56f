import type { Reply, ReplyField } from '../../../core/reply.ts';

/** The eight bytes every PNG starts with, then a little filler: enough for renderers, which never decode it. */
export const PNG_BYTES = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

export const normalReply: Reply = {
  visibility: 'public',
  locale: 'en',
  tone: 'positive',
  title: 'Small caps vs large caps · Year to date',
  text: 'Small caps (Russell 2000) are up +6.7% this year against −0.6% for the S&P 500: a 7.3 percentage-point lead.',
  fields: [
    { label: 'iShares Russell 2000 (IWM)', value: '+6.7% (248.11 → 264.72) · worst dip −2.1%', inline: true },
    { label: 'SPDR S&P 500 (SPY)', value: '−0.6% (684.10 → 680.00) · worst dip −1.9%', inline: true },
    { label: 'Spread: Russell 2000 − S&P 500', value: '+7.3 pp', inline: true },
  ],
  footer: 'Price return (ETF closes, dividends excluded) · Dec 31, 2025 → Jan 20, 2026 (12 sessions) · Source: CSV folder · Data as of Jan 20, 2026',
  fallbackText: 'Small caps (Russell 2000) are up +6.7% this year against −0.6% for the S&P 500 (as of Jan 20, 2026)',
};

const HEADLINE = 'Headline: small caps lead by 7.3 percentage points this year.';

export const oversizedReply: Reply = {
  ...normalReply,
  title: `A title that goes on ${'and on '.repeat(60)}`,
  text: [HEADLINE, ...Array.from({ length: 200 }, (_, i) => `• Note ${i}: ${'lorem ipsum '.repeat(4)}`)].join('\n'),
  fields: Array.from({ length: 40 }, (_, i): ReplyField => ({ label: `Field ${i + 1}`, value: `${i + 1}: ${'x'.repeat(2000)}`, inline: i % 2 === 0 })),
  footer: 'Source: CSV folder · Data as of Jan 20, 2026',
  fallbackText: `${HEADLINE} (Source: CSV folder · Data as of Jan 20, 2026)`,
};

/** One 10,000-character line: the headline itself is too long for any limit. */
export const longHeadlineReply: Reply = {
  ...normalReply,
  text: `Start of the headline ${'y'.repeat(10_000)}`,
  fields: normalReply.fields,
};

export const koreanReply: Reply = {
  ...normalReply,
  locale: 'ko',
  title: '소형주 vs 대형주 · 연초 대비',
  text: '올해 소형주(러셀 2000)는 +6.7% 올랐고 S&P 500은 −0.6%: 격차는 7.3%p입니다.\n• 데이터 기준일 2026. 1. 20.',
  fields: [
    { label: '아이셰어즈 러셀 2000 (IWM)', value: '+6.7% (248.11 → 264.72) · 최대 낙폭 −2.1%', inline: true },
    { label: '격차: 러셀 2000 − S&P 500', value: '+7.3%p', inline: true },
    { label: '긴 설명', value: '가'.repeat(3000), inline: false },
  ],
  footer: '가격 수익률 · 출처: CSV 폴더 · 데이터 기준 2026. 1. 20.',
  fallbackText: '올해 소형주는 +6.7%, S&P 500은 −0.6%',
};

export const chartReply: Reply = {
  ...normalReply,
  chart: { png: PNG_BYTES, filename: 'smallcaps 2026-01-20.png', alt: 'Line chart: Russell 2000 ends at 106.7, S&P 500 at 99.4.', width: 1200, height: 675 },
};

export const actionReply: Reply = {
  ...chartReply,
  visibility: 'ephemeral',
  actions: [
    { kind: 'explain-terms', label: 'Explain the terms', terms: ['spread', 'percentage-point', 'ratio', 'percentile', 'drawdown', 'price-return'] },
    { kind: 'share', label: 'Share to channel', command: '/smallcaps period:ytd basis:price' },
  ],
};

export const manyActionsReply: Reply = {
  ...normalReply,
  visibility: 'ephemeral',
  actions: Array.from({ length: 40 }, (_, i) => ({ kind: 'run' as const, label: `Run ${i} ${'z'.repeat(100)}`, command: `/smallcaps ${2000 + i}` })),
};

export const emptyReply: Reply = { ...normalReply, title: '', text: '', fields: [], footer: undefined, fallbackText: 'Only the plain text.' };

export const ALL_FIXTURES = { normalReply, oversizedReply, longHeadlineReply, koreanReply, chartReply, actionReply, manyActionsReply, emptyReply };
