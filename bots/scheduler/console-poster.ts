import type { Reply } from '../../core/reply.ts';
import type { Poster } from './poster.ts';
import type { ConsoleIo } from '../console/console-bot.ts';
import { renderText } from '../console/render-text.ts';
import { saveChart } from '../console/save-chart.ts';

/** Prints scheduled posts for the `console` platform, saving charts under `outDir`. */
export function createConsolePoster(io: Pick<ConsoleIo, 'out'>, outDir: string): Poster {
  return {
    platform: 'console',
    async post(channelId: string, replies: readonly Reply[]) {
      for (const reply of replies) {
        const chartPath = reply.chart ? await saveChart(outDir, reply.chart) : undefined;
        io.out(`[${channelId}] ${renderText(reply, chartPath)}`);
      }
    },
  };
}
