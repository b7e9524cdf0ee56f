import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { NODE_FLAGS } from '../../core/runtime/node-flags.ts';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');
const MAIN = path.join(ROOT, 'dist/bots/main.js');
const STOP_TIMEOUT_MS = 30_000;

/** One bot process, `node --max-semi-space-size=1 dist/bots/main.js` as `npm start` runs it (the compiled runtime: `npm ci` or `npm run build` makes it). */
export type BotInstance = {
  readonly pid: number;
  readonly port: number;
  readonly eventsUrl: string;
  /** stderr lines at level error or above (and anything that is not a log line), as written. */
  readonly errorLines: readonly string[];
  readonly warnLines: readonly string[];
  /** SIGTERM, then SIGKILL after 30 s; resolves with the exit code (null when killed). */
  stop(): Promise<number | null>;
  /** SIGKILL at once, for an exit in a hurry. */
  kill(): void;
};

/** Starts the bot with exactly `env` (nothing inherited) and resolves once GET /readyz on `port` answers 200. */
export async function startBotInstance(env: Readonly<Record<string, string | undefined>>, port: number, readyTimeoutMs = 60_000): Promise<BotInstance> {
  // Its own process group: a Ctrl-C in the terminal reaches the bench only, which then stops each instance once.
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run npm run build first`);
  const child = spawn(process.execPath, [...NODE_FLAGS, MAIN], { cwd: ROOT, env: { ...env, PORT: String(port) }, stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  const errorLines: string[] = [];
  const warnLines: string[] = [];
  let tail = '';
  let partial = '';
  child.stderr.on('data', (chunk: Buffer) => {
    const lines = (partial + chunk.toString('utf8')).split('\n');
    partial = lines.pop()!;
    for (const line of lines.filter(Boolean)) {
      tail = (tail + line + '\n').slice(-4000);
      let level = 60;
      try {
        level = (JSON.parse(line) as { level?: number }).level ?? 60;
      } catch {
        // Not a log line: a crash or start-up failure; counted as an error.
      }
      if (level >= 50) errorLines.push(line);
      else if (level >= 40) warnLines.push(line);
    }
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const running = () => child.exitCode === null && child.signalCode === null;

  const readyUrl = `http://127.0.0.1:${port}/readyz`;
  const deadline = performance.now() + readyTimeoutMs;
  for (;;) {
    if (!running()) throw new Error(`bot instance on port ${port} exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${tail}`);
    const ok = await fetch(readyUrl).then(async (r) => (await r.arrayBuffer(), r.ok), () => false);
    if (ok) break;
    if (performance.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`bot instance on port ${port} not ready within ${readyTimeoutMs} ms:\n${tail}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }

  return {
    pid: child.pid!,
    port,
    eventsUrl: `http://127.0.0.1:${port}/slack/events`,
    errorLines,
    warnLines,
    async stop() {
      if (!running()) return child.exitCode;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
    kill() {
      if (running()) child.kill('SIGKILL');
    },
  };
}
