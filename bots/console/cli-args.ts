import { parseArgs } from 'node:util';

export type CliRequest =
  | { readonly mode: 'serve' }
  | { readonly mode: 'ask'; readonly line: string }
  | { readonly mode: 'read'; readonly file: string }
  | { readonly mode: 'post-now' };

export type CliFlags = {
  readonly data?: string;
  readonly asOf?: string;
  readonly lang?: string;
  readonly out?: string;
  readonly json: boolean;
};

export class CliUsageError extends Error {}

export const CLI_USAGE = `Usage:
  npm start                                   run the bot (the console when no platform tokens are set)
  npm start -- ask "/smallcaps ytd" [flags]    answer one command and exit
  npm start -- ask "are small caps winning this year?"   the same, asked in plain words
  npm start -- read FILE [flags]              read an article (FILE, or - for standard input): its terms and checkable claims
  npm start -- post-now [flags]               print the morning post for a date
Flags: --data DIR|sample  --as-of YYYY-MM-DD  --lang en|ko  --json  --out DIR`;

const OPTIONS = {
  data: { type: 'string' },
  'as-of': { type: 'string' },
  lang: { type: 'string' },
  out: { type: 'string' },
  json: { type: 'boolean', default: false },
} as const;

/** parseArgs' errors in our words: which flag, and what is wrong with it. */
function usageError(error: unknown): CliUsageError {
  const code = (error as { code?: string }).code;
  const flag = /'(--?[\w-]+)/.exec(error instanceof Error ? error.message : '')?.[1] ?? 'a flag';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return new CliUsageError(`unknown flag ${flag}`);
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return new CliUsageError(/does not take/.test(String((error as Error).message)) ? `${flag} takes no value` : `${flag} needs a value`);
  return new CliUsageError(error instanceof Error ? error.message : String(error));
}

/** Reads `process.argv.slice(2)` with node:util's parseArgs; `--flag value` and `--flag=value` both work. */
export function parseCliArgs(argv: readonly string[]): { request: CliRequest; flags: CliFlags } {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    if (error instanceof TypeError && 'code' in error) throw usageError(error);
    throw error;
  }
  const { values, positionals } = parsed;
  const flags: CliFlags = {
    json: values.json,
    ...(values.data !== undefined ? { data: values.data } : {}),
    ...(values['as-of'] !== undefined ? { asOf: values['as-of'] } : {}),
    ...(values.lang !== undefined ? { lang: values.lang } : {}),
    ...(values.out !== undefined ? { out: values.out } : {}),
  };
  const [verb, ...rest] = positionals;
  if (verb === undefined) return { request: { mode: 'serve' }, flags };
  if (verb === 'ask') {
    if (rest.length === 0) throw new CliUsageError('ask needs a command or a question, for example: ask "/smallcaps ytd" or ask "are small caps beating the S&P this year?"');
    return { request: { mode: 'ask', line: rest.join(' ') }, flags };
  }
  if (verb === 'read') {
    if (rest.length !== 1) throw new CliUsageError('read needs one file, or - for standard input, for example: read article.txt');
    return { request: { mode: 'read', file: rest[0]! }, flags };
  }
  if (verb === 'post-now') {
    if (rest.length) throw new CliUsageError(`post-now takes no words, only flags (got "${rest.join(' ')}")`);
    return { request: { mode: 'post-now' }, flags };
  }
  throw new CliUsageError(`unknown command "${verb}"`);
}

/** Flags become the settings they stand for, on top of the environment. */
export function flagsToEnv(flags: CliFlags): Record<string, string> {
  const env: Record<string, string> = {};
  if (flags.data) env.ROTATION_DATA_DIR = flags.data;
  if (flags.asOf) env.ROTATION_AS_OF = flags.asOf;
  if (flags.lang) env.ROTATION_LANG = flags.lang;
  if (flags.out) env.ROTATION_OUT_DIR = flags.out;
  return env;
}
