import { describe, expect, it } from 'vitest';
import { easterSunday, nyseEarlyCloses, nyseHolidays, SPECIAL_CLOSURES } from '../../../core/calendar/nyse-holidays.ts';

const closures = (year: number) => nyseHolidays(year).map((h) => [h.date, h.id]);
const earlyCloses = (year: number) => nyseEarlyCloses(year).map((e) => e.date);
/** Weekday computed independently of the code under test: 0 = Sunday. */
const weekday = (date: string) => new Date(`${date}T12:00:00Z`).getUTCDay();

describe('NYSE published holiday schedules', () => {
  it('2025: eleven closures including the national day of mourning for President Carter', () => {
    expect(closures(2025)).toEqual([
      ['2025-01-01', 'new-years-day'],
      ['2025-01-09', 'national-day-of-mourning'],
      ['2025-01-20', 'martin-luther-king-jr-day'],
      ['2025-02-17', 'washingtons-birthday'],
      ['2025-04-18', 'good-friday'],
      ['2025-05-26', 'memorial-day'],
      ['2025-06-19', 'juneteenth'],
      ['2025-07-04', 'independence-day'],
      ['2025-09-01', 'labor-day'],
      ['2025-11-27', 'thanksgiving-day'],
      ['2025-12-25', 'christmas-day'],
    ]);
    expect(earlyCloses(2025)).toEqual(['2025-07-03', '2025-11-28', '2025-12-24']);
  });

  it('2026: Independence Day on a Saturday is observed Friday July 3, with no early close before it', () => {
    expect(closures(2026)).toEqual([
      ['2026-01-01', 'new-years-day'],
      ['2026-01-19', 'martin-luther-king-jr-day'],
      ['2026-02-16', 'washingtons-birthday'],
      ['2026-04-03', 'good-friday'],
      ['2026-05-25', 'memorial-day'],
      ['2026-06-19', 'juneteenth'],
      ['2026-07-03', 'independence-day'],
      ['2026-09-07', 'labor-day'],
      ['2026-11-26', 'thanksgiving-day'],
      ['2026-12-25', 'christmas-day'],
    ]);
    expect(earlyCloses(2026)).toEqual(['2026-11-27', '2026-12-24']);
  });

  it('2027: Juneteenth and Christmas on Saturdays move to Friday, July 4 on a Sunday moves to Monday', () => {
    expect(closures(2027)).toEqual([
      ['2027-01-01', 'new-years-day'],
      ['2027-01-18', 'martin-luther-king-jr-day'],
      ['2027-02-15', 'washingtons-birthday'],
      ['2027-03-26', 'good-friday'],
      ['2027-05-31', 'memorial-day'],
      ['2027-06-18', 'juneteenth'],
      ['2027-07-05', 'independence-day'],
      ['2027-09-06', 'labor-day'],
      ['2027-11-25', 'thanksgiving-day'],
      ['2027-12-24', 'christmas-day'],
    ]);
    expect(earlyCloses(2027)).toEqual(['2027-11-26']);
  });

  it('the expected tables themselves fall on the weekdays the rules imply', () => {
    expect(['2026-01-19', '2026-02-16', '2026-05-25', '2026-09-07'].map(weekday)).toEqual([1, 1, 1, 1]);
    expect(['2025-11-27', '2026-11-26', '2027-11-25'].map(weekday)).toEqual([4, 4, 4]);
    expect(['2026-07-04', '2027-06-19', '2027-12-25'].map(weekday)).toEqual([6, 6, 6]);
    expect(weekday('2027-07-04')).toBe(0);
  });

  it('every closure and early close falls on a weekday', () => {
    for (let year = 1998; year <= 2060; year++) {
      for (const day of [...nyseHolidays(year), ...nyseEarlyCloses(year)]) expect(weekday(day.date) % 6, day.date).not.toBe(0);
    }
  });

  it('lists are ascending and early closes never coincide with closures', () => {
    for (let year = 1998; year <= 2060; year++) {
      const dates = nyseHolidays(year).map((h) => h.date);
      expect(dates).toEqual([...dates].sort());
      for (const e of nyseEarlyCloses(year)) expect(dates).not.toContain(e.date);
    }
  });
});

