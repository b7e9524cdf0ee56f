import type { Locale } from '../i18n/locale.ts';
import type { IsoDate } from '../market/types.ts';
import type { Comparison, LegResult } from '../market/compare.ts';
import type { Reply, ReplyField } from '../reply.ts';
import type { GlossaryEntry } from '../glossary/types.ts';
import type { WatchItem } from '../scenarios/watch.ts';
import { t } from '../i18n/translate.ts';
import { formatDate, formatNumber, formatPercent, formatPp } from '../i18n/format.ts';
import { displayName } from '../market/universe.ts';
import { watchLine } from './watch-lines.ts';

/** The three periods every morning post shows, each compared as of the report session. */
export type MorningFigures = { readonly d1: Comparison; readonly mtd: Comparison; readonly ytd: Comparison };

export type MorningPostInput = {
  readonly locale: Locale;
  /** The session the post reports: the last one completed at post time. */
  readonly reportDate: IsoDate;
  readonly figures: MorningFigures;
  readonly source: string;
  /** Already-localized caveats (legs left out, stale provider data). */
  readonly notes: readonly string[];
  readonly term: GlossaryEntry | undefined;
  readonly watch: readonly WatchItem[];
  /** Already-localized lines, one per team call in the channel settled since the previous post. */
  readonly settledCalls: readonly string[];
};

const PERIODS = ['d1', 'mtd', 'ytd'] as const;
type PeriodKey = (typeof PERIODS)[number];

/** Below this (in pp) the spread is reported as unchanged: it would print as 0.0. */
const FLAT_PP = 0.05;

/** The last session in the data, which is older than the report date when the provider lagged. */
export const dataAsOf = (f: MorningFigures): IsoDate => f.ytd.endDate;

const legIn = (c: Comparison, leg: LegResult) => c.legs.find((l) => l.instrument.symbol === leg.instrument.symbol);

export function morningHeadline(locale: Locale, f: MorningFigures): string {
  const day = f.d1;
  const { small, large } = day.primary;
  const dayKey = Math.abs(day.spreadPp) < FLAT_PP ? 'flat' : day.spreadPp > 0 ? 'gained' : 'lost';
  const dayText = t(locale, `post.day.${dayKey}`, {
    date: formatDate(locale, day.endDate),
    pp: formatNumber(locale, Math.abs(day.spreadPp), 1),
    small: small.instrument.name[locale],
    large: large.instrument.name[locale],
    smallRet: formatPercent(locale, small.return),
    largeRet: formatPercent(locale, large.return),
  });
  const ytd = f.ytd;
  const ytdKey = Math.abs(ytd.spreadPp) < FLAT_PP ? 'flat' : ytd.spreadPp > 0 ? 'lead' : 'lag';
  const ytdText = t(locale, `post.ytd.${ytdKey}`, {
    pp: formatNumber(locale, Math.abs(ytd.spreadPp), 1),
    smallRet: formatPercent(locale, ytd.primary.small.return),
    largeRet: formatPercent(locale, ytd.primary.large.return),
  });
  return `${dayText} ${ytdText}`;
}

function threePeriods(locale: Locale, values: Record<PeriodKey, string>): string {
  return t(locale, 'post.periodsValue', values);
}

function figureFields(locale: Locale, f: MorningFigures): ReplyField[] {
  const dash = '—';
  const out: ReplyField[] = f.ytd.legs.map((leg) => {
    const values = Object.fromEntries(
      PERIODS.map((p) => {
        const found = legIn(f[p], leg);
        return [p, found ? formatPercent(locale, found.return) : dash];
      }),
    ) as Record<PeriodKey, string>;
    return { label: displayName(leg.instrument, locale), value: threePeriods(locale, values), inline: true };
  });
  const { small, large } = f.ytd.primary;
  out.push({
    label: t(locale, 'smallcaps.spreadLabel', { small: small.instrument.name[locale], large: large.instrument.name[locale] }),
    value: threePeriods(locale, { d1: formatPp(locale, f.d1.spreadPp), mtd: formatPp(locale, f.mtd.spreadPp), ytd: formatPp(locale, f.ytd.spreadPp) }),
    inline: false,
  });
  return out;
}

export function morningFooter(locale: Locale, f: MorningFigures, source: string): string {
  return t(locale, 'post.footer', { basis: t(locale, `basis.${f.ytd.basis}`), source, asOf: formatDate(locale, dataAsOf(f)) });
}

/** The morning post, chart aside: headline, the 1D/MTD/YTD table, what to watch, the term of the day, the data's "as of". */
export function morningPostReply(input: MorningPostInput): Omit<Reply, 'chart'> {
  const { locale, figures: f, reportDate, term, watch } = input;
  const head = morningHeadline(locale, f);
  const asOf = dataAsOf(f);
  const notes = [
    ...(asOf < reportDate ? [t(locale, 'post.stale', { date: formatDate(locale, reportDate), asOf: formatDate(locale, asOf) })] : []),
    ...input.notes,
  ];
  const fields = figureFields(locale, f);
  if (watch.length) fields.push({ label: t(locale, 'post.watchLabel'), value: watch.map((w) => `• ${watchLine(locale, w)}`).join('\n'), inline: false });
  if (input.settledCalls.length) fields.push({ label: t(locale, 'call.settledLabel'), value: input.settledCalls.map((c) => `• ${c}`).join('\n'), inline: false });
  if (term) fields.push({ label: t(locale, 'post.termLabel', { term: term.term[locale] }), value: term.definition[locale], inline: false });
  const footer = morningFooter(locale, f, input.source);
  return {
    visibility: 'public',
    locale,
    tone: asOf < reportDate ? 'warning' : f.d1.spreadPp >= 0 ? 'positive' : 'negative',
    title: t(locale, 'post.title', { date: formatDate(locale, asOf) }),
    text: [head, ...notes.map((n) => `• ${n}`)].join('\n'),
    fields,
    footer,
    fallbackText: `${head} (${footer})`,
    actions: [{ kind: 'explain-terms', label: t(locale, 'actions.explain'), terms: [...(term ? [term.id] : []), 'spread', 'percentage-point', 'year-to-date'] }],
  };
}

const periodFigures = (c: Comparison) => ({
  baseDate: c.baseDate,
  endDate: c.endDate,
  spreadPp: c.spreadPp,
  legs: c.legs.map((l) => ({ symbol: l.instrument.symbol, baseClose: l.baseClose, endClose: l.endClose, return: l.return })),
});

/** Every figure in the post, machine-readable (the console's `--json`, tests). */
export function morningPostResult(input: MorningPostInput) {
  const f = input.figures;
  return {
    kind: 'morning' as const,
    reportDate: input.reportDate,
    dataAsOf: dataAsOf(f),
    stale: dataAsOf(f) < input.reportDate,
    basis: f.ytd.basis,
    source: input.source,
    primary: { small: f.ytd.primary.small.instrument.symbol, large: f.ytd.primary.large.instrument.symbol },
    legs: f.ytd.legs.map((l) => ({ symbol: l.instrument.symbol, name: l.instrument.name.en, role: l.instrument.role })),
    periods: { d1: periodFigures(f.d1), mtd: periodFigures(f.mtd), ytd: periodFigures(f.ytd) },
    term: input.term ? { id: input.term.id, term: input.term.term, definition: input.term.definition } : null,
    watch: input.watch,
    settledCalls: input.settledCalls,
  };
}
