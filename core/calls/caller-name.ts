import type { Call } from './call.ts';

const NAME_MAX = 40;

/**
 * A display name fit for a reply line: one line, no markup characters the replies' markdown subset would
 * read, at most 40 characters; undefined when nothing is left.
 */
export function cleanDisplayName(raw: string | null | undefined): string | undefined {
  if (!raw) return undefined;
  const flat = raw.normalize('NFC').replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]+/gu, ' ').replace(/[*_`~<>|\\]/g, '').replace(/\s+/g, ' ').trim();
  const chars = [...flat];
  const cut = chars.length > NAME_MAX ? `${chars.slice(0, NAME_MAX - 1).join('').trimEnd()}…` : flat;
  return cut || undefined;
}

/** Who made a call, as replies name them: the display name kept with the call, else the platform id. */
export const callerName = (call: Pick<Call, 'userId' | 'userName'>) => call.userName ?? call.userId;
