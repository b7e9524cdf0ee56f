import type { Locale } from '../../core/i18n/locale.ts';
import { toLocale } from '../../core/i18n/locale.ts';

/** The part of users.info (with include_locale) the bot uses. */
export type SlackUserProfile = {
  readonly locale?: string;
  readonly is_admin?: boolean;
  readonly is_owner?: boolean;
  readonly is_primary_owner?: boolean;
  readonly name?: string;
  readonly real_name?: string;
  readonly profile?: { readonly display_name?: string; readonly real_name?: string };
};

/** `name` is what Slack shows for the user: the display name, else the full name, else the handle. */
export type SlackUserInfo = { readonly locale: Locale; readonly isAdmin: boolean; readonly isOwner: boolean; readonly isPrimaryOwner: boolean; readonly name?: string };

const NOBODY = { isAdmin: false, isOwner: false, isPrimaryOwner: false } as const;

/** A user is known by workspace: the same user id may come from two workspaces, each asked with its own token. */
export type SlackUserKey = { readonly teamId: string | undefined; readonly userId: string };

/** users.info for one user, through the client of the workspace the request came from. */
export type UserLookup = (userId: string) => Promise<SlackUserProfile | undefined>;

export type UserInfoCacheOptions = {
  readonly fallbackLocale: Locale;
  readonly ttlMs?: number;
  /** How long to wait before asking again after users.info failed (e.g. the users:read scope is missing). */
  readonly failureTtlMs?: number;
  readonly now?: () => number;
  readonly onError?: (user: SlackUserKey, error: unknown) => void;
};

export type UserInfoCache = { get(user: SlackUserKey, lookup: UserLookup): Promise<SlackUserInfo> };

/** Each user's language and workspace roles, looked up once an hour per workspace and user; concurrent requests share one lookup. */
export function createUserInfoCache(options: UserInfoCacheOptions): UserInfoCache {
  const { fallbackLocale, ttlMs = 3_600_000, failureTtlMs = 60_000, now = Date.now, onError } = options;
  const entries = new Map<string, { expires: number; info: Promise<SlackUserInfo> }>();
  return {
    get(user, lookup) {
      const key = `${user.teamId ?? ''}:${user.userId}`;
      const cached = entries.get(key);
      if (cached && cached.expires > now()) return cached.info;
      const entry = { expires: now() + ttlMs, info: Promise.resolve<SlackUserInfo>({ locale: fallbackLocale, ...NOBODY }) };
      entry.info = lookup(user.userId).then(
        (profile) => ({
          ...nameOf(profile),
          locale: toLocale(profile?.locale, fallbackLocale),
          isAdmin: profile?.is_admin === true,
          isOwner: profile?.is_owner === true,
          isPrimaryOwner: profile?.is_primary_owner === true,
        }),
        (error: unknown) => {
          onError?.(user, error);
          entry.expires = now() + failureTtlMs;
          return { locale: fallbackLocale, ...NOBODY };
        },
      );
      entries.set(key, entry);
      if (entries.size > 10_000) entries.delete(entries.keys().next().value!);
      return entry.info;
    },
  };
}

function nameOf(profile: SlackUserProfile | undefined): { name?: string } {
  const name = [profile?.profile?.display_name, profile?.profile?.real_name, profile?.real_name, profile?.name].find((n) => n?.trim());
  return name ? { name } : {};
}
