import type { AnyCommand } from './define-command.ts';
import type { Locale } from '../core/i18n/locale.ts';
import { t } from '../core/i18n/translate.ts';
import { isRequired } from './option-spec.ts';

export function commandDescription(command: AnyCommand, locale: Locale): string {
  return t(locale, `commands.${command.name}.description`);
}

export function optionDescription(command: AnyCommand, option: string, locale: Locale): string {
  return t(locale, `commands.${command.name}.options.${option}`);
}

/** `/smallcaps [period] [basis] [vs]`, with the platform's prefix. */
export function usageLine(command: AnyCommand, prefix: string): string {
  const parts = Object.entries(command.options).map(([name, o]) => (isRequired(o) ? `<${name}>` : `[${name}]`));
  return [`${prefix}${command.name}`, ...parts].join(' ');
}

/** A compact hint for Slack's `usage_hint`. */
export function usageHint(command: AnyCommand): string {
  return Object.entries(command.options)
    .map(([name, o]) => {
      const shown = o.type === 'string' && o.choices && o.choices.length <= 5 ? o.choices.join('|') : name;
      return isRequired(o) ? `<${shown}>` : `[${shown}]`;
    })
    .join(' ');
}

export function optionLines(command: AnyCommand, locale: Locale): string[] {
  return Object.entries(command.options).map(([name, o]) => {
    const allowed = o.type === 'string' && o.choices ? ` (${o.choices.join(', ')})` : '';
    const range = o.type === 'number' && (o.min !== undefined || o.max !== undefined) ? ` (${o.min ?? ''}–${o.max ?? ''})` : '';
    const fallback = 'default' in o && o.default !== undefined ? ` · ${t(locale, 'help.default')}: ${String(o.default)}` : '';
    return `• \`${name}\`${allowed}${range}: ${optionDescription(command, name, locale)}${fallback}`;
  });
}

export function examplesLine(command: AnyCommand, prefix: string): string {
  return command.examples.map((e) => `\`${prefix}${e}\``).join(' · ');
}
