import type { Worker } from 'node:worker_threads';

/** A slash command as the load generator sends it. `admin`: users.info calls the user a workspace admin. */
export type SlackCommand = { readonly command: string; readonly text: string; readonly user: string; readonly channel: string; readonly admin?: boolean };

/** One command sent, and what came back: the HTTP acknowledgement and the first answer delivered to the fake Slack. */
export type Sent = SlackCommand & {
  readonly id: string;
  readonly sentAt: number;
  ackMs?: number;
  /** 0 when the request failed without an HTTP answer. */
  ackStatus?: number;
  /** Which of the target URLs took it. */
  instance?: number;
  deliveredAt?: number;
  /** The answer's text and blocks, as delivered. */
  reply?: string;
};

type Out =
  | { type: 'ack'; id: string; ms: number; status: number; instance: number }
  | { type: 'delivered'; id: string; text: string }
  | { type: 'ready' };

/** The main thread's end of bench/load/slack-side.ts: sends commands through it and records what comes back. */
export function slackTraffic(worker: Worker) {
  const sent = new Map<string, Sent>();
  let n = 0;
  worker.on('message', (m: Out) => {
    const row = m.type === 'ready' ? undefined : sent.get(m.id);
    if (!row) return;
    if (m.type === 'ack' && row.ackMs === undefined) {
      row.ackMs = m.ms;
      row.ackStatus = m.status;
      row.instance = m.instance;
    }
    if (m.type === 'delivered' && row.deliveredAt === undefined) {
      row.deliveredAt = performance.now();
      row.reply = m.text;
    }
  });
  return {
    /** Spreads the following commands over `urls` in turn. */
    target(urls: readonly string[], secret: string): void {
      worker.postMessage({ type: 'target', urls, secret });
    },
    send(command: SlackCommand): Sent {
      const row: Sent = { ...command, id: `s${n++}`, sentAt: performance.now() };
      sent.set(row.id, row);
      worker.postMessage({ type: 'send', id: row.id, ...command });
      return row;
    },
  };
}

export type SlackTraffic = ReturnType<typeof slackTraffic>;
