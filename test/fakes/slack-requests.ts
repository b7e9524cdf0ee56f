import { createHmac } from 'node:crypto';

/** The fields Slack posts for a slash command. */
export type SlashCommandFields = {
  readonly command: string;
  readonly text: string;
  readonly response_url: string;
  readonly user_id?: string;
  readonly channel_id?: string;
  readonly trigger_id?: string;
  /** The workspace the command comes from; default T_FAKE. */
  readonly team_id?: string;
};

export const nowSeconds = () => Math.floor(Date.now() / 1000);

/** Slack's request signature: `v0=` + HMAC-SHA256 of `v0:<timestamp>:<raw body>`. */
export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

/** The full payload of a slash command, as Slack sends it (HTTP form fields or a Socket Mode envelope payload). */
export function slashCommandPayload(fields: SlashCommandFields): Record<string, string> {
  return {
    token: 'legacy-verification-token',
    team_id: fields.team_id ?? 'T_FAKE',
    team_domain: 'fake',
    channel_id: fields.channel_id ?? 'C_GENERAL',
    channel_name: 'general',
    user_id: fields.user_id ?? 'U_EN',
    user_name: (fields.user_id ?? 'U_EN').toLowerCase(),
    command: fields.command,
    text: fields.text,
    api_app_id: 'A_FAKE',
    is_enterprise_install: 'false',
    response_url: fields.response_url,
    trigger_id: fields.trigger_id ?? '1000.2000.abc',
  };
}

export const slashCommandBody = (fields: SlashCommandFields) => new URLSearchParams(slashCommandPayload(fields)).toString();

export type BlockActionFields = {
  readonly actionId: string;
  readonly value: string;
  readonly response_url: string;
  readonly user_id?: string;
  readonly channel_id?: string;
  readonly label?: string;
};

/** A `block_actions` interaction for one button press, form-encoded as `payload=<json>`. */
export function blockActionsBody(fields: BlockActionFields): string {
  const channel = fields.channel_id ?? 'C_GENERAL';
  const payload = {
    type: 'block_actions',
    user: { id: fields.user_id ?? 'U_EN', username: 'user', name: 'user', team_id: 'T_FAKE' },
    api_app_id: 'A_FAKE',
    token: 'legacy-verification-token',
    container: { type: 'message', message_ts: '1700000000.000100', channel_id: channel, is_ephemeral: true },
    trigger_id: '1000.2000.def',
    team: { id: 'T_FAKE', domain: 'fake' },
    channel: { id: channel, name: 'general' },
    response_url: fields.response_url,
    actions: [
      {
        type: 'button',
        action_id: fields.actionId,
        block_id: 'b1',
        text: { type: 'plain_text', text: fields.label ?? 'Button', emoji: true },
        value: fields.value,
        action_ts: '1700000001.000200',
      },
    ],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

export type SignedPostOptions = {
  readonly secret: string;
  /** Seconds since the epoch; defaults to now. */
  readonly timestamp?: number;
  /** Replaces the correct signature; `null` leaves the header out. */
  readonly signature?: string | null;
  /** Default: a form body, as slash commands and interactions come; events come as JSON. */
  readonly contentType?: 'application/x-www-form-urlencoded' | 'application/json';
};

/** Posts a form body to the app the way Slack does, signed unless told otherwise. */
export async function postSigned(url: string, body: string, options: SignedPostOptions): Promise<Response> {
  const timestamp = options.timestamp ?? nowSeconds();
  const signature = options.signature === undefined ? slackSignature(options.secret, timestamp, body) : options.signature;
  return fetch(url, {
    method: 'POST',
    headers: {
      'content-type': options.contentType ?? 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': String(timestamp),
      ...(signature === null ? {} : { 'x-slack-signature': signature }),
    },
    body,
  });
}

/** An Events API delivery (`event_callback`) from one workspace, as JSON. */
export function eventCallbackBody(teamId: string, event: Record<string, unknown>): string {
  return JSON.stringify({
    token: 'legacy-verification-token',
    team_id: teamId,
    api_app_id: 'A_FAKE',
    event,
    type: 'event_callback',
    event_id: `Ev${teamId}${event.type as string}`,
    event_time: nowSeconds(),
    authorizations: [{ enterprise_id: null, team_id: teamId, user_id: `U_BOT_${teamId}`, is_bot: true, is_enterprise_install: false }],
  });
}

/** A message shortcut ("Explain this message") on a message, as Slack posts it. */
export function messageShortcutBody(fields: { readonly callbackId: string; readonly text: string; readonly ts: string; readonly response_url: string; readonly user_id?: string; readonly channel_id?: string }): string {
  const payload = {
    type: 'message_action',
    callback_id: fields.callbackId,
    trigger_id: '1000.2000.abc',
    message_ts: fields.ts,
    response_url: fields.response_url,
    message: { type: 'message', user: 'U_AUTHOR', ts: fields.ts, text: fields.text },
    user: { id: fields.user_id ?? 'U_EN', name: 'user', team_id: 'T_FAKE' },
    channel: { id: fields.channel_id ?? 'C_GENERAL', name: 'general' },
    team: { id: 'T_FAKE', domain: 'fake' },
    token: 'legacy-verification-token',
    action_ts: '1700000001.000300',
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}
