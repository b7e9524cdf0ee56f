import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMPILED_MAIN } from '../../helpers/compiled.ts';

/** Loaded before the bot: every request fails at once, as on a machine with no network. */
const NO_NETWORK = `data:text/javascript,globalThis.fetch = () => Promise.reject(new TypeError('fetch failed'));`;

type Run = { code: number; stdout: string; stderr: string; cwd: string };

/** The compiled bot in a fresh folder with only PATH and HOME set: a new user's first `npm start`, offline. */
function firstRun(args: string[], input = '', env: Record<string, string> = {}): Promise<Run> {
  const cwd = mkdtempSync(path.join(tmpdir(), 'rb-first-'));
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', NO_NETWORK, COMPILED_MAIN, ...args], {
      cwd,
      env: { PATH: process.env.PATH ?? '', HOME: cwd, ROTATION_FETCH_RETRIES: '0', ROTATION_RENDER_POOL_SIZE: '1', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.stdin.end(input);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr, cwd }));
  });
}

describe('the first run on a machine with no network', () => {
  it('answers /smallcaps ytd from the bundled sample, dated to the sample, and says so on the data line', async () => {
    const r = await firstRun(['ask', '/smallcaps ytd']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("Yahoo can't be reached and nothing is cached, so I'm answering from the bundled sample data to 2026-08-21");
    expect(r.stdout).toContain('Source: Sample data to 2026-08-21 (Yahoo unreachable)');
    expect(r.stdout).toContain('Dec 31, 2025 → Aug 21, 2026');
    expect(r.stdout).toContain('Russell 2000 (IWM)               +21.9% (246.16 → 299.96)');
    expect(r.stdout).not.toContain('Usage');
  });

  it('gives the same answer as --json, with the sample as the source of every leg', async () => {
    const r = await firstRun(['ask', '/smallcaps ytd', '--json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as { result: { baseDate: string; endDate: string; source: string }; reply: { footer: string } };
    expect(json.result.baseDate).toBe('2025-12-31');
    expect(json.result.endDate).toBe('2026-08-21');
    expect(JSON.stringify(json)).toContain('Sample data to 2026-08-21 (Yahoo unreachable)');
  });

  it('keeps --as-of when it is given, and answers in Korean with a Korean data line', async () => {
    const r = await firstRun(['ask', '/smallcaps ytd', '--as-of', '2026-03-31', '--lang', 'ko']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('샘플 데이터(2026-08-21까지, Yahoo 연결 안 됨)');
    expect(r.stdout).toContain('2026년 3월 31일');
  });

  it('greets the interactive console with its data, three questions to try and how to connect a platform, then answers from the sample', async () => {
    const r = await firstRun([], '/smallcaps 1m\nexit\n');
    expect(r.code).toBe(0);
    const [welcome] = r.stdout.split('> ');
    expect(welcome).toContain('Rotation Bot console');
    expect(welcome).toContain('Data: Yahoo Finance, cached in ./data/rotation.db');
    for (const example of ['/smallcaps ytd', '/explain tax-loss', '/scenario']) expect(welcome).toContain(`  ${example}`);
    expect(welcome).toContain('SLACK_BOT_TOKEN');
    expect(welcome).toContain('DISCORD_TOKEN');
    expect(r.stdout).toContain('Source: Sample data to 2026-08-21 (Yahoo unreachable)');
    expect(r.stderr).not.toContain('"level"');
  });

  it('uses the sample when asked with --data sample, without calling it a fallback', async () => {
    const r = await firstRun(['ask', '/smallcaps ytd', '--data', 'sample']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Source: Sample data to 2026-08-21 · Data as of Aug 21, 2026');
    expect(r.stderr).toBe('');
  });

  it('refuses the sample for Slack or Discord, saying why', async () => {
    const r = await firstRun([], '', { ROTATION_DATA_DIR: 'sample', DISCORD_TOKEN: 'x', DISCORD_APPLICATION_ID: '1' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is for the console only');
  });

  it('names a damaged database file and says to move it aside, with no stack trace', async () => {
    const cwd = mkdtempSync(path.join(tmpdir(), 'rb-db-'));
    const file = path.join(cwd, 'rotation.db');
    writeFileSync(file, 'this is not a SQLite database, only some text that is long enough to look like one');
    const r = await firstRun(['ask', '/smallcaps ytd'], '', { ROTATION_DB_PATH: file });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`could not open its database ${file}: the file is damaged or is not a SQLite database`);
    expect(r.stderr).toContain(`mv ${file} ${file}.broken`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
