import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadScenarioData } from '../../commands/scenario-load.ts';
import { assess } from '../../core/scenarios/assess.ts';
import { countSources } from '../../core/scenarios/source-counts.ts';
import { createServices } from '../../bots/services.ts';
import { loadConfig } from '../../core/config.ts';
import { MARKET_DATA_DIR } from '../helpers/market-data.ts';
import { realServices } from '../helpers/services.ts';

const reading = async (asOf: string) => {
  const running = realServices(asOf);
  try {
    const data = await loadScenarioData(running.services, asOf);
    const a = assess(data.factors);
    return { verdict: a.verdict, evidence: countSources(a.factors), states: Object.fromEntries(Object.values(data.factors).map((f) => [f.id, f.state])) };
  } finally {
    await running.close();
  }
};

describe('the scorecard on ../shared/market-data at other dates', () => {
  it('reads mid-June 2025: large caps leading after the tariff shock, calm credit, a cheap relative price', async () => {
    const r = await reading('2025-06-16');
    expect(r.verdict).toBe('mixed');
    expect(r.evidence).toMatchObject({ data: 7, unknown: 4 });
    expect(r.states).toMatchObject({ momentum: 'large-leading', ism: 'contracting', housing: 'steady', credit: 'calm', valuation: 'small' });
  });

  it('reads 1 April 2020 as stressed credit (HY spread 8.77%, +5.17 pp in 3 months)', async () => {
    const r = await reading('2020-04-01');
    expect(r.states).toMatchObject({ credit: 'stressed', momentum: 'large-leading', monetary: 'easing', housing: 'strong' });
    expect(r.evidence.data).toBeGreaterThanOrEqual(7);
  });
});

describe('RELATIVE_PE.csv and the ISM file take precedence', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'scenario-relative-pe-'));
  for (const f of ['IWM', 'SPY']) symlinkSync(path.join(MARKET_DATA_DIR, `${f}.csv`), path.join(dir, `${f}.csv`));
  mkdirSync(path.join(dir, 'macro'));
  // Monthly relative forward P/E from 2004, high (small caps dear) for the last reading.
  const rows = ['date,ratio'];
  for (let y = 2004; y <= 2025; y++) for (let m = 1; m <= 12; m++) rows.push(`${y}-${String(m).padStart(2, '0')}-15,${(0.8 + 0.1 * Math.sin(y + m / 12)).toFixed(3)}`);
  rows.push('2026-01-15,1.5');
  writeFileSync(path.join(dir, 'macro', 'RELATIVE_PE.csv'), `${rows.join('\n')}\n`);
  const running = createServices(loadConfig({ ROTATION_DATA_DIR: dir, ROTATION_AS_OF: '2026-01-20', ROTATION_DB_PATH: ':memory:', ROTATION_RENDER_POOL_SIZE: '1' }, {}));
  afterAll(async () => {
    await running.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('uses the relative P/E instead of the price gauge when the file is there', async () => {
    const data = await loadScenarioData(running.services, '2026-01-20');
    expect(data.factors.valuation).toMatchObject({ state: 'large', source: 'data', asOf: '2026-01-15', detail: { measure: 'relative-pe', series: 'RELATIVE_PE', ratio: 1.5, percentile10y: 100, percentile20y: 100 } });
  });
});
