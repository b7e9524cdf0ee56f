import type { OptionsSpec } from '../../commands/option-spec.ts';
import { parseCommandText } from '../../commands/parse-command-text.ts';

/**
 * Slash command text as the user typed it. Slack HTML-escapes `&`, `<` and `>`, and (with
 * escaping on) wraps mentions, channels and links as `<@U123|name>`, `<#C123|name>`, `<url|label>`.
 */
export function unescapeSlackText(text: string): string {
  return text
    .replace(/<([@#!])([^>|]*)(?:\|([^>]*))?>/g, (_whole, sigil: string, id: string, label: string | undefined) => {
      if (sigil === '!') return label || `@${id.split('^')[0]}`;
      return `${sigil}${label || id}`;
    })
    .replace(/<([^>|]+)(?:\|([^>]*))?>/g, (_whole, url: string, label: string | undefined) => label || url)
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\u00a0/g, ' ');
}

/** Slack text → raw option values, through the same parser the console uses. */
export function parseSlackText(options: OptionsSpec, text: string): Record<string, string> {
  return parseCommandText(options, unescapeSlackText(text));
}

/** The registry's command line for a slash command: `/rb-smallcaps` + `ytd` → `/smallcaps ytd`. */
export function slackCommandLine(commandName: string, text: string): string {
  const rest = unescapeSlackText(text).trim();
  return rest ? `/${commandName} ${rest}` : `/${commandName}`;
}
