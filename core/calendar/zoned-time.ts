import type { IsoDate, Weekday } from './iso-date.ts';
import { assertIsoDate, weekdayOf } from './iso-date.ts';

export type HhMm = { readonly hour: number; readonly minute: number };

export type ZonedDateTime = {
  readonly date: IsoDate;
  /** `HH:MM`, 24-hour. */
  readonly time: string;
  readonly weekday: Weekday;
};

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True for any IANA name (or alias such as `UTC`) that this runtime's Intl knows. */
export function isValidTimeZone(name: string): boolean {
  return canonicalTimeZone(name) !== undefined;
}

/** The runtime's canonical spelling of a time zone (`asia/seoul` → `Asia/Seoul`), or undefined if unknown. */
export function canonicalTimeZone(name: string): string | undefined {
  if (name.trim() === '') return undefined;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

function assertTimeZone(timeZone: string): void {
  if (!isValidTimeZone(timeZone)) throw new RangeError(`Unknown time zone: ${JSON.stringify(timeZone)}`);
}

/** `H:MM` or `HH:MM`, 00:00–23:59; undefined for anything else. */
export function parseHhMm(s: string): HhMm | undefined {
  const m = /^(\d{1,2}):(\d{2})$/.exec(s.trim());
  if (!m) return undefined;
  const hour = Number(m[1]);
  const minute = Number(m[2]);
  return hour <= 23 && minute <= 59 ? { hour, minute } : undefined;
}

export function formatHhMm({ hour, minute }: HhMm): string {
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/** The wall-clock reading in `timeZone` at `ms` (truncated to the second), expressed as if it were UTC. */
function wallClockMs(ms: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(ms))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
}

function offsetMs(ms: number, timeZone: string): number {
  const whole = Math.floor(ms / 1000) * 1000;
  return wallClockMs(whole, timeZone) - whole;
}

/**
 * The instant when the clocks in `timeZone` read `date` `time`.
 *
 * A local time skipped by a spring-forward change (02:30 on 2026-03-08 in New York) resolves to the
 * first instant after the gap (03:00 EDT). A local time that happens twice at a fall-back change
 * (01:30 on 2026-11-01 in New York) resolves to its first occurrence (01:30 EDT, not EST).
 * Throws a RangeError for a malformed date or time or an unknown zone.
 */
export function zonedDateTimeToUtc(date: IsoDate, time: string, timeZone: string): Date {
  assertIsoDate(date);
  const hm = parseHhMm(time);
  if (!hm) throw new RangeError(`Not an HH:MM time: ${JSON.stringify(time)}`);
  assertTimeZone(timeZone);

  const target = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)), hm.hour, hm.minute);
  const offsets = new Set([offsetMs(target - DAY_MS, timeZone), offsetMs(target + DAY_MS, timeZone)]);
  const candidates = [...offsets].map((o) => target - o).sort((a, b) => a - b);
  const exact = candidates.find((t) => wallClockMs(t, timeZone) === target);
  if (exact !== undefined) return new Date(exact);

  // In a gap: bisect between an instant whose wall clock reads before the target and one that reads after.
  const before = candidates.find((t) => wallClockMs(t, timeZone) < target);
  const after = candidates.findLast((t) => wallClockMs(t, timeZone) > target);
  if (before === undefined || after === undefined || before > after) throw new Error(`Cannot resolve ${date} ${time} in ${timeZone}`);
  let lo: number = before;
  let hi: number = after;
  while (hi - lo > 1000) {
    const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
    if (wallClockMs(mid, timeZone) >= target) hi = mid;
    else lo = mid;
  }
  return new Date(hi);
}

/** What the clocks in `timeZone` read at `instant` (to the minute). */
export function utcToZoned(instant: Date, timeZone: string): ZonedDateTime {
  assertTimeZone(timeZone);
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError('Invalid Date');
  const iso = new Date(wallClockMs(ms, timeZone)).toISOString();
  const date = iso.slice(0, 10);
  return { date, time: iso.slice(11, 16), weekday: weekdayOf(date) };
}
