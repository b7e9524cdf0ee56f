import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSampleData } from '../../scripts/sample-data-build.ts';
import { readSampleManifest, SAMPLE_DATA_DIR } from '../../core/data/sample-data.ts';
import { MARKET_DATA_DIR } from '../helpers/market-data.ts';
import { parsePriceCsv } from '../../core/data/parse-price-csv.ts';

describe('the bundled sample data', () => {
  const built = buildSampleData(MARKET_DATA_DIR);

  it('is exactly what scripts/make-sample-data.ts makes from the shared market data (run npm run sample-data when it changes)', () => {
    for (const file of built) expect(readFileSync(path.join(SAMPLE_DATA_DIR, file.name), 'utf8'), file.name).toBe(file.text);
  });

  it('stays small: under 500 KB in all', () => {
    const bytes = built.reduce((sum, f) => sum + statSync(path.join(SAMPLE_DATA_DIR, f.name)).size, 0);
    expect(bytes).toBeLessThan(500 * 1024);
  });

  it('records its range and carries the original sources note', () => {
    const manifest = readSampleManifest();
    expect(manifest).toMatchObject({ from: '2016-01-01', to: '2026-08-21' });
    expect(manifest.files.map((f) => f.file)).toEqual(expect.arrayContaining(['IWM.csv', 'IJR.csv', 'SPY.csv', 'QQQ.csv', 'RUT.csv', 'GSPC.csv', 'NDX.csv', 'macro/ISM_MANUFACTURING_PMI.csv']));
    const sources = readFileSync(path.join(SAMPLE_DATA_DIR, 'SOURCES.md'), 'utf8');
    expect(sources).toContain('Sample data to 2026-08-21');
    expect(sources).toContain(readFileSync(path.join(MARKET_DATA_DIR, 'SOURCES.md'), 'utf8'));
  });

  it('keeps the closes to the cent: the 2025 year-end and latest IWM closes match the source', () => {
    const sample = parsePriceCsv(readFileSync(path.join(SAMPLE_DATA_DIR, 'IWM.csv'), 'utf8'), 'IWM.csv').bars;
    const source = parsePriceCsv(readFileSync(path.join(MARKET_DATA_DIR, 'IWM.csv'), 'utf8'), 'IWM.csv').bars;
    const close = (bars: typeof sample, date: string) => bars.find((b) => b.date === date)?.close;
    for (const date of ['2025-12-31', '2026-08-21', '2016-01-04']) expect(close(sample, date)).toBeCloseTo(close(source, date)!, 2);
  });
});
