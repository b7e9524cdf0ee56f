import type { Config } from '../config.ts';

const REDACTED = '[redacted]';

/** Credentials recognisable by their shape, whichever setting or library they came from. */
const PATTERNS: readonly [RegExp, string][] = [
  // Slack bot, user, app-level and configuration tokens.
  [/\bxox[abposre]-[A-Za-z0-9-]+/g, REDACTED],
  [/\bxapp-[A-Za-z0-9-]+/g, REDACTED],
  // Authorization header values.
  [/\b(Bearer|Bot)\s+[A-Za-z0-9._~+/=-]{8,}/g, `$1 ${REDACTED}`],
  // Discord interaction and webhook tokens travel in URL paths.
  [/(\/(?:webhooks|interactions)\/\d+\/)[^/\s"'?#\\]+/g, `$1${REDACTED}`],
  // Slack response_url and incoming-webhook paths grant posting rights.
  [/(hooks\.slack\.com\/(?:commands|actions|services|workflows)\/)[^\s"'\\]+/g, `$1${REDACTED}`],
  // The password in a database URL.
  [/(postgres(?:ql)?:\/\/[^:@\s/]+:)[^@\s]+@/gi, `$1${REDACTED}@`],
  // Discord bot tokens: base64 user id, timestamp, HMAC.
  [/\b[MNO][A-Za-z\d_-]{23,27}\.[A-Za-z\d_-]{6}\.[A-Za-z\d_-]{27,}/g, REDACTED],
];

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Replaces every occurrence of the given secrets (as typed, URL-encoded or JSON-escaped) and
 * anything shaped like a token with "[redacted]". Used on every log line before it is written.
 */
export function secretScrubber(secrets: readonly (string | undefined)[]): (text: string) => string {
  const literals = [...new Set(secrets.filter((s): s is string => typeof s === 'string' && s.length >= 4))].flatMap((s) => [
    s,
    encodeURIComponent(s),
    JSON.stringify(s).slice(1, -1),
  ]);
  const exact = literals.length ? new RegExp([...new Set(literals)].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|'), 'g') : undefined;
  return (text) => {
    let out = exact ? text.replace(exact, REDACTED) : text;
    for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
    return out;
  };
}

/** The settings that hold credentials. */
export function configSecrets(config: Config): (string | undefined)[] {
  const secret: (keyof Config)[] = ['DISCORD_TOKEN', 'SLACK_BOT_TOKEN', 'SLACK_APP_TOKEN', 'SLACK_SIGNING_SECRET', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET', 'FRED_API_KEY', 'DATABASE_URL', 'ROTATION_ENCRYPTION_KEY'];
  return secret.map((name) => (name in config ? String(config[name] ?? '') : undefined)).filter((v) => v !== '');
}
