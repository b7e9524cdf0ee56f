import { parentPort } from 'node:worker_threads';
import { startFakeSlack } from '../../test/fakes/fake-slack.ts';
import { postSigned, slashCommandBody } from '../../test/fakes/slack-requests.ts';

/**
 * The Slack side of the load bench, on its own thread so that neither the fake nor the load
 * generator shares the bot's event loop. In: `{ type: 'target', url, secret }`, `{ type: 'send', id,
 * command, text, user, channel }`, `{ type: 'close' }`. Out: `ready` (apiUrl), `ack` (id, ms,
 * status) and `delivered` (id, kind) for the first answer that reaches Slack.
 */
const port = parentPort!;
const fake = await startFakeSlack();
let target: { url: string; secret: string } | undefined;
const channelToId = new Map<string, string>();
const delivered = new Set<string>();

const deliver = (id: string | undefined, kind: string) => {
  if (!id || delivered.has(id)) return;
  delivered.add(id);
  port.postMessage({ type: 'delivered', id, kind });
};

// The fake records every call; checking new records on a short timer keeps it untouched.
let seenCalls = 0;
let seenResponses = 0;
const poll = setInterval(() => {
  for (; seenCalls < fake.calls.length; seenCalls++) {
    const call = fake.calls[seenCalls]!;
    if (call.status !== 200) continue;
    if (call.method === 'files.completeUploadExternal') deliver(channelToId.get(String(call.params.channel_id)), 'upload');
    if (call.method === 'chat.postMessage') deliver(channelToId.get(String(call.params.channel)), 'message');
  }
  for (; seenResponses < fake.responses.length; seenResponses++) deliver(fake.responses[seenResponses]!.id, 'response_url');
  // The fake keeps every call and upload (charts included): forget them once read, so its memory stays flat.
  if (fake.calls.length + fake.uploads.length > 100 && seenCalls === fake.calls.length && seenResponses === fake.responses.length) {
    fake.reset();
    seenCalls = 0;
    seenResponses = 0;
  }
}, 5);

port.on('message', (message: { type: 'target'; url: string; secret: string } | { type: 'send'; id: string; command: string; text: string; user: string; channel: string } | { type: 'close' }) => {
  if (message.type === 'target') target = { url: message.url, secret: message.secret };
  else if (message.type === 'send') {
    const { id, command, text, user, channel } = message;
    channelToId.set(channel, id);
    const started = performance.now();
    postSigned(target!.url, slashCommandBody({ command, text, user_id: user, channel_id: channel, response_url: fake.responseUrl(id) }), { secret: target!.secret }).then(
      async (res) => {
        await res.text();
        port.postMessage({ type: 'ack', id, ms: performance.now() - started, status: res.status });
      },
      (error: unknown) => port.postMessage({ type: 'ack', id, ms: performance.now() - started, status: 0, error: String(error) }),
    );
  } else {
    clearInterval(poll);
    void fake.close().then(() => port.close());
  }
});
port.postMessage({ type: 'ready', apiUrl: fake.apiUrl });
