export type CliRequest =
  | { readonly mode: 'serve' }
  | { readonly mode: 'ask'; readonly line: string }
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
  npm start -- post-now [flags]               print the morning post for a date
Flags: --data DIR  --as-of YYYY-MM-DD  --lang en|ko  --json  --out DIR`;

const VALUE_FLAGS = { '--data': 'data', '--as-of': 'asOf', '--lang': 'lang', '--out': 'out' } as const;

/** Reads `process.argv.slice(2)`; `--flag value` and `--flag=value` both work. */
export function parseCliArgs(argv: readonly string[]): { request: CliRequest; flags: CliFlags } {
  const flags: { data?: string; asOf?: string; lang?: string; out?: string; json: boolean } = { json: false };
  const words: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [name, inline] = arg.includes('=') && arg.startsWith('--') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (name === '--json') flags.json = true;
    else if (name in VALUE_FLAGS) {
      const value = inline ?? argv[++i];
      if (value === undefined || value.startsWith('--')) throw new CliUsageError(`${name} needs a value`);
      flags[VALUE_FLAGS[name as keyof typeof VALUE_FLAGS]] = value;
    } else if (name.startsWith('--')) throw new CliUsageError(`unknown flag ${name}`);
    else words.push(arg);
  }
  const [verb, ...rest] = words;
  if (verb === undefined) return { request: { mode: 'serve' }, flags };
  if (verb === 'ask') {
    if (rest.length === 0) throw new CliUsageError('ask needs a command, for example: ask "/smallcaps ytd"');
    return { request: { mode: 'ask', line: rest.join(' ') }, flags };
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
