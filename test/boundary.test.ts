import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? sources(full) : full.endsWith('.ts') ? [full] : [];
  });
}

const importsOf = (file: string) => [...readFileSync(file, 'utf8').matchAll(/from\s+['"]([^'"]+)['"]/g)].map((m) => m[1]!);

describe('architecture boundaries', () => {
  const coreAndCommands = [...sources('core'), ...sources('commands')];

  it.each(coreAndCommands)('%s imports no platform SDK, scheduler or adapter', (file) => {
    for (const spec of importsOf(file)) {
      expect(spec).not.toMatch(/^(discord\.js|@discordjs\/|@slack\/|node-cron)/);
      expect(spec).not.toMatch(/(^|\/)bots\//);
    }
  });

  it('reads the environment only in core/config.ts', () => {
    const readers = [...coreAndCommands, ...sources('bots')].filter((f) => /process\.env\b/.test(readFileSync(f, 'utf8')));
    expect(readers.filter((f) => f !== path.join('core', 'config.ts'))).toEqual([]);
  });
});
