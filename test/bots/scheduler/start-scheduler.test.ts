import { describe, expect, it } from 'vitest';
import cron from 'node-cron';
import type { Scheduler } from '../../../bots/scheduler/scheduler.ts';
import { startScheduler } from '../../../bots/scheduler/start-scheduler.ts';
import { createConsolePoster } from '../../../bots/scheduler/console-poster.ts';
import { postersOf } from '../../../bots/scheduler/posters-of.ts';
import { createRecordingPoster } from '../../../bots/scheduler/recording-poster.ts';
import { silentLog } from './harness.ts';

describe('startScheduler', () => {
  it('runs one node-cron task, once a minute in UTC, and removes it on stop', async () => {
    const scheduler: Scheduler = { instanceId: 'test-instance', tick: async () => [], idle: async () => {} };
    const running = startScheduler(scheduler, silentLog);
    const task = [...cron.getTasks().values()].find((t) => t.name === 'rotation-posts-test-instance')!;
    expect(task.getPattern()).toBe('* * * * *');
    const next = task.getNextRun()!;
    expect(next.getUTCSeconds()).toBe(0);
    await running.stop();
    expect([...cron.getTasks().values()].some((t) => t.name === 'rotation-posts-test-instance')).toBe(false);
  });
});

describe('posters', () => {
  it('the console poster prints each reply with its channel', async () => {
    const out: string[] = [];
    await createConsolePoster({ out: (s) => out.push(s) }, '/tmp/rotation-bot-test-out').post('console', [
      { visibility: 'public', locale: 'en', tone: 'neutral', title: 'Morning brief', text: 'Hello', fields: [], fallbackText: 'Hello' },
    ]);
    expect(out).toEqual(['[console] == Morning brief ==\nHello']);
  });

  it('takes the poster each running adapter exposes', () => {
    const slack = { stop: async () => {}, poster: createRecordingPoster('slack') };
    const discordWithout = { stop: async () => {} };
    expect(postersOf([slack, discordWithout]).map((p) => p.platform)).toEqual(['slack']);
  });
});
