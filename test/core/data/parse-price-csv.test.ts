import { describe, expect, it } from 'vitest';
import { parsePriceCsv } from '../../../core/data/parse-price-csv.ts';

describe('parsePriceCsv', () => {
  it('reads Yahoo headers with Adj Close', () => {
    const text = 'Date,Open,High,Low,Close,Adj Close,Volume\n2026-01-02,1,1,1,10.5,10.1,100\n2026-01-05,1,1,1,11,10.6,100\n';
    expect(parsePriceCsv(text, 'X.csv').bars).toEqual([
      { date: '2026-01-02', close: 10.5, adjClose: 10.1 },
      { date: '2026-01-05', close: 11, adjClose: 10.6 },
    ]);
  });

  it('reads Stooq headers without Adj Close', () => {
    const text = 'Date,Open,High,Low,Close,Volume\r\n2026-01-02,1,1,1,10,5\r\n';
    expect(parsePriceCsv(text, 'x.csv').bars).toEqual([{ date: '2026-01-02', close: 10 }]);
  });

  it('reads a generic two-column file such as a FRED download', () => {
    const text = 'observation_date,DFF\n2026-01-01,3.64\n2026-01-02,.\n2026-01-03,3.63\n';
    const parsed = parsePriceCsv(text, 'DFF.csv');
    expect(parsed.bars.map((b) => b.close)).toEqual([3.64, 3.63]);
    expect(parsed.skippedMissing).toBe(1);
  });

  it('skips null rows as Yahoo writes them', () => {
    const text = 'Date,Open,High,Low,Close,Adj Close,Volume\n2026-01-02,null,null,null,null,null,null\n2026-01-05,1,1,1,11,11,1\n';
    expect(parsePriceCsv(text, 'x.csv').bars).toHaveLength(1);
  });

  it('sorts rows and keeps the last of duplicate dates', () => {
    const text = 'date,close\n2026-01-05,2\n2026-01-02,1\n2026-01-05,3\n';
    expect(parsePriceCsv(text, 'x.csv').bars).toEqual([{ date: '2026-01-02', close: 1 }, { date: '2026-01-05', close: 3 }]);
  });

  it('accepts a BOM, quoted cells and US dates', () => {
    const text = '\uFEFF"Date","Close"\n"01/02/2026","1,5"\n';
    expect(() => parsePriceCsv(text, 'x.csv')).toThrowError(/badLine/);
    expect(parsePriceCsv('\uFEFF"Date","Close"\n"01/02/2026","15"\n', 'x.csv').bars).toEqual([{ date: '2026-01-02', close: 15 }]);
  });

  it('names the file and line of a malformed row', () => {
    const text = 'Date,Close\n2026-01-02,10\n2026-01-05,abc\n';
    try {
      parsePriceCsv(text, 'IWM.csv');
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ key: 'data.badLine', params: { file: 'IWM.csv', line: 3 } });
    }
  });

  it('rejects an impossible date', () => {
    expect(() => parsePriceCsv('Date,Close\n2026-02-30,1\n', 'x.csv')).toThrowError(/badLine/);
  });

  it('rejects an empty file and a header-only file', () => {
    expect(() => parsePriceCsv('', 'e.csv')).toThrowError(/emptyFile/);
    expect(() => parsePriceCsv('Date,Close\n', 'e.csv')).toThrowError(/emptyFile/);
  });

  it('rejects a file without date and close columns', () => {
    expect(() => parsePriceCsv('foo,bar,baz\n1,2,3\n', 'x.csv')).toThrowError(/badHeader/);
  });
});
