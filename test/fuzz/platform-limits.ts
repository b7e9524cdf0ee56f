import type { SlackMessage } from '../../bots/slack/block-kit.ts';
import { SLACK_LIMITS as S } from '../../core/platform-limits.ts';
import type { DiscordMessage } from '../../bots/discord/render-discord.ts';
import { embedLength } from '../../bots/discord/render-discord.ts';
import { DISCORD_LIMITS as D } from '../../core/platform-limits.ts';

/** A lone surrogate half: a cut that split a character. */
const broken = (s: string) => /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);

/** Every way a Slack message breaks Slack's limits table; empty when it fits. */
export function slackViolations(m: SlackMessage): string[] {
  const out: string[] = [];
  const check = (ok: boolean, what: string) => void (ok || out.push(what));
  check(m.text.length > 0 && m.text.length <= S.messageText, `text length ${m.text.length}`);
  check(m.blocks.length <= S.blocksPerMessage, `${m.blocks.length} blocks`);
  for (const b of m.blocks) {
    switch (b.type) {
      case 'header':
        check(b.text.text.length > 0 && b.text.text.length <= S.headerText, `header length ${b.text.text.length}`);
        break;
      case 'section':
        check(b.text !== undefined || (b.fields?.length ?? 0) > 0, 'empty section');
        if (b.text) {
          check(b.text.text.trim().length > 0 && b.text.text.length <= S.sectionText, `section text length ${b.text.text.length}`);
          check(!broken(b.text.text), 'section text splits a character');
        }
        check((b.fields?.length ?? 0) <= S.sectionFields, `${b.fields?.length} fields`);
        for (const f of b.fields ?? []) check(f.text.length > 0 && f.text.length <= S.fieldText && !broken(f.text), `field length ${f.text.length}`);
        break;
      case 'context':
        check(b.elements.length <= S.contextElements, `${b.elements.length} context elements`);
        for (const e of b.elements) check(e.text.length <= S.contextText, `context length ${e.text.length}`);
        break;
      case 'actions': {
        check(b.elements.length <= S.actionsElements, `${b.elements.length} buttons`);
        const ids = b.elements.map((e) => e.action_id);
        check(new Set(ids).size === ids.length, 'duplicate action_id');
        for (const e of b.elements) {
          check(e.text.text.length > 0 && e.text.text.length <= S.buttonText, `button text length ${e.text.text.length}`);
          check(e.action_id.length <= S.actionId, `action_id length ${e.action_id.length}`);
          check((e.value?.length ?? 0) <= S.buttonValue, `button value length ${e.value?.length}`);
        }
        break;
      }
    }
  }
  return out;
}

/** Every way a Discord message breaks Discord's limits table; empty when it fits. */
export function discordViolations(m: DiscordMessage): string[] {
  const out: string[] = [];
  const check = (ok: boolean, what: string) => void (ok || out.push(what));
  check(m.embeds.length <= D.embedsPerMessage, `${m.embeds.length} embeds`);
  check((m.content?.length ?? 0) <= D.content, `content length ${m.content?.length}`);
  check(m.embeds.length > 0 || (m.content?.length ?? 0) > 0, 'empty message');
  check(m.embeds.reduce((n, e) => n + embedLength(e), 0) <= D.embedTotal, 'embed total over 6000');
  for (const e of m.embeds) {
    check((e.title?.length ?? 0) <= D.embedTitle, `title length ${e.title?.length}`);
    check((e.description?.length ?? 0) <= D.embedDescription && !broken(e.description ?? ''), `description length ${e.description?.length}`);
    check((e.footer?.text.length ?? 0) <= D.footer, `footer length ${e.footer?.text.length}`);
    check((e.fields?.length ?? 0) <= D.embedFields, `${e.fields?.length} fields`);
    for (const f of e.fields ?? []) {
      check(f.name.length > 0 && f.name.length <= D.fieldName, `field name length ${f.name.length}`);
      check(f.value.length > 0 && f.value.length <= D.fieldValue && !broken(f.value), `field value length ${f.value.length}`);
    }
  }
  check((m.components?.length ?? 0) <= D.actionRows, `${m.components?.length} rows`);
  for (const row of m.components ?? []) {
    check(row.components.length <= D.buttonsPerRow, `${row.components.length} buttons in a row`);
    for (const b of row.components) {
      check(b.custom_id.length <= D.customId, `custom_id length ${b.custom_id.length}`);
      check((b.label?.length ?? 0) <= D.buttonLabel, `label length ${b.label?.length}`);
    }
  }
  check((m.files?.length ?? 0) <= D.attachmentsPerMessage, `${m.files?.length} files`);
  for (const f of m.files ?? []) check(f.description.length <= D.attachmentDescription, `attachment description length ${f.description.length}`);
  return out;
}
