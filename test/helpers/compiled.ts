import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Where the test run's compiled copy lives: built once per run by test/global-build.ts, apart from the operator's dist/. */
export const COMPILED_DIR = path.join(ROOT, '.build-test/dist');
export const COMPILED_MAIN = path.join(COMPILED_DIR, 'bots/main.js');

/** `npm run build`'s compilation, into `outDir`. */
export async function compile(outDir: string): Promise<void> {
  const tsc = path.join(ROOT, 'node_modules/.bin/tsc');
  await promisify(execFile)(tsc, ['-p', 'tsconfig.build.json', '--outDir', outDir], { cwd: ROOT });
}
