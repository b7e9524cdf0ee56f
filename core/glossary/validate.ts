import type { z } from 'zod';
import { contentErrorMap, glossaryCategoriesFileSchema, glossaryEntrySchema } from './schema.ts';
import { GlossaryContentError, formatPath, type ContentProblem } from './errors.ts';
import { normalizeTerm } from './normalize-term.ts';
import type { Glossary, GlossaryCategory, GlossaryEntry } from './types.ts';

export type ContentFile = { readonly file: string; readonly data: unknown };

type Located = { readonly entry: GlossaryEntry; readonly file: string; readonly index: number };

export type Checked<T> = { readonly value: T; readonly problems: readonly ContentProblem[] };

/**
 * Validates entry files (each a JSON array of entries) one by one and across files: unique ids,
 * category equal to the file name, no normalized id/term/alias claimed by two entries, every
 * `related` id present. Throws a GlossaryContentError listing every problem.
 */
export function validateEntries(files: readonly ContentFile[]): GlossaryEntry[] {
  return orThrow(checkEntries(files)).map((l) => l.entry);
}

/** validateEntries plus the categories file: every category used is listed, every listed one is used. */
export function validateGlossary(input: GlossaryInput): Glossary {
  return orThrow(checkGlossary(input));
}

export type GlossaryInput = { readonly entryFiles: readonly ContentFile[]; readonly categoriesFile: ContentFile | null };

/** validateGlossary without throwing: the valid part and every problem found. */
export function checkGlossary(input: GlossaryInput): Checked<Glossary> {
  const entries = checkEntries(input.entryFiles);
  const categories = input.categoriesFile ? checkCategories(input.categoriesFile, entries.value) : { value: [], problems: [] };
  return {
    value: { entries: entries.value.map((l) => l.entry), categories: categories.value },
    problems: [...entries.problems, ...categories.problems],
  };
}

function orThrow<T>(checked: Checked<T>): T {
  if (checked.problems.length > 0) throw new GlossaryContentError(checked.problems);
  return checked.value;
}

function zodProblems(file: string, prefix: readonly PropertyKey[], error: z.ZodError): ContentProblem[] {
  return error.issues.map((issue) => ({ file, path: formatPath([...prefix, ...issue.path]), message: issue.message }));
}

function checkEntries(files: readonly ContentFile[]): Checked<Located[]> {
  const problems: ContentProblem[] = [];
  const located: Located[] = [];
  for (const { file, data } of files) {
    if (!Array.isArray(data)) {
      problems.push({ file, path: '', message: 'expected a JSON array of entries' });
      continue;
    }
    if (data.length === 0) problems.push({ file, path: '', message: 'a glossary file must hold at least one entry' });
    const category = categoryFromFileName(file);
    data.forEach((raw: unknown, index) => {
      const parsed = glossaryEntrySchema.safeParse(raw, { error: contentErrorMap });
      if (!parsed.success) {
        problems.push(...zodProblems(file, [index], parsed.error));
        return;
      }
      const entry = parsed.data;
      if (category !== null && entry.category !== category) {
        problems.push({ file, path: `[${index}].category`, message: `"${entry.category}" does not match the file name (expected "${category}")` });
      }
      located.push({ entry, file, index });
    });
  }
  problems.push(...checkIds(located), ...checkKeys(located), ...checkRelated(located));
  return { value: located, problems };
}

function categoryFromFileName(file: string): string | null {
  const match = /([^/\\]+)\.json$/i.exec(file);
  return match?.[1] ?? null;
}

const where = (l: Located) => `${l.file} [${l.index}]`;

function checkIds(located: readonly Located[]): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const seen = new Map<string, Located>();
  for (const l of located) {
    const first = seen.get(l.entry.id);
    if (first) problems.push({ file: l.file, path: `[${l.index}].id`, message: `duplicate id "${l.entry.id}" (first used at ${where(first)})` });
    else seen.set(l.entry.id, l);
  }
  return problems;
}

/** Ids and terms claim their normalized form first, so that a clash is reported on the alias, not the term. */
function checkKeys(located: readonly Located[]): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const owners = new Map<string, { readonly l: Located; readonly path: string }>();
  const claim = (l: Located, path: string, raw: string, what: string) => {
    const key = normalizeTerm(raw);
    const fullPath = `[${l.index}].${path}`;
    if (key === '') {
      problems.push({ file: l.file, path: fullPath, message: `${what} "${raw}" is empty once normalized` });
      return;
    }
    const owner = owners.get(key);
    if (!owner) owners.set(key, { l, path: fullPath });
    else if (owner.l.entry.id !== l.entry.id) {
      problems.push({
        file: l.file,
        path: fullPath,
        message: `${what} "${raw}" (normalized "${key}") is already claimed by entry "${owner.l.entry.id}" at ${owner.l.file}: ${owner.path}`,
      });
    }
  };
  for (const l of located) {
    claim(l, 'id', l.entry.id, 'id');
    claim(l, 'term.en', l.entry.term.en, 'term');
    claim(l, 'term.ko', l.entry.term.ko, 'term');
  }
  for (const l of located) {
    for (const locale of ['en', 'ko'] as const) {
      l.entry.aliases[locale].forEach((alias, i) => claim(l, `aliases.${locale}[${i}]`, alias, 'alias'));
    }
  }
  return problems;
}

function checkRelated(located: readonly Located[]): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const ids = new Set(located.map((l) => l.entry.id));
  for (const l of located) {
    const listed = new Set<string>();
    l.entry.related.forEach((id, i) => {
      const path = `[${l.index}].related[${i}]`;
      if (id === l.entry.id) problems.push({ file: l.file, path, message: `"${id}" refers to the entry itself` });
      else if (!ids.has(id)) problems.push({ file: l.file, path, message: `unknown entry id "${id}"` });
      else if (listed.has(id)) problems.push({ file: l.file, path, message: `"${id}" is listed twice` });
      listed.add(id);
    });
  }
  return problems;
}

function checkCategories({ file, data }: ContentFile, located: readonly Located[]): Checked<GlossaryCategory[]> {
  const parsed = glossaryCategoriesFileSchema.safeParse(data, { error: contentErrorMap });
  if (!parsed.success) return { value: [], problems: zodProblems(file, [], parsed.error) };
  const problems: ContentProblem[] = [];
  const listed = new Set<string>();
  parsed.data.forEach((c, i) => {
    if (listed.has(c.id)) problems.push({ file, path: `[${i}].id`, message: `duplicate category id "${c.id}"` });
    listed.add(c.id);
  });
  const used = new Set(located.map((l) => l.entry.category));
  for (const l of located) {
    if (!listed.has(l.entry.category)) {
      problems.push({ file: l.file, path: `[${l.index}].category`, message: `unknown category "${l.entry.category}" (not listed in ${file})` });
    }
  }
  parsed.data.forEach((c, i) => {
    if (!used.has(c.id)) problems.push({ file, path: `[${i}].id`, message: `category "${c.id}" has no entries` });
  });
  return { value: parsed.data, problems };
}

