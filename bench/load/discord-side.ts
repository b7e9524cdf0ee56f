import { parentPort } from 'node:worker_threads';
import { FakeDiscord } from '../../test/fakes/fake-discord.ts';

/**
 * The Discord side of the load bench on its own thread. In: `{ type: 'dispatch', payload }`,
 * `{ type: 'close' }`. Out: `ready` (apiUrl), `ack` (interaction id, ms from dispatch to the
 * callback, callback type) and `delivered` (id) when the answer itself arrived: an immediate
 * reply (type 4), or the edit of a deferred one.
 */
const port = parentPort!;
const fake = await FakeDiscord.start({ applicationId: '1234' });
const byToken = new Map<string, { id: string; sentAt: number }>();
const byId = new Map<string, { token: string; sentAt: number }>();

fake.onRequest((r) => {
  const callback = /\/interactions\/([^/]+)\/([^/]+)\/callback$/.exec(r.path);
  if (callback && r.method === 'POST') {
    const sent = byId.get(callback[1]!);
    if (!sent) return;
    const type = (r.json as { type?: number } | undefined)?.type;
    port.postMessage({ type: 'ack', id: callback[1], ms: r.at - sent.sentAt, callbackType: type, status: r.status });
    if (type === 4 && r.status < 300) port.postMessage({ type: 'delivered', id: callback[1], kind: 'reply' });
    return;
  }
  const edit = /\/webhooks\/[^/]+\/([^/]+)(\/messages\/@original)?$/.exec(r.path);
  if (edit && (r.method === 'PATCH' || r.method === 'POST') && r.status === 200) {
    const sent = byToken.get(edit[1]!);
    if (sent) port.postMessage({ type: 'delivered', id: sent.id, kind: r.method === 'PATCH' ? 'edit' : 'follow-up' });
  }
  // The fake keeps every request (charts included): drop them once read, so its memory stays flat.
  if (fake.requests.length > 100) fake.requests.length = 0;
});

port.on('message', (message: { type: 'dispatch'; payload: Record<string, unknown> & { id: string; token: string } } | { type: 'close' }) => {
  if (message.type === 'dispatch') {
    const { id, token } = message.payload;
    const sentAt = performance.now();
    byToken.set(token, { id, sentAt });
    byId.set(id, { token, sentAt });
    fake.dispatchInteraction(message.payload);
  } else {
    void fake.close().then(() => port.close());
  }
});
port.postMessage({ type: 'ready', apiUrl: fake.apiUrl });
