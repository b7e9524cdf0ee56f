import type { SKRSContext2D } from '@napi-rs/canvas';

/** Measures with the context's current font. */
export const textWidth = (ctx: SKRSContext2D, text: string): number => ctx.measureText(text).width;

/** The text, cut with an ellipsis if it is wider than `maxWidth`. */
export function ellipsize(ctx: SKRSContext2D, text: string, maxWidth: number): string {
  if (textWidth(ctx, text) <= maxWidth) return text;
  const chars = [...text];
  let lo = 0;
  let hi = chars.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (textWidth(ctx, `${chars.slice(0, mid).join('').trimEnd()}…`) <= maxWidth) lo = mid;
    else hi = mid - 1;
  }
  return `${chars.slice(0, lo).join('').trimEnd()}…`;
}

/** Word-wraps at spaces into at most `maxLines` lines; the last line is ellipsized if needed. */
export function wrapLines(ctx: SKRSContext2D, text: string, maxWidth: number, maxLines: number): string[] {
  const words = text.split(/\s+/).filter((w) => w !== '');
  const lines: string[] = [];
  let current = '';
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const candidate = current === '' ? word : `${current} ${word}`;
    if (textWidth(ctx, candidate) <= maxWidth || current === '') {
      current = candidate;
      continue;
    }
    if (lines.length === maxLines - 1) {
      current = `${current} ${words.slice(i).join(' ')}`;
      break;
    }
    lines.push(current);
    current = word;
  }
  if (current !== '') lines.push(current);
  return lines.map((line) => ellipsize(ctx, line, maxWidth));
}
