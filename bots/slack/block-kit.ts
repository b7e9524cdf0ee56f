/** The few Block Kit shapes the renderer produces; kept here so pure code needs no Slack SDK. */
export type PlainText = { readonly type: 'plain_text'; readonly text: string; readonly emoji?: boolean };
export type Mrkdwn = { readonly type: 'mrkdwn'; readonly text: string };

export type HeaderBlock = { readonly type: 'header'; readonly text: PlainText };
export type SectionBlock = { readonly type: 'section'; readonly text?: Mrkdwn; readonly fields?: readonly Mrkdwn[] };
export type ContextBlock = { readonly type: 'context'; readonly elements: readonly Mrkdwn[] };
export type ButtonElement = {
  readonly type: 'button';
  readonly text: PlainText;
  readonly action_id: string;
  readonly value: string;
  readonly style?: 'primary';
};
export type ActionsBlock = { readonly type: 'actions'; readonly elements: readonly ButtonElement[] };

export type SlackBlock = HeaderBlock | SectionBlock | ContextBlock | ActionsBlock;

/** A message body for chat.postMessage, response_url or files.completeUploadExternal. */
export type SlackMessage = { readonly text: string; readonly blocks: readonly SlackBlock[] };
