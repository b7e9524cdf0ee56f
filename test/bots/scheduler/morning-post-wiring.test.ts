import { afterAll, describe, expect, it } from 'vitest';
import type { Services } from '../../../commands/context.ts';
import { createScheduler } from '../../../bots/scheduler/scheduler.ts';
import { servicesComposer } from '../../../bots/scheduler/compose-post.ts';
import { createRecordingPoster } from '../../../bots/scheduler/recording-poster.ts';
import { termOrder } from '../../../core/posts/term-of-the-day.ts';
import { realServices } from '../../helpers/services.ts';
import { MINUTE, silentLog, simClock, subscription } from './harness.ts';

const running = realServices('2026-01-20');
afterAll(() => running.close());

/** The real services with a stand-in chart renderer: these tests are about what is posted when, not the picture. */
const services: Services = {
  ...running.services,
  charts: { render: async () => ({ png: new Uint8Array([0x89, 0x50, 0x4e, 0x47]), width: 1, height: 1, alt: 'chart' }) },
};

function schedulerFor(poster: ReturnType<typeof createRecordingPoster>, clock: ReturnType<typeof simClock>) {
  return createScheduler({
    subscriptions: services.subscriptions,
    ledger: services.postLedger,
    posters: [poster],
    compose: servicesComposer(services),
    log: silentLog,
    graceMs: 120 * MINUTE,
    dataWaitMs: 30 * MINUTE,
    now: clock.now,
  });
}

const termOf = (title: string) => /^Term of the day: (.+)$/.exec(title)?.[1];

describe('scheduled morning posts with the real content', () => {
  it('posts the morning brief in the channel language with the figures of the report session', async () => {
    await services.subscriptions.upsert(subscription({ platform: 'discord', channelId: 'seoul-ko', timeZone: 'Asia/Seoul', locale: 'ko' }));
    const clock = simClock('2026-01-20T23:30:00Z');
    const poster = createRecordingPoster('discord');
    await schedulerFor(poster, clock).tick(new Date(clock.ms));
    const reply = poster.sent[0]!.replies[0]!;
    expect(reply.locale).toBe('ko');
    expect(reply.title).toBe('모닝 브리핑 · 소형주 대 대형주 · 2026년 1월 20일');
    expect(await services.postLedger.get({ platform: 'discord', channelId: 'seoul-ko', reportDate: '2026-01-20' })).toMatchObject({ status: 'posted', dataAsOf: '2026-01-20' });
  });

  it('rotates the term of the day with no repeat in a channel until every entry has been shown', async () => {
    await services.subscriptions.upsert(subscription({ channelId: 'terms', timeZone: 'UTC', time: '23:00' }));
    const ids = services.glossary.entries.map((e) => e.id);
    const clock = simClock('2026-01-01T23:00:00Z');
    const poster = createRecordingPoster('slack');
    const scheduler = schedulerFor(poster, clock);
    for (let t = Date.parse('2026-01-01T23:00:00Z'); poster.sent.length < ids.length + 3; t += 86_400_000) {
      clock.set(t);
      await scheduler.tick(new Date(t));
    }
    const byTerm = new Map(services.glossary.entries.map((e) => [e.term.en, e.id]));
    const shown = poster.sent.map((p) => byTerm.get(p.replies[0]!.fields.map((f) => termOf(f.label)).find(Boolean)!)!);
    const order = termOrder(ids, 'slack:terms');
    expect(shown.slice(0, ids.length)).toEqual(order);
    expect(shown.slice(ids.length)).toEqual(order.slice(0, 3));
    expect(await services.subscriptions.shownTerms('slack', 'terms')).toEqual(new Set(order.slice(0, 3)));
  });
});
