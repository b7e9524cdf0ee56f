import type {
  APIApplicationCommandBasicOption,
  LocalizationMap,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
  RESTPostAPIContextMenuApplicationCommandsJSONBody,
} from 'discord.js';
import type { AnyCommand } from '../../commands/define-command.ts';
import type { OptionSpec } from '../../commands/option-spec.ts';
import { isRequired } from '../../commands/option-spec.ts';
import type { Locale } from '../../core/i18n/locale.ts';
import { hasMessage, t } from '../../core/i18n/translate.ts';
import { COMMAND_NAME, DISCORD_LIMITS as L } from '../../core/platform-limits.ts';
import { truncate } from '../../core/text/fit-text.ts';

/** Our locales other than English (the default), by Discord's locale code. */
const DISCORD_LOCALES: Partial<Record<Locale, 'ko'>> = { ko: 'ko' };

const OPTION_TYPE = { string: 3, integer: 4, boolean: 5, number: 10 } as const;
const CHAT_INPUT = 1;
const MESSAGE = 3;
/** The message context-menu command's name (Discord allows spaces and capitals there). */
export const EXPLAIN_MESSAGE_COMMAND = 'Explain this message';
/** Guild install, user install. */
const INTEGRATION_TYPES = [0, 1];
/** Guild, bot DM, private channel (group DMs and DMs for a user-installed app). */
const CONTEXTS = [0, 1, 2];
/** ManageChannels: `adminOnly` commands are hidden from members who lack it until a server admin says otherwise. */
const MANAGE_CHANNELS = (1n << 4n).toString();

const DATE_HINT = 'YYYY-MM-DD';

function describe(text: string, option: OptionSpec | undefined): string {
  const withHint = option?.type === 'date' && !text.includes(DATE_HINT) ? `${text} (${DATE_HINT})` : text;
  return truncate(withHint.trim() || '-', L.commandDescription);
}

/** The English text of a key, or a fallback when the locale files lack it. */
function english(key: string, fallback: string): string {
  return hasMessage('en', key) ? t('en', key) : fallback;
}

function localized(key: string, shape: (text: string) => string | undefined): LocalizationMap | undefined {
  const map: LocalizationMap = {};
  for (const [ours, theirs] of Object.entries(DISCORD_LOCALES)) {
    if (!theirs || !hasMessage(ours as Locale, key)) continue;
    const value = shape(t(ours as Locale, key));
    if (value !== undefined) map[theirs] = value;
  }
  return Object.keys(map).length ? map : undefined;
}

/** Localized names come from optional `…name` keys; Discord rejects names that are not lowercase words. */
const validName = (text: string) => {
  const name = text.trim().toLowerCase();
  return COMMAND_NAME.test(name) ? name : undefined;
};

function toOption(command: AnyCommand, name: string, o: OptionSpec): APIApplicationCommandBasicOption {
  const key = `commands.${command.name}.options.${name}`;
  const common = {
    name,
    description: describe(english(key, name), o),
    required: isRequired(o),
    ...optional('description_localizations', localized(key, (text) => describe(text, o))),
    ...optional('name_localizations', localized(`commands.${command.name}.optionNames.${name}`, validName)),
  };
  switch (o.type) {
    case 'string': {
      const choices = o.choices && o.choices.length <= L.choices ? o.choices : undefined;
      // Choices and autocomplete are exclusive; too many choices fall back to autocomplete when the command can suggest.
      const autocomplete = !choices && command.suggest !== undefined && (o.autocomplete === true || o.choices !== undefined);
      return {
        ...common,
        type: OPTION_TYPE.string,
        ...(choices ? { choices: choices.map((c) => ({ name: truncate(c, L.choiceName), value: c })) } : {}),
        ...(autocomplete ? { autocomplete: true } : {}),
        ...(o.maxLength !== undefined && !choices ? { max_length: Math.min(o.maxLength, 6000) } : {}),
      } as APIApplicationCommandBasicOption;
    }
    case 'number':
      return {
        ...common,
        type: o.integer ? OPTION_TYPE.integer : OPTION_TYPE.number,
        ...(o.min !== undefined ? { min_value: o.min } : {}),
        ...(o.max !== undefined ? { max_value: o.max } : {}),
      } as APIApplicationCommandBasicOption;
    case 'boolean':
      return { ...common, type: OPTION_TYPE.boolean } as APIApplicationCommandBasicOption;
    case 'date':
      // No length limits: a date typed another way reaches validation, which explains the format.
      return { ...common, type: OPTION_TYPE.string } as APIApplicationCommandBasicOption;
  }
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

export type RegistrationScope = { readonly guild?: boolean };

/** One command as Discord's CHAT_INPUT registration JSON; required options come first, as Discord demands. */
export function toDiscordCommand(command: AnyCommand, scope: RegistrationScope = {}): RESTPostAPIChatInputApplicationCommandsJSONBody {
  const entries = Object.entries(command.options);
  const ordered = [...entries.filter(([, o]) => isRequired(o)), ...entries.filter(([, o]) => !isRequired(o))];
  if (ordered.length > L.optionsPerCommand) throw new Error(`/${command.name} has ${ordered.length} options; Discord allows ${L.optionsPerCommand}`);
  if (!COMMAND_NAME.test(command.name) || command.name !== command.name.toLowerCase()) throw new Error(`"${command.name}" is not a valid Discord command name`);
  const key = `commands.${command.name}.description`;
  return {
    type: CHAT_INPUT,
    name: command.name,
    description: describe(english(key, command.name), undefined),
    ...optional('description_localizations', localized(key, (text) => describe(text, undefined))),
    ...optional('name_localizations', localized(`commands.${command.name}.name`, validName)),
    options: ordered.map(([name, o]) => toOption(command, name, o)),
    ...(command.adminOnly ? { default_member_permissions: MANAGE_CHANNELS } : {}),
    // Guild commands only exist in that guild; Discord ignores installation contexts for them.
    ...(scope.guild ? {} : { integration_types: INTEGRATION_TYPES, contexts: CONTEXTS }),
  } as RESTPostAPIChatInputApplicationCommandsJSONBody;
}

/** The chat-input commands of the registry, as Discord registers them. */
export function registrationBody(registry: readonly AnyCommand[], scope: RegistrationScope = {}): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return registry.map((c) => toDiscordCommand(c, scope));
}

/** The message context-menu command "Explain this message", when the registry can read an article. */
export function messageCommandsBody(registry: readonly AnyCommand[], scope: RegistrationScope = {}): RESTPostAPIContextMenuApplicationCommandsJSONBody[] {
  if (!registry.some((c) => c.name === 'read')) return [];
  return [
    {
      type: MESSAGE,
      name: EXPLAIN_MESSAGE_COMMAND,
      name_localizations: { ko: t('ko', 'discordMessage.explain') },
      ...(scope.guild ? {} : { integration_types: INTEGRATION_TYPES, contexts: CONTEXTS }),
    } as RESTPostAPIContextMenuApplicationCommandsJSONBody,
  ];
}

/** The body of the bulk overwrite (PUT) that registers every command: the slash commands, then the message command. */
export function deployBody(registry: readonly AnyCommand[], scope: RegistrationScope = {}) {
  return [...registrationBody(registry, scope), ...messageCommandsBody(registry, scope)];
}
