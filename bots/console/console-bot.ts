import readline from 'node:readline';
import type { AnyCommand } from '../../commands/define-command.ts';
import type { CommandContext, Services } from '../../commands/context.ts';
import type { Outcome } from '../../commands/dispatch.ts';
import { runText } from '../../commands/dispatch.ts';
import type { Logger } from '../../core/logger.ts';
import type { Locale } from '../../core/i18n/locale.ts';
import { renderText } from './render-text.ts';
import { saveChart } from './save-chart.ts';
import { requestLogger } from '../../core/ops/request-log.ts';

/** The error log of one console command: its lines carry a request id and the command name. */
const commandLog = (log: Logger, line: string) =>
  requestLogger(log, { platform: 'console', command: /^\/?(\S+)/.exec(line.trim())?.[1]?.slice(0, 40), userId: 'console' }).log;

export type ConsoleIo = { out: (s: string) => void; err: (s: string) => void };

function contextFor(services: Services, locale: Locale): CommandContext {
  return { locale, services, platform: 'console', userId: 'console', commandPrefix: '/' };
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

/** One command, then exit: 0 when answered, 1 for a user mistake, 2 for an internal error. */
export async function askOnce(registry: readonly AnyCommand[], line: string, services: Services, log: Logger, io: ConsoleIo, json: boolean): Promise<number> {
  const outcome = await runText(registry, line, contextFor(services, services.config.ROTATION_LANG), ({ errorId, error }) =>
    commandLog(log, line).error({ errorId, err: error }, 'command failed'),
  );
  const shown = await present(outcome, services, io, json);
  if (json) io.out(JSON.stringify(shown, null, 2));
  return outcome.ok ? 0 : outcome.kind === 'user-error' ? 1 : 2;
}

/** The interactive prompt: the same slash commands, one per line, until `exit` or end of input. */
export async function runConsole(registry: readonly AnyCommand[], services: Services, log: Logger, io: ConsoleIo): Promise<void> {
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
  io.out('Rotation Bot console. Type /help, or exit to quit.');
  rl.setPrompt('> ');
  rl.prompt();
  for await (const raw of rl) {
    const line = raw.trim();
    if (line === 'exit' || line === 'quit') break;
    if (line) {
      const outcome = await runText(registry, line, contextFor(services, services.config.ROTATION_LANG), ({ errorId, error }) =>
        commandLog(log, line).error({ errorId, err: error }, 'command failed'),
      );
      await present(outcome, services, io, false);
    }
    rl.prompt();
  }
  rl.close();
}
