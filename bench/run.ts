import { benchEngine, benchSmallcaps } from './smallcaps-bench.ts';
import { benchGlossary } from './glossary-bench.ts';
import { benchCharts, formatChartsBench } from './charts-bench.ts';
import { ms, peakRssMb, verdict } from './stats.ts';
import { benchStartup, STARTUP_TARGETS } from './startup-bench.ts';
import { benchReader } from './reader-bench.ts';
import { benchCalls } from './calls-bench.ts';

/** `npm run bench`: speed and memory figures on the real data. Not part of `npm test`; targets print OK or MISS. */
async function main() {
  const only = new Set(process.argv.slice(2));
  const want = (name: string) => only.size === 0 || only.has(name);

  if (want('startup')) {
    const startup = await benchStartup();
    console.log('== one-shot `ask "/smallcaps ytd"` with chart, compiled (node dist/bots/main.js) ==');
    if (startup === 'not built') console.log('dist/ is missing: run `npm run build` first');
    else {
      const { wallMs: w, peakRssMb: r, viaNpmWallMs: n } = startup;
      console.log(`wall       p50 ${ms(w.p50)}  max ${ms(w.p99)}  [${verdict(w.p50, STARTUP_TARGETS.wallMs)} p50 < ${STARTUP_TARGETS.wallMs} ms]  (${startup.runs} runs)`);
      console.log(`peak RSS   p50 ${r.p50.toFixed(0)} MB  max ${r.p99.toFixed(0)} MB  [${verdict(r.p50, STARTUP_TARGETS.peakRssMb)} p50 < ${STARTUP_TARGETS.peakRssMb} MB]`);
      console.log(`npm start  p50 ${ms(n.p50)}  max ${ms(n.p99)}  (npm's own start-up included)`);
    }
  }
  if (want('smallcaps')) {
    const engine = await benchEngine();
    console.log('== market engine (IWM, SPY, ^GSPC: ~30 years of daily closes) ==');
    console.log(`ytd, warm  p50 ${ms(engine.ytd.p50)}  p99 ${ms(engine.ytd.p99)}  [${verdict(engine.ytd.p50, 2)} p50 < 2 ms]`);
    console.log(`max, warm  p50 ${ms(engine.max.p50)}  p99 ${ms(engine.max.p99)}`);
    console.log(`ytd, cold  p50 ${ms(engine.ytdCold.p50)}  p99 ${ms(engine.ytdCold.p99)}  (new series arrays every call)`);
    const command = await benchSmallcaps();
    console.log('== /smallcaps ytd end to end, warm SQLite cache ==');
    console.log(`without chart  p50 ${ms(command.noChart.p50)}  p99 ${ms(command.noChart.p99)}  [${verdict(command.noChart.p99, 20)} p99 < 20 ms]`);
    console.log(`with chart     p50 ${ms(command.withChart.p50)}  p99 ${ms(command.withChart.p99)}  [${verdict(command.withChart.p99, 120)} p99 < 120 ms]`);
  }
  if (want('glossary')) {
    const g = benchGlossary();
    console.log(`== glossary: ${g.queries} queries ==`);
    console.log(`lookup        p50 ${ms(g.lookupMs.p50)}  p99 ${ms(g.lookupMs.p99)}  [${verdict(g.lookupMs.p99, 2)} p99 < 2 ms]`);
    console.log(`autocomplete  p50 ${ms(g.autocompleteMs.p50)}  p99 ${ms(g.autocompleteMs.p99)}  [${verdict(g.autocompleteMs.p99, 2)} p99 < 2 ms]`);
  }
  if (want('reader')) {
    const r = await benchReader();
    console.log('== plain words: question reader and article reader ==');
    console.log(`reading a question                 p50 ${ms(r.question.p50)}  p99 ${ms(r.question.p99)}  [${verdict(r.question.p99, 5)} p99 < 5 ms]  (${r.question.n} reads)`);
    console.log(`reading a ${r.articleChars.toLocaleString('en-US')}-character article incl. claim checks on cached data  p50 ${ms(r.article.p50)}  p99 ${ms(r.article.p99)}  [${verdict(r.article.p99, 50)} p99 < 50 ms]`);
  }
  if (want('calls')) {
    const c = await benchCalls();
    console.log(`== team calls: scheduler settlement work, ${c.calls.toLocaleString('en-US')} calls on a SQLite file ==`);
    console.log(`tick settling one close's calls (${c.postsPerDueTick.toFixed(1)} on average), posts included  p50 ${ms(c.dueTick.p50)}  max ${ms(c.dueTick.p99)}  [${verdict(c.dueTick.p50, 50)} p50 < 50 ms]  (${c.dueTick.n} closes; the max is the first, cold tick, and Mondays settle the weekend's deadlines too)`);
    console.log(`tick with nothing due  p50 ${ms(c.quietTick.p50)}  p99 ${ms(c.quietTick.p99)}  [${verdict(c.quietTick.p99, 20)} p99 < 20 ms]`);
    console.log(`building one settlement post  p50 ${ms(c.settlementPost.p50)}  p99 ${ms(c.settlementPost.p99)}`);
  }
  if (want('charts')) {
    console.log('== charts ==');
    console.log(formatChartsBench(await benchCharts()));
  }
  console.log(`== peak RSS ${peakRssMb().toFixed(0)} MB  [${verdict(peakRssMb(), 200)} < 200 MB] ==`);
}

await main();
process.exit(0);
