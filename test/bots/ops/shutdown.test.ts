import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { shutDown } from '../../../bots/ops/shutdown.ts';
import { createLogger } from '../../../core/logger.ts';
import { createInflightTracker } from '../../../core/ops/inflight.ts';

function memoryLog() {
  const lines: { msg: string; step?: string; remaining?: number }[] = [];
  const log = createLogger('info', {
    destination: new Writable({
      write(chunk: Buffer, _e, done) {
        lines.push(JSON.parse(chunk.toString('utf8')) as { msg: string });
        done();
      },
    }),
  });
  return { log, lines };
}

describe('graceful shutdown', () => {
  it('stops accepting, waits for commands in flight, then closes in order', async () => {
    const { log, lines } = memoryLog();
    const inflight = createInflightTracker();
    const order: string[] = [];
    let finish!: () => void;
    const command = inflight.track(() => new Promise<void>((resolve) => (finish = resolve)).then(() => void order.push('command finished')));
    const done = shutDown({
      inflight,
      drainMs: 10_000,
      alongside: [{ name: 'scheduler', run: async () => void order.push('scheduler stopped') }],
      then: [
        { name: 'slack', run: async () => void order.push('slack stopped') },
        { name: 'render pool and database', run: async () => void order.push('closed') },
      ],
      log,
    });
    expect(inflight.accepting).toBe(false);
    await new Promise((r) => setImmediate(r));
    expect(order).toEqual(['scheduler stopped']);
    finish();
    await command;
    await expect(done).resolves.toEqual({ drained: true, remaining: 0 });
    expect(order).toEqual(['scheduler stopped', 'command finished', 'slack stopped', 'closed']);
    expect(lines.map((l) => l.msg)).toContain('commands in flight drained');
  });

  it('moves on when commands outlast the drain time, saying how many were cut off', async () => {
    const { log, lines } = memoryLog();
    const inflight = createInflightTracker({ sleep: async () => {} });
    void inflight.track(() => new Promise(() => {}));
    const result = await shutDown({ inflight, drainMs: 10_000, alongside: [], then: [], log });
    expect(result).toEqual({ drained: false, remaining: 1 });
    expect(lines.find((l) => l.msg.startsWith('commands still in flight'))?.remaining).toBe(1);
  });

  it('logs a failing or hanging step and still runs the next ones', async () => {
    const { log, lines } = memoryLog();
    const ran: string[] = [];
    await shutDown({
      drainMs: 0,
      stepMs: 20,
      alongside: [],
      then: [
        { name: 'broken', run: () => Promise.reject(new Error('socket already closed')) },
        { name: 'stuck', run: () => new Promise(() => {}) },
        { name: 'database', run: async () => void ran.push('database') },
      ],
      log,
    });
    expect(ran).toEqual(['database']);
    expect(lines.filter((l) => l.step).map((l) => [l.step, l.msg])).toEqual([
      ['broken', 'shutdown step failed; moving on'],
      ['stuck', 'shutdown step took too long; moving on'],
      ['database', 'shutdown step done'],
    ]);
  });
});
