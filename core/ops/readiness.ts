export type ReadinessState = {
  /** Shutdown has begun: the process is still up but should get no new traffic. */
  readonly shuttingDown: boolean;
  readonly adapters: readonly { readonly name: string; readonly connected: boolean }[];
  readonly database: { readonly open: boolean };
  /**
   * How long the newest close has been overdue, in hours: 0 when the data holds the latest
   * completed session. Undefined with a reason when it could not be found out.
   */
  readonly data: { readonly overdueHours: number; readonly symbol: string; readonly lastDate: string } | { readonly error: string };
  readonly maxDataAgeHours: number;
};

export type Check = { readonly name: string; readonly ok: boolean; readonly detail: string };

export type Readiness = { readonly ready: boolean; readonly checks: readonly Check[] };

/** Whether the bot should receive traffic, check by check, so the probe's body says what is wrong. */
export function readiness(state: ReadinessState): Readiness {
  const checks: Check[] = [
    { name: 'accepting', ok: !state.shuttingDown, detail: state.shuttingDown ? 'shutting down' : 'taking commands' },
    ...(state.adapters.length === 0
      ? [{ name: 'adapters', ok: false, detail: 'no adapter is running' }]
      : state.adapters.map((a) => ({ name: `adapter:${a.name}`, ok: a.connected, detail: a.connected ? 'connected' : 'not connected' }))),
    { name: 'database', ok: state.database.open, detail: state.database.open ? 'open' : 'closed' },
    'error' in state.data
      ? { name: 'data', ok: false, detail: state.data.error }
      : {
          name: 'data',
          ok: state.data.overdueHours <= state.maxDataAgeHours,
          detail:
            state.data.overdueHours === 0
              ? `${state.data.symbol} is current (last close ${state.data.lastDate})`
              : `${state.data.symbol} last close ${state.data.lastDate}, a newer session closed ${Math.round(state.data.overdueHours)} h ago (allowed ${state.maxDataAgeHours} h)`,
        },
  ];
  return { ready: checks.every((c) => c.ok), checks };
}
