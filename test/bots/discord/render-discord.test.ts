import { describe, expect, it } from 'vitest';
import type { APIEmbed } from 'discord.js';
import { embedLength, renderDiscord, TONE_COLOURS } from '../../../bots/discord/render-discord.ts';
import type { DiscordMessage } from '../../../bots/discord/render-discord.ts';
import { DISCORD_LIMITS as L } from '../../../core/platform-limits.ts';
import { decodeAction } from '../../../commands/actions.ts';
import { ALL_FIXTURES, actionReply, chartReply, emptyReply, koreanReply, longHeadlineReply, manyActionsReply, normalReply, oversizedReply } from './fixtures.ts';

const embedOf = (m: DiscordMessage): APIEmbed => {
  expect(m.embeds).toHaveLength(1);
  return m.embeds[0]!;
};

/** No lone surrogate halves: a cut never splits a character. */
const wellFormed = (s: string) => !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);

function expectWithinLimits(m: DiscordMessage) {
  expect(m.embeds.length).toBeLessThanOrEqual(L.embedsPerMessage);
  expect(m.content?.length ?? 0).toBeLessThanOrEqual(L.content);
  expect(m.embeds.reduce((n, e) => n + embedLength(e), 0)).toBeLessThanOrEqual(L.embedTotal);
  for (const e of m.embeds) {
    expect(e.title?.length ?? 0).toBeLessThanOrEqual(L.embedTitle);
    expect(e.description?.length ?? 0).toBeLessThanOrEqual(L.embedDescription);
    expect(e.footer?.text.length ?? 0).toBeLessThanOrEqual(L.footer);
    expect(e.fields?.length ?? 0).toBeLessThanOrEqual(L.embedFields);
    for (const f of e.fields ?? []) {
      expect(f.name.length).toBeGreaterThan(0);
      expect(f.value.length).toBeGreaterThan(0);
      expect(f.name.length).toBeLessThanOrEqual(L.fieldName);
      expect(f.value.length).toBeLessThanOrEqual(L.fieldValue);
      expect(wellFormed(f.value)).toBe(true);
    }
    expect(wellFormed(e.description ?? '')).toBe(true);
  }
  expect(m.components?.length ?? 0).toBeLessThanOrEqual(L.actionRows);
  for (const row of m.components ?? []) {
    expect(row.components.length).toBeLessThanOrEqual(L.buttonsPerRow);
    for (const b of row.components) {
      expect(b.custom_id.length).toBeLessThanOrEqual(L.customId);
      expect(b.label?.length ?? 0).toBeLessThanOrEqual(L.buttonLabel);
    }
  }
  for (const f of m.files ?? []) expect(f.description.length).toBeLessThanOrEqual(L.attachmentDescription);
}

