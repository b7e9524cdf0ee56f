import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMPILED_DIR } from '../helpers/compiled.ts';
import { NODE_FLAGS } from '../../core/runtime/node-flags.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

function jsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? jsFiles(path.join(dir, e.name)) : e.name.endsWith('.js') ? [path.join(dir, e.name)] : []));
}

describe('the compiled runtime', () => {
  it('starts the compiled JavaScript, built by `npm ci` through the prepare script', () => {
    expect(pkg.scripts.start).toBe(['node', ...NODE_FLAGS, 'dist/bots/main.js'].join(' '));
    expect(pkg.scripts.prepare).toBe('npm run build');
    expect(pkg.scripts.build).toContain('tsc -p tsconfig.build.json');
  });

  it('needs neither tsx nor ws at run time', () => {
    for (const name of ['tsx', 'ws']) {
      expect(pkg.dependencies[name], name).toBeUndefined();
      expect(pkg.devDependencies[name], name).toBeDefined();
    }
  });

  it('imports only JavaScript, and reaches for tsx only when running from the sources', () => {
    const files = jsFiles(COMPILED_DIR);
    expect(files.length).toBeGreaterThan(100);
    for (const file of files) {
      const code = readFileSync(file, 'utf8');
      const relative = path.relative(COMPILED_DIR, file);
      expect([...code.matchAll(/(?:from|import\()\s*['"](\.[^'"]+)['"]/g)].map((m) => m[1]).filter((s) => !/\.(js|json)$/.test(s!)), relative).toEqual([]);
      expect(code, relative).not.toMatch(/from ['"]ws['"]/);
      if (/['"]tsx['"]|tsx\/package\.json/.test(code)) expect(code, `${relative} loads tsx without checking`).toMatch(/isTypeScript\(/);
    }
  });
});
