import { parentPort } from 'node:worker_threads';
import type { ChartSpec, RenderedChart } from './chart-spec.ts';

/** Main thread -> render worker. */
export type RenderRequest = { readonly type: 'render'; readonly id: number; readonly spec: ChartSpec };

/** Render worker -> main thread. */
export type WorkerReply =
  | { readonly type: 'ready' }
  | { readonly type: 'rendered'; readonly id: number; readonly png: ArrayBuffer; readonly width: number; readonly height: number; readonly alt: string }
  | { readonly type: 'failed'; readonly id: number; readonly message: string };

/**
 * Runs in a worker thread: answers render requests with `render`, one at a time as they
 * arrive, handing the PNG bytes over without a copy. Announces itself ready first.
 */
export function serveRenders(render: (spec: ChartSpec) => Promise<RenderedChart>): void {
  const port = parentPort;
  if (!port) throw new Error('serveRenders must run in a worker thread');
  port.on('message', async (request: RenderRequest) => {
    if (request?.type !== 'render') return;
    try {
      const chart = await render(request.spec);
      // A fresh ArrayBuffer of exactly the PNG's length: native Buffers cannot always be transferred.
      const png = new Uint8Array(chart.png.byteLength);
      png.set(chart.png);
      const reply: WorkerReply = { type: 'rendered', id: request.id, png: png.buffer, width: chart.width, height: chart.height, alt: chart.alt };
      port.postMessage(reply, [png.buffer]);
    } catch (error) {
      const reply: WorkerReply = { type: 'failed', id: request.id, message: error instanceof Error ? error.message : String(error) };
      port.postMessage(reply);
    }
  });
  port.postMessage({ type: 'ready' } satisfies WorkerReply);
}
