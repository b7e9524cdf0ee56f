import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ReplyChart } from '../../core/reply.ts';

export async function saveChart(outDir: string, chart: ReplyChart): Promise<string> {
  await mkdir(outDir, { recursive: true });
  const file = path.join(outDir, path.basename(chart.filename));
  await writeFile(file, chart.png);
  return file;
}
