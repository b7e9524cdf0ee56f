import type { CommandContext } from './context.ts';
import type { CommandOutput, Reply } from '../core/reply.ts';
import type { Locale } from '../core/i18n/locale.ts';
import type { IsoDate } from '../core/market/types.ts';
import { defineCommand } from './define-command.ts';
import { readArticle, ARTICLE_MAX } from '../core/reader/read-article.ts';
import { measureClaims } from '../core/reader/measure-claims.ts';
import { legsFor } from '../core/market/universe.ts';
import { t } from '../core/i18n/translate.ts';
import { formatDate } from '../core/i18n/format.ts';
import { loadLegs } from './load-legs.ts';
import { claimsReply, termReplies } from './read-reply.ts';

function refusedReply(locale: Locale, problem: string, length: number): Reply {
  const text = t(locale, `reader.refused.${problem}`, { length: length.toLocaleString('en-US'), max: ARTICLE_MAX.toLocaleString('en-US') });
  return { visibility: 'ephemeral', locale, tone: 'warning', title: t(locale, 'reader.refusedTitle'), text, fields: [], fallbackText: text };
}

/**
 * Reads pasted commentary: the glossary terms it uses, and its claims measured with the
 * /smallcaps engine as of `date` (the article's or message's date; never after today).
 * What /read, the "Explain this message" action and `read FILE` all run.
 */
export async function answerArticle(text: string, ctx: CommandContext, options: { readonly date?: IsoDate; readonly lang?: Locale } = {}): Promise<CommandOutput> {
  const today = ctx.services.today();
  const asOf = options.date && options.date < today ? options.date : today;
  const reading = readArticle(text, { glossary: ctx.services.glossary, asOf });
  if (reading.kind === 'refused') {
    const locale = options.lang ?? ctx.locale;
    return { replies: [refusedReply(locale, reading.problem === 'instructions' ? 'empty' : reading.problem, reading.length)], result: { refused: reading.problem, length: reading.length } };
  }
  const locale = options.lang ?? reading.language;
  const needsPrices = reading.claims.some((c) => c.kind !== 'unchecked');
  const family = legsFor(ctx.services.universe, 'price');
  const loaded = needsPrices ? await loadLegs(ctx.services.market, [...family.small, ...family.large], new Set()) : undefined;
  const checked = measureClaims(reading.claims, loaded?.legs ?? [], asOf);
  const view = { locale, prefix: ctx.commandPrefix, asOf, source: ctx.services.market.sourceLabel };
  const footer = t(locale, 'reader.footer', { basis: t(locale, 'basis.price'), source: ctx.services.market.sourceLabel, asOf: formatDate(locale, asOf) });
  const entries = reading.terms.map((term) => term.entry);
  const replies = reading.terms.length || checked.length
    ? [claimsReply(checked, entries.length, view, footer), ...termReplies(entries, view)]
    : [{ visibility: 'ephemeral' as const, locale, tone: 'neutral' as const, title: t(locale, 'reader.title'), text: t(locale, 'reader.noneFound'), fields: [], fallbackText: t(locale, 'reader.noneFound') }];
  return {
    replies,
    result: {
      asOf,
      language: reading.language,
      terms: entries.map((e) => ({ id: e.id, name: e.term[locale] })),
      claims: checked.map((c) => ({
        quote: c.quote,
        symbols: c.symbols,
        period: c.period,
        stated: c.stated,
        measured: c.measured,
        verdict: c.verdict,
        reason: c.why,
        ...(c.baseDate ? { baseDate: c.baseDate, endDate: c.endDate } : {}),
      })),
    },
  };
}

export const read = defineCommand({
  name: 'read',
  options: {
    text: { type: 'string', required: true, rest: true, verbatim: true, maxLength: ARTICLE_MAX },
    date: { type: 'date' },
    lang: { type: 'string', choices: ['en', 'ko'] },
  },
  visibility: 'ephemeral',
  slow: true,
  examples: ['read The Russell 2000 rose about 8% year to date, well ahead of the S&P 500.', 'read 러셀2000이 연초 대비 약 8% 상승했다. date:2026-01-20'],
  run: (args, ctx: CommandContext) => answerArticle(args.text, ctx, { ...(args.date ? { date: args.date } : {}), ...(args.lang ? { lang: args.lang } : {}) }),
});
