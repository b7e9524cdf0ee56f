import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BOT_SCOPES, buildSlackManifest, MANIFEST_REQUEST_URL, manifestJson } from '../../../bots/slack/build-manifest.ts';
import { SLACK_LIMITS } from '../../../core/platform-limits.ts';
import { COMMANDS } from '../../../commands/index.ts';
import { commandDescription, usageHint } from '../../../commands/usage.ts';

const CHECKED_IN = path.resolve(import.meta.dirname, '../../../manifest.json');

describe('Slack manifest', () => {
  it('is up to date in manifest.json (regenerate with npm run slack:manifest)', () => {
    expect(readFileSync(CHECKED_IN, 'utf8')).toBe(manifestJson(COMMANDS));
  });

  it('declares every registry command with its English description and usage hint', () => {
    const m = buildSlackManifest(COMMANDS);
    expect(m.features.slash_commands.map((c) => c.command)).toEqual(COMMANDS.map((c) => `/${c.name}`));
    for (const [i, command] of COMMANDS.entries()) {
      const entry = m.features.slash_commands[i]!;
      expect(entry.description).toBe(commandDescription(command, 'en'));
      expect(entry.description, `assets/locales/en.json lacks commands.${command.name}.description`).not.toBe(`commands.${command.name}.description`);
      expect(entry.usage_hint ?? '').toBe(usageHint(command));
      expect(entry.url).toBe(MANIFEST_REQUEST_URL);
      expect(entry.should_escape).toBe(false);
    }
  });

  it('applies the command prefix and a real request URL when given', () => {
    const m = buildSlackManifest(COMMANDS, { prefix: 'rb-', requestUrl: 'https://bot.example.com/slack/events' });
    expect(m.features.slash_commands[0]!.command).toBe(`/rb-${COMMANDS[0]!.name}`);
    expect(m.settings.interactivity.request_url).toBe('https://bot.example.com/slack/events');
  });

  it('asks for the minimal bot scopes, HTTP mode by default, interactivity on', () => {
    const m = buildSlackManifest(COMMANDS);
    expect(m.oauth_config.scopes.bot).toEqual([...BOT_SCOPES]);
    expect(m.settings.socket_mode_enabled).toBe(false);
    expect(m.settings.interactivity.is_enabled).toBe(true);
  });

  it('adds the OAuth redirect URL and the uninstall events for many workspaces, and nothing of them otherwise', () => {
    const m = buildSlackManifest(COMMANDS, { requestUrl: 'https://bot.example.com/slack/events', oauth: true });
    expect(m.oauth_config.redirect_urls).toEqual(['https://bot.example.com/slack/oauth_redirect']);
    expect(m.settings.event_subscriptions).toEqual({ request_url: 'https://bot.example.com/slack/events', bot_events: ['app_mention', 'message.im', 'app_uninstalled', 'tokens_revoked'] });
    const single = buildSlackManifest(COMMANDS);
    expect(single.oauth_config.redirect_urls).toBeUndefined();
    expect(single.settings.event_subscriptions.bot_events).toEqual(['app_mention', 'message.im']);
  });

  it('asks for the mentions and DMs written to the bot, and offers "Explain this message" on any message', () => {
    const m = buildSlackManifest(COMMANDS);
    expect(m.oauth_config.scopes.bot).toEqual(expect.arrayContaining(['app_mentions:read', 'im:history']));
    expect(m.features.app_home.messages_tab_enabled).toBe(true);
    expect(m.features.shortcuts).toEqual([expect.objectContaining({ type: 'message', callback_id: 'rb_explain_message', name: 'Explain this message' })]);
    expect(m.features.slash_commands.map((c) => c.command)).toEqual(expect.arrayContaining(['/ask', '/read']));
  });

  it("stays within Slack's manifest limits", () => {
    const L = SLACK_LIMITS.manifest;
    const m = buildSlackManifest(COMMANDS);
    expect(m.display_information.name.length).toBeLessThanOrEqual(L.appName);
    expect(m.display_information.description.length).toBeLessThanOrEqual(L.appDescription);
    expect(m.display_information.long_description.length).toBeGreaterThanOrEqual(L.longDescriptionMin);
    expect(m.display_information.long_description.length).toBeLessThanOrEqual(L.longDescriptionMax);
    expect(m.features.bot_user.display_name.length).toBeLessThanOrEqual(L.botDisplayName);
    for (const c of m.features.slash_commands) {
      expect(c.command).toMatch(/^\/[a-z0-9_-]+$/);
      expect(c.command.length).toBeLessThanOrEqual(L.commandName);
      expect(c.description.length).toBeGreaterThan(0);
      expect(c.description.length).toBeLessThanOrEqual(L.commandDescription);
      expect((c.usage_hint ?? '').length).toBeLessThanOrEqual(L.usageHint);
    }
  });
});
