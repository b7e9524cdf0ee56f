import { describe, expect, it } from 'vitest';
import { readiness } from '../../../core/ops/readiness.ts';
import type { ReadinessState } from '../../../core/ops/readiness.ts';
import { overdueHours } from '../../../core/ops/data-age.ts';

const healthy: ReadinessState = {
  shuttingDown: false,
  adapters: [{ name: 'slack', connected: true }],
  database: { open: true },
  data: { symbol: 'IWM', lastDate: '2026-01-20', overdueHours: 0 },
  maxDataAgeHours: 36,
};

describe('readiness', () => {
  it('is ready when adapters are connected, the database is open and the data is current', () => {
    const result = readiness(healthy);
    expect(result.ready).toBe(true);
    expect(result.checks.map((c) => c.name)).toEqual(['accepting', 'adapter:slack', 'database', 'data']);
  });

  it.each<[string, Partial<ReadinessState>, string]>([
    ['shutting down', { shuttingDown: true }, 'accepting'],
    ['an adapter disconnected', { adapters: [{ name: 'slack', connected: true }, { name: 'discord', connected: false }] }, 'adapter:discord'],
    ['no adapter at all', { adapters: [] }, 'adapters'],
    ['the database closed', { database: { open: false } }, 'database'],
    ['data overdue past the allowed age', { data: { symbol: 'IWM', lastDate: '2026-01-16', overdueHours: 40 } }, 'data'],
    ['data that could not be read', { data: { error: 'no prices for IWM within 3000 ms' } }, 'data'],
  ])('is not ready when %s', (_what, change, failing) => {
    const result = readiness({ ...healthy, ...change });
    expect(result.ready).toBe(false);
    expect(result.checks.filter((c) => !c.ok).map((c) => c.name)).toEqual([failing]);
  });

  it('accepts data overdue by less than the allowed age', () => {
    expect(readiness({ ...healthy, data: { symbol: 'IWM', lastDate: '2026-01-16', overdueHours: 35.9 } }).ready).toBe(true);
  });
});

describe('how overdue the data is', () => {
  const at = (iso: string) => new Date(iso);
  it('is 0 while the next session has not closed', () => {
    // Wednesday's close is due at 21:00 UTC; at 20:00 UTC Tuesday's data is still current.
    expect(overdueHours('2026-01-13', at('2026-01-14T20:00:00Z'))).toBe(0);
  });

  it("skips weekends and holidays: Friday's data is not late until Tuesday's close after Martin Luther King Day", () => {
    // Mon 19 Jan 2026 is a holiday, so the session after Fri 16 Jan is Tue 20 Jan, closing 21:00 UTC.
    expect(overdueHours('2026-01-16', at('2026-01-20T20:59:00Z'))).toBe(0);
    expect(overdueHours('2026-01-16', at('2026-01-21T09:00:00Z'))).toBe(12);
  });

  it('counts from the close of the first missing session', () => {
    // Wed 2026-01-14 closes 21:00 UTC; data ends Tue 13 Jan.
    expect(overdueHours('2026-01-13', at('2026-01-15T21:00:00Z'))).toBe(24);
  });
});
