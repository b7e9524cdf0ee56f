import type { Reply } from '../core/reply.ts';
import type { Locale } from '../core/i18n/locale.ts';
import type { QuestionReading, Understood } from '../core/reader/reading.ts';
import { t } from '../core/i18n/translate.ts';
import { QUESTION_MAX } from '../core/reader/read-question.ts';

/** Our instruments as answers name them. */
export const INSTRUMENT_NAMES: Record<string, { en: string; ko: string }> = {
  IWM: { en: 'Russell 2000 (IWM)', ko: '러셀2000(IWM)' },
  IJR: { en: 'S&P 600 (IJR)', ko: 'S&P 600(IJR)' },
  SPY: { en: 'S&P 500 (SPY)', ko: 'S&P 500(SPY)' },
  QQQ: { en: 'Nasdaq-100 (QQQ)', ko: '나스닥100(QQQ)' },
};

/** "I understood: returns and the small-vs-large spread; period "this year"; Russell 2000 (IWM), Nasdaq-100 (QQQ)." */
export function understoodLine(locale: Locale, u: Understood): string {
  const parts: string[] = [];
  if (u.intent) parts.push(t(locale, `reader.part.${u.intent}`));
  if (u.period) parts.push(t(locale, 'reader.part.period', { phrase: u.period.phrase.slice(0, 60) }));
  else if (u.undatedStart) parts.push(t(locale, 'reader.part.undatedStart', { phrase: u.undatedStart.slice(0, 60) }));
  else if (u.intent === 'returns') parts.push(t(locale, 'reader.part.noPeriod'));
  const names = [...new Set(u.named.map((n) => (n.symbol ? INSTRUMENT_NAMES[n.symbol]![locale] : t(locale, `reader.side.${n.role}`))))];
  if (names.length && (u.intent === 'returns' || u.intent === undefined)) parts.push(t(locale, 'reader.part.named', { names: names.join(', ') }));
  if (u.term) parts.push(t(locale, 'reader.part.term', { term: u.term[locale] }));
  if (u.basis) parts.push(t(locale, 'reader.part.basis', { basis: t(locale, `basis.${u.basis}`) }));
  return t(locale, 'reader.understood', { parts: parts.join('; ') });
}

/** Nothing ran: what was understood, and a button for each likely command. */
export function ambiguousReply(locale: Locale, reading: QuestionReading & { kind: 'ambiguous' }, prefix: string): Reply {
  const lines = reading.options.map((o) => withPrefix(o, prefix));
  const text = [understoodLine(locale, reading.understood), t(locale, 'reader.ambiguous'), ...lines.map((l) => `• \`${l}\``)].join('\n');
  return {
    visibility: 'ephemeral',
    locale,
    tone: 'neutral',
    title: t(locale, 'reader.ambiguousTitle'),
    text,
    fields: [],
    fallbackText: `${t(locale, 'reader.ambiguousTitle')} ${lines.join(' | ')}`,
    actions: lines.map((line) => ({ kind: 'run' as const, label: line, command: line })),
  };
}

export function unreadableReply(locale: Locale, reading: QuestionReading & { kind: 'unreadable' }, prefix: string, length = 0): Reply {
  const intro = t(locale, `reader.unreadable.${reading.problem ?? 'none'}`, { length, max: QUESTION_MAX, read: `${prefix}read` });
  const examples = reading.examples.map((e) => t(locale, 'reader.example', { question: e.question, line: withPrefix(e.line, prefix) }));
  return {
    visibility: 'ephemeral',
    locale,
    tone: 'warning',
    title: t(locale, 'reader.unreadableTitle'),
    text: [intro, ...examples].join('\n'),
    fields: [],
    fallbackText: intro,
  };
}

/** `/smallcaps ytd` as this platform types it (`/rb-smallcaps ytd`). */
export const withPrefix = (line: string, prefix: string) => `${prefix}${line.replace(/^\//, '')}`;

/** The line renderers put above an answer to a plain-words question: "Read as `/smallcaps ytd vs:QQQ`". */
export const readAsHeading = (locale: Locale, line: string) => t(locale, 'reader.readAs', { line });
