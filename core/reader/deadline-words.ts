import type { IsoDate } from '../market/types.ts';
import type { TextRule } from './text-rules.ts';
import { addDays, isoDate, yearOf } from '../calendar/iso-date.ts';
import { addCalendarMonths } from '../market/sessions-index.ts';
import { readAll } from './text-rules.ts';
import { KO_NUM, lastDayOf, MONTH, MONTHS, NUM, num } from './period-words.ts';

/** A date a call is to be settled on, found in words ("by March 31", "연말까지", "in two weeks"). */
export type DeadlineMention = {
  readonly date: IsoDate;
  /** The words it was read from, as typed. */
  readonly phrase: string;
  /** Offset in the text, for ordering. */
  readonly at: number;
};

const monthOf = (date: IsoDate) => Number(date.slice(5, 7));

/** The date, or undefined for one that does not exist (February 30, month 13). */
function calendarDate(y: number, m: number, d: number): IsoDate | undefined {
  const date = isoDate(y, m, d);
  return m >= 1 && m <= 12 && monthOf(date) === m && Number(date.slice(8, 10)) === d ? date : undefined;
}

const monthEnd = (y: number, m: number) => (m >= 1 && m <= 12 ? lastDayOf(y, m) : undefined);

/** This year's date when it is still after as-of, otherwise next year's: "by March 31" in December is next March. */
function nextAfter(asOf: IsoDate, dated: (year: number) => IsoDate | undefined): IsoDate | undefined {
  const thisYear = dated(yearOf(asOf));
  return thisYear === undefined || thisYear > asOf ? thisYear : dated(yearOf(asOf) + 1);
}

/** The last day of the month (1), quarter (3) or year (12) as-of is in; the next one's when as-of is that day. */
export function spanEnd(asOf: IsoDate, months: 1 | 3 | 12): IsoDate {
  const last = Math.ceil(monthOf(asOf) / months) * months;
  const end = lastDayOf(yearOf(asOf), last);
  return end > asOf ? end : lastDayOf(yearOf(asOf), last + months);
}

/** As-of plus a count of days, weeks, months or years, the unit as typed in English or Korean. */
function later(asOf: IsoDate, count: number, unit: string): IsoDate | undefined {
  if (!(count >= 1)) return undefined;
  if (/^(?:days?|일)$/.test(unit)) return addDays(asOf, count);
  if (/^(?:weeks?|wks?|주|주일)$/.test(unit)) return addDays(asOf, 7 * count);
  if (/^(?:months?|mos?|개월|달)$/.test(unit)) return addCalendarMonths(asOf, count);
  return addCalendarMonths(asOf, 12 * count);
}

const QUARTER_ORDINALS: Record<string, number> = { first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4 };
const quarterEnd = (asOf: IsoDate, quarter: number) => nextAfter(asOf, (y) => lastDayOf(y, 3 * quarter));
const yearOrNext = (year: string | undefined, asOf: IsoDate, dated: (year: number) => IsoDate | undefined) => (year ? dated(+year) : nextAfter(asOf, dated));
const fullYear = (y: string) => (y.length === 2 ? 2000 + +y : +y);

const END_OF = '(?:the\\s+)?end\\s+of\\s+(?:the\\s+|this\\s+)*';
const EN_UNIT = '(days?|weeks?|wks?|months?|mos?|years?|yrs?)';
const NOT_SINCE = '(?!\\s*(?:부터|이후|이래))';

/**
 * Most specific first. A date with its year is read as written, even when it has passed or is too
 * far out, so the command can say why it refuses it; a month and day alone is the next one after as-of.
 */
