import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCsvFolderProvider } from '../../core/data/csv-folder-provider.ts';
import { createCsvMacroProvider } from '../../core/data/csv-macro-provider.ts';
import { UnknownSymbolError } from '../../core/data/provider.ts';
import { UserError } from '../../core/user-error.ts';
import { saveChart } from '../../bots/console/save-chart.ts';
import { renderDiscord } from '../../bots/discord/render-discord.ts';
import { parseSlackText } from '../../bots/slack/parse-slack-text.ts';
import { runText } from '../../commands/dispatch.ts';
import { COMMANDS } from '../../commands/index.ts';
import { realServices, consoleContext, noLog } from '../helpers/services.ts';
import { normalReply, PNG_BYTES } from '../bots/discord/fixtures.ts';

const CSV = 'Date,Close\n2026-01-16,100\n2026-01-20,101\n';

/** Names a user might type to reach a file outside the data folder. */
const ESCAPES = [
  '../secret',
  '../../etc/passwd',
  '..\\secret',
  '/etc/passwd',
  'IWM/../../secret',
  'data/../secret',
  '%2e%2e%2fsecret',
  '....//secret',
  '^../secret',
  '..',
  '.',
  'IWM\u0000',
  'C:\\Windows\\win.ini',
  '~/secret',
];

let root: string;
let data: string;

beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'rb-paths-'));
  data = path.join(root, 'data');
  mkdirSync(path.join(data, 'macro'), { recursive: true });
  writeFileSync(path.join(data, 'IWM.csv'), CSV);
  // Readable, well-formed price files just outside the data folder: the bait.
  writeFileSync(path.join(root, 'secret.csv'), CSV);
  writeFileSync(path.join(data, 'secret.csv.bak'), CSV);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('symbols from users never name a file outside the data folder', () => {
  it.each(ESCAPES)('the CSV provider refuses %j without reading anything', async (symbol) => {
    const error = await createCsvFolderProvider(data).fetchDaily(symbol).catch((e: unknown) => e);
    expect(error instanceof UserError || error instanceof UnknownSymbolError).toBe(true);
  });

  it.each(ESCAPES)('the CSV macro provider refuses %j', async (id) => {
    const error = await createCsvMacroProvider(data).getSeries(id).catch((e: unknown) => e);
    expect(error instanceof UserError || error instanceof UnknownSymbolError).toBe(true);
  });

  it('still reads a file inside the folder', async () => {
    await expect(createCsvFolderProvider(data).fetchDaily('iwm')).resolves.toHaveLength(2);
  });

  it('answers /smallcaps vs:../../etc/passwd (typed in Slack or the console) with a user error, not a file', async () => {
    const running = realServices();
    try {
      for (const text of ['1y vs:../../etc/passwd', '1y vs:/etc/passwd', '1y vs:..%2F..%2Fetc%2Fpasswd']) {
        const raw = parseSlackText(COMMANDS.find((c) => c.name === 'smallcaps')!.options, text);
        expect(raw.vs).toBeDefined();
        const outcome = await runText(COMMANDS, `/smallcaps ${text}`, consoleContext(running), noLog);
        expect(outcome).toMatchObject({ ok: false, kind: 'user-error' });
        expect(outcome.output.replies[0]!.text).toMatch(/is not a ticker symbol|is too long/);
        expect(JSON.stringify(outcome.output.replies)).not.toMatch(/root:|\[boot loader\]/);
      }
    } finally {
      await running.close();
    }
  });
});

describe('chart file names never leave the output folder', () => {
  it('the console saves a chart named ../../evil.png inside its out folder', async () => {
    const out = path.join(root, 'out');
    const saved = await saveChart(out, { png: PNG_BYTES, filename: '../../evil.png', alt: 'x', width: 1, height: 1 });
    expect(path.dirname(saved)).toBe(out);
    expect(readdirSync(root)).not.toContain('evil.png');
  });

  it('Discord attachments get a plain file name', () => {
    const message = renderDiscord({ ...normalReply, chart: { png: PNG_BYTES, filename: '../../etc/evil name.png', alt: 'x', width: 1, height: 1 } });
    expect(message.files?.[0]?.name).toMatch(/^[A-Za-z0-9_.-]+\.png$/);
    expect(message.files?.[0]?.name).not.toContain('/');
  });
});
