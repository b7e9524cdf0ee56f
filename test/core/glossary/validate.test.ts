import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, it, expect } from 'vitest';
import { GlossaryContentError, loadGlossary, validateEntries, validateGlossary } from '../../../core/glossary/load.ts';

const text = (en: string, ko: string) => ({ en, ko });

function entry(id: string, category: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id,
    category,
    term: text(`Term ${id}`, `용어 ${id}`),
    aliases: { en: [`${id} alias`], ko: [`${id} 별칭`] },
    definition: text('One sentence.', '한 문장.'),
    explanation: text('Two sentences. Plain ones.', '두 문장입니다. 쉬운 말로.'),
    example: text('An example.', '예시입니다.'),
    whyItMatters: text('Why it matters.', '중요한 이유입니다.'),
    related: [],
    ...extra,
  };
}

const categories = (ids: string[]) => ({
  file: 'assets/glossary-categories.json',
  data: ids.map((id) => ({ id, title: text(id, id), description: text(`About ${id}.`, `${id} 설명.`) })),
});

/** Runs the validation and returns the thrown GlossaryContentError (failing the test if none). */
function problemsOf(run: () => unknown): GlossaryContentError {
  try {
    run();
  } catch (err) {
    if (err instanceof GlossaryContentError) return err;
    throw err;
  }
  throw new Error('expected a GlossaryContentError');
}

describe('validateEntries', () => {
  it('accepts well-formed entries across files and keeps file order', () => {
    const entries = validateEntries([
      { file: 'assets/glossary/indices.json', data: [entry('a', 'indices', { related: ['b'] })] },
      { file: 'assets/glossary/earnings.json', data: [entry('b', 'earnings', { live: 'spread' })] },
    ]);
    expect(entries.map((e) => e.id)).toEqual(['a', 'b']);
  });

  it('names the file and field path of a missing translation', () => {
    const broken = entry('a', 'indices', { definition: { en: 'Only English.' } });
    const err = problemsOf(() => validateEntries([{ file: 'assets/glossary/indices.json', data: [entry('x', 'indices'), broken] }]));
    expect(err.message).toContain('assets/glossary/indices.json: [1].definition.ko: required');
  });

  it('rejects blank text, a bad id, an unknown live metric and unknown fields', () => {
    const err = problemsOf(() =>
      validateEntries([
        {
          file: 'assets/glossary/indices.json',
          data: [entry('Bad Id', 'indices', { example: text('  ', '예시'), live: 'volume', colour: 'red' })],
        },
      ]),
    );
    expect(err.message).toMatch(/indices\.json: \[0\]\.id: must be kebab-case/);
    expect(err.message).toMatch(/indices\.json: \[0\]\.example\.en: must not be empty/);
    expect(err.message).toMatch(/indices\.json: \[0\]\.live: /);
    expect(err.message).toMatch(/indices\.json: \[0\]: Unrecognized key: "colour"/);
  });

  it('lists every problem in every file, not only the first', () => {
    const err = problemsOf(() =>
      validateEntries([
        { file: 'assets/glossary/indices.json', data: [entry('a', 'indices', { term: text('', '용어') })] },
        { file: 'assets/glossary/earnings.json', data: [entry('b', 'earnings', { whyItMatters: undefined, related: ['nope'] })] },
      ]),
    );
    expect(err.problems.map((p) => `${p.file}: ${p.path}`)).toEqual([
      'assets/glossary/indices.json: [0].term.en',
      'assets/glossary/earnings.json: [0].whyItMatters',
    ]);
    expect(err.message).toContain('2 problems');
  });

  it('rejects a file that is not an array of entries, or is empty', () => {
    const err = problemsOf(() =>
      validateEntries([
        { file: 'assets/glossary/indices.json', data: { id: 'a' } },
        { file: 'assets/glossary/earnings.json', data: [] },
      ]),
    );
    expect(err.message).toContain('assets/glossary/indices.json: expected a JSON array of entries');
    expect(err.message).toContain('assets/glossary/earnings.json: a glossary file must hold at least one entry');
  });

  it('rejects an alias claimed by two entries, even when spelled differently', () => {
    const err = problemsOf(() =>
      validateEntries([
        { file: 'assets/glossary/indices.json', data: [entry('a', 'indices', { aliases: { en: ['R2K'], ko: [] } })] },
        { file: 'assets/glossary/earnings.json', data: [entry('b', 'earnings', { aliases: { en: [], ko: ['r-2k'] } })] },
      ]),
    );
    expect(err.problems).toHaveLength(1);
    expect(err.message).toContain('assets/glossary/earnings.json: [0].aliases.ko[0]: alias "r-2k" (normalized "r2k") is already claimed by entry "a"');
  });

  it("rejects an alias equal to another entry's term, and blames the alias", () => {
    const err = problemsOf(() =>
      validateEntries([
        { file: 'assets/glossary/indices.json', data: [entry('a', 'indices', { aliases: { en: ['Term b'], ko: [] } }), entry('b', 'indices')] },
      ]),
    );
    expect(err.message).toContain('[0].aliases.en[0]: alias "Term b"');
    expect(err.message).toContain('claimed by entry "b"');
  });

  it('rejects an alias that is only punctuation', () => {
    const err = problemsOf(() => validateEntries([{ file: 'assets/glossary/indices.json', data: [entry('a', 'indices', { aliases: { en: ['--'], ko: [] } })] }]));
    expect(err.message).toContain('[0].aliases.en[0]: alias "--" is empty once normalized');
  });

  it('rejects a dangling, self-referencing or repeated related id', () => {
    const err = problemsOf(() =>
      validateEntries([
        { file: 'assets/glossary/indices.json', data: [entry('a', 'indices', { related: ['missing', 'a', 'b', 'b'] }), entry('b', 'indices')] },
      ]),
    );
    expect(err.message).toContain('assets/glossary/indices.json: [0].related[0]: unknown entry id "missing"');
    expect(err.message).toContain('[0].related[1]: "a" refers to the entry itself');
    expect(err.message).toContain('[0].related[3]: "b" is listed twice');
  });

  it('rejects a duplicate id across files', () => {
    const err = problemsOf(() =>
      validateEntries([
        { file: 'assets/glossary/indices.json', data: [entry('a', 'indices')] },
        { file: 'assets/glossary/earnings.json', data: [entry('a', 'earnings', { term: text('Other', '다른 용어'), aliases: { en: [], ko: [] } })] },
      ]),
    );
    expect(err.message).toContain('assets/glossary/earnings.json: [0].id: duplicate id "a" (first used at assets/glossary/indices.json [0])');
  });

  it('requires the category to match the file name', () => {
    const err = problemsOf(() => validateEntries([{ file: 'assets/glossary/indices.json', data: [entry('a', 'earnings')] }]));
    expect(err.message).toContain('[0].category: "earnings" does not match the file name (expected "indices")');
  });
});

