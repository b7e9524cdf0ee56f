/** Calls `send(i)` for each i < count at `start + i * intervalMs`, as closely as timers allow; resolves with what each call returned and how long sending took. */
export async function paced<T>(count: number, intervalMs: number, send: (i: number) => T): Promise<{ results: T[]; spanMs: number }> {
  const results: T[] = [];
  const start = performance.now();
  for (let i = 0; i < count; i++) {
    const wait = start + i * intervalMs - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    results.push(send(i));
  }
  return { results, spanMs: performance.now() - start };
}

/** Polls `done` every 50 ms until it holds or `timeoutMs` has passed. */
export async function waitUntil(done: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline && !done()) await new Promise((r) => setTimeout(r, 50));
}
