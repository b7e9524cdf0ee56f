import type { Locale } from '../core/i18n/locale.ts';
import type { Reply, ReplyAction, ReplyField, Visibility } from '../core/reply.ts';
import type { GlossaryEntry } from '../core/glossary/types.ts';
import type { CategorySummary } from '../core/glossary/browse.ts';
import type { LoadedFigure } from './explain-live.ts';
import { t } from '../core/i18n/translate.ts';
import { formatDate } from '../core/i18n/format.ts';
import { liveText } from './explain-live-text.ts';

/** How and for whom to answer: the reply's language and visibility, the platform's prefix, and a `lang` to carry into follow-ups. */
export type View = {
  readonly locale: Locale;
  readonly visibility: Visibility;
  readonly prefix: string;
  readonly lang?: Locale;
};

/** Discord shows at most five buttons in a row; more would crowd the answer. */
const MAX_FOLLOW_UPS = 5;
const MAX_QUERY_SHOWN = 60;

/** The user's words, safe to echo: no markdown or mention syntax, and not too long. */
export function shownQuery(query: string): string {
  const plain = query.replace(/[*_`~|<>\\]/g, '').replace(/\s+/g, ' ').trim();
  return plain.length > MAX_QUERY_SHOWN ? `${plain.slice(0, MAX_QUERY_SHOWN - 1)}…` : plain;
}

/** What a follow-up button runs (`actionCommandLine` runs it as typed, so no platform prefix). */
export function explainLine(id: string, view: View): string {
  return view.lang ? `/explain ${id} lang:${view.lang}` : `/explain ${id}`;
}

function followUps(entries: readonly GlossaryEntry[], view: View): ReplyAction[] {
  return entries.slice(0, MAX_FOLLOW_UPS).map((e) => ({ kind: 'run', label: e.term[view.locale], command: explainLine(e.id, view) }));
}

/** "A, B or C" / "A, B 또는 C". */
function orList(locale: Locale, items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${t(locale, 'explain.or')} ${items.at(-1)!}`;
}

const bold = (s: string) => `**${s}**`;

function reply(view: View, title: string, text: string, fallbackText: string, extra: { fields?: ReplyField[]; footer?: string; actions?: ReplyAction[] } = {}): Reply {
  const { fields = [], footer = t(view.locale, 'explain.footer'), actions = [] } = extra;
  return { visibility: view.visibility, locale: view.locale, tone: 'neutral', title, text, fields, footer, fallbackText, ...(actions.length ? { actions } : {}) };
}

export function entryReply(
  entry: GlossaryEntry,
  found: { readonly match: 'exact' | 'alias' | 'fuzzy'; readonly query: string },
  related: readonly GlossaryEntry[],
  live: LoadedFigure | null,
  view: View,
): Reply {
  const { locale } = view;
  const term = entry.term[locale];
  const lines: string[] = [];
  if (found.match === 'fuzzy') lines.push(`_${t(locale, 'explain.closest', { term, query: shownQuery(found.query) })}_`, '');
  lines.push(
    entry.definition[locale],
    '',
    entry.explanation[locale],
    '',
    `${bold(t(locale, 'explain.example'))} ${entry.example[locale]}`,
    '',
    `${bold(t(locale, 'explain.why'))} ${entry.whyItMatters[locale]}`,
  );
  const fields: ReplyField[] = live
    ? [{ label: t(locale, 'explain.live.label', { date: formatDate(locale, live.figure.asOf) }), value: liveText(locale, live.figure), inline: false }]
    : [];
  const footer = live
    ? t(locale, 'explain.footerData', { source: live.source, asOf: formatDate(locale, live.figure.asOf) })
    : t(locale, 'explain.footer');
  return reply(view, term, lines.join('\n'), `${term}: ${entry.definition[locale]}`, { fields, footer, actions: followUps(related, view) });
}

export function ambiguousReply(query: string, candidates: readonly GlossaryEntry[], view: View): Reply {
  const { locale } = view;
  const names = candidates.map((e) => e.term[locale]);
  const text = t(locale, 'explain.ambiguous', { query: shownQuery(query), choices: orList(locale, names.map(bold)) });
  return reply(view, t(locale, 'explain.ambiguousTitle'), text, t(locale, 'explain.ambiguous', { query: shownQuery(query), choices: orList(locale, names) }), {
    actions: followUps(candidates, view),
  });
}

export function notFoundReply(query: string, suggestions: readonly GlossaryEntry[], view: View): Reply {
  const { locale } = view;
  const missing = t(locale, 'explain.notFound', { query: shownQuery(query) });
  const next = suggestions.length
    ? t(locale, 'explain.suggestions', { choices: suggestions.map((e) => bold(e.term[locale])).join(', ') })
    : t(locale, 'explain.browseHint', { command: `\`${view.prefix}explain\`` });
  return reply(view, t(locale, 'explain.notFoundTitle'), `${missing}\n${next}`, missing, { actions: followUps(suggestions, view) });
}

export function browseReply(categories: readonly CategorySummary[], view: View): Reply {
  const { locale } = view;
  const total = categories.reduce((n, c) => n + c.count, 0);
  const intro = t(locale, 'explain.browseIntro', { count: total, example: `\`${view.prefix}explain spread\`` });
  const fields = categories.map((c) => ({
    label: t(locale, 'explain.categoryLabel', { title: c.title, count: c.count }),
    value: [...c.sample.map((s) => s.term), ...(c.count > c.sample.length ? ['…'] : [])].join(' · '),
    inline: false,
  }));
  return reply(view, t(locale, 'explain.browseTitle'), intro, intro, { fields });
}

/** The short form for several terms at once (the "Explain the terms" button): one definition each. */
export function listReply(entries: readonly GlossaryEntry[], missing: readonly string[], view: View): Reply {
  const { locale } = view;
  const lines = entries.map((e) => `${bold(e.term[locale])}: ${e.definition[locale]}`);
  if (missing.length) lines.push('', t(locale, 'explain.listMissing', { terms: missing.map(shownQuery).join(', ') }));
  lines.push('', t(locale, 'explain.listHint', { command: `${view.prefix}explain` }));
  const fallback = entries.map((e) => `${e.term[locale]}: ${e.definition[locale]}`).join(' ');
  return reply(view, t(locale, 'explain.listTitle'), lines.join('\n'), fallback, { actions: followUps(entries, view) });
}
