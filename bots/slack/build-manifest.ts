import type { AnyCommand } from '../../commands/define-command.ts';
import { commandDescription, usageHint } from '../../commands/usage.ts';
import { SLACK_LIMITS } from '../../core/platform-limits.ts';
import { BOT_DISPLAY_NAME } from './slack-texts.ts';
import { truncate } from '../../core/text/fit-text.ts';
import { EXPLAIN_MESSAGE_CALLBACK, SLACK_OAUTH_REDIRECT_PATH } from './slack-paths.ts';

/**
 * Where Slack sends slash commands and button presses in HTTP mode. A placeholder: replace it
 * with your public URL ending in /slack/events, or turn Socket Mode on and it is not used.
 */
export const MANIFEST_REQUEST_URL = 'https://example.invalid/slack/events';

/** What the bot needs: slash commands, posting, uploading charts, reading a user's locale, and the messages written to it (mentions, DMs). */
export const BOT_SCOPES = ['commands', 'chat:write', 'files:write', 'users:read', 'app_mentions:read', 'im:history'] as const;

/** Messages written to the bot: a mention in a channel, and a direct message. */
export const MESSAGE_BOT_EVENTS = ['app_mention', 'message.im'] as const;

/** Events OAuth mode listens to as well, so an uninstalled workspace's installation is deleted. */
export const OAUTH_BOT_EVENTS = ['app_uninstalled', 'tokens_revoked'] as const;

export type ManifestOptions = {
  readonly prefix?: string;
  readonly requestUrl?: string;
  /** For installing in many workspaces (SLACK_CLIENT_ID): the OAuth redirect URL beside the request URL, and the uninstall events. */
  readonly oauth?: boolean;
};

const DESCRIPTION = 'Are US small caps beating large caps? Returns, the spread and a chart.';
const LONG_DESCRIPTION = [
  'Rotation Bot answers one question: are US small caps (Russell 2000, S&P 600) beating large caps (S&P 500, Nasdaq-100), and by how much?',
  'Ask with /smallcaps and a period such as ytd, 1m or 2023 to get both returns, the spread in percentage points, how unusual it is, and a chart.',
  'Every answer says which data it used (ETF closes or index levels) and as of which date. Answers are in English or Korean, following your Slack language.',
].join('\n');

/** The Slack app manifest, derived from the command registry so it never drifts from the commands. */
export function buildSlackManifest(registry: readonly AnyCommand[], options: ManifestOptions = {}) {
  const prefix = options.prefix ?? '';
  const url = options.requestUrl ?? MANIFEST_REQUEST_URL;
  const M = SLACK_LIMITS.manifest;
  return {
    _metadata: { major_version: 1, minor_version: 1 },
    display_information: {
      name: BOT_DISPLAY_NAME,
      description: truncate(DESCRIPTION, M.appDescription),
      long_description: truncate(LONG_DESCRIPTION, M.longDescriptionMax),
      background_color: '#1d3557',
    },
    features: {
      app_home: { home_tab_enabled: false, messages_tab_enabled: true, messages_tab_read_only_enabled: false },
      bot_user: { display_name: BOT_DISPLAY_NAME, always_online: true },
      shortcuts: [{ name: 'Explain this message', type: 'message', callback_id: EXPLAIN_MESSAGE_CALLBACK, description: 'The terms it uses, and its figures checked against the data' }],
      slash_commands: registry.map((command) => {
        const name = `/${prefix}${command.name}`;
        if (name.length > M.commandName) throw new Error(`Slack command ${name} is longer than ${M.commandName} characters`);
        const hint = usageHint(command);
        return {
          command: name,
          url,
          description: truncate(commandDescription(command, 'en'), M.commandDescription),
          ...(hint ? { usage_hint: truncate(hint, M.usageHint) } : {}),
          should_escape: false,
        };
      }),
    },
    oauth_config: {
      ...(options.oauth ? { redirect_urls: [new URL(SLACK_OAUTH_REDIRECT_PATH, url).href] } : {}),
      scopes: { bot: [...BOT_SCOPES] },
    },
    settings: {
      event_subscriptions: { request_url: url, bot_events: [...MESSAGE_BOT_EVENTS, ...(options.oauth ? OAUTH_BOT_EVENTS : [])] },
      interactivity: { is_enabled: true, request_url: url },
      org_deploy_enabled: false,
      socket_mode_enabled: false,
      token_rotation_enabled: false,
    },
  };
}

/** The manifest as the checked-in manifest.json holds it. */
export function manifestJson(registry: readonly AnyCommand[], options: ManifestOptions = {}): string {
  return `${JSON.stringify(buildSlackManifest(registry, options), null, 2)}\n`;
}
