/** The ids of `Reply.notify` safe to put inside a platform's mention markup (`<@…>`), each once. */
export const mentionIds = (ids: readonly string[] | undefined): string[] => [...new Set((ids ?? []).filter((id) => /^\w{1,40}$/.test(id)))];
