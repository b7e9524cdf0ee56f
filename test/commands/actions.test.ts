import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../commands/index.ts';
import { actionRequest, decodeAction, encodeAction } from '../../commands/actions.ts';
import type { ActionPayload } from '../../commands/actions.ts';
import { parseCommandText } from '../../commands/parse-command-text.ts';
import { prepare, prepareLine, splitCommandLine } from '../../commands/prepare.ts';
import type { OptionSpec } from '../../commands/option-spec.ts';
import { DISCORD_LIMITS, SLACK_LIMITS } from '../../core/platform-limits.ts';

const ctx = { locale: 'en' as const, commandPrefix: '/' };
const run = (command: string) => ({ kind: 'run' as const, label: 'Run', command });
const share = (command: string) => ({ kind: 'share' as const, label: 'Share', command });

function pressed(id: string): Exclude<ActionPayload, { kind: 'expired' }> {
  const payload = decodeAction(id);
  if (!payload || payload.kind === 'expired') throw new Error(`${id} did not decode`);
  return payload;
}

/** What the press prepares, to compare with preparing the line itself. */
function preparedPress(id: string) {
  const request = actionRequest(pressed(id));
  return prepare(request.command!, request.raw, ctx);
}

/** The longest value each option accepts: the longest choice, a string at its maximum length in Hangul, the largest number. */
function longest(o: OptionSpec): string {
  switch (o.type) {
    case 'string':
      return o.choices ? [...o.choices].sort((a, b) => b.length - a.length)[0]! : '한'.repeat(o.maxLength ?? 200);
    case 'number':
      return String(o.max ?? 1e15);
    case 'boolean':
      return 'false';
    case 'date':
      return '2025-12-31';
  }
}

describe('button ids: the whole payload, packed, or kept under a short id; never cut', () => {
  it('packs the longest share line /smallcaps produces into Discord’s 100 characters', () => {
    const line = '/smallcaps period:2025-03-01..2025-12-31 basis:total vs:^NDX from:2025-03-01 to:2025-12-31 chart:seasonality size:square';
    const id = encodeAction(share(line));
    expect(id.length).toBeLessThanOrEqual(DISCORD_LIMITS.customId);
    expect(id.startsWith('rb:s:smallcaps')).toBe(true);
    expect(preparedPress(id)).toEqual(prepareLine(COMMANDS, `${line} private:false`, ctx));
  });

  it('packs the longest share line /scenario produces, every override set', () => {
    const line = '/scenario preset:large-cap-case easing:tightening stimulus:yes tariffs:worsening ism:contracting housing:strong autos:strong revisions:neutral valuation:neutral lead:30';
    const id = encodeAction(share(line));
    expect(id.length).toBeLessThanOrEqual(DISCORD_LIMITS.customId);
    expect(preparedPress(id)).toEqual(prepareLine(COMMANDS, `${line} private:false`, ctx));
  });

  it('turns a shared private answer into a public one', () => {
    const request = actionRequest(pressed(encodeAction(share('/smallcaps 1y private:true chart:ratio size:square'))));
    expect(prepare(request.command!, request.raw, ctx)).toMatchObject({ ok: true, visibility: 'public', args: { period: '1y', chart: 'ratio', size: 'square', private: false } });
  });

  it.each(COMMANDS.map((c) => [c.name, c] as const))('/%s: the longest line it accepts comes back whole on Discord and Slack', (_name, command) => {
    const line = `/${command.name} ${Object.entries(command.options).map(([name, o]) => `${name}:${longest(o)}`).join(' ')}`;
    const typed = parseCommandText(command.options, splitCommandLine(line).rest);
    for (const max of [DISCORD_LIMITS.customId, SLACK_LIMITS.actionId]) {
      const id = encodeAction(run(line), max);
      expect(id.length).toBeLessThanOrEqual(max);
      expect(pressed(id)).toEqual({ kind: 'run', command: command.name, raw: typed });
    }
  });

  it('keeps every term of a long "explain the terms" list', () => {
    const terms = Array.from({ length: 12 }, (_, i) => `a-rather-long-glossary-id-${i}`);
    const id = encodeAction({ kind: 'explain-terms', label: 'Explain', terms });
    expect(id.length).toBeLessThanOrEqual(DISCORD_LIMITS.customId);
    expect(pressed(id)).toEqual({ kind: 'explain-terms', terms });
  });

  it('says a kept id this process no longer knows has expired', () => {
    expect(decodeAction('rb:k:zzzz0000')).toEqual({ kind: 'expired' });
  });

  it('still reads ids from buttons posted before the packed form', () => {
    expect(pressed('rb:share:/smallcaps ytd private:true')).toEqual({ kind: 'share', command: 'smallcaps', raw: { period: 'ytd', private: 'true' } });
    expect(pressed('rb:run:/explain spread lang:ko')).toEqual({ kind: 'run', command: 'explain', raw: { term: 'spread', lang: 'ko' } });
    expect(pressed('rb:explain:spread,drawdown')).toEqual({ kind: 'explain-terms', terms: ['spread', 'drawdown'] });
  });

  it('carries a command this build lacks as typed, so the press explains it', () => {
    const id = encodeAction(run('/retired 1y'));
    expect(pressed(id)).toEqual({ kind: 'run', command: 'retired', raw: {} });
    expect(actionRequest(pressed(id)).command).toBeUndefined();
  });

  it('refuses ids that are not ours', () => {
    expect(decodeAction('something-else')).toBeUndefined();
    expect(decodeAction('rb:s:smallcaps~z1y')).toBeUndefined();
  });
});
