/**
 * Cuts text to at most `max` UTF-16 units (so a count in code points fits as well), never
 * splitting a surrogate pair, ending with "…" when something was cut.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return '';
  let cut = text.slice(0, max - 1);
  const last = cut.charCodeAt(cut.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

/** Splits at line breaks, then at spaces, then anywhere, so that every piece fits `max`. */
export function splitText(text: string, max: number): string[] {
  const pieces: string[] = [];
  let current = '';
  const flush = () => {
    if (current.trim()) pieces.push(current);
    current = '';
  };
  for (const line of text.split('\n')) {
    const candidate = current ? `${current}\n${line}` : line;
    if (candidate.length <= max) {
      current = candidate;
      continue;
    }
    flush();
    let rest = line;
    while (rest.length > max) {
      const space = rest.lastIndexOf(' ', max);
      let cut = space > max / 2 ? space : max;
      if (/[\uD800-\uDBFF]/.test(rest[cut - 1] ?? '')) cut -= 1;
      pieces.push(rest.slice(0, cut));
      rest = rest.slice(cut).replace(/^ /, '');
    }
    current = rest;
  }
  flush();
  return pieces;
}
