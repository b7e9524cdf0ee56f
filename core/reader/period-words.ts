import type { IsoDate } from '../market/types.ts';
import { RELATIVE_PERIODS } from '../market/period.ts';
import { addCalendarMonths } from '../market/sessions-index.ts';
import type { TextRule } from './text-rules.ts';
import { addDays, isoDate, yearOf } from '../calendar/iso-date.ts';
import { readAll } from './text-rules.ts';

/** A period found in words, as the `/smallcaps` option text it stands for. */
export type PeriodMention = {
  /** `ytd`, `3m`, `2023`, or `from:2025-03-01` with an optional ` to:2025-03-31`. */
  readonly option: string;
  /** The words it was read from, as typed. */
  readonly phrase: string;
  /** Offset in the text, for ordering. */
  readonly at: number;
  /** Years of history asked for ("over the last 10 years"), for /seasonality. */
  readonly years?: number;
};

export const MONTHS: Record<string, number> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6, july: 7, jul: 7,
  august: 8, aug: 8, september: 9, sep: 9, sept: 9, october: 10, oct: 10, november: 11, nov: 11, december: 12, dec: 12,
  janurary: 1, januray: 1, febuary: 2, feburary: 2, setpember: 9, octber: 10, decmber: 12,
};
const NUMBERS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, fifteen: 15, twenty: 20, thirty: 30, 한: 1, 두: 2, 세: 3, 석: 3, 네: 4, 다섯: 5, 여섯: 6 };
/** Month names (longest first) and numbers written as words, as regular-expression alternatives. */
export const MONTH = Object.keys(MONTHS).sort((a, b) => b.length - a.length).join('|');
export const NUM = `\\d{1,2}|${Object.keys(NUMBERS).filter((k) => /[a-z]/.test(k)).join('|')}`;
export const KO_NUM = `\\d{1,2}|${Object.keys(NUMBERS).filter((k) => /\p{Script=Hangul}/u.test(k)).join('|')}`;

const relative = (code: string) => (RELATIVE_PERIODS as readonly string[]).includes(code);
export const num = (s: string) => NUMBERS[s] ?? Number(s);
const from = (date: IsoDate, to?: IsoDate) => (to ? `from:${date} to:${to}` : `from:${date}`);
export const lastDayOf = (y: number, m: number) => isoDate(y, m + 1, 0);

/** The latest 1st of `month` on or before as-of ("since March" in January 2026 is March 2025). */
function monthStart(month: number, asOf: IsoDate, year?: number): IsoDate {
  const y = year ?? (month <= Number(asOf.slice(5, 7)) ? yearOf(asOf) : yearOf(asOf) - 1);
  return isoDate(y, month, 1);
}

/** `from:` the 1st of this year is year to date. */
const since = (date: IsoDate, asOf: IsoDate) => (date === isoDate(yearOf(asOf), 1, 1) ? 'ytd' : from(date));

function months(n: number, asOf: IsoDate): string {
  const code = `${n}m`;
  if (relative(code)) return code;
  if (n === 12) return '1y';
  return from(addDays(addCalendarMonths(asOf, -n), 1));
}

function years(n: number, asOf: IsoDate): string {
  const code = `${n}y`;
  return relative(code) ? code : from(addDays(`${yearOf(asOf) - n}${asOf.slice(4)}`, 1));
}

/** A week is `1w`; more weeks start the day after as-of minus that many weeks, as months do. */
function weeks(n: number, asOf: IsoDate): string | undefined {
  if (!(n >= 1 && n <= 52)) return undefined;
  return n === 1 ? '1w' : from(addDays(asOf, 1 - 7 * n));
}

function lastMonth(asOf: IsoDate): string {
  const first = addCalendarMonths(`${asOf.slice(0, 8)}01`, -1);
  return from(first, lastDayOf(yearOf(first), Number(first.slice(5, 7))));
}

function calendarYear(y: number, asOf: IsoDate): string | undefined {
  if (y < 1900 || y > yearOf(asOf)) return undefined;
  return y === yearOf(asOf) ? 'ytd' : String(y);
}

type PeriodRead = Omit<PeriodMention, 'phrase' | 'at'> | string;
const optionOf = (read: PeriodRead) => (typeof read === 'string' ? read : read.option);