describe('weekend observance', () => {
  it('does not close Friday December 31 for a New Year\'s Day that falls on Saturday', () => {
    expect(weekday('2022-01-01')).toBe(6);
    expect(closures(2022).map(([, id]) => id)).not.toContain('new-years-day');
    expect(closures(2021).map(([d]) => d)).not.toContain('2021-12-31');
    expect(closures(2028).map(([, id]) => id)).not.toContain('new-years-day');
    expect(closures(2027).map(([d]) => d)).not.toContain('2027-12-31');
  });

  it('observes a Sunday New Year\'s Day on Monday January 2 (2023), leaving Friday December 30, 2022 open', () => {
    expect(nyseHolidays(2023)[0]).toMatchObject({ date: '2023-01-02', id: 'new-years-day', observedFor: '2023-01-01' });
    expect(closures(2022).map(([d]) => d)).not.toContain('2022-12-30');
  });

  it('moves a Saturday holiday to Friday and a Sunday one to Monday, recording the actual date', () => {
    expect(nyseHolidays(2026).find((h) => h.id === 'independence-day')).toMatchObject({ date: '2026-07-03', observedFor: '2026-07-04' });
    expect(nyseHolidays(2022).find((h) => h.id === 'christmas-day')).toMatchObject({ date: '2022-12-26', observedFor: '2022-12-25' });
    expect(nyseHolidays(2025).find((h) => h.id === 'christmas-day')?.observedFor).toBeUndefined();
  });

  it('observes Juneteenth only from 2022, when it first fell on a Sunday', () => {
    expect(closures(2021).map(([, id]) => id)).not.toContain('juneteenth');
    expect(nyseHolidays(2022).find((h) => h.id === 'juneteenth')?.date).toBe('2022-06-20');
  });

  it('observes Martin Luther King Jr. Day only from 1998', () => {
    expect(closures(1997).map(([, id]) => id)).not.toContain('martin-luther-king-jr-day');
    expect(nyseHolidays(1998).find((h) => h.id === 'martin-luther-king-jr-day')?.date).toBe('1998-01-19');
  });
});

describe('early closes', () => {
  it('closes early on July 3 only when it is a weekday session', () => {
    expect(earlyCloses(2023)).toContain('2023-07-03'); // Monday before a Tuesday July 4
    expect(earlyCloses(2024)).toContain('2024-07-03');
    expect(earlyCloses(2021)).toEqual(['2021-11-26']); // July 3 Saturday; Christmas Eve was the observed holiday
    expect(earlyCloses(2022)).toEqual(['2022-11-25']); // July 3 Sunday; December 24 Saturday
    expect(earlyCloses(2026)).not.toContain('2026-07-02');
  });

  it('closes early on Christmas Eve only when it is a weekday session, never on December 23 instead', () => {
    expect(earlyCloses(2024)).toContain('2024-12-24');
    expect(earlyCloses(2023)).not.toContain('2023-12-22');
    expect(earlyCloses(2027)).not.toContain('2027-12-23');
  });

  it('closes early every day after Thanksgiving, at 13:00', () => {
    for (let year = 2000; year <= 2040; year++) {
      const e = nyseEarlyCloses(year).find((x) => x.id === 'day-after-thanksgiving');
      expect(e && weekday(e.date)).toBe(5);
      expect(e?.closeTimeET).toBe('13:00');
    }
  });
});

describe('special closures', () => {
  it('includes the one-off closures on record', () => {
    expect(SPECIAL_CLOSURES.map((c) => c.date)).toEqual([
      '2001-09-11', '2001-09-12', '2001-09-13', '2001-09-14',
      '2004-06-11', '2007-01-02', '2012-10-29', '2012-10-30', '2018-12-05', '2025-01-09',
    ]);
    expect(closures(2012)).toContainEqual(['2012-10-29', 'hurricane-sandy']);
    expect(closures(2018)).toContainEqual(['2018-12-05', 'national-day-of-mourning']);
  });

  it('names the president a day of mourning is for, in both languages', () => {
    const carter = nyseHolidays(2025).find((h) => h.date === '2025-01-09');
    expect(carter?.name.en).toBe('National Day of Mourning for President Jimmy Carter');
    expect(carter?.name.ko).toBe('지미 카터 전 대통령 국가 애도의 날');
  });
});

describe('holiday names', () => {
  it('gives each rule-based holiday its English and Korean name', () => {
    const names = Object.fromEntries(nyseHolidays(2026).map((h) => [h.id, h.name]));
    expect(names).toEqual({
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
    });
  });

  it('names early closes in both languages', () => {
    for (const e of nyseEarlyCloses(2025)) {
      expect(e.name.en).not.toBe('');
      expect(e.name.ko).not.toBe('');
    }
  });
});

describe('easterSunday', () => {
  it.each([
    [2008, '2008-03-23'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2038, '2038-04-25'],
    [2285, '2285-03-22'],
  ])('Easter %i is %s', (year, date) => expect(easterSunday(year)).toBe(date));

  it('always falls on a Sunday between March 22 and April 25', () => {
    for (let year = 1900; year <= 2200; year++) {
      const e = easterSunday(year);
      expect(weekday(e)).toBe(0);
      expect(e.slice(5) >= '03-22' && e.slice(5) <= '04-25').toBe(true);
    }
  });
});
