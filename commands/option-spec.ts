import type { IsoDate } from '../core/market/types.ts';

export type StringOption = {
  readonly type: 'string';
  readonly required?: boolean;
  readonly choices?: readonly string[];
  /** Suggestions come from the command's `suggest` function (Discord autocomplete). */
  readonly autocomplete?: boolean;
  /** Takes every remaining word in text input, for free text such as a glossary term. */
  readonly rest?: boolean;
  /** With `rest`: takes the text exactly as typed (quotes, colons and line breaks kept), less trailing `key:value` words naming the other options. */
  readonly verbatim?: boolean;
  readonly default?: string;
  readonly maxLength?: number;
};
export type NumberOption = {
  readonly type: 'number';
  readonly required?: boolean;
  readonly integer?: boolean;
  readonly min?: number;
  readonly max?: number;
  readonly default?: number;
};
export type BooleanOption = { readonly type: 'boolean'; readonly default?: boolean };
export type DateOption = { readonly type: 'date'; readonly required?: boolean };

export type OptionSpec = StringOption | NumberOption | BooleanOption | DateOption;
export type OptionsSpec = Readonly<Record<string, OptionSpec>>;

type ValueOf<O> = O extends { type: 'string'; choices: readonly (infer C)[] }
  ? C
  : O extends { type: 'string' }
    ? string
    : O extends { type: 'number' }
      ? number
      : O extends { type: 'boolean' }
        ? boolean
        : O extends { type: 'date' }
          ? IsoDate
          : never;

type Present<O> = O extends { required: true } ? true : O extends { default: unknown } ? true : false;

type Simplify<T> = { [K in keyof T]: T[K] } & {};

/** The arguments a command's `run` receives, inferred from its options. */
export type ArgsOf<O extends OptionsSpec> = Simplify<
  { -readonly [K in keyof O as Present<O[K]> extends true ? K : never]: ValueOf<O[K]> } & {
    -readonly [K in keyof O as Present<O[K]> extends true ? never : K]?: ValueOf<O[K]>;
  }
>;

export const isRequired = (o: OptionSpec): boolean => 'required' in o && o.required === true;