describe('renderDiscord', () => {
  it.each(Object.entries(ALL_FIXTURES))('keeps %s within every Discord limit', (_name, reply) => {
    expectWithinLimits(renderDiscord(reply));
  });

  it('renders a normal reply whole: title, text, inline fields, tone colour, footer, no content', () => {
    const m = renderDiscord(normalReply);
    const e = embedOf(m);
    expect(e.title).toBe(normalReply.title);
    expect(e.description).toBe(normalReply.text);
    expect(e.color).toBe(TONE_COLOURS.positive);
    expect(e.footer?.text).toBe(normalReply.footer);
    expect(e.fields).toEqual(normalReply.fields.map((f) => ({ name: f.label, value: f.value, inline: true })));
    expect(m.content).toBeUndefined();
    expect(m.flags).toBeUndefined();
    expect(m.files).toBeUndefined();
    expect(m.allowedMentions).toEqual({ parse: [] });
  });

  it('gives each tone its own colour', () => {
    const colours = (['neutral', 'positive', 'negative', 'warning'] as const).map((tone) => embedOf(renderDiscord({ ...normalReply, tone })).color);
    expect(new Set(colours).size).toBe(4);
  });

  it('keeps the headline, the footer and the first fields of an oversized reply, and falls back to plain text', () => {
    const m = renderDiscord(oversizedReply);
    const e = embedOf(m);
    expect(e.description?.split('\n')[0]).toBe(oversizedReply.text.split('\n')[0]);
    expect(e.description?.endsWith('…')).toBe(true);
    expect(e.footer?.text).toBe(oversizedReply.footer);
    expect(e.title?.endsWith('…')).toBe(true);
    expect(e.fields?.length).toBeGreaterThan(1);
    e.fields?.forEach((f, i) => expect(f.name).toBe(`Field ${i + 1}`));
    expect(e.fields?.[0]?.value.startsWith('1: xxx')).toBe(true);
    expect(e.fields?.[0]?.value.endsWith('…')).toBe(true);
    expect(m.content).toBe(oversizedReply.fallbackText);
  });

  it('cuts a single overlong headline instead of dropping it', () => {
    const e = embedOf(renderDiscord(longHeadlineReply));
    expect(e.description?.startsWith('Start of the headline yyy')).toBe(true);
    expect(e.description?.endsWith('…')).toBe(true);
    expect(e.fields).toHaveLength(normalReply.fields.length);
    expect(e.footer?.text).toBe(normalReply.footer);
  });

  it('counts Korean text by characters and cuts long Korean values with an ellipsis', () => {
    const m = renderDiscord(koreanReply);
    const e = embedOf(m);
    expect(e.title).toBe(koreanReply.title);
    expect(e.description).toBe(koreanReply.text);
    expect(e.fields?.[2]?.value).toHaveLength(L.fieldValue);
    expect(e.fields?.[2]?.value.endsWith('…')).toBe(true);
    expect(m.content).toBe(koreanReply.fallbackText);
  });

  it('never splits an emoji when cutting', () => {
    const m = renderDiscord({ ...normalReply, fields: [{ label: 'Emoji', value: '📈'.repeat(700) }] });
    expectWithinLimits(m);
  });

  it('attaches the chart as a PNG file the embed shows, with its alt text', () => {
    const m = renderDiscord(chartReply);
    const e = embedOf(m);
    expect(m.files).toHaveLength(1);
    const file = m.files![0]!;
    expect(file.name).toBe('smallcaps_2026-01-20.png');
    expect(e.image?.url).toBe(`attachment://${file.name}`);
    expect(file.description).toBe(chartReply.chart!.alt);
    expect([...file.attachment.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  });

  it('turns actions into buttons: explain (secondary) and share (primary), on an ephemeral message', () => {
    const m = renderDiscord(actionReply);
    expect(m.flags).toBe(64);
    const buttons = m.components?.flatMap((r) => r.components) ?? [];
    expect(buttons.map((b) => [b.label, b.style])).toEqual([
      ['Explain the terms', 2],
      ['Share to channel', 1],
    ]);
    expect(decodeAction(buttons[0]!.custom_id)).toEqual({ kind: 'explain-terms', terms: actionReply.actions![0]!.kind === 'explain-terms' ? actionReply.actions![0]!.terms : [] });
    expect(decodeAction(buttons[1]!.custom_id)).toEqual({ kind: 'share', command: 'smallcaps', raw: { period: 'ytd', basis: 'price' } });
  });

  it('offers no share button on an answer everyone already sees', () => {
    const buttons = renderDiscord({ ...actionReply, visibility: 'public' }).components?.flatMap((r) => r.components) ?? [];
    expect(buttons.map((b) => b.label)).toEqual(['Explain the terms']);
  });

  it('fits at most 25 buttons in 5 rows of 5', () => {
    const m = renderDiscord(manyActionsReply);
    expect(m.components).toHaveLength(5);
    expect(m.components?.every((r) => r.components.length === 5)).toBe(true);
  });

  it('pings only the users a post is addressed to, from the plain text above the embed', () => {
    const m = renderDiscord({ ...normalReply, text: '@everyone <@123> won', notify: ['7000', '7000', 'x>y'] });
    expect(m.content).toBe('<@7000>');
    expect(m.allowedMentions).toEqual({ parse: [], users: ['7000'] });
    expect(embedOf(m).description).toBe('@everyone <@123> won');
    const cut = renderDiscord({ ...oversizedReply, notify: ['7000'] });
    expect(cut.content).toMatch(/^<@7000>\n/);
  });

  it('sends only the fallback text when the reply has nothing for an embed', () => {
    const m = renderDiscord(emptyReply);
    expect(m.embeds).toEqual([]);
    expect(m.content).toBe('Only the plain text.');
  });
});
