import type { OptionsSpec } from './option-spec.ts';
import { UserError } from '../core/user-error.ts';

function tokenize(text: string): string[] {
  const tokens: string[] = [];
  const re = /(?:[^\s"“”']+|"[^"]*"|“[^”]*”|'[^']*')+/g;
  for (const m of text.matchAll(re)) tokens.push(m[0].replace(/["“”]/g, '').replace(/^'|'$/g, ''));
  return tokens;
}

/**
 * Reads command text the way Slack users and the console type it: positional values in the
 * declared option order, then `key:value` or `key=value` anywhere. A `rest` option takes every
 * remaining positional word.
 */
export function parseCommandText(options: OptionsSpec, text: string): Record<string, string> {
  const names = Object.keys(options);
  const verbatim = names.find((n) => { const o = options[n]!; return o.type === 'string' && o.verbatim === true; });
  if (verbatim) return parseVerbatim(options, verbatim, text);
  const named: Record<string, string> = {};
  const positional: string[] = [];
  for (const token of tokenize(text)) {
    const kv = /^([a-zA-Z][\w-]*)[:=](.*)$/.exec(token);
    const key = kv?.[1]?.toLowerCase();
    if (kv && key !== undefined && (names.includes(key) || !/^\d/.test(kv[2] ?? ''))) {
      if (key in named) throw new UserError('input.repeated', { option: key });
      named[key] = kv[2] ?? '';
    } else positional.push(token);
  }
  const free = names.filter((n) => !(n in named));
  let i = 0;
  for (const name of free) {
    if (i >= positional.length) break;
    const o = options[name]!;
    if (o.type === 'string' && o.rest) {
      named[name] = positional.slice(i).join(' ');
      i = positional.length;
    } else named[name] = positional[i++]!;
  }
  if (i < positional.length) throw new UserError('input.unexpected', { value: positional.slice(i).join(' ').slice(0, 60) });
  return named;
}

/** Free text such as a question or an article: only trailing `key:value` words naming another option are options. */
function parseVerbatim(options: OptionsSpec, verbatim: string, text: string): Record<string, string> {
  const named: Record<string, string> = {};
  let rest = text.trim();
  for (;;) {
    const m = /(?:^|\s)([a-zA-Z][\w-]*)[:=](\S+)$/.exec(rest);
    const key = m?.[1]?.toLowerCase();
    if (!m || key === undefined || key === verbatim || !(key in options) || key in named) break;
    named[key] = m[2]!;
    rest = rest.slice(0, m.index).trimEnd();
  }
  if (rest) named[verbatim] = rest;
  return named;
}
