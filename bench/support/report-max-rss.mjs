// Preloaded into a one-shot bot by the start-up bench: writes the process's peak RSS (all threads) where it is told.
import { writeFileSync } from 'node:fs';
process.on('exit', () => {
  if (process.env.BENCH_MAX_RSS_FILE) writeFileSync(process.env.BENCH_MAX_RSS_FILE, String(process.resourceUsage().maxRSS));
});
