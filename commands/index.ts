import type { AnyCommand } from './define-command.ts';
import { smallcaps } from './smallcaps.ts';
import { seasonality } from './seasonality.ts';
import { scenario } from './scenario.ts';
import { explain } from './explain.ts';
import { rotation } from './rotation.ts';
import { callCommand } from './call.ts';
import { helpCommand } from './help.ts';
import { askCommand } from './ask.ts';
import { read } from './read.ts';

/** Every command, in the order help lists them. Discord registration and the Slack manifest derive from this. */
export const COMMANDS: readonly AnyCommand[] = [smallcaps, seasonality, scenario, explain, rotation, callCommand, askCommand(() => COMMANDS), read, helpCommand(() => COMMANDS)];
