import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCsvFolderProvider } from '../../../core/data/csv-folder-provider.ts';
import { ProviderError, UnknownSymbolError } from '../../../core/data/provider.ts';
import { UserError } from '../../../core/user-error.ts';
import { MARKET_DATA_DIR } from '../../helpers/market-data.ts';

describe('CSV folder provider', () => {
  const provider = createCsvFolderProvider(MARKET_DATA_DIR);

  it('finds an index file by its symbol without the caret', async () => {
    const bars = await provider.fetchDaily('^RUT');
    expect(bars[0]).toEqual({ date: '2016-06-28', close: 1107.3 });
  });

  it('keeps Adj Close where the file has it', async () => {
    const bars = await provider.fetchDaily('IJR');
    expect(bars.at(-1)).toEqual({ date: '2026-05-01', close: 137.44000244140625, adjClose: 137.44000244140625 });
  });

  it('reports an unknown symbol as such', async () => {
    await expect(provider.fetchDaily('NOPE')).rejects.toBeInstanceOf(UnknownSymbolError);
  });

  it('never reads outside the data folder', async () => {
    await expect(provider.fetchDaily('../../etc/passwd')).rejects.toBeInstanceOf(UserError);
    await expect(provider.fetchDaily('..')).rejects.toBeInstanceOf(UserError);
  });

  it('names a missing folder', async () => {
    await expect(createCsvFolderProvider('/nonexistent/folder').fetchDaily('IWM')).rejects.toBeInstanceOf(ProviderError);
  });

  it('re-reads a file after it changes', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'csv-'));
    const file = path.join(dir, 'abc.csv');
    writeFileSync(file, 'Date,Close\n2026-01-02,1\n');
    const p = createCsvFolderProvider(dir);
    expect(await p.fetchDaily('ABC')).toHaveLength(1);
    writeFileSync(file, 'Date,Close\n2026-01-02,1\n2026-01-05,2\n');
    expect(await p.fetchDaily('ABC')).toHaveLength(2);
  });
});
