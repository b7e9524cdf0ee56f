import type { Services } from './context.ts';
import type { Locale } from '../core/i18n/locale.ts';
import type { IsoDate } from '../core/market/types.ts';
import type { Reply } from '../core/reply.ts';
import type { ChartSize } from '../core/charts/chart-spec.ts';
import type { MarketHoliday } from '../core/calendar/index.ts';
import type { TermPick } from '../core/posts/term-of-the-day.ts';
import { compareLegs } from '../core/market/compare.ts';
import { parsePeriod } from '../core/market/period.ts';
import { legsFor } from '../core/market/universe.ts';
import { watchList } from '../core/scenarios/watch.ts';
import { pickTermOfTheDay } from '../core/posts/term-of-the-day.ts';
import { dataAsOf, morningPostReply, morningPostResult } from '../core/posts/morning-post.ts';
import type { MorningFigures } from '../core/posts/morning-post.ts';
import { closedNoticeReply, closedNoticeResult } from '../core/posts/closed-notice.ts';
import { loadLegs } from './load-legs.ts';
import { chartSpec, notes } from './smallcaps-reply.ts';

export type MorningPostRequest = {
  readonly locale: Locale;
  /** The session to report: the last one completed at post time. */
  readonly reportDate: IsoDate;
  /** Seeds the channel's glossary order, e.g. "slack:C123". */
  readonly channelKey: string;
  readonly shownTerms: ReadonlySet<string>;
  /** When the report session is missing from the data: true posts with the older data (saying so), false answers not-ready. */
  readonly acceptStale: boolean;
  readonly size?: ChartSize;
  /** The channel's team calls settled since its previous post, as lines in `locale`. */
  readonly settledCalls?: readonly string[];
};

export type BuiltPost =
  | {
      readonly status: 'ready';
      readonly replies: readonly Reply[];
      readonly result: unknown;
      /** The last session in the data the post used; none for a closed notice. */
      readonly dataAsOf?: IsoDate;
      readonly term?: TermPick;
    }
  | { readonly status: 'not-ready'; readonly dataAsOf: IsoDate };

const BASIS = 'price';

/** The morning post on `reportDate`: 1D/MTD/YTD for every leg as of that session, the YTD chart, what to watch, the term of the day. */
export async function buildMorningPost(services: Services, request: MorningPostRequest): Promise<BuiltPost> {
  const { locale, reportDate } = request;
  const family = legsFor(services.universe, BASIS);
  const loaded = await loadLegs(services.market, [...family.small, ...family.large], new Set());
  const compare = (code: '1d' | 'mtd' | 'ytd') => compareLegs(loaded.legs, parsePeriod(code), reportDate, BASIS);
  const ytd = compare('ytd');
  if (ytd.endDate < reportDate && !request.acceptStale) return { status: 'not-ready', dataAsOf: ytd.endDate };
  const figures: MorningFigures = { d1: compare('1d'), mtd: compare('mtd'), ytd };

  const pick = pickTermOfTheDay(services.glossary.entries.map((e) => e.id), request.shownTerms, request.channelKey);
  const term = pick && services.glossary.byId.get(pick.id);
  const input = {
    locale,
    reportDate,
    figures,
    source: loaded.source,
    notes: notes(locale, ytd, loaded),
    term,
    watch: watchList(reportDate),
    settledCalls: request.settledCalls ?? [],
  };
  const base = morningPostReply(input);
  const chart = await services.charts.render(chartSpec(locale, ytd, loaded, request.size ?? services.config.ROTATION_CHART_SIZE));
  const reply: Reply = {
    ...base,
    chart: { png: chart.png, filename: `morning-brief-${dataAsOf(figures)}.png`, alt: chart.alt, width: chart.width, height: chart.height },
  };
  return { status: 'ready', replies: [reply], result: morningPostResult(input), dataAsOf: dataAsOf(figures), ...(pick ? { term: pick } : {}) };
}

/** The one-line notice for a closed:notice channel the morning after an NYSE holiday. */
export function buildClosedNotice(locale: Locale, holiday: MarketHoliday): BuiltPost {
  return { status: 'ready', replies: [closedNoticeReply(locale, holiday)], result: closedNoticeResult(holiday) };
}
