import { describe, expect, it } from 'vitest';
import type { Reply } from '../../../core/reply.ts';
import type { Poster } from '../../../bots/scheduler/poster.ts';
import { MINUTE, memoryDb, schedulerOn, simClock, subscription } from './harness.ts';

// Written out by hand from the NYSE's 2026 calendar, so the scheduler is checked against an independent source.
const HOLIDAYS_2026 = ['2026-01-01', '2026-01-19', '2026-02-16', '2026-04-03', '2026-05-25', '2026-06-19', '2026-07-03', '2026-09-07', '2026-11-26', '2026-12-25'];
const DAY = 86_400_000;
const dayAfter = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + DAY).toISOString().slice(0, 10);
const isWeekday = (d: string) => ![0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay());
function sessions(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = dayAfter(d)) if (isWeekday(d) && !HOLIDAYS_2026.includes(d)) out.push(d);
  return out;
}
/** US Eastern daylight time in 2026: from 8 March to 31 October (local dates). */
const newYorkMorning = (d: string) => `${d}T${d >= '2026-03-08' && d < '2026-11-01' ? '12:30' : '13:30'}:00.000Z`;
/** 08:30 in Seoul (UTC+9, no DST) is 23:30 UTC the day before. */
const seoulMorningAfter = (usDate: string) => `${usDate}T23:30:00.000Z`;

type Posted = { at: string; channel: string; title: string };

const SUBS = [
  subscription({ channelId: 'new-york' }),
  subscription({ channelId: 'seoul', timeZone: 'Asia/Seoul', locale: 'ko' }),
  subscription({ channelId: 'new-york-notice', closedNotice: true }),
  subscription({ channelId: 'seoul-notice', timeZone: 'Asia/Seoul', closedNotice: true }),
];

const EXPECTED = {
  'new-york': sessions('2025-12-31', '2026-12-30').map((s) => ({ at: newYorkMorning(dayAfter(s)), title: `morning ${s}` })),
  seoul: sessions('2026-01-02', '2026-12-31').map((s) => ({ at: seoulMorningAfter(s), title: `morning ${s}` })),
  'new-york-notice': [
    ...sessions('2025-12-31', '2026-12-30').map((s) => ({ at: newYorkMorning(dayAfter(s)), title: `morning ${s}` })),
    ...HOLIDAYS_2026.map((h) => ({ at: newYorkMorning(dayAfter(h)), title: `closed ${h}` })),
  ],
  'seoul-notice': [
    ...sessions('2026-01-02', '2026-12-31').map((s) => ({ at: seoulMorningAfter(s), title: `morning ${s}` })),
    ...HOLIDAYS_2026.map((h) => ({ at: seoulMorningAfter(h), title: `closed ${h}` })),
  ],
};

function recorder(clock: { ms: number }) {
  const posted: Posted[] = [];
  const poster: Poster = {
    platform: 'slack',
    async post(channelId: string, replies: readonly Reply[]) {
      for (const r of replies) posted.push({ at: new Date(clock.ms).toISOString(), channel: channelId, title: r.title });
    },
  };
  return { posted, poster };
}

async function simulate(ticks: Iterable<number>) {
  const clock = simClock('2026-01-01T00:00:00.000Z');
  const { posted, poster } = recorder(clock);
  const scheduler = schedulerOn(memoryDb(SUBS), [poster], clock);
  for (const t of ticks) {
    clock.set(t);
    await scheduler.tick(new Date(t));
  }
  return posted;
}

/** Every minute within 10 minutes of 12:30, 13:30 and 23:30 UTC (New York's 08:30 either side of DST, Seoul's 08:30), every 17 minutes elsewhere. */
function* denseAroundPostTimes(fromIso: string, toIso: string) {
  const near = (m: number) => [12 * 60 + 30, 13 * 60 + 30, 23 * 60 + 30].some((c) => Math.abs(m - c) <= 10);
  const from = Date.parse(fromIso);
  for (let t = from; t < Date.parse(toIso); t += MINUTE) {
    if (near((t % DAY) / MINUTE) || ((t - from) / MINUTE) % 17 === 0) yield t;
  }
}

