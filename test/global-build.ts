import { rmSync } from 'node:fs';
import { COMPILED_DIR, compile } from './helpers/compiled.ts';

/** Compiles the sources once per test run, so that tests can start the bot as `npm start` does. */
export default async function setup(): Promise<void> {
  rmSync(COMPILED_DIR, { recursive: true, force: true });
  await compile(COMPILED_DIR);
}
