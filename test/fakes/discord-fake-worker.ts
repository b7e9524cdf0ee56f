import { parentPort } from 'node:worker_threads';
import { FakeDiscord } from './fake-discord.ts';

/**
 * Runs the fake Discord on its own thread, so that timing a bot is not skewed by the fake sharing
 * its event loop. Messages in: `{ type: 'dispatch', payload }`, `{ type: 'close' }`. Out: `ready`
 * (with apiUrl), `dispatched` and `request`, times as epoch milliseconds.
 */
const port = parentPort!;
const epoch = (at: number) => performance.timeOrigin + at;
const fake = await FakeDiscord.start({ applicationId: '1234' });
fake.onRequest((r) => port.postMessage({ type: 'request', method: r.method, path: r.path, status: r.status, files: r.files.length, at: epoch(r.at) }));
port.on('message', (message: { type: 'dispatch'; payload: Record<string, unknown> } | { type: 'close' }) => {
  if (message.type === 'dispatch') {
    port.postMessage({ type: 'dispatched', id: message.payload.id, at: epoch(fake.dispatchInteraction(message.payload)) });
  } else {
    void fake.close().then(() => port.close());
  }
});
port.postMessage({ type: 'ready', apiUrl: fake.apiUrl });
