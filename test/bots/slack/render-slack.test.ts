import { describe, expect, it } from 'vitest';
import { renderSlack, toMrkdwn } from '../../../bots/slack/render-slack.ts';
import type { SlackBlock, SlackMessage } from '../../../bots/slack/block-kit.ts';
import { SLACK_LIMITS as L } from '../../../core/platform-limits.ts';
import { decodeAction } from '../../../commands/actions.ts';
import type { Reply } from '../../../core/reply.ts';
import { ALL_FIXTURES, actionReply, chartReply, emptyReply, koreanReply, longHeadlineReply, manyActionsReply, normalReply, oversizedReply } from '../discord/fixtures.ts';

/** No lone surrogate halves: a cut never splits a character. */
const wellFormed = (s: string) => !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);

const ofType = <T extends SlackBlock['type']>(m: SlackMessage, type: T) => m.blocks.filter((b): b is Extract<SlackBlock, { type: T }> => b.type === type);

/** Every piece of text a reader sees, in order. */
const allText = (m: SlackMessage) =>
  m.blocks
    .flatMap((b) => {
      switch (b.type) {
        case 'header': return [b.text.text];
        case 'section': return [b.text?.text ?? '', ...(b.fields ?? []).map((f) => f.text)];
        case 'context': return b.elements.map((e) => e.text);
        case 'actions': return b.elements.map((e) => e.text.text);
      }
    })
    .join('\n');

function expectWithinLimits(m: SlackMessage) {
  expect(m.text.length).toBeGreaterThan(0);
  expect(m.text.length).toBeLessThanOrEqual(L.messageText);
  expect(m.blocks.length).toBeLessThanOrEqual(L.blocksPerMessage);
  for (const b of m.blocks) {
    switch (b.type) {
      case 'header':
        expect(b.text.text.length).toBeGreaterThan(0);
        expect(b.text.text.length).toBeLessThanOrEqual(L.headerText);
        break;
      case 'section':
        expect(b.text ?? b.fields).toBeDefined();
        if (b.text) {
          expect(b.text.text.trim().length).toBeGreaterThan(0);
          expect(b.text.text.length).toBeLessThanOrEqual(L.sectionText);
          expect(wellFormed(b.text.text)).toBe(true);
        }
        expect(b.fields?.length ?? 0).toBeLessThanOrEqual(L.sectionFields);
        for (const f of b.fields ?? []) {
          expect(f.text.length).toBeGreaterThan(0);
          expect(f.text.length).toBeLessThanOrEqual(L.fieldText);
          expect(wellFormed(f.text)).toBe(true);
        }
        break;
      case 'context':
        expect(b.elements.length).toBeLessThanOrEqual(L.contextElements);
        for (const e of b.elements) expect(e.text.length).toBeLessThanOrEqual(L.contextText);
        break;
      case 'actions': {
        expect(b.elements.length).toBeLessThanOrEqual(L.actionsElements);
        const ids = b.elements.map((e) => e.action_id);
        expect(new Set(ids).size).toBe(ids.length);
        for (const e of b.elements) {
          expect(e.text.text.length).toBeLessThanOrEqual(L.buttonText);
          expect(e.action_id.length).toBeLessThanOrEqual(L.actionId);
          expect(e.value.length).toBeLessThanOrEqual(L.buttonValue);
        }
        break;
      }
    }
  }
}

