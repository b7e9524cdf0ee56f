import { afterAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../commands/index.ts';
import { runText } from '../../commands/dispatch.ts';
import { renderText } from '../../bots/console/render-text.ts';
import { consoleContext, noLog, realServices } from '../helpers/services.ts';

const running = realServices('2026-01-20');
afterAll(() => running.close());

/** Latin words a Korean answer may hold: tickers, index names, series ids, units, and command syntax (option names and values, periods). */
const ALLOWED = new Set(['mtd', 'S&P', 'DFF', 'TOTALSA', 'BAMLH', 'A', 'HYM', 'EPUTRADE', 'EPUFISCAL', 'LSEG', 'I', 'I/B/E/S', 'AI', 'YYYY-MM-DD', 'qtd', 'max', 'd', 'w', 'm', 'y', 'ratio', 'period', 'yes', 'no', 'small', 'large', 'neutral', 'stimulus', 'tariffs', 'easing', 'unchanged', 'worsening', 'autos', 'strong', 'weak', 'revisions', 'valuation', 'IWM', 'IJR', 'SPY', 'QQQ', 'RUT', 'GSPC', 'NDX', 'S', 'P', 'CSV', 'FRED', 'ISM', 'EPS', 'ETF', 'PNG', 'YTD', 'MTD', 'px', 'p', 'vs', 'pp', 'x', 'Russell', 'Nasdaq', 'PMI', 'Fed', 'US', 'CPI', 'GDP', 'PER', 'P/E', 'ytd', 'lang', 'ko', 'en', 'private', 'true', 'false', 'basis', 'index', 'price', 'total', 'chart', 'size', 'from', 'to', 'public', 'term', 'time', 'timezone', 'preset', 'years', 'lead', 'smallcaps', 'seasonality', 'scenario', 'explain', 'rotation', 'help', 'status', 'subscribe', 'unsubscribe']);

async function koreanText(line: string): Promise<string> {
  const outcome = await runText(COMMANDS, line, consoleContext(running, 'ko'), noLog);
  return outcome.output.replies.map((r) => renderText(r, r.chart ? 'out/chart.png' : undefined)).join('\n');
}

describe('Korean answers are in Korean', () => {
  it.each(['/smallcaps ytd', '/smallcaps 1y chart:ratio', '/seasonality', '/scenario', '/explain spread', '/smallcaps fortnight'])('%s: no English beyond names, units and command syntax', async (line) => {
    const text = (await koreanText(line)).replace(/out\/chart\.png/g, '').replace(/`[^`]*`/g, '').replace(/"[^"]*"/g, '').replace(/\/\w+/g, '');
    const latin = [...new Set(text.match(/[A-Za-z][A-Za-z&/.-]*/g) ?? [])].filter((w) => !ALLOWED.has(w) && !ALLOWED.has(w.replace(/[.-]+$/, '')));
    expect(latin, text.slice(0, 2000)).toEqual([]);
  });
});
