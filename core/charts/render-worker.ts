import { renderChart } from './render-chart.ts';
import { serveRenders } from './worker-protocol.ts';

serveRenders(renderChart);
