import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Bar } from '../market/types.ts';
import type { PriceProvider } from './provider.ts';
import { ProviderError, UnknownSymbolError } from './provider.ts';
import { parsePriceCsv } from './parse-price-csv.ts';
import { UserError } from '../user-error.ts';

const SAFE_SYMBOL = /^\^?[A-Za-z0-9][A-Za-z0-9._\-=]{0,39}$/;

/** File names tried for a symbol: as given, without `^`, upper and lower case, `.csv` or `.txt`. */
export function candidateFileNames(symbol: string): string[] {
  const bases = new Set([symbol, symbol.replace(/^\^/, ''), symbol.toUpperCase(), symbol.replace(/^\^/, '').toUpperCase(), symbol.toLowerCase(), symbol.replace(/^\^/, '').toLowerCase()]);
  return [...bases].flatMap((b) => [`${b}.csv`, `${b}.txt`]);
}

/** Daily prices from a folder of CSV files, one per symbol; parsed files are kept until they change. */
export function createCsvFolderProvider(dir: string, subfolder = '', values: 'prices' | 'any' = 'prices', label = 'CSV folder'): PriceProvider & { readonly dir: string } {
  const root = path.resolve(dir);
  const parsed = new Map<string, { mtimeMs: number; size: number; bars: Bar[] }>();

  async function locate(symbol: string): Promise<{ file: string; mtimeMs: number; size: number }> {
    if (!SAFE_SYMBOL.test(symbol)) throw new UserError('data.badSymbol', { symbol: symbol.slice(0, 30) });
    try {
      const s = await stat(root);
      if (!s.isDirectory()) throw new Error('not a folder');
    } catch {
      throw new ProviderError('csv', symbol, `data folder ${root} does not exist`);
    }
    for (const name of candidateFileNames(symbol)) {
      const file = path.join(root, subfolder, name);
      if (!file.startsWith(root + path.sep)) continue;
      try {
        const s = await stat(file);
        if (s.isFile()) return { file, mtimeMs: s.mtimeMs, size: s.size };
      } catch {
        // try the next spelling
      }
    }
    throw new UnknownSymbolError('csv', symbol);
  }

  return {
    id: 'csv',
    label,
    dir: root,
    async fetchDaily(symbol) {
      const found = await locate(symbol);
      const cached = parsed.get(found.file);
      if (cached && cached.mtimeMs === found.mtimeMs && cached.size === found.size) return cached.bars;
      const text = await readFile(found.file, 'utf8');
      const { bars } = parsePriceCsv(text, path.relative(process.cwd(), found.file) || path.basename(found.file), { values });
      parsed.set(found.file, { mtimeMs: found.mtimeMs, size: found.size, bars });
      return bars;
    },
  };
}