/** Most specific first; a later rule never reads words an earlier one took. */
const RULES: readonly TextRule<PeriodRead>[] = [
  // since 1 March 2025 / since March 1, 2025 / since 2025-03-01
  { re: new RegExp(`\\b(?:since|from|starting|after)\\s+(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${MONTH})\\.?,?\\s+(\\d{4})\\b`, 'g'), read: (m, a) => since(isoDate(+m[3]!, MONTHS[m[2]!]!, +m[1]!), a) },
  { re: new RegExp(`\\b(?:since|from|starting|after)\\s+(${MONTH})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'g'), read: (m, a) => since(isoDate(+m[3]!, MONTHS[m[1]!]!, +m[2]!), a) },
  { re: /\b(?:between|from)\s+(\d{4}-\d{2}-\d{2})\s+(?:and|to|until|through)\s+(\d{4}-\d{2}-\d{2})\b/g, read: (m) => (m[1]! <= m[2]! ? from(m[1]!, m[2]!) : undefined) },
  { re: /\b(?:since|from|starting|after)\s+(\d{4}-\d{2}-\d{2})\b/g, read: (m, a) => since(m[1]!, a) },
  { re: /(\d{4})년\s*(\d{1,2})월\s*(\d{1,2})일\s*(?:부터|이후|이래|以後)/g, read: (m, a) => since(isoDate(+m[1]!, +m[2]!, +m[3]!), a) },
  { re: /(\d{4})-(\d{2})-(\d{2})\s*(?:부터|이후|이래)/g, read: (m, a) => since(`${m[1]}-${m[2]}-${m[3]}`, a) },
  // since March 2025 / since March / in January 2024 (a whole month)
  { re: new RegExp(`\\b(?:since|starting|from)\\s+(?:the\\s+(?:start|beginning)\\s+of\\s+)?(${MONTH})\\.?(?:\\s+(\\d{4}))?\\b`, 'g'), read: (m, a) => since(monthStart(MONTHS[m[1]!]!, a, m[2] ? +m[2] : undefined), a) },
  { re: new RegExp(`\\b(?:in|during|for|of)\\s+(${MONTH})\\.?\\s+(\\d{4})\\b`, 'g'), read: (m) => from(isoDate(+m[2]!, MONTHS[m[1]!]!, 1), lastDayOf(+m[2]!, MONTHS[m[1]!]!)) },
  { re: /(\d{4})년\s*(\d{1,2})월\s*(?:부터|이후|이래)/g, read: (m, a) => since(isoDate(+m[1]!, +m[2]!, 1), a) },
  { re: /(\d{4})년\s*(\d{1,2})월(?!\s*\d)/g, read: (m) => (+m[2]! >= 1 && +m[2]! <= 12 ? from(isoDate(+m[1]!, +m[2]!, 1), lastDayOf(+m[1]!, +m[2]!)) : undefined) },
  { re: /(\d{1,2})월\s*(\d{1,2})일\s*(?:부터|이후|이래)/g, read: (m, a) => since(isoDate(yearOf(monthStart(+m[1]!, a)), +m[1]!, +m[2]!), a) },
  { re: /(\d{1,2})월\s*(?:부터|이후|이래|들어)/g, read: (m, a) => (+m[1]! >= 1 && +m[1]! <= 12 ? since(monthStart(+m[1]!, a), a) : undefined) },
  { re: /\b(?:since|from|starting)\s+(\d{4})\b/g, read: (m, a) => (+m[1]! <= yearOf(a) ? since(isoDate(+m[1]!, 1, 1), a) : undefined) },
  { re: /(\d{4})년\s*(?:부터|이후|이래)/g, read: (m, a) => (+m[1]! <= yearOf(a) ? since(isoDate(+m[1]!, 1, 1), a) : undefined) },
  { re: /\b(1d|1w|mtd|1m|qtd|3m|6m|1y|3y|5y|10y)\b/g, read: (m) => (/y$/.test(m[1]!) ? { option: m[1]!, years: parseInt(m[1]!, 10) } : m[1]!) },
  // year to date
  { re: /\b(?:year[\s-]to[\s-]date|ytd|this year|so far this year|this year so far|since the (?:start|beginning) of (?:the|this) year|since new year'?s?|since january 1(?:st)?|since jan 1|year-to-date)\b/g, read: () => 'ytd' },
  { re: /올해|올\s*들어|연초\s*(?:이후|부터|대비|이래|들어)|금년|연초 ?이래|ytd/g, read: () => 'ytd' },
  // month, quarter, week, day
  { re: /\b(?:this month|month[\s-]to[\s-]date|mtd|so far this month)\b/g, read: () => 'mtd' },
  { re: /이번\s*달|이달\s*들어|이달|당월/g, read: () => 'mtd' },
  { re: /\b(?:this quarter|quarter[\s-]to[\s-]date|qtd)\b/g, read: () => 'qtd' },
  { re: /이번\s*분기|분기\s*들어/g, read: () => 'qtd' },
  { re: /\b(?:last|previous|past) month\b/g, read: (_m, a) => lastMonth(a) },
  { re: /지난\s*달|전월|저번\s*달/g, read: (_m, a) => lastMonth(a) },
  { re: /\b(?:this week|past week|last week|(?:last|past) 7 days|over the week|(?:a|one|1)[\s-]week)\b/g, read: () => '1w' },
  { re: /이번\s*주|한\s*주|일주일|1주일|지난\s*주/g, read: () => '1w' },
  { re: new RegExp(`\\b(?:(?:over|in|for|during)\\s+)?(?:the\\s+)?(?:last|past|previous|recent)?\\s*(${NUM})[\\s-]+(?:weeks?|wks?)\\b`, 'g'), read: (m, a) => weeks(num(m[1]!), a) },
  { re: /\b(?:(?:over|in|for|during)\s+)?(?:the\s+)?(?:last|past|previous)\s+fortnight\b/g, read: (_m, a) => weeks(2, a) },
  // "2주", "두 주간", "지난 2주": not "네 주식" (your stocks) or "2주 후".
  { re: /(?:(?:지난|최근)\s*)?(\d{1,2}|(?<![가-힣])(?:두|세|네|다섯|여섯))\s*주(?:일)?(?:\s*(?:동안|간)(?:의|에)?|째)?(?![가-힣]|\s*(?:후|뒤))/g, read: (m, a) => weeks(num(m[1]!), a) },
  { re: /\b(?:today|(?:a|one|1)[\s-]day|yesterday|last session|on the day)\b/g, read: () => '1d' },
  { re: /오늘|하루|어제/g, read: () => '1d' },
  // last 3 months, over five years, a decade
  { re: /\blast year\b|\bprevious year\b/g, read: (_m, a) => String(yearOf(a) - 1) },
  { re: new RegExp(`\\b(?:(?:over|in|for|during)\\s+)?(?:the\\s+)?(?:last|past|previous|recent)?\\s*(${NUM})[\\s-]+(months?|monhts?|mnths?|moths?|mos?|years?|yeras?|yrs?|y)\\b`, 'g'), read: (m, a) => {
    const n = num(m[1]!);
    if (!(n >= 1)) return undefined;
    return /^m/.test(m[2]!) ? months(n, a) : { option: years(n, a), years: n };
  } },
  { re: /\b(?:(?:over|in|for)\s+)?(?:the\s+)?(?:last|past|previous)\s+(months?|years?|decade|quarter)\b/g, read: (m, a) => (m[1] === 'decade' ? { option: '10y', years: 10 } : m[1]!.startsWith('quarter') ? '3m' : m[1]!.startsWith('month') ? lastMonth(a) : m[1] === 'year' ? '1y' : undefined) },
  { re: /\b(?:a|one) decade\b|\bten years\b|\bdecade\b/g, read: () => ({ option: '10y', years: 10 }) },
  { re: /작년|지난해|전년/g, read: (_m, a) => String(yearOf(a) - 1) },
  { re: /재작년/g, read: (_m, a) => String(yearOf(a) - 2) },
  { re: new RegExp(`(${KO_NUM})\\s*(?:개월|달)`, 'g'), read: (m, a) => months(num(m[1]!), a) },
  { re: /반년/g, read: () => '6m' },
  { re: /(?<!\d)(\d{1,2})\s*년/g, read: (m, a) => ({ option: years(+m[1]!, a), years: +m[1]! }) },
  { re: /\b(?:all[\s-]time|since inception|full history|all history|max(?:imum)?)\b/g, read: () => 'max' },
  { re: /전체\s*기간|역대|상장\s*이후|사상/g, read: () => 'max' },
  // in 2023 / 2023년
  // "러셀 2000년" is the index, not the year 2000; "러셀 2023년" is a year.
  { re: /(?:(?<!러셀\s?)|(?!2000))(\d{4})\s*년/g, read: (m, a) => calendarYear(+m[1]!, a) },
  { re: /(?<!russell\s?|러셀\s?|r)\b(?:in|during|for|of|over)?\s*((?:19|20)\d{2})\b(?!-\d)/g, read: (m, a) => calendarYear(+m[1]!, a) },
];

/** A start named by an event ("since the fed started cutting", "금리 인하 이후"), which no rule dates; read on the text with its periods blanked. */
export const UNDATED_START = /\bsince\s+(?:the\s+|when\s+)?[a-z]|[가-힣]\s*(?:이후|이래)/i;

/** The words of an undated start, as the user wrote them: "since the fed started cutting", "금리 인하를 시작한 이후". */
export function undatedStartPhrase(text: string): string | undefined {
  const english = /\bsince\s+(?:the\s+|when\s+)?[a-z][^,.;:!?()]*/i.exec(text)?.[0];
  const korean = /(?:[가-힣A-Za-z0-9]+\s+){0,3}[가-힣A-Za-z0-9]*[가-힣]\s*(?:이후|이래)/u.exec(text)?.[0];
  const phrase = (english ?? korean)?.trim().split(/\s+/).slice(0, 8).join(' ');
  return phrase || undefined;
}

/** Every period named in the text, in order of appearance, each read against `asOf`; a start after as-of is no period. */
export function findPeriods(text: string, asOf: IsoDate): PeriodMention[] {
  const startsAfterAsOf = (read: PeriodRead) => /from:(\d{4}-\d{2}-\d{2})/.exec(optionOf(read))?.[1]! > asOf;
  return readAll(text, RULES, asOf, (read) => !startsAfterAsOf(read)).map(({ value, phrase, at }) => ({ ...(typeof value === 'string' ? { option: value } : value), phrase, at }));
}
