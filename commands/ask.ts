import type { AnyCommand } from './define-command.ts';
import { RefusedAnswer } from './refused-answer.ts';
import type { CommandContext } from './context.ts';
import type { CommandOutput } from '../core/reply.ts';
import type { QuestionReading } from '../core/reader/reading.ts';
import { defineCommand } from './define-command.ts';
import { readQuestion, QUESTION_MAX } from '../core/reader/read-question.ts';
import { createGlossaryIndex } from '../core/glossary/glossary-index.ts';
import { UserError } from '../core/user-error.ts';
import { prepareLine } from './prepare.ts';
import { userErrorReply } from './user-error-reply.ts';
import { ambiguousReply, unreadableReply } from './ask-reply.ts';

/** Glossary-free reading, enough to know the answer's visibility before anything runs (terms only ever lead to private answers). */
const NO_GLOSSARY = createGlossaryIndex([]);

/** The question read at the context's as-of date with its glossary. */
export function readFor(question: string, ctx: Pick<CommandContext, 'services'>): QuestionReading {
  return readQuestion(question, { glossary: ctx.services.glossary, asOf: ctx.services.today() });
}

/**
 * Reads a plain-words question and runs the very command it reads as, through prepare() like a
 * typed command; the first reply carries `readAs`. Ambiguous: nothing runs, 2–3 buttons instead.
 * When that command refuses the request, its error reply comes as a RefusedAnswer, so the outcome
 * is the user error it would be for the typed command.
 * This is what mentions, DMs and console lines that are not commands use too.
 */
export async function answerQuestion(question: string, ctx: CommandContext, registry: readonly AnyCommand[]): Promise<CommandOutput> {
  const reading = readFor(question, ctx);
  if (reading.kind === 'unreadable') {
    return { replies: [unreadableReply(reading.language, reading, ctx.commandPrefix, [...question].length)], result: { readAs: null, reading: 'unreadable', problem: reading.problem ?? null } };
  }
  const locale = reading.understood.language;
  if (reading.kind === 'ambiguous') {
    return { replies: [ambiguousReply(locale, reading, ctx.commandPrefix)], result: { readAs: null, reading: 'ambiguous', options: reading.options, understood: reading.understood } };
  }
  const inner: CommandContext = { ...ctx, locale };
  const prepared = prepareLine(registry, reading.line, inner);
  const readAs = `${ctx.commandPrefix}${reading.line.replace(/^\//, '')}`;
  if (!prepared.ok) throw new RefusedAnswer({ replies: [{ ...prepared.reply, readAs }], result: { readAs, reading: 'command' } });
  let output: CommandOutput;
  try {
    output = await prepared.command.run(prepared.args, inner);
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    throw new RefusedAnswer({ replies: [{ ...userErrorReply(error, prepared.command, inner), readAs }], result: { readAs, reading: 'command' } });
  }
  const [first, ...more] = output.replies;
  const result = output.result && typeof output.result === 'object' ? output.result : {};
  return { replies: first ? [{ ...first, readAs }, ...more] : [], result: { ...result, readAs, reading: 'command', understood: reading.understood } };
}

export function askCommand(registry: () => readonly AnyCommand[]) {
  return defineCommand({
    name: 'ask',
    options: { question: { type: 'string', required: true, rest: true, verbatim: true, maxLength: QUESTION_MAX } },
    visibility: (args) => {
      const reading = readQuestion(args.question, { glossary: NO_GLOSSARY, asOf: '2100-12-31' });
      if (reading.kind !== 'command' || reading.understood.intent === 'explain') return 'ephemeral';
      const prepared = prepareLine(registry(), reading.line, { locale: 'en', commandPrefix: '/' });
      return prepared.ok ? prepared.visibility : 'ephemeral';
    },
    slow: true,
    examples: ['ask are small caps beating the S&P this year?', 'ask 소형주 올해 얼마나 올랐어?', 'ask russell vs nasdaq last 3 months', 'ask what is tax-loss selling?'],
    run: (args, ctx) => answerQuestion(args.question, ctx, registry()),
  });
}
