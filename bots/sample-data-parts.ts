import type { Config } from '../core/config.ts';
import type { Services } from '../commands/context.ts';
import { createCsvFolderProvider } from '../core/data/csv-folder-provider.ts';
import { createCsvMacroProvider } from '../core/data/csv-macro-provider.ts';
import { createDirectMarketData } from '../core/data/cached-market-data.ts';
import { readSampleManifest, SAMPLE_DATA_DIR, sampleSourceLabel } from '../core/data/sample-data.ts';
import type { SampleReason } from '../core/data/sample-data.ts';
import { todayFn } from '../core/today.ts';

export type DataParts = Pick<Services, 'market' | 'macro' | 'today'>;

/**
 * Prices and macro series from the bundled sample, labelled as such on every answer, with "today" at the
 * sample's last close unless --as-of names another date, so that "ytd" still means something.
 */
export function sampleDataParts(config: Pick<Config, 'ROTATION_AS_OF'>, reason?: SampleReason): DataParts {
  const { to } = readSampleManifest();
  const label = sampleSourceLabel(to, reason);
  return {
    market: createDirectMarketData(createCsvFolderProvider(SAMPLE_DATA_DIR, '', 'prices', label)),
    macro: createCsvMacroProvider(SAMPLE_DATA_DIR, label),
    today: todayFn(config.ROTATION_AS_OF ?? to),
  };
}
