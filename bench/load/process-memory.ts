import { readFileSync } from 'node:fs';

/** Resident and peak resident memory of process `pid` in MB (all its threads), from /proc; undefined where there is none. */
export function processMemoryMb(pid: number): { readonly rss: number; readonly peak: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
    const rss = kb('VmRSS');
    const peak = kb('VmHWM');
    return Number.isFinite(rss) && Number.isFinite(peak) ? { rss: rss / 1024, peak: peak / 1024 } : undefined;
  } catch {
    return undefined;
  }
}

/** Each process's RSS while a phase runs: the median and highest of readings every `everyMs`, and its peak RSS so far. */
export type RssFigures = { readonly p50Mb: number; readonly maxMb: number; readonly peakMb: number; readonly readings: number };

export function sampleRss(pids: readonly number[], everyMs = 250): { stop(): (RssFigures | undefined)[] } {
  const readings = pids.map(() => [] as number[]);
  const read = () => pids.forEach((pid, i) => {
    const mb = processMemoryMb(pid);
    if (mb) readings[i]!.push(mb.rss);
  });
  read();
  const timer = setInterval(read, everyMs);
  return {
    stop() {
      clearInterval(timer);
      read();
      return pids.map((pid, i) => {
        const sorted = [...readings[i]!].sort((a, b) => a - b);
        const peak = processMemoryMb(pid)?.peak;
        if (!sorted.length || peak === undefined) return undefined;
        return { p50Mb: sorted[Math.floor(sorted.length / 2)]!, maxMb: sorted.at(-1)!, peakMb: peak, readings: sorted.length };
      });
    },
  };
}
