import { describe, expect, it } from 'vitest';
import { CliUsageError, flagsToEnv, parseCliArgs } from '../../../bots/console/cli-args.ts';

const usage = (argv: string[]) => {
  try {
    parseCliArgs(argv);
  } catch (error) {
    expect(error).toBeInstanceOf(CliUsageError);
    return (error as Error).message;
  }
  throw new Error(`${argv.join(' ')} was accepted`);
};

describe('the command line', () => {
  it('reads a one-shot question with its flags, in either spelling', () => {
    expect(parseCliArgs(['ask', '/smallcaps', 'ytd', '--data', 'd', '--as-of=2026-01-20', '--lang', 'ko', '--json', '--out', 'o'])).toEqual({
      request: { mode: 'ask', line: '/smallcaps ytd' },
      flags: { data: 'd', asOf: '2026-01-20', lang: 'ko', out: 'o', json: true },
    });
  });

  it('serves with no words, and prints the post with post-now', () => {
    expect(parseCliArgs([]).request).toEqual({ mode: 'serve' });
    expect(parseCliArgs(['post-now', '--json'])).toEqual({ request: { mode: 'post-now' }, flags: { json: true } });
  });

  it('says what is wrong with a flag or a word', () => {
    expect(usage(['--bogus'])).toBe('unknown flag --bogus');
    expect(usage(['ask', '/help', '--data'])).toBe('--data needs a value');
    expect(usage(['ask', '/help', '--data', '--json'])).toBe('--data needs a value');
    expect(usage(['--json=yes'])).toBe('--json takes no value');
    expect(usage(['ask'])).toContain('ask needs a command');
    expect(usage(['post-now', 'today'])).toContain('post-now takes no words');
    expect(usage(['serve-now'])).toBe('unknown command "serve-now"');
  });

  it('turns flags into the settings they stand for', () => {
    expect(flagsToEnv({ data: 'd', asOf: '2026-01-20', lang: 'ko', out: 'o', json: false })).toEqual({ ROTATION_DATA_DIR: 'd', ROTATION_AS_OF: '2026-01-20', ROTATION_LANG: 'ko', ROTATION_OUT_DIR: 'o' });
  });
});
