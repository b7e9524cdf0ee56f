import type { Locale } from './i18n/locale.ts';

export type Visibility = 'public' | 'ephemeral';
export type Tone = 'neutral' | 'positive' | 'negative' | 'warning';

export type ReplyField = { readonly label: string; readonly value: string; readonly inline?: boolean };

export type ReplyChart = {
  readonly png: Uint8Array;
  readonly filename: string;
  readonly alt: string;
  readonly width: number;
  readonly height: number;
};

export type ReplyAction =
  | { readonly kind: 'explain-terms'; readonly label: string; readonly terms: readonly string[] }
  | { readonly kind: 'share'; readonly label: string; readonly command: string }
  | { readonly kind: 'run'; readonly label: string; readonly command: string };

/**
 * What a command answers, independent of the platform. Text uses a small markdown subset both
 * platforms render: **bold**, _italic_, `code`, and lines starting with "• ".
 */
export type Reply = {
  readonly visibility: Visibility;
  readonly locale: Locale;
  readonly tone: Tone;
  readonly title: string;
  readonly text: string;
  readonly fields: readonly ReplyField[];
  readonly chart?: ReplyChart;
  /** Source and "as of"; every data answer has one. */
  readonly footer?: string;
  /** Plain text for notifications, Slack `text` and screen readers. Always present. */
  readonly fallbackText: string;
  readonly actions?: readonly ReplyAction[];
  /** The command line a plain-words question was read as; renderers head the answer with it ("Read as `/smallcaps ytd`"). */
  readonly readAs?: string;
  /**
   * Platform user ids the post is addressed to. Renderers that can notify turn them into mentions
   * (nothing in `text` ever pings); the console ignores them, as the text already names the person.
   */
  readonly notify?: readonly string[];
};

export type CommandOutput = {
  readonly replies: readonly Reply[];
  /** The machine-readable numbers behind the answer (the console's `--json` prints it). */
  readonly result?: unknown;
};
