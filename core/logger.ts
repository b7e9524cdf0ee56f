import pino from 'pino';
import { secretScrubber } from './ops/scrub-secrets.ts';

export type Logger = pino.Logger;

export type LoggerOptions = {
  /** Values that must never be written (tokens, signing secrets); token-shaped strings are scrubbed as well. */
  readonly secrets?: readonly (string | undefined)[];
  /** Where lines go; default stderr. Tests pass a memory stream. */
  readonly destination?: pino.DestinationStream;
};

/** Structured logs to stderr, so stdout stays clean for `--json`. */
export function createLogger(level: string, options: LoggerOptions = {}): Logger {
  return pino(
    {
      level,
      redact: { paths: ['*.token', '*.secret', '*.signingSecret', 'config.*TOKEN', 'config.*SECRET', 'headers.authorization'], censor: '[redacted]' },
      hooks: { streamWrite: secretScrubber(options.secrets ?? []) },
    },
    options.destination ?? pino.destination(2),
  );
}
