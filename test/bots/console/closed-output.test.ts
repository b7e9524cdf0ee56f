import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { COMPILED_MAIN } from '../../helpers/compiled.ts';
import { botProcessEnv } from '../../helpers/bot-process.ts';

describe('the console with its output closed early', () => {
  it('stops quietly when piped into head: exit code 0, no stack trace', async () => {
    // An article answer is written in several parts; head leaves after the first line.
    const pipeline = `set -o pipefail; "${process.execPath}" "${COMPILED_MAIN}" ask "/read Small caps lead large caps by 10% this year." | head -1 >/dev/null; echo "status $?"`;
    const child = spawn('bash', ['-c', pipeline], { env: botProcessEnv({}), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    await new Promise((resolve) => child.on('exit', resolve));
    expect(stderr).not.toMatch(/EPIPE|Error|\n\s+at /);
    expect(stdout.trim()).toBe('status 0');
  }, 30_000);
});
