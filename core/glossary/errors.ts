export type ContentProblem = {
  readonly file: string;
  /** A path like `[3].definition.ko`, or empty for the whole file. */
  readonly path: string;
  readonly message: string;
};

/** Broken glossary content. The message lists every problem found, one per line, as `file: path: message`. */
export class GlossaryContentError extends Error {
  constructor(readonly problems: readonly ContentProblem[]) {
    super(
      `Glossary content is invalid (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n` +
        problems.map(formatProblem).join('\n'),
    );
    this.name = 'GlossaryContentError';
  }
}

export function formatProblem(p: ContentProblem): string {
  return p.path ? `${p.file}: ${p.path}: ${p.message}` : `${p.file}: ${p.message}`;
}

export function formatPath(path: readonly PropertyKey[]): string {
  return path.map((k) => (typeof k === 'number' ? `[${k}]` : `.${String(k)}`)).join('').replace(/^\./, '');
}
