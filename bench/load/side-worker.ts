import type { Worker } from 'node:worker_threads';
import { spawnTsWorker } from '../../core/charts/spawn-ts-worker.ts';

/** Starts one side of a load bench (a fake platform with its load generator) on a thread; resolves once it listens. */
export async function startSide(url: URL): Promise<{ worker: Worker; apiUrl: string }> {
  const worker = spawnTsWorker(url, { name: url.pathname });
  const apiUrl = await new Promise<string>((resolve, reject) => {
    worker.once('error', reject);
    const onReady = (m: { type: string; apiUrl?: string }) => {
      if (m.type !== 'ready') return;
      worker.off('message', onReady);
      resolve(m.apiUrl!);
    };
    worker.on('message', onReady);
  });
  return { worker, apiUrl };
}

/** Asks a side to close its fake and waits for its thread to end. */
export async function closeSide(side: { worker: Worker }): Promise<void> {
  side.worker.postMessage({ type: 'close' });
  await new Promise((r) => side.worker.once('exit', r));
}
