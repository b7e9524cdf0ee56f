import { describe, expect, it } from 'vitest';
import type { APIApplicationCommandBasicOption } from 'discord.js';
import { registrationBody, toDiscordCommand } from '../../../bots/discord/to-discord-command.ts';
import { COMMANDS } from '../../../commands/index.ts';
import { defineCommand } from '../../../commands/define-command.ts';
import { t } from '../../../core/i18n/translate.ts';

const noop = async () => ({ replies: [] });

const sample = defineCommand({
  name: 'sample',
  options: {
    mode: { type: 'string', choices: ['a', 'b'], autocomplete: true },
    term: { type: 'string', required: true, autocomplete: true, maxLength: 60 },
    many: { type: 'string', choices: Array.from({ length: 30 }, (_, i) => `c${i}`) },
    count: { type: 'number', integer: true, min: 1, max: 10 },
    ratio: { type: 'number', min: 0.5 },
    flag: { type: 'boolean' },
    day: { type: 'date', required: true },
  },
  visibility: 'ephemeral',
  slow: false,
  adminOnly: true,
  examples: ['sample x 2026-01-02'],
  suggest: () => [],
  run: noop,
});

const optionsOf = (name: string) => (toDiscordCommand(COMMANDS.find((c) => c.name === name)!).options ?? []) as APIApplicationCommandBasicOption[];
const byName = (options: readonly APIApplicationCommandBasicOption[], name: string) => options.find((o) => o.name === name) as unknown as Record<string, unknown>;

describe('toDiscordCommand', () => {
  it('registers every command in the registry as a chat-input command usable in servers, DMs and user installs', () => {
    const body = registrationBody(COMMANDS);
    expect(body.map((c) => c.name)).toEqual(COMMANDS.map((c) => c.name));
    for (const c of body) {
      expect(c.type).toBe(1);
      expect(c.integration_types).toEqual([0, 1]);
      expect(c.contexts).toEqual([0, 1, 2]);
      expect(c.description.length).toBeGreaterThan(0);
      expect(c.description.length).toBeLessThanOrEqual(100);
      for (const o of (c.options ?? []) as APIApplicationCommandBasicOption[]) {
        expect(o.description.length).toBeLessThanOrEqual(100);
        expect(Object.values(o.description_localizations ?? {}).every((d) => d !== null && d.length <= 100)).toBe(true);
        const raw = o as unknown as Record<string, unknown>;
        expect(raw.choices !== undefined && raw.autocomplete === true).toBe(false);
      }
    }
  });

  it('leaves installation contexts out of guild registrations', () => {
    for (const c of registrationBody(COMMANDS, { guild: true })) {
      expect(c).not.toHaveProperty('integration_types');
      expect(c).not.toHaveProperty('contexts');
    }
  });

  it('describes /smallcaps in English with Korean localizations from the locale files', () => {
    const cmd = toDiscordCommand(COMMANDS.find((c) => c.name === 'smallcaps')!);
    expect(cmd.description).toBe(t('en', 'commands.smallcaps.description').slice(0, 100));
    expect(cmd.description_localizations?.ko).toBe(t('ko', 'commands.smallcaps.description'));
    const options = optionsOf('smallcaps');
    expect(byName(options, 'basis')).toMatchObject({ type: 3, choices: [{ name: 'price', value: 'price' }, { name: 'total', value: 'total' }, { name: 'index', value: 'index' }] });
    expect(byName(options, 'period')).toMatchObject({ type: 3, autocomplete: true, max_length: 40 });
    expect(byName(options, 'private')).toMatchObject({ type: 5, required: false });
    expect(byName(options, 'from')).toMatchObject({ type: 3, description_localizations: { ko: t('ko', 'commands.smallcaps.options.from') } });
    expect(String(byName(options, 'from').description)).toContain('YYYY-MM-DD');
  });

  it('maps option types, ranges and lengths, with required options first', () => {
    const cmd = toDiscordCommand(sample);
    const options = (cmd.options ?? []) as APIApplicationCommandBasicOption[];
    expect(options.map((o) => o.name)).toEqual(['term', 'day', 'mode', 'many', 'count', 'ratio', 'flag']);
    expect(byName(options, 'term')).toMatchObject({ type: 3, required: true, autocomplete: true, max_length: 60 });
    expect(byName(options, 'day')).toMatchObject({ type: 3, required: true });
    expect(String(byName(options, 'day').description)).toContain('YYYY-MM-DD');
    expect(byName(options, 'count')).toMatchObject({ type: 4, min_value: 1, max_value: 10 });
    expect(byName(options, 'ratio')).toMatchObject({ type: 10, min_value: 0.5 });
    expect(byName(options, 'flag')).toMatchObject({ type: 5 });
  });

  it('uses choices or autocomplete, never both; more than 25 choices become autocomplete', () => {
    const options = (toDiscordCommand(sample).options ?? []) as APIApplicationCommandBasicOption[];
    expect(byName(options, 'mode')).toMatchObject({ choices: [{ name: 'a', value: 'a' }, { name: 'b', value: 'b' }] });
    expect(byName(options, 'mode')).not.toHaveProperty('autocomplete');
    expect(byName(options, 'many')).toMatchObject({ autocomplete: true });
    expect(byName(options, 'many')).not.toHaveProperty('choices');
  });

  it('limits admin-only commands to members who can manage channels', () => {
    expect(toDiscordCommand(sample).default_member_permissions).toBe('16');
    expect(toDiscordCommand(COMMANDS.find((c) => c.name === 'help')!)).not.toHaveProperty('default_member_permissions');
  });

  it('falls back to the command name when the locale files have no description', () => {
    expect(toDiscordCommand(sample).description).toBe('sample');
  });

  it('refuses names Discord would reject', () => {
    expect(() => toDiscordCommand(defineCommand({ ...sample, name: 'Bad Name', options: {}, run: noop, visibility: 'public' }))).toThrow(/not a valid Discord command name/);
  });
});
