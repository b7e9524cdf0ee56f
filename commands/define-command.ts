import type { CommandOutput, Visibility } from '../core/reply.ts';
import type { ArgsOf, OptionsSpec } from './option-spec.ts';
import type { CommandContext } from './context.ts';

export type Choice = { readonly name: string; readonly value: string };

export type CommandSpec<O extends OptionsSpec> = {
  readonly name: string;
  readonly options: O;
  /** Known before running, because Discord fixes visibility at the first response. */
  readonly visibility: Visibility | ((args: ArgsOf<O>) => Visibility);
  /** Fetches data or renders a chart: platforms defer before running it. */
  readonly slow: boolean;
  /** Only channel managers may run it (Discord default member permissions; Slack admins). */
  readonly adminOnly?: boolean;
  readonly examples: readonly string[];
  /** Checks that need no data (a period's syntax), run when the command is prepared: a bad value is answered before the first response. */
  readonly check?: (args: ArgsOf<O>) => void;
  readonly run: (args: ArgsOf<O>, ctx: CommandContext) => Promise<CommandOutput>;
  readonly suggest?: (option: keyof O & string, query: string, ctx: CommandContext) => readonly Choice[];
};

/** A command with its argument types erased, as the registry and adapters hold it. */
export type AnyCommand = Omit<CommandSpec<OptionsSpec>, 'check'> & {
  readonly run: (args: Record<string, unknown>, ctx: CommandContext) => Promise<CommandOutput>;
  readonly check?: (args: Record<string, unknown>) => void;
  readonly visibilityFor: (args: Record<string, unknown>) => Visibility;
};

export function defineCommand<const O extends OptionsSpec>(spec: CommandSpec<O>): AnyCommand {
  const { visibility } = spec;
  return {
    ...(spec as unknown as Omit<CommandSpec<OptionsSpec>, 'check'>),
    run: spec.run as unknown as AnyCommand['run'],
    ...(spec.check ? { check: spec.check as unknown as NonNullable<AnyCommand['check']> } : {}),
    visibilityFor: (args) => (typeof visibility === 'function' ? (visibility as (a: Record<string, unknown>) => Visibility)(args) : visibility),
  };
}
