import stringWidth from 'string-width';

/** Columns a terminal gives `text`: Hangul in NFC or NFD, wide CJK and emoji count two. */
export function displayWidth(text: string): number {
  return stringWidth(text);
}

/** `text` padded with spaces to `columns` terminal columns. */
export function padToColumns(text: string, columns: number): string {
  return text + ' '.repeat(Math.max(0, columns - displayWidth(text)));
}
