import type { MacroData } from './macro.ts';
import { createCsvFolderProvider } from './csv-folder-provider.ts';
import { UnknownSymbolError } from './provider.ts';

/** Macro series from a CSV folder: `<dir>/macro/<ID>.csv`, else `<dir>/<ID>.csv`. Values may be negative or zero. */
export function createCsvMacroProvider(dir: string, label = 'CSV folder'): MacroData {
  const inMacro = createCsvFolderProvider(dir, 'macro', 'any', label);
  const atRoot = createCsvFolderProvider(dir, '', 'any', label);
  return {
    sourceLabel: label,
    async getSeries(id) {
      let bars;
      try {
        bars = await inMacro.fetchDaily(id);
      } catch (error) {
        if (!(error instanceof UnknownSymbolError)) throw error;
        bars = await atRoot.fetchDaily(id);
      }
      return { id: id.toUpperCase(), observations: bars.map((b) => ({ date: b.date, value: b.close })), source: label };
    },
  };
}
