import os from 'node:os';
import { z } from 'zod';
import { isIsoDate } from './market/period.ts';
import { isValidTimeZone, parseHhMm } from './calendar/index.ts';
import { parseEncryptionKey } from './store/token-cipher.ts';

const symbols = (fallback: string) =>
  z.string().default(fallback).transform((s, ctx) => {
    const list = s.split(',').map((x) => x.trim().toUpperCase()).filter(Boolean);
    if (list.length === 0 || list.some((x) => !/^\^?[A-Z0-9.\-=]{1,15}$/.test(x))) {
      ctx.addIssue({ code: 'custom', message: 'expected comma-separated ticker symbols such as IWM,IJR' });
    }
    return list;
  });

const optionalText = z.string().trim().min(1).optional();
const url = z.url().optional();
const isoDate = z.string().refine(isIsoDate, 'expected a date as YYYY-MM-DD').optional();
const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);
const minutes = (fallback: number, max: number) => z.coerce.number().int().min(1).max(max).default(fallback);
const flag = (fallback: boolean) =>
  z.string().default(String(fallback)).transform((s, ctx) => {
    const v = s.trim().toLowerCase();
    if (!['true', 'false', '1', '0', 'yes', 'no'].includes(v)) ctx.addIssue({ code: 'custom', message: 'expected true or false' });
    return v === 'true' || v === '1' || v === 'yes';
  });
const hhMm = (fallback: string) => z.string().default(fallback).refine((s) => parseHhMm(s) !== undefined, 'expected a time as HH:MM, e.g. 08:30');
const timeZone = (fallback: string) => z.string().default(fallback).refine(isValidTimeZone, 'expected an IANA time zone, e.g. America/New_York or Asia/Seoul');
export const SLACK_ROLES = ['admin', 'owner', 'primary_owner', 'member'] as const;
const slackRoles = z.string().default('admin,owner').transform((s, ctx) => {
  const list = s.split(',').map((x) => x.trim().toLowerCase()).filter(Boolean);
  if (list.length === 0 || list.some((x) => !(SLACK_ROLES as readonly string[]).includes(x))) {
    ctx.addIssue({ code: 'custom', message: `expected comma-separated roles among ${SLACK_ROLES.join(', ')}` });
  }
  return list as (typeof SLACK_ROLES)[number][];
});

/** Every setting the bot reads. Names are the environment variables; README lists them. */
const schema = z.object({
  ROTATION_DATA_DIR: optionalText,
  ROTATION_DB_PATH: z.string().default('./data/rotation.db'),
  ROTATION_OUT_DIR: z.string().default('./out'),
  ROTATION_AS_OF: isoDate,
  ROTATION_LANG: z.enum(['en', 'ko']).default('en'),
  ROTATION_SMALL: symbols('IWM,IJR'),
  ROTATION_LARGE: symbols('SPY,QQQ'),
  ROTATION_SMALL_INDEX: symbols('^RUT,^SP600'),
  ROTATION_LARGE_INDEX: symbols('^GSPC,^NDX'),
  ROTATION_CACHE_TTL_MINUTES: positiveInt(15),
  ROTATION_FETCH_TIMEOUT_MS: positiveInt(10_000),
  ROTATION_CHART_SIZE: z.enum(['wide', 'square']).default('wide'),
  ROTATION_RENDER_POOL_SIZE: positiveInt(os.availableParallelism()),
  ROTATION_RENDER_TIMEOUT_MS: positiveInt(5_000),
  ROTATION_POST_TIME: hhMm('08:30'),
  ROTATION_POST_TIMEZONE: timeZone('America/New_York'),
  ROTATION_POST_RETRY_MINUTES: minutes(30, 240),
  ROTATION_POST_GRACE_MINUTES: minutes(120, 720),
  ROTATION_POST_CLOSED_NOTICE: flag(false),
  FRED_API_KEY: optionalText,
  FRED_API_URL: url,
  FRED_GRAPH_URL: url,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DISCORD_TOKEN: optionalText,
  DISCORD_APPLICATION_ID: optionalText,
  DISCORD_GUILD_ID: optionalText,
  DISCORD_API_URL: url,
  DISCORD_SHARDS: z
    .string()
    .trim()
    .toLowerCase()
    .refine((s) => s === 'auto' || /^[1-9]\d{0,3}$/.test(s), 'expected auto or a number of shards such as 2')
    .transform((s): 'auto' | number => (s === 'auto' ? 'auto' : Number(s)))
    .optional(),
  SLACK_BOT_TOKEN: optionalText,
  SLACK_APP_TOKEN: optionalText,
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_API_URL: url,
  SLACK_CLIENT_ID: optionalText,
  SLACK_CLIENT_SECRET: optionalText,
  SLACK_STATE_SECRET: optionalText,
  SLACK_SUBSCRIBE_ROLES: slackRoles,
  SLACK_COMMAND_PREFIX: z.string().regex(/^[a-z0-9_-]*$/, 'lowercase letters, digits, - or _').default(''),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  OPS_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  ROTATION_READY_MAX_DATA_AGE_HOURS: positiveInt(36),
  ROTATION_RATE_USER_PER_MIN: positiveInt(6),
  ROTATION_RATE_CHANNEL_PER_MIN: positiveInt(20),
  ROTATION_MAX_CONCURRENT: positiveInt(os.availableParallelism()),
  ROTATION_MAX_QUEUE: positiveInt(500),
  ROTATION_MAX_BODY_KB: positiveInt(1024),
  ROTATION_FETCH_RETRIES: z.coerce.number().int().min(0).max(5).default(2),
  ROTATION_BREAKER_FAILURES: positiveInt(5),
  ROTATION_BREAKER_COOLDOWN_SECONDS: positiveInt(60),
  ROTATION_SHUTDOWN_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(120).default(10),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\/\S+$/i, 'expected a postgres://user:password@host:5432/database URL').optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  ROTATION_ENCRYPTION_KEY: z.string().refine((s) => parseEncryptionKey(s) !== undefined, 'expected 32 bytes as base64 or 64 hex digits, e.g. from `openssl rand -base64 32`').optional(),
});

