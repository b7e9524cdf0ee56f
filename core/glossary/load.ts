import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, isAbsolute } from 'node:path';
import { GlossaryContentError, type ContentProblem } from './errors.ts';
import type { Glossary } from './types.ts';
import { checkGlossary, type ContentFile } from './validate.ts';

export { GlossaryContentError } from './errors.ts';
export { validateEntries, validateGlossary } from './validate.ts';

/**
 * Reads and validates every `*.json` in `dir` (sorted by name; one file per category) and the
 * categories file, by default `glossary-categories.json` next to `dir`
 * (`assets/glossary/` → `assets/glossary-categories.json`).
 * Throws GlossaryContentError listing every problem, unreadable or malformed JSON included.
 */
export function loadGlossary(dir: string, categoriesPath: string = join(dirname(dir), 'glossary-categories.json')): Glossary {
  const problems: ContentProblem[] = [];
  const read = (path: string): ContentFile | null => {
    const file = displayPath(path);
    try {
      return { file, data: JSON.parse(readFileSync(path, 'utf8')) as unknown };
    } catch (err) {
      problems.push({ file, path: '', message: err instanceof SyntaxError ? `invalid JSON: ${err.message}` : `cannot read: ${(err as Error).message}` });
      return null;
    }
  };
  let names: string[] = [];
  try {
    names = readdirSync(dir).filter((n) => n.toLowerCase().endsWith('.json')).sort();
  } catch (err) {
    problems.push({ file: displayPath(dir), path: '', message: `cannot read the folder: ${(err as Error).message}` });
  }
  if (names.length === 0 && problems.length === 0) problems.push({ file: displayPath(dir), path: '', message: 'no *.json glossary files found' });
  const entryFiles = names.map((n) => read(join(dir, n))).filter((f): f is ContentFile => f !== null);
  const categoriesFile = read(categoriesPath);
  const checked = checkGlossary({ entryFiles, categoriesFile });
  problems.push(...checked.problems);
  if (problems.length > 0) throw new GlossaryContentError(problems);
  return checked.value;
}

/** Paths under the working directory are shown relative to it (`assets/glossary/indices.json`). */
function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split('\\').join('/') : path;
}
