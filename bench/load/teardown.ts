type Step = { readonly name: string; readonly run: () => unknown; readonly onExit: (() => void) | undefined; done: boolean };

/**
 * What a bench started and must stop, newest first: on a normal end, on an error, and on
 * SIGINT/SIGTERM (then the process exits 130/143). A step's `onExit` runs synchronously when the
 * process exits before the step did (a second Ctrl-C, `process.exit` elsewhere), for what must
 * not outlive the bench.
 */
export function createTeardown(log: (line: string) => void = (line) => process.stderr.write(`${line}\n`)) {
  const steps: Step[] = [];
  let running: Promise<void> | undefined;

  const run = () =>
    (running ??= (async () => {
      for (const step of [...steps].reverse()) {
        try {
          await step.run();
        } catch (error) {
          log(`cleaning up (${step.name}) failed: ${error instanceof Error ? error.message : String(error)}`);
        }
        step.done = true;
      }
    })());

  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
    process.on(signal, () => {
      if (running) {
        log(`${signal} again: exiting now`);
        process.exit(code);
      }
      log(`${signal}: stopping what the bench started`);
      void run().finally(() => process.exit(code));
    });
  }
  process.once('exit', () => {
    for (const step of [...steps].reverse()) if (!step.done) step.onExit?.();
  });

  return {
    add(name: string, run: () => unknown, onExit?: () => void): void {
      steps.push({ name, run, onExit, done: false });
    },
    run,
  };
}
