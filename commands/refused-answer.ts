import type { CommandOutput } from '../core/reply.ts';

/**
 * A command run on the user's behalf (the one a plain-words question reads as) refused the request:
 * its error reply is written already, and the outcome is a user error like that command's own.
 */
export class RefusedAnswer extends Error {
  constructor(readonly output: CommandOutput) {
    super('the command a question was read as refused it');
    this.name = 'RefusedAnswer';
  }
}
