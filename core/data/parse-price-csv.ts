import type { Bar } from '../market/types.ts';
import { DataError } from '../user-error.ts';

const DATE_HEADERS = ['date', 'data', 'datetime', 'timestamp', 'time', 'observationdate'];
const CLOSE_HEADERS = ['close', 'zamkniecie', 'price', 'last', 'value'];
const ADJ_HEADERS = ['adjclose', 'adjustedclose', 'adjclosing', 'adj'];
const MISSING = new Set(['', 'null', 'nan', 'na', 'n/a', '.', '-']);

const simplify = (header: string) => header.trim().toLowerCase().replace(/[^a-z0-9]/g, '');

function splitCsvLine(line: string): string[] {
  if (!line.includes('"')) return line.split(',');
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') { cell += '"'; i++; }
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { cells.push(cell); cell = ''; }
    else cell += ch;
  }
  cells.push(cell);
  return cells;
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

function toIsoDate(raw: string): string | undefined {
  const s = raw.trim();
  if (ISO_DAY.test(s)) {
    // The common form, checked without building a Date.
    const y = Number(s.slice(0, 4));
    const mo = Number(s.slice(5, 7));
    const d = Number(s.slice(8));
    if (mo < 1 || mo > 12 || d < 1) return undefined;
    return d <= DAYS_IN_MONTH[mo - 1]! && !(mo === 2 && d === 29 && !isLeap(y)) ? s : undefined;
  }
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s) ?? /^(\d{4})\/(\d{2})\/(\d{2})$/.exec(s);
  if (!m) {
    const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
    if (!us) return undefined;
    m = [s, us[3]!, us[1]!.padStart(2, '0'), us[2]!.padStart(2, '0')] as unknown as RegExpExecArray;
  }
  const [, y, mo, d] = m;
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  if (date.getUTCMonth() !== Number(mo) - 1 || date.getUTCDate() !== Number(d)) return undefined;
  return `${y}-${mo}-${d}`;
}

function findColumn(headers: string[], candidates: string[]): number {
  for (const candidate of candidates) {
    const i = headers.indexOf(candidate);
    if (i >= 0) return i;
  }
  return -1;
}

export type ParsedCsv = { bars: Bar[]; skippedMissing: number };

/**
 * Parses a daily price file with Yahoo (`Date,Open,High,Low,Close,Adj Close,Volume`),
 * Stooq (`Date,Open,High,Low,Close,Volume`) or generic (`date,close` / `date,price` /
 * `date,<value>`) headers. Rows whose close is missing ("null", ".", empty) are skipped;
 * anything else that is not a date or a number is an error naming the file and line.
 */
export function parsePriceCsv(text: string, fileName: string, options: { values?: 'prices' | 'any' } = {}): ParsedCsv {
  const anyValue = options.values === 'any';
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const headerIndex = lines.findIndex((l) => l.trim() !== '');
  if (headerIndex < 0) throw new DataError('data.emptyFile', { file: fileName });
  const headers = splitCsvLine(lines[headerIndex]!).map(simplify);
  const dateCol = findColumn(headers, DATE_HEADERS);
  let closeCol = findColumn(headers, CLOSE_HEADERS);
  if (closeCol < 0 && headers.length === 2 && dateCol >= 0) closeCol = 1 - dateCol;
  const adjCol = findColumn(headers, ADJ_HEADERS);
  if (dateCol < 0 || closeCol < 0) {
    throw new DataError('data.badHeader', { file: fileName, header: lines[headerIndex]!.trim().slice(0, 80) });
  }

  const byDate = new Map<string, Bar>();
  let skippedMissing = 0;
  for (let i = headerIndex + 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') continue;
    const cells = splitCsvLine(line);
    const lineNo = i + 1;
    const date = toIsoDate(cells[dateCol] ?? '');
    if (!date) throw new DataError('data.badLine', { file: fileName, line: lineNo, reason: `"${(cells[dateCol] ?? '').slice(0, 20)}" is not a date` });
    const rawClose = (cells[closeCol] ?? '').trim();
    if (MISSING.has(rawClose.toLowerCase())) { skippedMissing++; continue; }
    const close = Number(rawClose);
    if (!Number.isFinite(close) || (!anyValue && close <= 0)) {
      throw new DataError('data.badLine', { file: fileName, line: lineNo, reason: `"${rawClose.slice(0, 20)}" is not a positive price` });
    }
    const rawAdj = adjCol >= 0 ? (cells[adjCol] ?? '').trim() : '';
    const adj = MISSING.has(rawAdj.toLowerCase()) ? undefined : Number(rawAdj);
    const bar: Bar = adj !== undefined && Number.isFinite(adj) && adj > 0 ? { date, close, adjClose: adj } : { date, close };
    byDate.set(date, bar);
  }
  if (byDate.size === 0) throw new DataError('data.emptyFile', { file: fileName });
  const bars = [...byDate.values()];
  if (!bars.every((bar, i) => i === 0 || bars[i - 1]!.date < bar.date)) bars.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { bars, skippedMissing };
}