const RULES: readonly TextRule<IsoDate>[] = [
  { re: /\b(\d{4})-(\d{2})-(\d{2})\b/g, read: (m) => calendarDate(+m[1]!, +m[2]!, +m[3]!) },
  { re: new RegExp(`(\\d{4})\\s*년\\s*(\\d{1,2})\\s*월\\s*(\\d{1,2})\\s*일${NOT_SINCE}`, 'g'), read: (m) => calendarDate(+m[1]!, +m[2]!, +m[3]!) },
  { re: /(\d{4})\s*년\s*(\d{1,2})\s*월\s*(?:말|끝)/g, read: (m) => monthEnd(+m[1]!, +m[2]!) },
  { re: /(\d{4})\s*년\s*(?:말|연말)/g, read: (m) => isoDate(+m[1]!, 12, 31) },
  { re: new RegExp(`(\\d{1,2})\\s*월\\s*(\\d{1,2})\\s*일${NOT_SINCE}`, 'g'), read: (m, a) => nextAfter(a, (y) => calendarDate(y, +m[1]!, +m[2]!)) },
  { re: /(\d{1,2})\s*월\s*(?:말|끝)/g, read: (m, a) => nextAfter(a, (y) => monthEnd(y, +m[1]!)) },
  { re: /([1-4])\s*분기\s*(?:말|끝)/g, read: (m, a) => quarterEnd(a, +m[1]!) },
  { re: /(?:이번\s*)?분기\s*(?:말|끝)/g, read: (_m, a) => spanEnd(a, 3) },
  { re: /월말|(?:이번\s*)?달\s*(?:말|끝)/g, read: (_m, a) => spanEnd(a, 1) },
  { re: /연말|년말|(?:올해|금년)\s*(?:말|끝)/g, read: (_m, a) => spanEnd(a, 12) },
  { re: new RegExp(`(${KO_NUM})\\s*(일|주일|주|개월|달|년)\\s*(?:안에|내에|이내|내|후에?|뒤에?|만에|동안)`, 'g'), read: (m, a) => later(a, num(m[1]!), m[2]!) },
  { re: new RegExp(`\\b${END_OF}(${MONTH})\\b\\.?(?:,?\\s+(\\d{4})\\b)?`, 'g'), read: (m, a) => yearOrNext(m[2], a, (y) => monthEnd(y, MONTHS[m[1]!]!)) },
  { re: new RegExp(`\\b(${MONTH})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s+(\\d{4})\\b)?`, 'g'), read: (m, a) => yearOrNext(m[3], a, (y) => calendarDate(y, MONTHS[m[1]!]!, +m[2]!)) },
  { re: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${MONTH})\\b\\.?(?:,?\\s+(\\d{4})\\b)?`, 'g'), read: (m, a) => yearOrNext(m[3], a, (y) => calendarDate(y, MONTHS[m[2]!]!, +m[1]!)) },
  { re: new RegExp(`\\b(${MONTH})\\.?\\s+(\\d{4})\\b`, 'g'), read: (m) => monthEnd(+m[2]!, MONTHS[m[1]!]!) },
  { re: /\b(\d{1,2})\/(\d{1,2})(?:\/(\d{4}|\d{2}))?\b/g, read: (m, a) => (m[3] ? calendarDate(fullYear(m[3]), +m[1]!, +m[2]!) : nextAfter(a, (y) => calendarDate(y, +m[1]!, +m[2]!))) },
  { re: new RegExp(`\\b(?:${END_OF}q([1-4])|q([1-4])[\\s-]?end)\\b`, 'g'), read: (m, a) => quarterEnd(a, +(m[1] ?? m[2])!) },
  { re: new RegExp(`\\b${END_OF}(first|second|third|fourth|1st|2nd|3rd|4th)\\s+quarter\\b`, 'g'), read: (m, a) => quarterEnd(a, QUARTER_ORDINALS[m[1]!]!) },
  { re: new RegExp(`\\b${END_OF}(\\d{4})\\b`, 'g'), read: (m) => isoDate(+m[1]!, 12, 31) },
  { re: new RegExp(`\\b(?:${END_OF}(?:quarter|qtr)|quarter[\\s-]?end|eoq)\\b`, 'g'), read: (_m, a) => spanEnd(a, 3) },
  { re: new RegExp(`\\b(?:${END_OF}month|month[\\s-]?end|eom)\\b`, 'g'), read: (_m, a) => spanEnd(a, 1) },
  { re: new RegExp(`\\b(?:${END_OF}year|year[\\s-]?end|eoy)\\b`, 'g'), read: (_m, a) => spanEnd(a, 12) },
  { re: new RegExp(`\\b(?:in|within|inside(?:\\s+of)?|over)\\s+(?:the\\s+(?:next|coming)\\s+)?(${NUM})\\s+${EN_UNIT}\\b`, 'g'), read: (m, a) => later(a, num(m[1]!), m[2]!) },
  { re: new RegExp(`\\b(${NUM})\\s+${EN_UNIT}\\s+from\\s+(?:now|today)\\b`, 'g'), read: (m, a) => later(a, num(m[1]!), m[2]!) },
];

/** Every deadline named in the text, in order of appearance, each read against `asOf`. */
export function findDeadlines(text: string, asOf: IsoDate): DeadlineMention[] {
  return readAll(text, RULES, asOf).map(({ value, phrase, at }) => ({ date: value, phrase, at }));
}