describe('validateGlossary', () => {
  it('requires every used category to be listed and every listed category to be used', () => {
    const err = problemsOf(() =>
      validateGlossary({
        entryFiles: [{ file: 'assets/glossary/indices.json', data: [entry('a', 'indices')] }, { file: 'assets/glossary/extra.json', data: [entry('b', 'extra')] }],
        categoriesFile: categories(['indices', 'portfolio']),
      }),
    );
    expect(err.message).toContain('assets/glossary/extra.json: [0].category: unknown category "extra"');
    expect(err.message).toContain('assets/glossary-categories.json: [1].id: category "portfolio" has no entries');
  });

  it('validates the categories file itself', () => {
    const err = problemsOf(() =>
      validateGlossary({
        entryFiles: [{ file: 'assets/glossary/indices.json', data: [entry('a', 'indices')] }],
        categoriesFile: { file: 'assets/glossary-categories.json', data: [{ id: 'indices', title: { en: 'Indices' } }] },
      }),
    );
    expect(err.message).toContain('assets/glossary-categories.json: [0].title.ko: required');
    expect(err.message).toContain('assets/glossary-categories.json: [0].description: required');
  });
});

describe('loadGlossary', () => {
  let root = '';
  afterEach(() => {
    if (root) rmSync(root, { recursive: true, force: true });
    root = '';
  });

  function writeContent(files: Record<string, string>): string {
    root = mkdtempSync(join(tmpdir(), 'glossary-'));
    mkdirSync(join(root, 'glossary'));
    for (const [name, body] of Object.entries(files)) writeFileSync(join(root, name), body);
    return join(root, 'glossary');
  }

  it('reads every *.json in the folder, sorted, with categories from the sibling file', () => {
    const dir = writeContent({
      'glossary/b.json': JSON.stringify([entry('second', 'b')]),
      'glossary/a.json': JSON.stringify([entry('first', 'a', { related: ['second'] })]),
      'glossary/notes.txt': 'ignored',
      'glossary-categories.json': JSON.stringify(categories(['a', 'b']).data),
    });
    const glossary = loadGlossary(dir);
    expect(glossary.entries.map((e) => e.id)).toEqual(['first', 'second']);
    expect(glossary.categories.map((c) => c.id)).toEqual(['a', 'b']);
  });

  it('reports malformed JSON by file name together with problems in the other files', () => {
    const dir = writeContent({
      'glossary/a.json': '[{"id": "a",',
      'glossary/b.json': JSON.stringify([entry('b', 'b', { related: ['missing'] })]),
      'glossary-categories.json': JSON.stringify(categories(['b']).data),
    });
    const err = problemsOf(() => loadGlossary(dir));
    expect(err.message).toMatch(/a\.json: invalid JSON/);
    expect(err.message).toMatch(/b\.json: \[0\]\.related\[0\]: unknown entry id "missing"/);
  });

  it('reports a missing categories file', () => {
    const dir = writeContent({ 'glossary/a.json': JSON.stringify([entry('a', 'a')]) });
    expect(problemsOf(() => loadGlossary(dir)).message).toMatch(/glossary-categories\.json: cannot read/);
  });

  it('names content paths relative to the working directory', () => {
    const err = problemsOf(() => loadGlossary('test/fixtures/does-not-exist'));
    expect(err.message).toContain('test/fixtures/does-not-exist: cannot read the folder');
  });
});
