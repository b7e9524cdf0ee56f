import { renderChart } from './render-chart.ts';
import { serveRenders } from './worker-protocol.ts';
import { registerChartFonts } from './fonts.ts';

// Before 'ready': the pool starts the next worker only then, so the process-wide font table is filled once.
registerChartFonts();
serveRenders(renderChart);
