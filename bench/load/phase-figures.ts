import { summarize } from '../stats.ts';
import type { Summary } from '../stats.ts';
import type { Sent } from './slack-traffic.ts';

/** Slack gives up on a command whose acknowledgement takes 3 s or more. */
export const ACK_LIMIT_MS = 3_000;

export type PhaseFigures = {
  readonly commands: number;
  /** All commands over the time from the first send to the last answer delivered. */
  readonly perSecond: number;
  readonly ack: Summary & { readonly max: number };
  /** From the send to the first answer delivered to the fake Slack. */
  readonly reply: Summary;
  /** Acknowledged in 3 s or more, or never. */
  readonly late: number;
  readonly missing: number;
  /** An HTTP status other than 200, or no HTTP answer. */
  readonly httpErrors: number;
  /** Answers `problem` found fault with. */
  readonly badReplies: number;
  /** Commands each instance took. */
  readonly byInstance: readonly number[];
};

const summary = (samples: readonly number[]): Summary => (samples.length ? summarize(samples) : { p50: Number.NaN, p99: Number.NaN, mean: Number.NaN, n: 0 });

export function phaseFigures(rows: readonly Sent[], instances: number, problem: (row: Sent) => string | undefined): PhaseFigures {
  const acks = rows.flatMap((r) => (r.ackMs === undefined ? [] : [r.ackMs]));
  const delivered = rows.filter((r) => r.deliveredAt !== undefined);
  const firstSent = Math.min(...rows.map((r) => r.sentAt));
  const lastDelivered = Math.max(...delivered.map((r) => r.deliveredAt!));
  return {
    commands: rows.length,
    perSecond: delivered.length ? rows.length / ((lastDelivered - firstSent) / 1000) : 0,
    ack: { ...summary(acks), max: Math.max(...acks) },
    reply: summary(delivered.map((r) => r.deliveredAt! - r.sentAt)),
    late: rows.filter((r) => (r.ackMs ?? Infinity) >= ACK_LIMIT_MS).length,
    missing: rows.length - delivered.length,
    httpErrors: rows.filter((r) => r.ackStatus !== undefined && r.ackStatus !== 200).length,
    badReplies: delivered.filter((r) => problem(r) !== undefined).length,
    byInstance: Array.from({ length: instances }, (_, i) => rows.filter((r) => r.instance === i).length),
  };
}
