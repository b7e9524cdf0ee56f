import type { Reply, ReplyAction, ReplyField } from '../../core/reply.ts';
import type { ActionsBlock, ButtonElement, ContextBlock, Mrkdwn, SectionBlock, SlackBlock, SlackMessage } from './block-kit.ts';
import { encodeAction } from '../../commands/actions.ts';
import { SLACK_LIMITS as L } from '../../core/platform-limits.ts';
import { slackText } from './slack-texts.ts';
import { splitText, truncate } from '../../core/text/fit-text.ts';
import { readAsHeading } from '../../commands/ask-reply.ts';
import { mentionIds, mentionLine } from '../../core/text/mention-ids.ts';

export type RenderOptions = {
  /**
   * The command line behind an ephemeral reply. Slack cannot show a privately uploaded image, so
   * an ephemeral reply with a chart gets a "Post chart to channel" button that runs it publicly.
   */
  readonly shareCommand?: string;
  /** One extra line under the footer, such as how to invite the bot. */
  readonly notice?: string;
  /** False when sharing cannot work, e.g. the bot is not in the channel. */
  readonly allowShare?: boolean;
};

const escapeMrkdwn = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The Reply's markdown subset in Slack's mrkdwn: `**bold**` becomes `*bold*`; `_italic_`, `code` and bullets carry over. */
export function toMrkdwn(markdown: string): string {
  return escapeMrkdwn(markdown).replace(/\*\*(.+?)\*\*/g, '*$1*');
}

const mrkdwn = (text: string): Mrkdwn => ({ type: 'mrkdwn', text });

function textSections(markdown: string): SectionBlock[] {
  return splitText(toMrkdwn(markdown), L.sectionText).map((piece) => ({ type: 'section', text: mrkdwn(piece) }));
}

function fieldText(field: ReplyField): string {
  return `*${escapeMrkdwn(field.label)}*\n${toMrkdwn(field.value)}`;
}

/**
 * Fields ten to a section. `whole`: a field too long for a field slot becomes text sections of
 * its own, so nothing is cut. Otherwise such a value is shortened to fit its slot, which keeps
 * every label in far fewer blocks.
 */
function fieldSections(fields: readonly ReplyField[], whole: boolean): SectionBlock[] {
  const out: SectionBlock[] = [];
  let group: Mrkdwn[] = [];
  const close = () => {
    if (group.length) out.push({ type: 'section', fields: group });
    group = [];
  };
  for (const field of fields) {
    const text = fieldText(field);
    if (text.length > L.fieldText && whole) {
      close();
      out.push(...textSections(`**${field.label}**\n${field.value}`));
      continue;
    }
    group.push(mrkdwn(truncate(text, L.fieldText)));
    if (group.length === L.sectionFields) close();
  }
  close();
  return out;
}

function button(action: ReplyAction): ButtonElement {
  const encoded = encodeAction(action, L.actionId);
  return {
    type: 'button',
    text: { type: 'plain_text', text: truncate(action.label, L.buttonText), emoji: true },
    action_id: encoded,
    value: encoded,
    ...(action.kind === 'share' ? { style: 'primary' as const } : {}),
  };
}

function actionsFor(reply: Reply, options: RenderOptions): ReplyAction[] {
  const shareable = reply.visibility === 'ephemeral' && options.allowShare !== false;
  const actions = (reply.actions ?? []).filter((a) => a.kind !== 'share' || shareable);
  if (shareable && reply.chart && options.shareCommand && !actions.some((a) => a.kind === 'share')) {
    actions.push({ kind: 'share', label: slackText(reply.locale, 'postChart'), command: options.shareCommand });
  }
  return actions;
}

/** One row of buttons; identical buttons would share an action_id, which Slack refuses. */
function actionBlocks(actions: readonly ReplyAction[]): ActionsBlock[] {
  const seen = new Set<string>();
  const buttons = actions.map(button).filter((b) => !seen.has(b.action_id) && seen.add(b.action_id));
  return buttons.length ? [{ type: 'actions', elements: buttons.slice(0, L.actionsElements) }] : [];
}

function contextBlock(markdown: string): ContextBlock {
  return { type: 'context', elements: [mrkdwn(truncate(toMrkdwn(markdown), L.contextText))] };
}

/**
 * A Reply as a Slack message: header, text sections, field sections, footer context, buttons.
 * Images never appear: public charts travel as an uploaded file beside these blocks, and a
 * private upload cannot be shown in an ephemeral message.
 */
export function renderSlack(reply: Reply, options: RenderOptions = {}): SlackMessage {
  const mentions = mentionLine(mentionIds(reply.notify));
  const head: SlackBlock[] = [
    ...(mentions ? [{ type: 'context', elements: [mrkdwn(mentions)] } as ContextBlock] : []),
    ...(reply.readAs ? [contextBlock(readAsHeading(reply.locale, reply.readAs))] : []),
    ...(reply.title.trim() ? [{ type: 'header', text: { type: 'plain_text', text: truncate(reply.title.replace(/\s+/g, ' '), L.headerText), emoji: true } } as SlackBlock] : []),
  ];
  const text = reply.text.trim() ? textSections(reply.text) : [];
  const tail: SlackBlock[] = [
    ...(reply.footer ? [contextBlock(reply.footer)] : []),
    ...(options.notice ? [contextBlock(options.notice)] : []),
    ...actionBlocks(actionsFor(reply, options)),
  ];
  const room = L.blocksPerMessage - head.length - tail.length;
  const whole: SlackBlock[] = [...text, ...fieldSections(reply.fields, true)];
  const body = whole.length <= room ? whole : [...text, ...fieldSections(reply.fields, false)];
  const kept = body.length <= room ? body : [...body.slice(0, room - 1), contextBlock(slackText(reply.locale, 'shortened'))];
  const gist = reply.fallbackText.trim() || reply.title.trim() || reply.text.trim() || '…';
  const fallback = toMrkdwn(reply.readAs ? `${readAsHeading(reply.locale, reply.readAs)}\n${gist}` : gist);
  return { text: truncate(mentions ? `${mentions} ${fallback}` : fallback, L.messageText), blocks: [...head, ...kept, ...tail] };
}
