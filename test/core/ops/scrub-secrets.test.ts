import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { secretScrubber } from '../../../core/ops/scrub-secrets.ts';
import { createLogger } from '../../../core/logger.ts';

describe('secret scrubber', () => {
  const scrub = secretScrubber(['s3cr3t-signing', 'my discord token', undefined, 'ab']);

  it('removes configured secrets as typed, URL-encoded and JSON-escaped', () => {
    expect(scrub('secret s3cr3t-signing here')).toBe('secret [redacted] here');
    expect(scrub('url?t=my%20discord%20token')).toBe('url?t=[redacted]');
    expect(scrub(JSON.stringify({ msg: 'my discord token' }))).toBe('{"msg":"[redacted]"}');
  });

  it('leaves values too short to be secrets alone', () => {
    expect(scrub('about ab')).toBe('about ab');
  });

  it.each([
    ['a Slack bot token', 'token xoxb-1234-5678-abcdEFGH', 'token [redacted]'],
    ['a Slack app token', 'xapp-1-A111-222-abc', '[redacted]'],
    ['an Authorization header', '"authorization":"Bearer xoxb-9-9-9"', '"authorization":"Bearer [redacted]"'],
    ['a Discord bot authorization', 'Bot MTIzNDU2Nzg5MDEyMzQ1Njc4.GaBcDe.abcdefghijklmnopqrstuvwxyz0123', 'Bot [redacted]'],
    ['an interaction token in a webhook URL', 'https://discord.com/api/v10/webhooks/1234/aW50ZXJhY3Rpb246MTIz/messages/@original', 'https://discord.com/api/v10/webhooks/1234/[redacted]/messages/@original'],
    ['an interaction callback URL', '/api/v10/interactions/99/tok.en-1/callback', '/api/v10/interactions/99/[redacted]/callback'],
    ['a Slack response_url', 'https://hooks.slack.com/commands/T1/123/abcDEF', 'https://hooks.slack.com/commands/[redacted]'],
    ['a database password', 'cannot reach postgres://rotation:hunter2@db:5432/rb', 'cannot reach postgres://rotation:[redacted]@db:5432/rb'],
  ])('removes %s by its shape', (_what, text, expected) => {
    expect(secretScrubber([])(text)).toBe(expected);
  });

  it('is applied to every line the logger writes', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString('utf8'));
        done();
      },
    });
    const log = createLogger('info', { secrets: ['signing-secret-value'], destination: sink });
    log.error({ err: new Error('failed with signing-secret-value'), url: 'https://slack.com/api?token=xoxb-1-2-3' }, 'boom');
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain('signing-secret-value');
    expect(lines[0]).not.toContain('xoxb-1-2-3');
    expect(JSON.parse(lines[0]!)).toMatchObject({ msg: 'boom', err: { message: 'failed with [redacted]' } });
  });
});
