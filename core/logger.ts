import pino from 'pino';

export type Logger = pino.Logger;

/** Structured logs to stderr, so stdout stays clean for `--json`. */
export function createLogger(level: string): Logger {
  return pino(
    {
      level,
      redact: { paths: ['*.token', '*.secret', '*.signingSecret', 'config.*TOKEN', 'config.*SECRET', 'headers.authorization'], censor: '[redacted]' },
    },
    pino.destination(2),
  );
}
