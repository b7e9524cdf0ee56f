import { describe, expect, it } from 'vitest';
import { seasonalWindow, seasonalWindowAt } from '../../../core/scenarios/seasonal-window.ts';
import { seasonalityFactor } from '../../../core/scenarios/market-factors.ts';
import { watchList } from '../../../core/scenarios/watch.ts';

describe('the tax-loss reversal window', () => {
  it('runs from the last December session to the last January session', () => {
    expect(seasonalWindow(2026)).toEqual({ year: 2026, start: '2025-12-31', end: '2026-01-30' });
    // 2022: 31 December 2021 was a Friday session; 31 January 2022 a Monday.
    expect(seasonalWindow(2022)).toEqual({ year: 2022, start: '2021-12-31', end: '2022-01-31' });
    // 2023: 30 December 2022 (Friday) was the last December session; 31 January 2023 a Tuesday.
    expect(seasonalWindow(2023).start).toBe('2022-12-30');
  });

  it('puts 20 January 2026 inside, ten sessions before the end', () => {
    expect(seasonalWindowAt('2026-01-20')).toEqual({ window: seasonalWindow(2026), inside: true });
  });

  it('points outside the window to the next one', () => {
    expect(seasonalWindowAt('2026-02-02')).toEqual({ window: seasonalWindow(2027), inside: false });
    expect(seasonalWindowAt('2025-12-30')).toEqual({ window: seasonalWindow(2026), inside: false });
    expect(seasonalWindowAt('2025-12-31').inside).toBe(true);
  });

  it('makes the seasonality factor lean small inside the window and neutral outside', () => {
    expect(seasonalityFactor('2026-01-20')).toMatchObject({ state: 'in-window', lean: 'small', source: 'data' });
    expect(seasonalityFactor('2026-03-02')).toMatchObject({ state: 'outside-window', lean: 'neutral' });
  });
});

describe('what to watch', () => {
  it('lists the window end, the next ISM report and the earnings season, soonest first, on 20 January 2026', () => {
    expect(watchList('2026-01-20')).toEqual([
      { kind: 'seasonal-window-end', date: '2026-01-30', start: '2025-12-31' },
      { kind: 'ism-release', date: '2026-02-02', timeEt: '10:00', coversMonth: '2026-01' },
      { kind: 'earnings-season-end', date: '2026-02-20', start: '2026-01-12', reports: { year: 2025, quarter: 4 } },
    ]);
  });

  it('counts an ISM report released that morning as out', () => {
    const ism = watchList('2026-02-02').find((w) => w.kind === 'ism-release');
    expect(ism?.date).toBe('2026-03-02');
  });

  it('points to the next season and window when neither is under way', () => {
    const items = watchList('2026-03-10');
    expect(items.find((w) => w.kind === 'earnings-season-start')).toMatchObject({ date: '2026-04-10', reports: { year: 2026, quarter: 1 } });
    expect(items.find((w) => w.kind === 'seasonal-window-start')).toMatchObject({ date: '2026-12-31', end: '2027-01-29' });
  });
});
