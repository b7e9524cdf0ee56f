import { Writable } from 'node:stream';
import pino from 'pino';
import type { Logger } from '../../core/logger.ts';

/** A pino logger that keeps its lines, so tests can see what was logged. */
export function memoryLogger(): { log: Logger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString('utf8')) as Record<string, unknown>);
      done();
    },
  });
  return { log: pino({ level: 'info' }, sink), lines };
}
