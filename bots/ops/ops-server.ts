import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { OpsHandler } from './ops-routes.ts';

export type OpsServer = { readonly port: number; close(): Promise<void> };

/** A tiny HTTP server for health checks, for when no Slack HTTP server is there to carry them. */
export async function startOpsServer(handler: OpsHandler, port: number, host?: string): Promise<OpsServer> {
  const server = createServer(handler);
  // Probes are small and quick; anything slow or large is not one.
  server.requestTimeout = 10_000;
  server.headersTimeout = 5_000;
  server.maxHeadersCount = 50;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