export type Config = z.infer<typeof schema>;

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid settings:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

/**
 * Parses the environment once, reporting every problem at once, each naming its variable.
 * `overrides` (command-line flags) win over the environment.
 */
export function loadConfig(overrides: Env = {}, env: Env = process.env): Config {
  const merged = { ...env, ...overrides };
  const cleaned = Object.fromEntries(Object.entries(merged).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const problems: string[] = [];
  const c = parsed.data;
  if (c.DISCORD_TOKEN && !c.DISCORD_APPLICATION_ID) problems.push('DISCORD_APPLICATION_ID: required when DISCORD_TOKEN is set');
  if (c.SLACK_BOT_TOKEN && !c.SLACK_APP_TOKEN && !c.SLACK_SIGNING_SECRET) {
    problems.push('SLACK_SIGNING_SECRET: required for HTTP mode when SLACK_BOT_TOKEN is set without SLACK_APP_TOKEN');
  }
  const oauth = c.SLACK_CLIENT_ID || c.SLACK_CLIENT_SECRET || c.SLACK_STATE_SECRET;
  if (oauth) problems.push(...slackOAuthProblems(c));
  else if ((c.SLACK_APP_TOKEN || c.SLACK_SIGNING_SECRET) && !c.SLACK_BOT_TOKEN) problems.push('SLACK_BOT_TOKEN: required when other Slack settings are set');
  if (problems.length) throw new ConfigError(problems);
  return c;
}

/** Slack's OAuth install flow (many workspaces) runs in HTTP mode and keeps tokens encrypted; one workspace's token is the other mode. */
function slackOAuthProblems(c: Config): string[] {
  const problems: string[] = [];
  for (const name of ['SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET', 'SLACK_SIGNING_SECRET'] as const) {
    if (!c[name]) problems.push(`${name}: required for Slack's OAuth install flow (SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET and SLACK_SIGNING_SECRET go together)`);
  }
  if (!c.ROTATION_ENCRYPTION_KEY) problems.push('ROTATION_ENCRYPTION_KEY: required with SLACK_CLIENT_ID, to encrypt the workspaces\' tokens at rest');
  if (c.SLACK_BOT_TOKEN) problems.push('SLACK_BOT_TOKEN: set either SLACK_BOT_TOKEN (one workspace) or SLACK_CLIENT_ID (OAuth, many workspaces), not both');
  if (c.SLACK_APP_TOKEN) problems.push('SLACK_APP_TOKEN: the OAuth install flow needs HTTP mode; unset SLACK_APP_TOKEN or SLACK_CLIENT_ID');
  return problems;
}

/** The variables and their defaults, for `.env.example` and the README table check. */
export const SETTING_NAMES = Object.keys(schema.shape) as (keyof Config)[];

/** The environment's variables whose names match, for tools (benches) that take only some settings from it. */
export function environmentSettings(names: RegExp): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => names.test(k)));
}
