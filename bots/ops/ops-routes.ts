import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Readiness } from '../../core/ops/readiness.ts';

export const HEALTH_PATH = '/healthz';
export const READY_PATH = '/readyz';

export type OpsHandler = (req: IncomingMessage, res: ServerResponse) => void;

function sendJson(req: IncomingMessage, res: ServerResponse, status: number, body: unknown): void {
  const text = `${JSON.stringify(body)}\n`;
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'content-length': Buffer.byteLength(text) });
  res.end(req.method === 'HEAD' ? undefined : text);
}

/**
 * `GET /healthz`: 200 while the process runs. `GET /readyz`: 200 when every readiness check
 * passes, else 503; the body lists the checks either way. Anything else: 404.
 */
export function createOpsHandler(probe: () => Promise<Readiness>, startedAt: number = Date.now()): OpsHandler {
  return (req, res) => {
    const path = new URL(req.url ?? '/', 'http://ops').pathname;
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(req, res, 405, { error: 'method not allowed' });
    if (path === HEALTH_PATH) return sendJson(req, res, 200, { status: 'ok', uptimeSeconds: Math.round((Date.now() - startedAt) / 1000) });
    if (path !== READY_PATH) return sendJson(req, res, 404, { error: 'not found' });
    probe().then(
      (result) => sendJson(req, res, result.ready ? 200 : 503, result),
      (error: unknown) => sendJson(req, res, 503, { ready: false, checks: [{ name: 'probe', ok: false, detail: error instanceof Error ? error.message : String(error) }] }),
    );
  };
}
