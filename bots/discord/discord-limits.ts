/** Discord's message, embed, component and command limits in one place (characters unless noted). */
export const DISCORD_LIMITS = {
  content: 2000,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  /** Sum of title, description, field names and values, and footer over every embed of a message. */
  embedTotal: 6000,
  embedsPerMessage: 10,
  attachmentsPerMessage: 10,
  attachmentDescription: 1024,
  actionRows: 5,
  buttonsPerRow: 5,
  buttonLabel: 80,
  customId: 100,
  commandName: 32,
  commandDescription: 100,
  optionsPerCommand: 25,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
  /** Milliseconds to answer or defer an interaction, and to answer autocomplete. */
  responseDeadlineMs: 3000,
} as const;

/** Discord application command and option names. */
export const COMMAND_NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

/**
 * Cuts text to at most `max` UTF-16 units (so Discord's count, in code points, fits as well),
 * never splitting a surrogate pair, ending with "…" when something was cut.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return '';
  let cut = text.slice(0, max - 1);
  const last = cut.charCodeAt(cut.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}
