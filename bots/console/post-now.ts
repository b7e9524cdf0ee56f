import { randomBytes } from 'node:crypto';
import type { Services } from '../../commands/context.ts';
import type { Reply } from '../../core/reply.ts';
import type { Logger } from '../../core/logger.ts';
import type { ConsoleIo } from './console-bot.ts';
import type { IsoDate } from '../../core/market/types.ts';
import { addDays, lastCompletedSession, utcToZoned, zonedDateTimeToUtc } from '../../core/calendar/index.ts';
import { t } from '../../core/i18n/translate.ts';
import { formatDate } from '../../core/i18n/format.ts';
import { UserError } from '../../core/user-error.ts';
import { internalErrorReply, userErrorReply } from '../../commands/user-error-reply.ts';
import { buildMorningPost } from '../../commands/rotation-post.ts';
import { settledCallLines } from '../../commands/settled-calls.ts';
import { renderText } from './render-text.ts';
import { saveChart } from './save-chart.ts';

export const CONSOLE_CHANNEL = 'console';

/**
 * The session a morning post on `morning` reports: the last one completed at ROTATION_POST_TIME in
 * ROTATION_POST_TIMEZONE that day (08:30 New York on 2026-01-21 → the 2026-01-20 session).
 */
export function reportDateForMorning(morning: IsoDate, time: string, timeZone: string): IsoDate {
  return lastCompletedSession(zonedDateTimeToUtc(morning, time, timeZone));
}

/** The first morning whose brief reports `reportDate`: the brief goes out then and on no later morning. */
export function firstMorningFor(reportDate: IsoDate, time: string, timeZone: string): IsoDate {
  let morning = reportDate;
  while (reportDateForMorning(morning, time, timeZone) !== reportDate) morning = addDays(morning, 1);
  return morning;
}

/**
 * `post-now`: prints the morning post that would go out on the morning of ROTATION_AS_OF (default:
 * today in ROTATION_POST_TIMEZONE), with the console's calls settled at that session's close. Exit code 0 when printed, 1 for a data problem, 2 for an internal error.
 */
export async function postNow(services: Services, log: Logger, io: ConsoleIo, json: boolean): Promise<number> {
  const { config } = services;
  const locale = config.ROTATION_LANG;
  const morning = config.ROTATION_AS_OF ?? utcToZoned(services.now(), config.ROTATION_POST_TIMEZONE).date;
  const reportDate = reportDateForMorning(morning, config.ROTATION_POST_TIME, config.ROTATION_POST_TIMEZONE);
  let replies: readonly Reply[];
  let result: unknown = null;
  let code = 0;
  try {
    const built = await buildMorningPost(services, {
      locale,
      reportDate,
      channelKey: `console:${CONSOLE_CHANNEL}`,
      shownTerms: await services.subscriptions.shownTerms('console', CONSOLE_CHANNEL),
      acceptStale: true,
      settledCalls: await settledCallLines(services, { platform: 'console', channelId: CONSOLE_CHANNEL, locale, reportDate, since: undefined }),
    });
    if (built.status !== 'ready') throw new Error('unreachable: stale data is accepted');
    replies = built.replies;
    const firstMorning = firstMorningFor(reportDate, config.ROTATION_POST_TIME, config.ROTATION_POST_TIMEZONE);
    const postsThatMorning = firstMorning === morning;
    if (!postsThatMorning && !json) {
      io.out(t(locale, 'console.postNow.notThisMorning', { morning: formatDate(locale, morning), session: formatDate(locale, reportDate), first: formatDate(locale, firstMorning) }));
    }
    result = { morning, postTime: config.ROTATION_POST_TIME, postTimeZone: config.ROTATION_POST_TIMEZONE, postsThatMorning, firstMorning, ...(built.result as object) };
  } catch (error) {
    if (error instanceof UserError) {
      replies = [userErrorReply(error, undefined, { locale, commandPrefix: '/' })];
      code = 1;
    } else {
      const errorId = randomBytes(4).toString('hex');
      log.error({ errorId, command: 'post-now', err: error }, 'post-now failed');
      replies = [internalErrorReply(errorId, locale)];
      code = 2;
    }
  }
  const shown = [];
  for (const reply of replies) {
    const chartPath = reply.chart ? await saveChart(config.ROTATION_OUT_DIR, reply.chart) : undefined;
    if (!json) (code === 0 ? io.out : io.err)(renderText(reply, chartPath));
    const { chart, ...rest } = reply;
    shown.push(chart ? { ...rest, chart: { path: chartPath, alt: chart.alt, width: chart.width, height: chart.height } } : rest);
  }
  if (json) io.out(JSON.stringify({ ok: code === 0, reply: shown[0], replies: shown, result }, null, 2));
  return code;
}
