import type { Reply, ReplyAction, ReplyField } from '../core/reply.ts';
import type { Locale } from '../core/i18n/locale.ts';
import type { GlossaryEntry } from '../core/glossary/types.ts';
import type { CheckedClaim } from '../core/reader/measure-claims.ts';
import type { IsoDate } from '../core/market/types.ts';
import { t } from '../core/i18n/translate.ts';
import { formatDate, formatPercent, formatPp } from '../core/i18n/format.ts';
import { DISCORD_LIMITS, SLACK_LIMITS } from '../core/platform-limits.ts';
import { truncate } from '../core/text/fit-text.ts';
import { INSTRUMENT_NAMES } from './ask-reply.ts';

const nameOf = (symbol: string, locale: Locale) => INSTRUMENT_NAMES[symbol]?.[locale] ?? symbol;

/** Room per message, kept under both platforms' limits: buttons, fields, characters. */
const TERMS_PER_REPLY = Math.min(DISCORD_LIMITS.actionRows * DISCORD_LIMITS.buttonsPerRow, SLACK_LIMITS.actionsElements, 20);
const FIELD_VALUE = 300;
const QUOTE = 200;
const REPLY_BUDGET = 5_000;

type View = { readonly locale: Locale; readonly prefix: string; readonly asOf: IsoDate; readonly source: string };

function claimLine(c: CheckedClaim, locale: Locale): string {
  const line = measuredLine(c, locale);
  return c.kind === 'lead' && c.written === 'percent' && c.stated !== null
    ? `${line} (${t(locale, 'reader.leadInPercent', { written: formatPercent(locale, Math.abs(c.stated), 1, false) })})`
    : line;
}

function measuredLine(c: CheckedClaim, locale: Locale): string {
  const verdict = t(locale, `reader.verdict.${c.verdict}`);
  const why = t(locale, `reader.why.${c.why}`, c.offPp !== undefined ? { off: Math.abs(c.offPp).toFixed(1) } : {});
  if (c.measured === null || !c.baseDate || !c.endDate) return t(locale, 'reader.uncheckedLine', { verdict: `**${verdict}**`, why });
  const dates = { from: formatDate(locale, c.baseDate), to: formatDate(locale, c.endDate), verdict, why };
  if (c.kind === 'return') {
    const stated = `${c.hedged ? (locale === 'ko' ? '약 ' : '~') : ''}${formatPercent(locale, c.stated!, 1)}`;
    return t(locale, 'reader.returnLine', { name: nameOf(c.symbols[0]!, locale), stated, measured: formatPercent(locale, c.measured, 1), ...dates });
  }
  const direction = c.leads ? (c.strong ? 'strongLead' : 'leads') : c.strong ? 'strongLag' : 'lags';
  const stated = c.stated === null ? t(locale, `reader.stated.${direction}`)
    : c.leads === undefined ? t(locale, 'reader.stated.gap', { pp: formatPp(locale, c.stated * 100, 1, false) })
    : formatPp(locale, c.stated * 100);
  return t(locale, 'reader.leadLine', { small: nameOf(c.symbols[0]!, locale), large: nameOf(c.symbols[1]!, locale), stated, measured: formatPp(locale, c.measured * 100), ...dates });
}

/** Claims grouped by their sentence, in the article's order. */
function claimFields(claims: readonly CheckedClaim[], locale: Locale): ReplyField[] {
  const bySentence = new Map<string, CheckedClaim[]>();
  for (const c of claims) bySentence.set(c.quote, [...(bySentence.get(c.quote) ?? []), c]);
  return [...bySentence.entries()].map(([quote, group]) => ({
    label: truncate(`“${quote}”`, QUOTE),
    value: truncate(group.map((c) => `• ${claimLine(c, locale)}`).join('\n'), DISCORD_LIMITS.fieldValue),
  }));
}

export function claimsReply(claims: readonly CheckedClaim[], termCount: number, view: View, footer: string): Reply {
  const { locale } = view;
  const checked = claims.filter((c) => c.kind !== 'unchecked');
  const unchecked = claims.filter((c) => c.kind === 'unchecked');
  const summary = t(locale, 'reader.summary', { terms: termCount, checked: checked.length, unchecked: unchecked.length, asOf: formatDate(locale, view.asOf) });
  const fields = claimFields(checked, locale).slice(0, 12);
  if (unchecked.length) {
    const lines = unchecked.map((c) => `• “${truncate(c.quote, 110)}”: ${t(locale, `reader.why.${c.why}`)}`);
    fields.push({ label: t(locale, 'reader.uncheckedTitle'), value: fitLines(lines, DISCORD_LIMITS.fieldValue) });
  }
  const text = [summary, ...(checked.length ? [t(locale, 'reader.tolerance')] : [])].join('\n');
  return { visibility: 'ephemeral', locale, tone: 'neutral', title: t(locale, 'reader.title'), text, fields: fitFields(fields, REPLY_BUDGET - text.length - footer.length), footer, fallbackText: summary };
}

/** The terms, a one-line meaning each and a button to the full /explain; as many replies as the buttons need. */
export function termReplies(entries: readonly GlossaryEntry[], view: View): Reply[] {
  const { locale, prefix } = view;
  const replies: Reply[] = [];
  for (let i = 0; i < entries.length; i += TERMS_PER_REPLY) {
    const chunk = entries.slice(i, i + TERMS_PER_REPLY);
    const fields = chunk.map((e) => ({ label: e.term[locale], value: truncate(firstSentence(e.definition[locale]), FIELD_VALUE) }));
    const actions: ReplyAction[] = chunk.map((e) => ({ kind: 'explain-terms', label: t(locale, 'reader.explainButton', { term: e.term[locale] }), terms: [e.id] }));
    const title = t(locale, i === 0 ? 'reader.termsTitle' : 'reader.termsMoreTitle');
    const text = t(locale, 'reader.termsHint', { explain: `${prefix}explain` });
    replies.push({ visibility: 'ephemeral', locale, tone: 'neutral', title, text, fields, fallbackText: `${title}: ${chunk.map((e) => e.term[locale]).join(', ')}`, actions });
  }
  return replies;
}

/** Up to the first full stop that ends a sentence: not "U.S.", and not the 다 of "보다" (than) inside a Korean sentence. */
export const firstSentence = (s: string) => /^.*?(?<!\b[A-Z])[.!?](?=\s+[A-Z가-힣"“(]|\s*$)/su.exec(s)?.[0] ?? s;

function fitLines(lines: readonly string[], max: number): string {
  const kept: string[] = [];
  let used = 0;
  for (const line of lines) {
    if (used + line.length + 1 > max - 2) {
      kept.push('…');
      break;
    }
    kept.push(line);
    used += line.length + 1;
  }
  return kept.join('\n');
}

function fitFields(fields: readonly ReplyField[], budget: number): ReplyField[] {
  const out: ReplyField[] = [];
  let used = 0;
  for (const f of fields) {
    const cost = f.label.length + f.value.length;
    if (used + cost > budget) break;
    out.push(f);
    used += cost;
  }
  return out;
}
