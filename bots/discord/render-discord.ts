import type { APIActionRowComponent, APIButtonComponentWithCustomId, APIEmbed, APIEmbedField, ButtonStyle, ComponentType, MessageFlags } from 'discord.js';
import type { Reply, ReplyAction, Tone } from '../../core/reply.ts';
import { encodeAction } from '../../commands/actions.ts';
import { DISCORD_LIMITS as L } from '../../core/platform-limits.ts';
import { truncate } from '../../core/text/fit-text.ts';
import { readAsHeading } from '../../commands/ask-reply.ts';
import { mentionIds, mentionLine } from '../../core/text/mention-ids.ts';

export type DiscordFile = { readonly attachment: Buffer; readonly name: string; readonly description: string };
export type DiscordButtonRow = APIActionRowComponent<APIButtonComponentWithCustomId>;

/** What `interaction.reply`, `editReply` and `followUp` take. */
export type DiscordMessage = {
  content?: string;
  embeds: APIEmbed[];
  files?: DiscordFile[];
  components?: DiscordButtonRow[];
  flags?: MessageFlags.Ephemeral;
  /** Replies may quote user input: nothing pings but the users a post is addressed to (`Reply.notify`). */
  allowedMentions: { parse: []; users?: string[] };
};

export const TONE_COLOURS: Record<Tone, number> = {
  neutral: 0x4f83cc,
  positive: 0x2da44e,
  negative: 0xcf222e,
  warning: 0xd4a72c,
};

// Type-only imports keep discord.js out of this pure module at run time; these are its enum values.
const ACTION_ROW = 1 as ComponentType.ActionRow;
const BUTTON = 2 as ComponentType.Button;
const PRIMARY = 1 as ButtonStyle.Primary;
const SECONDARY = 2 as ButtonStyle.Secondary;
const EPHEMERAL = 64 as MessageFlags.Ephemeral;
/** Discord rejects empty field names and values. */
const BLANK = '\u200b';

/** Keeps whole lines while they fit, marking the cut with "…"; a first line longer than `max` is cut itself. */
function truncateLines(text: string, max: number): string {
  if (text.length <= max) return text;
  const kept: string[] = [];
  let used = 0;
  for (const line of text.split('\n')) {
    const cost = line.length + (kept.length ? 1 : 0);
    if (used + cost + 2 > max) break;
    kept.push(line);
    used += cost;
  }
  return kept.length ? `${kept.join('\n')}\n…` : truncate(text.split('\n')[0] ?? '', max);
}

const attachmentName = (filename: string) => {
  const safe = filename.replace(/[^A-Za-z0-9_.-]/g, '_').slice(-80);
  return /\.png$/i.test(safe) ? safe : `${safe}.png`;
};

function buttonFor(action: ReplyAction): APIButtonComponentWithCustomId {
  return {
    type: BUTTON,
    style: action.kind === 'share' ? PRIMARY : SECONDARY,
    label: truncate(action.label, L.buttonLabel),
    custom_id: encodeAction(action),
  };
}

function buttonRows(reply: Reply): DiscordButtonRow[] {
  // Sharing an answer everybody already sees means nothing.
  const actions = (reply.actions ?? []).filter((a) => a.kind !== 'share' || reply.visibility === 'ephemeral');
  const seen = new Set<string>();
  const buttons = actions.map(buttonFor).filter((b) => !seen.has(b.custom_id) && seen.add(b.custom_id));
  const rows: DiscordButtonRow[] = [];
  for (let i = 0; i < buttons.length && rows.length < L.actionRows; i += L.buttonsPerRow) {
    rows.push({ type: ACTION_ROW, components: buttons.slice(i, i + L.buttonsPerRow) });
  }
  return rows;
}

/** Characters Discord counts toward an embed's 6000. */
export function embedLength(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0)
  );
}

type Fitted = { embed: APIEmbed; cut: boolean };

/**
 * Fills the embed in order of importance, each within its own limit and all within the total:
 * title and footer, the headline (first line of text), the fields that fit, then the rest of the text.
 */
function fitEmbed(reply: Reply): Fitted {
  const title = truncate(reply.title.trim(), L.embedTitle);
  const footer = reply.footer?.trim() ? truncate(reply.footer.trim(), L.footer) : '';
  const text = reply.text.trim();
  const firstLine = text.split('\n')[0] ?? '';
  // Room for "\n…" after the headline when more text follows.
  const headline = firstLine.length < text.length ? truncateLines(text, Math.min(firstLine.length, L.fieldValue) + 2) : truncate(text, L.fieldValue);
  let remaining = L.embedTotal - title.length - footer.length - headline.length;

  const fields: APIEmbedField[] = [];
  let cut = false;
  for (const field of reply.fields) {
    if (fields.length === L.embedFields) {
      cut = true;
      break;
    }
    const name = truncate(field.label.trim(), L.fieldName) || BLANK;
    const room = Math.min(L.fieldValue, remaining - name.length);
    // A value cut to a few characters says nothing: stop instead.
    if (room < Math.min(field.value.trim().length, 16) || room < 1) {
      cut = true;
      break;
    }
    const value = truncate(field.value.trim(), room) || BLANK;
    if (value.length < field.value.trim().length) cut = true;
    fields.push({ name, value, inline: field.inline ?? false });
    remaining -= name.length + value.length;
  }

  const description = text.length <= headline.length ? headline : truncateLines(text, Math.max(headline.length, Math.min(L.embedDescription, remaining + headline.length)));
  if (description.length < text.length) cut = true;

  const embed: APIEmbed = {
    color: TONE_COLOURS[reply.tone],
    ...(title ? { title } : {}),
    ...(description ? { description } : {}),
    ...(fields.length ? { fields } : {}),
    ...(footer ? { footer: { text: footer } } : {}),
  };
  return { embed, cut };
}

/** A Reply as a Discord message: one embed, the chart as an attachment it shows, and its buttons. */
export function renderDiscord(reply: Reply): DiscordMessage {
  const { embed, cut } = fitEmbed(reply);
  const empty = !embed.title && !embed.description && !embed.fields;
  const notify = mentionIds(reply.notify);
  const message: DiscordMessage = { embeds: empty ? [] : [embed], allowedMentions: notify.length ? { parse: [], users: notify } : { parse: [] } };
  // Embeds never notify, so mentions go in the plain text, which also carries the gist whenever the embed could not hold everything.
  const heading = reply.readAs ? readAsHeading(reply.locale, reply.readAs) : undefined;
  const content = [mentionLine(notify), heading, cut || empty ? reply.fallbackText : ''].filter(Boolean).join('\n');
  if (content) message.content = truncate(content, L.content);
  if (reply.chart && !empty) {
    const name = attachmentName(reply.chart.filename);
    embed.image = { url: `attachment://${name}` };
    message.files = [{ attachment: Buffer.from(reply.chart.png), name, description: truncate(reply.chart.alt, L.attachmentDescription) }];
  }
  const rows = buttonRows(reply);
  if (rows.length) message.components = rows;
  if (reply.visibility === 'ephemeral') message.flags = EPHEMERAL;
  return message;
}
