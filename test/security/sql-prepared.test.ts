import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');

type Template = { readonly file: string; readonly line: number; readonly text: string; readonly exprs: readonly string[] };

/**
 * The template literals of a TypeScript source, with their `${…}` expressions. A small lexer that
 * knows comments, quotes and nested templates, which is all SQL-building code needs.
 */
function templatesOf(src: string, file: string): Template[] {
  const found: Template[] = [];
  const lineAt = (i: number) => src.slice(0, i).split('\n').length;
  const quoted = (i: number, q: string) => {
    for (i += 1; i < src.length && src[i] !== q && src[i] !== '\n'; i++) if (src[i] === '\\') i++;
    return i + 1;
  };
  const code = (i: number, nested: boolean): number => {
    let depth = 0;
    while (i < src.length) {
      const c = src[i];
      if (c === '/' && src[i + 1] === '/') i = src.indexOf('\n', i) < 0 ? src.length : src.indexOf('\n', i);
      else if (c === '/' && src[i + 1] === '*') i = src.indexOf('*/', i + 2) + 2;
      else if (c === '"' || c === "'") i = quoted(i, c);
      else if (c === '`') i = template(i);
      else {
        if (c === '{') depth++;
        if (c === '}' && depth-- === 0 && nested) return i;
        i++;
      }
    }
    return i;
  };
  const template = (start: number): number => {
    let i = start + 1;
    let text = '';
    const exprs: string[] = [];
    while (i < src.length && src[i] !== '`') {
      if (src[i] === '\\') {
        text += src.slice(i, i + 2);
        i += 2;
      } else if (src[i] === '$' && src[i + 1] === '{') {
        const end = code(i + 2, true);
        exprs.push(src.slice(i + 2, end).trim());
        text += '${…}';
        i = end + 1;
      } else text += src[i++];
    }
    found.push({ file, line: lineAt(start), text, exprs });
    return i + 1;
  };
  code(0, false);
  return found;
}

const SQL = /\b(SELECT|INSERT|UPDATE|DELETE|CREATE|ALTER|DROP|PRAGMA|WHERE|VALUES)\b|user_version/;
/** Interpolating a module constant (UPPER_CASE) builds SQL from the source itself, never from input. */
const CONSTANT = /^[A-Z][A-Z0-9_]*$/;
/** Reviewed exceptions: [file, expression, why]. */
const ALLOWED: readonly [string, string, string][] = [['core/store/open-database.ts', 'v + 1', 'PRAGMA cannot take parameters; v is the migration loop counter']];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return full.endsWith('.ts') ? [full] : [];
  });
}

/** SQL built from anything but constants: template interpolations and string concatenation. */
function unsafeSql(file: string, src: string): string[] {
  const problems: string[] = [];
  for (const t of templatesOf(src, file)) {
    if (!SQL.test(t.text)) continue;
    for (const expr of t.exprs) {
      if (CONSTANT.test(expr) || ALLOWED.some(([f, e]) => f === file && e === expr)) continue;
      problems.push(`${file}:${t.line}: \${${expr}} in \`${t.text.slice(0, 80)}\``);
    }
  }
  src.split('\n').forEach((line, i) => {
    if (/(['"`])[^'"`]*\b(SELECT|INSERT|UPDATE|DELETE|WHERE|VALUES)\b[^'"`]*\1\s*\+\s*[\w(]/.test(line) || /\+\s*(['"`])\s*(AND|OR|WHERE|FROM|VALUES)\b/.test(line)) {
      problems.push(`${file}:${i + 1}: string concatenation in SQL: ${line.trim().slice(0, 100)}`);
    }
  });
  return problems;
}

describe('SQL only through prepared statements', () => {
  const files = ['core/store', 'bots'].flatMap((dir) => sourceFiles(path.join(ROOT, dir))).map((f) => path.relative(ROOT, f).split(path.sep).join('/'));

  it('finds the SQL it is meant to check (the lexer sees the stores’ statements)', () => {
    const sql = files.flatMap((f) => templatesOf(readFileSync(path.join(ROOT, f), 'utf8'), f)).filter((t) => SQL.test(t.text));
    expect(sql.length).toBeGreaterThan(10);
    expect(sql.some((t) => t.file === 'core/store/subscription-store.ts' && t.exprs.includes('COLUMNS'))).toBe(true);
  });

  it('no statement in core/store or bots interpolates anything but a constant', () => {
    expect(files.flatMap((f) => unsafeSql(f, readFileSync(path.join(ROOT, f), 'utf8')))).toEqual([]);
  });

  it.each([
    ['a template interpolation', "db.prepare(`SELECT * FROM prices WHERE symbol = '${symbol}'`);"],
    ['an exec with an interpolated name', 'db.exec(`DROP TABLE ${table}`);'],
    ['a nested template', "db.prepare(`SELECT * FROM t WHERE ${cond ? `a = ${x}` : 'b'}`);"],
    ['string concatenation', "db.prepare('SELECT * FROM prices WHERE symbol = ' + symbol);"],
    ['a concatenated clause', "const sql = base + ' WHERE symbol = ?';"],
  ])('would catch %s', (_what, snippet) => {
    expect(unsafeSql('example.ts', snippet)).not.toEqual([]);
  });

  it('accepts placeholders and constants', () => {
    expect(unsafeSql('example.ts', "const KEY = 'platform = ?';\ndb.prepare(`SELECT ${COLUMNS} FROM t WHERE ${KEY} AND x = ?`).get(a);")).toEqual([]);
  });
});
