import en from '../../assets/locales/en.json' with { type: 'json' };
import ko from '../../assets/locales/ko.json' with { type: 'json' };
import type { Locale } from './locale.ts';
import { parseSampleSourceLabel } from '../data/sample-data.ts';

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

const pluralRules = new Map<Locale, Intl.PluralRules>();
const pluralRulesFor = (locale: Locale) => pluralRules.get(locale) ?? pluralRules.set(locale, new Intl.PluralRules(locale)).get(locale)!;

/** `{n, plural, one {# session} other {# sessions}}`: the form Intl.PluralRules picks for n, with `#` as the value shown. */
const PLURAL = /\{(\w+), plural,((?:\s*(?:=\d+|zero|one|two|few|many|other)\s*\{[^{}]*\})+)\s*\}/g;
const FORM = /(=\d+|zero|one|two|few|many|other)\s*\{([^{}]*)\}/g;

function plural(locale: Locale, value: string | number, forms: string): string | undefined {
  const n = typeof value === 'number' ? value : Number(String(value).replace(/[,\s]/g, ''));
  if (!Number.isFinite(n)) return undefined;
  const byForm = new Map([...forms.matchAll(FORM)].map((m) => [m[1]!, m[2]!]));
  const form = byForm.get(`=${n}`) ?? byForm.get(pluralRulesFor(locale).select(n)) ?? byForm.get('other');
  return form?.replace(/#/g, String(value));
}

/** A data source's name in the locale's words ("CSV folder" → "CSV 폴더"); names with no entry are shown as they are. */
export function sourceName(locale: Locale, source: string): string {
  const sample = parseSampleSourceLabel(source);
  if (sample) return sample.unreachable ? t(locale, 'sources.sampleFallback', { to: sample.to, provider: sample.unreachable }) : t(locale, 'sources.sample', { to: sample.to });
  return lookup(MESSAGES[locale], `sources.${source}`) ?? source;
}

/**
 * Looks a message up in the locale, falling back to English, then to the key itself. `{name}` is
 * replaced by params, plural forms are chosen by Intl.PluralRules, and `{source}` is a data
 * source's name, shown in the locale's words.
 */
export function t(locale: Locale, key: string, params: Params = {}): string {
  const template = lookup(MESSAGES[locale], key) ?? lookup(MESSAGES.en, key) ?? key;
  return template
    .replace(PLURAL, (whole, name: string, forms: string) => (name in params ? (plural(locale, params[name]!, forms) ?? whole) : whole))
    .replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(name === 'source' ? sourceName(locale, String(params[name])) : params[name]) : whole));
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
