import type { Locale } from '../i18n/locale.ts';
import type { IsoDate } from './iso-date.ts';
import { addDays, isoDate, nthWeekdayOfMonth, weekdayOf } from './iso-date.ts';

export type HolidayId =
  | 'new-years-day'
  | 'martin-luther-king-jr-day'
  | 'washingtons-birthday'
  | 'good-friday'
  | 'memorial-day'
  | 'juneteenth'
  | 'independence-day'
  | 'labor-day'
  | 'thanksgiving-day'
  | 'christmas-day'
  | 'national-day-of-mourning'
  | 'september-11'
  | 'hurricane-sandy';

export type EarlyCloseId = 'day-before-independence-day' | 'day-after-thanksgiving' | 'christmas-eve';

export type LocalizedName = Readonly<Record<Locale, string>>;

/** A weekday on which the NYSE is closed all day. */
export type MarketHoliday = {
  readonly date: IsoDate;
  readonly id: HolidayId;
  readonly name: LocalizedName;
  /** Set when the closure is the weekday observance of a holiday that falls on a weekend: the holiday's own date. */
  readonly observedFor?: IsoDate;
};

/** A session that ends at 13:00 ET instead of 16:00. */
export type EarlyClose = {
  readonly date: IsoDate;
  readonly id: EarlyCloseId;
  readonly name: LocalizedName;
  readonly closeTimeET: '13:00';
};

const NAMES: Readonly<Record<HolidayId | EarlyCloseId, LocalizedName>> = {
  'new-years-day': { en: "New Year's Day", ko: '신정' },
  'martin-luther-king-jr-day': { en: 'Martin Luther King Jr. Day', ko: '마틴 루서 킹 주니어의 날' },
  'washingtons-birthday': { en: "Washington's Birthday", ko: '대통령의 날' },
  'good-friday': { en: 'Good Friday', ko: '굿프라이데이' },
  'memorial-day': { en: 'Memorial Day', ko: '메모리얼 데이' },
  'juneteenth': { en: 'Juneteenth National Independence Day', ko: '준틴스' },
  'independence-day': { en: 'Independence Day', ko: '독립기념일' },
  'labor-day': { en: 'Labor Day', ko: '노동절' },
  'thanksgiving-day': { en: 'Thanksgiving Day', ko: '추수감사절' },
  'christmas-day': { en: 'Christmas Day', ko: '성탄절' },
  'national-day-of-mourning': { en: 'National Day of Mourning', ko: '국가 애도의 날' },
  'september-11': { en: 'September 11 attacks', ko: '9·11 테러' },
  'hurricane-sandy': { en: 'Hurricane Sandy', ko: '허리케인 샌디' },
  'day-before-independence-day': { en: 'Day before Independence Day', ko: '독립기념일 전날' },
  'day-after-thanksgiving': { en: 'Day after Thanksgiving', ko: '추수감사절 다음 날' },
  'christmas-eve': { en: 'Christmas Eve', ko: '크리스마스 이브' },
};

/** One-off closures the rules can't predict. Only ones on record; add new ones here. */
export const SPECIAL_CLOSURES: readonly MarketHoliday[] = [
  ...['2001-09-11', '2001-09-12', '2001-09-13', '2001-09-14'].map((date) => ({ date, id: 'september-11' as const, name: NAMES['september-11'] })),
  mourning('2004-06-11', 'Ronald Reagan', '로널드 레이건'),
  mourning('2007-01-02', 'Gerald R. Ford', '제럴드 포드'),
  { date: '2012-10-29', id: 'hurricane-sandy', name: NAMES['hurricane-sandy'] },
  { date: '2012-10-30', id: 'hurricane-sandy', name: NAMES['hurricane-sandy'] },
  mourning('2018-12-05', 'George H. W. Bush', '조지 H. W. 부시'),
  mourning('2025-01-09', 'Jimmy Carter', '지미 카터'),
];

function mourning(date: IsoDate, en: string, ko: string): MarketHoliday {
  return {
    date,
    id: 'national-day-of-mourning',
    name: { en: `National Day of Mourning for President ${en}`, ko: `${ko} 전 대통령 국가 애도의 날` },
  };
}

