import type { InputProblem } from './text-input.ts';
import type { PeriodMention } from './period-words.ts';
import type { LegRole } from '../market/types.ts';

export type Intent = 'returns' | 'seasonality' | 'scenario' | 'explain' | 'help' | 'subscription' | 'call';

/** What the reader took from a question, so the answer can say it before anything is run. */
export type Understood = {
  readonly language: 'en' | 'ko';
  readonly intent?: Intent;
  /** The period as read, or undefined when none was named. */
  readonly period?: PeriodMention;
  /** A start named by an event the reader cannot date ("since the fed started cutting"), as written. */
  readonly undatedStart?: string;
  /** Instruments and sides named, in order (symbols for instruments, the role for "small caps"). */
  readonly named: readonly { readonly role: LegRole; readonly symbol?: string }[];
  readonly term?: { readonly id: string; readonly en: string; readonly ko: string };
  readonly basis?: 'total' | 'index';
};

export type QuestionReading =
  | { readonly kind: 'command'; readonly line: string; readonly understood: Understood }
  /** Two or three likely commands; none is run until the user picks one. */
  | { readonly kind: 'ambiguous'; readonly understood: Understood; readonly options: readonly string[] }
  | { readonly kind: 'unreadable'; readonly language: 'en' | 'ko'; readonly problem?: InputProblem; readonly examples: readonly { readonly question: string; readonly line: string }[] };
