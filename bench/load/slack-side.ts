import { parentPort } from 'node:worker_threads';
import { startFakeSlack } from '../../test/fakes/fake-slack.ts';
import { postSigned, slashCommandBody } from '../../test/fakes/slack-requests.ts';

/**
 * The Slack side of the load bench, on its own thread so that neither the fake nor the load
 * generator shares the bot's event loop. In: `{ type: 'target', urls, secret }` (several URLs are
 * taken in turn, as a load balancer would), `{ type: 'send', id, command, text, user, channel,
 * admin? }` (`admin`: users.info calls the user a workspace admin), `{ type: 'close' }`. Out:
 * `ready` (apiUrl), `ack` (id, ms, status, instance: the index of the URL) and `delivered` (id,
 * kind, text: the answer's text and blocks) for the first answer that reaches Slack.
 */
const port = parentPort!;
const fake = await startFakeSlack();
let target: { urls: readonly string[]; secret: string } | undefined;
let nextUrl = 0;
const channelToId = new Map<string, string>();
const delivered = new Set<string>();

const deliver = (id: string | undefined, kind: string, message: { text?: unknown; blocks?: unknown }) => {
  if (!id || delivered.has(id)) return;
  delivered.add(id);
  port.postMessage({ type: 'delivered', id, kind, text: `${typeof message.text === 'string' ? message.text : ''} ${JSON.stringify(message.blocks ?? [])}` });
};

// The fake records every call; checking new records on a short timer keeps it untouched.
let seenCalls = 0;
let seenResponses = 0;
const poll = setInterval(() => {
  for (; seenCalls < fake.calls.length; seenCalls++) {
    const call = fake.calls[seenCalls]!;
    if (call.status !== 200) continue;
    if (call.method === 'files.completeUploadExternal') deliver(channelToId.get(String(call.params.channel_id)), 'upload', call.params);
    if (call.method === 'chat.postMessage') deliver(channelToId.get(String(call.params.channel)), 'message', call.params);
  }
  for (; seenResponses < fake.responses.length; seenResponses++) {
    const response = fake.responses[seenResponses]!;
    deliver(response.id, 'response_url', response.body);
  }
  // The fake keeps every call and upload (charts included): forget them once read, so its memory stays flat.
  if (fake.calls.length + fake.uploads.length > 100 && seenCalls === fake.calls.length && seenResponses === fake.responses.length) {
    fake.reset();
    seenCalls = 0;
    seenResponses = 0;
  }
}, 5);

type In =
  | { type: 'target'; urls: readonly string[]; secret: string }
  | { type: 'send'; id: string; command: string; text: string; user: string; channel: string; admin?: boolean }
  | { type: 'close' };

port.on('message', (message: In) => {
  if (message.type === 'target') {
    target = { urls: message.urls, secret: message.secret };
    nextUrl = 0;
  } else if (message.type === 'send') {
    const { id, command, text, user, channel } = message;
    if (message.admin) fake.setUser(user, { isAdmin: true });
    channelToId.set(channel, id);
    const instance = nextUrl++ % target!.urls.length;
    const started = performance.now();
    postSigned(target!.urls[instance]!, slashCommandBody({ command, text, user_id: user, channel_id: channel, response_url: fake.responseUrl(id) }), { secret: target!.secret }).then(
      async (res) => {
        await res.text();
        port.postMessage({ type: 'ack', id, ms: performance.now() - started, status: res.status, instance });
      },
      (error: unknown) => port.postMessage({ type: 'ack', id, ms: performance.now() - started, status: 0, instance, error: String(error) }),
    );
  } else {
    clearInterval(poll);
    void fake.close().then(() => port.close());
  }
});
port.postMessage({ type: 'ready', apiUrl: fake.apiUrl });