/** Easter Sunday in the Gregorian calendar (anonymous Gregorian computus, Meeus/Jones/Butcher). */
export function easterSunday(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return isoDate(year, month, day);
}

type YearCalendar = { readonly holidays: readonly MarketHoliday[]; readonly earlyCloses: readonly EarlyClose[] };
const cache = new Map<number, YearCalendar>();

/**
 * NYSE full-day closures in `year`, ascending: the rule-based holidays plus `SPECIAL_CLOSURES`.
 *
 * Weekend rule (NYSE Rule 7.2): a holiday on Saturday is observed the Friday before, one on Sunday
 * the Monday after, except that New Year's Day on a Saturday is not observed at all (the Friday,
 * Dec 31, ends the accounting year and stays a session). The rules are today's; Martin Luther King
 * Jr. Day counts from 1998 and Juneteenth from 2022, and earlier closures the exchange no longer
 * keeps (Lincoln's Birthday, election days, …) are not modelled, so years before 1998 are approximate.
 */
export function nyseHolidays(year: number): readonly MarketHoliday[] {
  return calendarYear(year).holidays;
}

/**
 * NYSE 13:00 ET early closes in `year`, ascending: July 3, the day after Thanksgiving and December 24,
 * each only when it is a weekday session. When July 3 or December 24 is itself a closure or falls on a
 * weekend, no other day closes early instead (e.g. July 2, 2026 and December 23, 2027 are full days).
 */
export function nyseEarlyCloses(year: number): readonly EarlyClose[] {
  return calendarYear(year).earlyCloses;
}

function calendarYear(year: number): YearCalendar {
  let cal = cache.get(year);
  if (!cal) {
    cal = buildYear(year);
    cache.set(year, cal);
  }
  return cal;
}

function buildYear(year: number): YearCalendar {
  const holidays: MarketHoliday[] = [];
  const fixed = (id: HolidayId, date: IsoDate) => holidays.push({ date, id, name: NAMES[id] });
  const observed = (id: HolidayId, actual: IsoDate, saturdayToFriday = true) => {
    const wd = weekdayOf(actual);
    if (wd === 0) holidays.push({ date: addDays(actual, 1), id, name: NAMES[id], observedFor: actual });
    else if (wd === 6) {
      if (saturdayToFriday) holidays.push({ date: addDays(actual, -1), id, name: NAMES[id], observedFor: actual });
    } else fixed(id, actual);
  };

  observed('new-years-day', isoDate(year, 1, 1), false);
  if (year >= 1998) fixed('martin-luther-king-jr-day', nthWeekdayOfMonth(year, 1, 1, 3));
  fixed('washingtons-birthday', nthWeekdayOfMonth(year, 2, 1, 3));
  fixed('good-friday', addDays(easterSunday(year), -2));
  fixed('memorial-day', nthWeekdayOfMonth(year, 5, 1, -1));
  if (year >= 2022) observed('juneteenth', isoDate(year, 6, 19));
  observed('independence-day', isoDate(year, 7, 4));
  fixed('labor-day', nthWeekdayOfMonth(year, 9, 1, 1));
  const thanksgiving = nthWeekdayOfMonth(year, 11, 4, 4);
  fixed('thanksgiving-day', thanksgiving);
  observed('christmas-day', isoDate(year, 12, 25));
  for (const special of SPECIAL_CLOSURES) if (special.date.startsWith(`${year}-`)) holidays.push(special);
  holidays.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));

  const closed = new Set(holidays.map((h) => h.date));
  const earlyCloses: EarlyClose[] = [];
  const early = (id: EarlyCloseId, date: IsoDate) => {
    const wd = weekdayOf(date);
    if (wd !== 0 && wd !== 6 && !closed.has(date)) earlyCloses.push({ date, id, name: NAMES[id], closeTimeET: '13:00' });
  };
  early('day-before-independence-day', isoDate(year, 7, 3));
  early('day-after-thanksgiving', addDays(thanksgiving, 1));
  early('christmas-eve', isoDate(year, 12, 24));
  return { holidays, earlyCloses };
}
