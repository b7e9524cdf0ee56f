import readline from 'node:readline';
import type { AnyCommand } from '../../commands/define-command.ts';
import type { CommandContext, Services } from '../../commands/context.ts';
import type { Outcome } from '../../commands/dispatch.ts';
import { runCommand, runText } from '../../commands/dispatch.ts';
import type { ErrorLog } from '../../commands/dispatch.ts';
import { messageRequest } from '../../commands/message-request.ts';
import type { MessageRequest } from '../../commands/message-request.ts';
import type { Logger } from '../../core/logger.ts';
import type { Locale } from '../../core/i18n/locale.ts';
import { renderText } from './render-text.ts';
import { saveChart } from './save-chart.ts';
import { requestLogger } from '../../core/ops/request-log.ts';
import { t } from '../../core/i18n/translate.ts';
import { consoleData } from './sample-fallback.ts';
import type { ConsoleData } from './sample-fallback.ts';
import { welcomeData, welcomeText } from './welcome.ts';

/** The error log of one console command: its lines carry a request id and the command name. */
const commandLog = (log: Logger, line: string) =>
  requestLogger(log, { platform: 'console', command: /^\/?(\S+)/.exec(line.trim())?.[1]?.slice(0, 40), userId: 'console' }).log;

export type ConsoleIo = { out: (s: string) => void; err: (s: string) => void };

function contextFor(services: Services, locale: Locale): CommandContext {
  return { locale, services, platform: 'console', userId: 'console', commandPrefix: '/' };
}

/** Runs one line on the console's data; when the sample has just taken over from the live source, says so and runs it again there. */
async function answer(registry: readonly AnyCommand[], request: MessageRequest, data: ConsoleData, log: Logger, io: ConsoleIo): Promise<Outcome> {
  const name = 'line' in request ? request.line : `/${request.command.name}`;
  const errorLog: ErrorLog = ({ errorId, error }) => commandLog(log, name).error({ errorId, err: error }, 'command failed');
  const run = () => {
    const services = data.current();
    const ctx = contextFor(services, services.config.ROTATION_LANG);
    return 'line' in request ? runText(registry, request.line, ctx, errorLog) : runCommand(request.command, request.values, ctx, errorLog);
  };
  const outcome = await run();
  const fallback = data.tookOver();
  if (!fallback) return outcome;
  io.err(t(data.current().config.ROTATION_LANG, 'console.sampleSwitch', fallback));
  return run();
}

/** Prints every reply of an outcome, saving charts under the out folder. Returns the JSON form. */
async function present(outcome: Outcome, services: Services, io: ConsoleIo, json: boolean) {
  const replies = [];
  for (const reply of outcome.output.replies) {
    const chartPath = reply.chart ? await saveChart(services.config.ROTATION_OUT_DIR, reply.chart) : undefined;
    if (!json) (outcome.ok ? io.out : io.err)(renderText(reply, chartPath));
    const { chart, ...rest } = reply;
    replies.push(chart ? { ...rest, chart: { path: chartPath, alt: chart.alt, width: chart.width, height: chart.height } } : rest);
  }
  return { ok: outcome.ok, reply: replies[0], replies, result: outcome.ok ? (outcome.output.result ?? null) : null };
}

/** One command (or a plain-words question, or an article to read), then exit: 0 when answered, 1 for a user mistake, 2 for an internal error. */
export async function askOnce(registry: readonly AnyCommand[], request: MessageRequest, services: Services, log: Logger, io: ConsoleIo, json: boolean): Promise<number> {
  const outcome = await answer(registry, request, consoleData(services), log, io);
  const shown = await present(outcome, services, io, json);
  if (json) io.out(JSON.stringify(shown, null, 2));
  return outcome.ok ? 0 : outcome.kind === 'user-error' ? 1 : 2;
}

/** The interactive prompt: slash commands or questions in plain words, one per line, until `exit` or end of input. */
export async function runConsole(registry: readonly AnyCommand[], services: Services, log: Logger, io: ConsoleIo): Promise<void> {
  // Before the prompt exists: lines typed while it is awaited would be lost.
  const data = consoleData(services);
  io.out(welcomeText(services.config.ROTATION_LANG, await welcomeData(services), registry.some((c) => c.name === 'ask')));
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
  rl.setPrompt('> ');
  rl.prompt();
  for await (const raw of rl) {
    const line = raw.trim();
    if (line === 'exit' || line === 'quit') break;
    if (line) await present(await answer(registry, messageRequest(registry, line), data, log, io), services, io, false);
    rl.prompt();
  }
  rl.close();
}
