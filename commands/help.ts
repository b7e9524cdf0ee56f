import { defineCommand } from './define-command.ts';
import type { AnyCommand } from './define-command.ts';
import { t } from '../core/i18n/translate.ts';
import { commandDescription, examplesLine, optionLines, usageLine } from './usage.ts';
import { UserError } from '../core/user-error.ts';
import { closest } from './closest.ts';

/** `/help` lists the registry it is given, so it never drifts from the real commands. */
export function helpCommand(registry: () => readonly AnyCommand[]) {
  return defineCommand({
    name: 'help',
    options: { command: { type: 'string', autocomplete: true, maxLength: 40 } },
    visibility: 'ephemeral',
    slow: false,
    examples: ['help', 'help smallcaps'],
    suggest: (_option, query) =>
      registry()
        .filter((c) => c.name.includes(query.toLowerCase()))
        .map((c) => ({ name: c.name, value: c.name })),
    async run(args, ctx) {
      const { locale, commandPrefix: p } = ctx;
      const commands = registry();
      if (args.command) {
        const name = args.command.replace(/^\//, '').toLowerCase();
        const command = commands.find((c) => c.name === name || `${p.replace(/^\//, '')}${c.name}` === name);
        if (!command) {
          throw new UserError('input.unknownCommandNear', { value: name, near: closest(name, commands.map((c) => c.name)).map((n) => p + n).join(', ') || `${p}help`, help: `${p}help` });
        }
        const text = [commandDescription(command, locale), '', `**${t(locale, 'help.usage')}**: \`${usageLine(command, p)}\``, ...optionLines(command, locale), '', `**${t(locale, 'help.examples')}**: ${examplesLine(command, p)}`].join('\n');
        return { replies: [{ visibility: 'ephemeral', locale, tone: 'neutral', title: `${p}${command.name}`, text, fields: [], fallbackText: `${p}${command.name}: ${commandDescription(command, locale)}` }] };
      }
      const lines = commands.map((c) => `• \`${usageLine(c, p)}\`: ${commandDescription(c, locale)}`);
      const text = [t(locale, 'help.intro'), '', ...lines, '', t(locale, 'help.more', { example: `${p}help smallcaps` })].join('\n');
      return { replies: [{ visibility: 'ephemeral', locale, tone: 'neutral', title: t(locale, 'help.title'), text, fields: [], fallbackText: t(locale, 'help.intro') }] };
    },
  });
}
