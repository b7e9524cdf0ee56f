import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const PURE = [
  'block-kit.ts',
  'build-manifest.ts',
  'oauth-pages.ts',
  'parse-slack-text.ts',
  'render-slack.ts',
  'slack-paths.ts',
  'slack-texts.ts',
  'user-info-cache.ts',
];
const importsOf = (file: string) => [...readFileSync(file, 'utf8').matchAll(/from\s+['"]([^'"]+)['"]/g)].map((m) => m[1]!);

describe('Slack adapter boundaries', () => {
  it.each(PURE)('bots/slack/%s is pure: no Slack SDK, no network, no I/O', (name) => {
    for (const spec of importsOf(path.join('bots', 'slack', name))) {
      expect(spec).not.toMatch(/^(@slack\/|node:(http|https|net|fs|child_process)$|ws$)/);
    }
  });
});
