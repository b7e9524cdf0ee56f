import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../commands/index.ts';
import { prepare, prepareLine, splitCommandLine } from '../../commands/prepare.ts';

const ctx = { locale: 'en' as const, commandPrefix: '/' };
const smallcaps = COMMANDS.find((c) => c.name === 'smallcaps')!;

describe('prepare: one path from a payload to validated arguments and a visibility', () => {
  it('gives the same arguments for typed text and for option values', () => {
    const typed = prepare(smallcaps, '1y index vs:QQQ private:yes', ctx);
    const options = prepare(smallcaps, { period: '1y', basis: 'index', vs: 'QQQ', private: true }, ctx);
    expect(typed).toEqual(options);
    expect(typed).toMatchObject({ ok: true, args: { period: '1y', basis: 'index', vs: 'QQQ', private: true, chart: 'auto' }, visibility: 'ephemeral' });
  });

  it('knows a public answer before running', () => {
    expect(prepare(smallcaps, {}, ctx)).toMatchObject({ ok: true, visibility: 'public', args: { period: 'ytd' } });
  });

  it('refuses a bad period before anything runs, privately and with the usage', () => {
    const prepared = prepare(smallcaps, { period: 'fortnight' }, ctx);
    expect(prepared.ok).toBe(false);
    if (prepared.ok) return;
    expect(prepared.visibility).toBe('ephemeral');
    expect(prepared.reply.text).toContain('fortnight');
    expect(prepared.reply.text).toContain('/smallcaps [period]');
  });

  it('refuses `to:` without `from:` and a reversed range before running', () => {
    expect(prepare(smallcaps, 'to:2026-01-10', ctx).ok).toBe(false);
    expect(prepare(smallcaps, 'from:2026-01-10 to:2026-01-02', ctx).ok).toBe(false);
  });

  it('answers an unknown command line with the nearest names', () => {
    const prepared = prepareLine(COMMANDS, '/smalcaps ytd', ctx);
    expect(prepared).toMatchObject({ ok: false, command: undefined, visibility: 'ephemeral' });
    if (!prepared.ok) expect(prepared.reply.text).toContain('/smallcaps');
  });

  it('splits a command line into its name and the rest, with or without the slash', () => {
    expect(splitCommandLine('  /smallcaps ytd vs:QQQ ')).toEqual({ name: 'smallcaps', rest: 'ytd vs:QQQ' });
    expect(splitCommandLine('help')).toEqual({ name: 'help', rest: '' });
    expect(splitCommandLine('   ')).toEqual({ name: '', rest: '' });
  });
});
