import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { renderChart } from '../core/charts/render-chart.ts';
import { allRealSpecs, ytdLinesSpec } from '../test/core/charts/real-specs.ts';

/** Writes one PNG per chart kind (English wide, Korean square) to out/samples for a look by eye. */
export async function writeChartSamples(dir = path.resolve(process.cwd(), 'out/samples')): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  const specs = [
    ...allRealSpecs('en', 'wide').map((spec) => ({ spec, name: `${spec.kind}-en-wide.png` })),
    ...allRealSpecs('ko', 'square').map((spec) => ({ spec, name: `${spec.kind}-ko-square.png` })),
    { spec: ytdLinesSpec('ko', 'wide', '소형주 대 대형주, 연초 대비'), name: 'lines-ko-wide.png' },
  ];
  for (const { spec, name } of specs) {
    const chart = await renderChart(spec);
    const file = path.join(dir, name);
    writeFileSync(file, chart.png);
    written.push(file);
  }
  return written;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const file of await writeChartSamples()) console.log(file);
}
