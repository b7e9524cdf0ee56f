import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { App, LogLevel } from '@slack/bolt';
import { createSlackPoster } from '../../../bots/slack/slack-poster.ts';
import { PermanentPostError } from '../../../bots/scheduler/poster.ts';
import { startFakeSlack } from '../../fakes/fake-slack.ts';
import type { FakeSlack } from '../../fakes/fake-slack.ts';
import type { Reply } from '../../../core/reply.ts';

const note: Reply = { visibility: 'public', locale: 'en', tone: 'neutral', title: 'Morning brief', text: 'Small caps led by 0.8 pp.', fields: [], fallbackText: 'Small caps led by 0.8 pp.' };
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);

describe('Slack poster for scheduled posts', () => {
  let fake: FakeSlack;
  let app: App;
  beforeAll(async () => {
    fake = await startFakeSlack({});
    app = new App({ token: 'xoxb-test', signingSecret: 's', logLevel: LogLevel.ERROR, clientOptions: { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } } });
  });
  afterAll(() => fake.close());

  it('posts a message without a chart through chat.postMessage', async () => {
    await createSlackPoster(async () => app.client).post('C_POSTS', [note]);
    expect(fake.callsTo('chat.postMessage').some((c) => c.params.channel === 'C_POSTS')).toBe(true);
  });

  it('uploads a chart with the blocks beside it', async () => {
    await createSlackPoster(async () => app.client).post('C_CHART', [{ ...note, chart: { png: PNG, filename: 'brief.png', alt: 'A chart', width: 1, height: 1 } }]);
    expect(fake.callsTo('files.completeUploadExternal').some((c) => JSON.stringify(c.params).includes('C_CHART'))).toBe(true);
  });

  it('reports a channel the bot is not in as permanent, so it is not retried', async () => {
    fake.failNext('chat.postMessage', 'not_in_channel');
    await expect(createSlackPoster(async () => app.client).post('C_GONE', [note])).rejects.toBeInstanceOf(PermanentPostError);
  });
});
