/** What a message typed to the bot (a mention, a DM, a console line) asks for. */
export type MessageRoute =
  | { readonly kind: 'line'; readonly line: string }
  | { readonly kind: 'ask'; readonly question: string }
  | { readonly kind: 'read'; readonly text: string };

/** Longer than a question usually is: a paste of commentary to read, not a question to answer. */
export const ARTICLE_MIN_CHARS = 280;

/**
 * A line starting with `/` is a command as typed; a long paste (or several lines of one) is read as an
 * article; anything else is a question in plain words.
 */
export function routeMessage(text: string): MessageRoute {
  const trimmed = text.trim();
  if (trimmed.startsWith('/')) return { kind: 'line', line: trimmed };
  const lines = trimmed.split(/\n+/).filter((l) => l.trim()).length;
  if (trimmed.length >= ARTICLE_MIN_CHARS || (lines >= 3 && trimmed.length >= 120)) return { kind: 'read', text: trimmed };
  return { kind: 'ask', question: trimmed };
}
