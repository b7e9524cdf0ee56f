import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { WorkerOptions } from 'node:worker_threads';
import { isTypeScript } from '../runtime/module-paths.ts';

let tsxApiUrl: string | undefined;

/** tsx's ESM API entry, read from its package exports (require.resolve would give the CommonJS one). */
function tsxEsmApiUrl(): string {
  if (tsxApiUrl) return tsxApiUrl;
  const require = createRequire(import.meta.url);
  const packageJson = require.resolve('tsx/package.json');
  const manifest = JSON.parse(readFileSync(packageJson, 'utf8')) as { exports?: Record<string, { import?: { default?: string } | string }> };
  const entry = manifest.exports?.['./esm/api'];
  const relative = typeof entry === 'object' && typeof entry.import === 'object' ? entry.import.default : undefined;
  if (!relative) throw new Error('Cannot find the ESM entry of tsx/esm/api');
  tsxApiUrl = pathToFileURL(path.join(path.dirname(packageJson), relative)).href;
  return tsxApiUrl;
}

/**
 * Starts a worker thread on a TypeScript module. On Node 20, `--import tsx` in a worker's
 * execArgv does not reach the worker's entry module (whether the parent runs under tsx or
 * under vitest), so a small bootstrap registers tsx's loader in the worker first, then
 * imports the module. JavaScript modules start directly.
 */
export function spawnTsWorker(url: URL, options: Omit<WorkerOptions, 'eval'> = {}): Worker {
  if (!isTypeScript(url)) return new Worker(url, options);
  const bootstrap = `import(${JSON.stringify(tsxEsmApiUrl())}).then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}); });`;
  return new Worker(bootstrap, { ...options, eval: true });
}
