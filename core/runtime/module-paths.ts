import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** A module beside the caller, in the form that runs: `x.ts` from the sources (tests, tsx), `x.js` from dist/. */
export function siblingModule(metaUrl: string, name: string): URL {
  return new URL(`./${name}${path.extname(fileURLToPath(metaUrl))}`, metaUrl);
}

/** Whether a module runs from TypeScript sources, so that a child process or worker needs tsx's loader. */
export const isTypeScript = (file: string | URL): boolean => /\.[mc]?ts$/.test(typeof file === 'string' ? file : file.pathname);

function findPackageRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'assets'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`No package root (package.json beside assets/) above ${from}`);
  }
}

/** The checkout's root, the same whether the code runs from the sources or from dist/: assets are read from here. */
export const PACKAGE_ROOT = findPackageRoot(path.dirname(fileURLToPath(import.meta.url)));
export const ASSETS_DIR = path.join(PACKAGE_ROOT, 'assets');
