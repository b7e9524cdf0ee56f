import { describe, expect, it } from 'vitest';
import { toRestMessage } from '../../../bots/discord/rest-message.ts';
import type { DiscordMessage } from '../../../bots/discord/render-discord.ts';

const png = Buffer.from([0x89, 0x50, 0x4e, 0x47]);

describe('toRestMessage', () => {
  it('names each file as an attachment with the same index, keeping its description', () => {
    const message: DiscordMessage = {
      embeds: [{ title: 'Small caps', image: { url: 'attachment://chart.png' } }],
      files: [{ attachment: png, name: 'chart.png', description: 'IWM vs SPY' }],
      allowedMentions: { parse: [] },
    };
    const { body, files } = toRestMessage(message);
    expect(body.attachments).toEqual([{ id: 0, filename: 'chart.png', description: 'IWM vs SPY' }]);
    expect(files).toEqual([{ name: 'chart.png', data: png, contentType: 'image/png' }]);
    expect(body.embeds).toEqual(message.embeds);
  });

  it('never lets a posted message ping anyone and drops the ephemeral flag, which channels ignore', () => {
    const { body } = toRestMessage({ content: '@everyone hi', embeds: [], flags: 64, allowedMentions: { parse: [] } });
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(body).not.toHaveProperty('flags');
    expect(body.content).toBe('@everyone hi');
  });

  it('lets a post ping the users it is addressed to, and nobody else', () => {
    const { body } = toRestMessage({ content: '<@7000> @everyone', embeds: [], allowedMentions: { parse: [], users: ['7000'] } });
    expect(body.allowed_mentions).toEqual({ parse: [], users: ['7000'] });
  });

  it('sends no attachments or components when there are none', () => {
    const { body, files } = toRestMessage({ embeds: [{ title: 't' }], components: [], allowedMentions: { parse: [] } });
    expect(files).toEqual([]);
    expect(body).not.toHaveProperty('attachments');
    expect(body).not.toHaveProperty('components');
  });
});
