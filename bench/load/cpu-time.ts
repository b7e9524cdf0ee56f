import { readFileSync } from 'node:fs';

/** Linux's USER_HZ: /proc counts CPU time in these ticks on every mainstream kernel. */
const TICKS_PER_SECOND = 100;

/** CPU seconds (user + system, all threads) process `pid` has used, from /proc; undefined where there is none. */
export function processCpuSeconds(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after "pid (comm) ": state is field 3, utime 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

/** CPU seconds this process has used, all threads. */
export const ownCpuSeconds = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};

/** Busy CPU seconds of the whole machine since boot, all cores together, from /proc/stat. */
export function machineBusySeconds(): number | undefined {
  try {
    const [user, nice, system, , , irq, softirq, steal] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    return (user! + nice! + system! + irq! + softirq! + steal!) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

/** CPU use at one instant: the given processes together, this process, the whole machine. */
export type CpuSnapshot = { readonly at: number; readonly processes: number | undefined; readonly own: number; readonly machine: number | undefined };

/** CPU seconds spent between two snapshots, and the wall-clock seconds between them. */
export type CpuSpent = { readonly processes: number; readonly own: number; readonly machine: number; readonly seconds: number };

export function cpuSnapshot(pids: readonly number[]): CpuSnapshot {
  const each = pids.map(processCpuSeconds);
  return { at: performance.now(), processes: each.every((s) => s !== undefined) ? each.reduce((a, b) => a + b, 0) : undefined, own: ownCpuSeconds(), machine: machineBusySeconds() };
}

/** Undefined where /proc could not be read. */
export function cpuSpent(before: CpuSnapshot, after: CpuSnapshot): CpuSpent | undefined {
  if (before.processes === undefined || after.processes === undefined || before.machine === undefined || after.machine === undefined) return undefined;
  return { processes: after.processes - before.processes, own: after.own - before.own, machine: after.machine - before.machine, seconds: (after.at - before.at) / 1000 };
}
