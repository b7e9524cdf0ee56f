import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MARKET_DATA_DIR } from '../../helpers/market-data.ts';
import { COMPILED_MAIN } from '../../helpers/compiled.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');

function run(args: string[], input?: string, env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    // The compiled bot, as `npm start` runs it.
    const child = spawn(process.execPath, [COMPILED_MAIN, ...args], {
      cwd: mkdtempSync(path.join(tmpdir(), 'rb-cwd-')),
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ROTATION_DB_PATH: ':memory:', ROTATION_RENDER_POOL_SIZE: '1', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.stdin.end(input ?? '');
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

describe('console one-shot', () => {
  it('answers /smallcaps ytd as one JSON object with the chart saved under --out', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'rb-out-'));
    const r = await run(['ask', '/smallcaps ytd', '--data', MARKET_DATA_DIR, '--as-of', '2026-01-20', '--json', '--out', out]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.result.baseDate).toBe('2025-12-31');
    expect(json.result.legs[0].symbol).toBe('IWM');
    expect(json.reply.chart.path.startsWith(out)).toBe(true);
    expect(existsSync(json.reply.chart.path)).toBe(true);
    expect(json.reply.chart.png).toBeUndefined();
  });

  it('exits 1 with a one-line error and usage, no stack trace, for an unknown period', async () => {
    const r = await run(['ask', '/smallcaps fortnight', '--data', MARKET_DATA_DIR, '--as-of', '2026-01-20']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('"fortnight" is not a period I know');
    expect(r.stderr).toContain('Usage: /smallcaps');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('names a data folder that lacks the needed symbols', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rb-data-'));
    writeFileSync(path.join(dir, 'IWM.csv'), 'Date,Close\n2025-12-31,1\n2026-01-02,2\n');
    const r = await run(['ask', '/smallcaps ytd', '--data', dir, '--as-of', '2026-01-20']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/SPY: no data; QQQ: no data/);
  });

  it('names the file and line of a malformed CSV line', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rb-data-'));
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'IWM.csv'), 'Date,Close\n2025-12-31,1\n2026-01-02,oops\n');
    const r = await run(['ask', '/smallcaps ytd', '--data', dir, '--as-of', '2026-01-20']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('IWM.csv, line 3: "oops" is not a positive price');
  });

  it('reports bad settings at once, naming each variable, and exits 2', async () => {
    const r = await run(['ask', '/help'], undefined, { ROTATION_LANG: 'fr', PORT: 'x' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('ROTATION_LANG');
    expect(r.stderr).toContain('PORT');
  });

  it('rejects an unknown flag with the usage', async () => {
    const r = await run(['ask', '/help', '--colour']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown flag --colour');
  });
});

describe('console prompt', () => {
  it('answers commands typed one per line until exit', async () => {
    const r = await run([], '/help\n/smallcaps 2024 basis:index\nexit\n', { ROTATION_DATA_DIR: MARKET_DATA_DIR, ROTATION_AS_OF: '2026-01-20', ROTATION_OUT_DIR: mkdtempSync(path.join(tmpdir(), 'rb-out-')) });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Rotation Bot: small caps vs large caps');
    expect(r.stdout).toContain('in 2024');
    expect(r.stdout).toMatch(/Chart: .*smallcaps-2024-12-31\.png/);
  });
});

describe('console: plain words and articles', () => {
  const asOf = ['--data', MARKET_DATA_DIR, '--as-of', '2026-01-20'];

  it('answers ask "<plain question>" as the command it reads as, with readAs in --json', async () => {
    const r = await run(['ask', 'are small caps still beating the S&P this year?', ...asOf, '--json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.result.readAs).toBe('/smallcaps ytd');
    expect(json.result.spreadPp).toBeCloseTo(7.3, 1);
  });

  it('reads a line that is not a /command as a question at the prompt, headed "Read as"', async () => {
    const r = await run([], '소형주 올해 얼마나 올랐어?\nexit\n', { ROTATION_DATA_DIR: MARKET_DATA_DIR, ROTATION_AS_OF: '2026-01-20', ROTATION_OUT_DIR: mkdtempSync(path.join(tmpdir(), 'rb-out-')) });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('`/smallcaps ytd`(으)로 읽었습니다');
    expect(r.stdout).toContain('are small caps beating the S&P this year?');
  });

  it('reads the seed article from standard input with read -, finding its terms and the about-8% claim', async () => {
    const article = readFileSync(path.join(ROOT, '..', 'shared', 'seed-article-ko.txt'), 'utf8');
    const r = await run(['read', '-', ...asOf, '--json'], article);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.result.terms.map((t: { id: string }) => t.id)).toContain('tax-loss-selling');
    const iwm = json.result.claims.find((c: { symbols: string[]; stated: number | null }) => c.symbols.includes('IWM') && c.stated !== null);
    expect(iwm.stated).toBeCloseTo(0.08, 3);
    expect(iwm.measured).toBeCloseTo(0.0666, 3);
  });

  it('refuses a text over 20,000 characters and a missing file, briefly and with no stack trace', async () => {
    const huge = await run(['read', '-', ...asOf], 'small caps '.repeat(2500));
    expect(huge.code).toBe(1);
    expect(huge.stderr).toMatch(/20,?000/);
    const missing = await run(['read', '/no/such/file.txt', ...asOf]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('There is no file /no/such/file.txt.');
    for (const r of [huge, missing]) expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