function* everyMinute(fromIso: string, toIso: string) {
  for (let t = Date.parse(fromIso); t < Date.parse(toIso); t += MINUTE) yield t;
}

const byChannel = (posted: readonly Posted[], channel: string) =>
  posted.filter((p) => p.channel === channel).map(({ at, title }) => ({ at, title })).sort((a, b) => a.at.localeCompare(b.at));
const sorted = (list: readonly { at: string; title: string }[]) => [...list].sort((a, b) => a.at.localeCompare(b.at));
const within = (fromIso: string, toIso: string) => (p: { at: string }) => Date.parse(p.at) >= Date.parse(fromIso) && Date.parse(p.at) < Date.parse(toIso);
/** Starts `hours` early, so the first slots in the window are not catch-up posts of a scheduler that just started. */
const earlier = (iso: string, hours: number) => new Date(Date.parse(iso) - hours * 3_600_000).toISOString();

describe('a year of scheduler ticks (2026) for 08:30 in New York and in Seoul', () => {
  it('posts exactly once per session at the expected instants, skipping weekends and holidays, across both DST changes', async () => {
    const posted = await simulate(denseAroundPostTimes('2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z'));
    for (const [channel, expected] of Object.entries(EXPECTED)) expect(byChannel(posted, channel)).toEqual(sorted(expected));
    expect(byChannel(posted, 'new-york')).toHaveLength(sessions('2025-12-31', '2026-12-30').length);
  });

  it('minute by minute through both DST weeks, posts only at those instants', async () => {
    const weeks = [
      ['2026-03-05T00:00:00Z', '2026-03-12T00:00:00Z'],
      ['2026-10-29T00:00:00Z', '2026-11-05T00:00:00Z'],
    ] as const;
    for (const [from, to] of weeks) {
      const posted = await simulate(everyMinute(earlier(from, 3), to));
      for (const [channel, expected] of Object.entries(EXPECTED)) {
        expect(byChannel(posted, channel).filter(within(from, to))).toEqual(sorted(expected.filter(within(from, to))));
      }
    }
  });

  it('minute by minute through the MLK Day week: no post the morning after the Monday holiday, a notice where asked', async () => {
    const posted = (await simulate(everyMinute('2026-01-15T20:00:00Z', '2026-01-22T00:00:00Z'))).filter(within('2026-01-16T00:00:00Z', '2026-01-22T00:00:00Z'));
    expect(byChannel(posted, 'seoul')).toEqual([
      { at: '2026-01-16T23:30:00.000Z', title: 'morning 2026-01-16' },
      { at: '2026-01-20T23:30:00.000Z', title: 'morning 2026-01-20' },
      { at: '2026-01-21T23:30:00.000Z', title: 'morning 2026-01-21' },
    ]);
    expect(byChannel(posted, 'new-york')).toEqual([
      { at: '2026-01-16T13:30:00.000Z', title: 'morning 2026-01-15' },
      { at: '2026-01-17T13:30:00.000Z', title: 'morning 2026-01-16' },
      { at: '2026-01-21T13:30:00.000Z', title: 'morning 2026-01-20' },
    ]);
    expect(byChannel(posted, 'seoul-notice')).toContainEqual({ at: '2026-01-19T23:30:00.000Z', title: 'closed 2026-01-19' });
    expect(newYorkMorning('2026-03-07')).toBe('2026-03-07T13:30:00.000Z');
    expect(EXPECTED['new-york']).toContainEqual({ at: '2026-03-10T12:30:00.000Z', title: 'morning 2026-03-09' });
    expect(EXPECTED['new-york']).toContainEqual({ at: '2026-11-03T13:30:00.000Z', title: 'morning 2026-11-02' });
  });
});
