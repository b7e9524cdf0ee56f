/** The ids of `Reply.notify` safe to put inside a platform's mention markup (`<@…>`), each once. */
export const mentionIds = (ids: readonly string[] | undefined): string[] => [...new Set((ids ?? []).filter((id) => /^\w{1,40}$/.test(id)))];

/** The mentions of those ids, one line, in the `<@id>` markup Slack and Discord share. */
export const mentionLine = (ids: readonly string[]) => ids.map((id) => `<@${id}>`).join(' ');
