import en from '../../assets/locales/en.json' with { type: 'json' };
import ko from '../../assets/locales/ko.json' with { type: 'json' };
import type { Locale } from './locale.ts';

type Tree = { [key: string]: string | Tree };
const MESSAGES: Record<Locale, Tree> = { en, ko };

function lookup(tree: Tree, key: string): string | undefined {
  let node: string | Tree | undefined = tree;
  for (const part of key.split('.')) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

export type Params = Record<string, string | number>;

/** Looks a message up in the locale, falling back to English, then to the key itself. `{name}` is replaced by params. */
export function t(locale: Locale, key: string, params: Params = {}): string {
  const template = lookup(MESSAGES[locale], key) ?? lookup(MESSAGES.en, key) ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function hasMessage(locale: Locale, key: string): boolean {
  return lookup(MESSAGES[locale], key) !== undefined;
}

/** Every key in a locale's tree, for tests that check both locales say the same things. */
export function messageKeys(locale: Locale): string[] {
  const out: string[] = [];
  const walk = (tree: Tree, prefix: string) => {
    for (const [k, v] of Object.entries(tree)) {
      if (typeof v === 'string') out.push(prefix + k);
      else walk(v, `${prefix}${k}.`);
    }
  };
  walk(MESSAGES[locale], '');
  return out.sort();
}
