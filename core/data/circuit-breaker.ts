export type CircuitState = 'closed' | 'open' | 'half-open';

export type Outcome = 'success' | 'failure' | 'neutral';

/** One request let through; record its outcome exactly once. `neutral` (e.g. the caller gave up) only ends a trial. */
export type Permit = { record(outcome: Outcome): void };

export type CircuitBreaker = {
  /** A permit when a request may go out now; in half-open state only one trial at a time. */
  acquire(): Permit | undefined;
  readonly state: CircuitState;
  readonly consecutiveFailures: number;
  /** Milliseconds until an open circuit lets a trial through (0 otherwise). */
  retryInMs(): number;
};

export type BreakerOptions = {
  /** Consecutive failures that open the circuit. */
  readonly failureThreshold: number;
  /** How long the circuit stays open before a trial request. */
  readonly coolDownMs: number;
  readonly now: () => number;
  readonly onChange?: (state: CircuitState, consecutiveFailures: number) => void;
};

/**
 * A per-provider circuit breaker: after `failureThreshold` failures in a row it stops asking for
 * `coolDownMs` (callers fall back at once instead of waiting on a dead service), then lets a
 * single trial through: success closes it, failure opens it again.
 */
export function createCircuitBreaker({ failureThreshold, coolDownMs, now, onChange }: BreakerOptions): CircuitBreaker {
  let state: CircuitState = 'closed';
  let failures = 0;
  let openedAt = 0;
  let trialOut = false;

  const move = (next: CircuitState) => {
    if (next === state) return;
    state = next;
    onChange?.(state, failures);
  };

  const permit = (trial: boolean): Permit => {
    let done = false;
    return {
      record(outcome) {
        if (done) return;
        done = true;
        if (trial) trialOut = false;
        if (outcome === 'success') {
          failures = 0;
          move('closed');
        } else if (outcome === 'failure') {
          failures += 1;
          if ((trial && state === 'half-open') || (state === 'closed' && failures >= failureThreshold)) {
            openedAt = now();
            move('open');
          }
        }
      },
    };
  };

  return {
    get state() {
      return state;
    },
    get consecutiveFailures() {
      return failures;
    },
    retryInMs: () => (state === 'open' ? Math.max(0, openedAt + coolDownMs - now()) : 0),
    acquire() {
      if (state === 'closed') return permit(false);
      if (state === 'open') {
        if (now() < openedAt + coolDownMs) return undefined;
        move('half-open');
      }
      if (trialOut) return undefined;
      trialOut = true;
      return permit(true);
    },
  };
}
