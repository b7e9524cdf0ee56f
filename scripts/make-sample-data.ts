/**
 * Writes assets/sample-data from the shared market-data folder.
 *   tsx scripts/make-sample-data.ts                 from ../shared/market-data
 *   tsx scripts/make-sample-data.ts --from DIR      from another copy of it
 *   tsx scripts/make-sample-data.ts --check         exit 1 when assets/sample-data is out of date
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildSampleData } from './sample-data-build.ts';
import { PACKAGE_ROOT } from '../core/runtime/module-paths.ts';
import { SAMPLE_DATA_DIR } from '../core/data/sample-data.ts';

const { values } = parseArgs({ options: { from: { type: 'string' }, check: { type: 'boolean', default: false } } });
const sourceDir = path.resolve(values.from ?? path.join(PACKAGE_ROOT, '..', 'shared', 'market-data'));
const files = buildSampleData(sourceDir);
const current = (name: string) => {
  try {
    return readFileSync(path.join(SAMPLE_DATA_DIR, name), 'utf8');
  } catch {
    return undefined;
  }
};
if (values.check) {
  const stale = files.filter((f) => current(f.name) !== f.text).map((f) => f.name);
  if (stale.length) {
    process.stderr.write(`assets/sample-data is out of date: ${stale.join(', ')}. Run npm run sample-data.\n`);
    process.exit(1);
  }
  process.stdout.write('assets/sample-data is up to date\n');
} else {
  let bytes = 0;
  for (const f of files) {
    mkdirSync(path.dirname(path.join(SAMPLE_DATA_DIR, f.name)), { recursive: true });
    writeFileSync(path.join(SAMPLE_DATA_DIR, f.name), f.text);
    bytes += Buffer.byteLength(f.text);
  }
  process.stdout.write(`wrote ${files.length} files, ${Math.round(bytes / 1024)} KB, to ${path.relative(process.cwd(), SAMPLE_DATA_DIR)}\n`);
}