describe('renderSlack', () => {
  it.each(Object.entries(ALL_FIXTURES))('keeps %s within every Slack limit', (_name, reply) => {
    expectWithinLimits(renderSlack(reply));
    expectWithinLimits(renderSlack(reply, { shareCommand: '/smallcaps ytd', notice: 'Invite me.' }));
  });

  it('renders a normal reply whole: header, text, fields as section fields, footer as context', () => {
    const m = renderSlack(normalReply);
    expect(m.blocks.map((b) => b.type)).toEqual(['header', 'section', 'section', 'context']);
    expect(ofType(m, 'header')[0]!.text.text).toBe(normalReply.title);
    const [text, fields] = ofType(m, 'section');
    expect(text!.text!.text).toBe(toMrkdwn(normalReply.text));
    expect(fields!.fields!.map((f) => f.text)).toEqual(normalReply.fields.map((f) => `*${toMrkdwn(f.label)}*\n${toMrkdwn(f.value)}`));
    expect(ofType(m, 'context')[0]!.elements[0]!.text).toBe(toMrkdwn(normalReply.footer!));
    expect(m.text).toBe(toMrkdwn(normalReply.fallbackText));
  });

  it('converts **bold** to Slack *bold* and escapes &, < and >', () => {
    expect(toMrkdwn('**S&P 500** beats <Russell> _today_ `ytd`')).toBe('*S&amp;P 500* beats &lt;Russell&gt; _today_ `ytd`');
    const m = renderSlack({ ...normalReply, text: 'Small caps are **ahead** of the S&P 500.' });
    expect(ofType(m, 'section')[0]!.text!.text).toBe('Small caps are *ahead* of the S&amp;P 500.');
    expect(m.text).toContain('S&amp;P 500');
  });

  it('keeps the whole of an oversized reply that fits 50 blocks: every note, every field, the footer', () => {
    const m = renderSlack(oversizedReply);
    const text = allText(m);
    expect(ofType(m, 'header')[0]!.text.text.endsWith('…')).toBe(true);
    expect(ofType(m, 'section')[0]!.text!.text.split('\n')[0]).toBe(oversizedReply.text.split('\n')[0]);
    expect(text).toContain('• Note 199:');
    for (let i = 1; i <= 40; i++) expect(text).toContain(`*Field ${i}*\n${i}: ${'x'.repeat(2000)}`);
    expect(ofType(m, 'context').at(-1)!.elements[0]!.text).toBe(oversizedReply.footer);
    expect(m.text).toBe(oversizedReply.fallbackText);
  });

  it('moves a field too long for a field slot into text sections instead of cutting it', () => {
    const m = renderSlack(koreanReply);
    expect(ofType(m, 'header')[0]!.text.text).toBe(koreanReply.title);
    expect(allText(m).replace(/\n/g, '')).toContain('가'.repeat(3000));
    expect(m.text).toBe(toMrkdwn(koreanReply.fallbackText));
  });

  it('splits a 10,000-character headline across sections without losing any of it', () => {
    const m = renderSlack(longHeadlineReply);
    const sections = ofType(m, 'section').filter((s) => s.text);
    expect(sections.map((s) => s.text!.text).join('')).toBe(longHeadlineReply.text);
    expect(ofType(m, 'section').flatMap((s) => s.fields ?? [])).toHaveLength(normalReply.fields.length);
  });

  it('puts at most 10 fields in a section', () => {
    const fields = Array.from({ length: 23 }, (_, i) => ({ label: `L${i}`, value: `v${i}` }));
    const m = renderSlack({ ...normalReply, fields });
    expect(ofType(m, 'section').filter((s) => s.fields).map((s) => s.fields!.length)).toEqual([10, 10, 3]);
  });

  it('never splits an emoji when cutting', () => {
    expectWithinLimits(renderSlack({ ...normalReply, text: '📈'.repeat(4000), fields: [{ label: 'Emoji', value: '📉'.repeat(1500) }] }));
  });

  it('shortens field values to keep every label when whole fields would not fit in 50 blocks', () => {
    const crowded: Reply = { ...oversizedReply, text: Array.from({ length: 20 }, (_, i) => `Line ${i} ${'w'.repeat(2900)}`).join('\n') };
    const m = renderSlack(crowded);
    expectWithinLimits(m);
    const slots = ofType(m, 'section').flatMap((s) => s.fields ?? []);
    expect(slots.map((f) => f.text.split('\n')[0])).toEqual(Array.from({ length: 40 }, (_, i) => `*Field ${i + 1}*`));
    expect(slots.every((f) => f.text.endsWith('…'))).toBe(true);
    expect(allText(m)).toContain('Line 19 www');
  });

  it('stays within 50 blocks when even shortened fields do not fit, keeping the headline, footer and buttons', () => {
    const huge: Reply = { ...actionReply, text: Array.from({ length: 60 }, (_, i) => `Line ${i} ${'w'.repeat(2990)}`).join('\n') };
    const m = renderSlack(huge);
    expectWithinLimits(m);
    expect(m.blocks).toHaveLength(L.blocksPerMessage);
    expect(allText(m)).toContain('Line 0 www');
    expect(allText(m)).toContain('shortened to fit Slack');
    expect(allText(m)).toContain(toMrkdwn(actionReply.footer!));
    expect(m.blocks.at(-1)!.type).toBe('actions');
  });

  it('shows no image block: a public chart travels as an uploaded file', () => {
    const m = renderSlack(chartReply);
    expect(m.blocks.some((b) => (b.type as string) === 'image')).toBe(false);
    expect(ofType(m, 'actions')).toEqual([]);
  });

  it('offers "Post chart to channel" on a private reply with a chart', () => {
    const m = renderSlack({ ...chartReply, visibility: 'ephemeral' }, { shareCommand: '/smallcaps ytd private:true' });
    const [button] = ofType(m, 'actions')[0]!.elements;
    expect(button!.text.text).toBe('Post chart to channel');
    expect(button!.style).toBe('primary');
    expect(decodeAction(button!.value)).toEqual({ kind: 'share', command: 'smallcaps', raw: { period: 'ytd', private: 'true' } });
    expect(decodeAction(button!.action_id)).toEqual(decodeAction(button!.value));
  });

  it('labels the chart button in Korean for a Korean reply', () => {
    const m = renderSlack({ ...chartReply, locale: 'ko', visibility: 'ephemeral' }, { shareCommand: '/smallcaps ytd' });
    expect(ofType(m, 'actions')[0]!.elements[0]!.text.text).toBe('차트를 채널에 올리기');
  });

  it("keeps the command's own share button rather than adding a second one", () => {
    const m = renderSlack(actionReply, { shareCommand: '/smallcaps ytd' });
    const buttons = ofType(m, 'actions')[0]!.elements;
    expect(buttons.map((b) => b.text.text)).toEqual(['Explain the terms', 'Share to channel']);
    expect(decodeAction(buttons[0]!.value)).toMatchObject({ kind: 'explain-terms', terms: ['spread', 'percentage-point', 'ratio', 'percentile', 'drawdown', 'price-return'] });
    expect(decodeAction(buttons[1]!.value)).toEqual({ kind: 'share', command: 'smallcaps', raw: { period: 'ytd', basis: 'price' } });
  });

  it('offers no share button on a public answer, nor when sharing cannot work', () => {
    const labels = (m: SlackMessage) => ofType(m, 'actions').flatMap((a) => a.elements.map((e) => e.text.text));
    expect(labels(renderSlack({ ...actionReply, visibility: 'public' }))).toEqual(['Explain the terms']);
    expect(labels(renderSlack(actionReply, { allowShare: false, shareCommand: '/smallcaps ytd' }))).toEqual(['Explain the terms']);
  });

  it('adds a notice line under the footer', () => {
    const m = renderSlack(normalReply, { notice: 'Invite me with `/invite @Rotation Bot`.' });
    expect(ofType(m, 'context').map((c) => c.elements[0]!.text)).toEqual([normalReply.footer, 'Invite me with `/invite @Rotation Bot`.']);
  });

  it('mentions the users a post is addressed to above the header and in the notification text; text never pings', () => {
    const m = renderSlack({ ...normalReply, text: '<!channel> <@U9> won', notify: ['U_EN', 'U_EN', 'U>1'] });
    expect(m.blocks[0]).toEqual({ type: 'context', elements: [{ type: 'mrkdwn', text: '<@U_EN>' }] });
    expect(m.text).toMatch(/^<@U_EN> /);
    expect(allText(m)).toContain('&lt;!channel&gt; &lt;@U9&gt; won');
  });

  it('fits at most 25 buttons in one actions block', () => {
    const m = renderSlack(manyActionsReply);
    expect(ofType(m, 'actions')).toHaveLength(1);
    expect(ofType(m, 'actions')[0]!.elements).toHaveLength(25);
  });

  it('always sets the fallback text, even for a reply with nothing else', () => {
    const m = renderSlack(emptyReply);
    expect(m.blocks).toEqual([]);
    expect(m.text).toBe('Only the plain text.');
    expect(renderSlack({ ...normalReply, fallbackText: '  ' }).text).toBe(normalReply.title);
  });
});
