import type { Locale } from '../../core/i18n/locale.ts';
import { toLocale } from '../../core/i18n/locale.ts';

/** The part of users.info (with include_locale) the bot uses. */
export type SlackUserProfile = { readonly locale?: string; readonly is_admin?: boolean; readonly is_owner?: boolean; readonly is_primary_owner?: boolean };

export type SlackUserInfo = { readonly locale: Locale; readonly isAdmin: boolean; readonly isOwner: boolean; readonly isPrimaryOwner: boolean };

const NOBODY = { isAdmin: false, isOwner: false, isPrimaryOwner: false } as const;

export type UserInfoCacheOptions = {
  readonly lookup: (userId: string) => Promise<SlackUserProfile | undefined>;
  readonly fallbackLocale: Locale;
  readonly ttlMs?: number;
  /** How long to wait before asking again after users.info failed (e.g. the users:read scope is missing). */
  readonly failureTtlMs?: number;
  readonly now?: () => number;
  readonly onError?: (userId: string, error: unknown) => void;
};

export type UserInfoCache = { get(userId: string): Promise<SlackUserInfo> };

/** Each user's language and workspace roles, looked up once an hour; concurrent requests share one lookup. */
export function createUserInfoCache(options: UserInfoCacheOptions): UserInfoCache {
  const { lookup, fallbackLocale, ttlMs = 3_600_000, failureTtlMs = 60_000, now = Date.now, onError } = options;
  const entries = new Map<string, { expires: number; info: Promise<SlackUserInfo> }>();
  return {
    get(userId) {
      const cached = entries.get(userId);
      if (cached && cached.expires > now()) return cached.info;
      const entry = { expires: now() + ttlMs, info: Promise.resolve<SlackUserInfo>({ locale: fallbackLocale, ...NOBODY }) };
      entry.info = lookup(userId).then(
        (user) => ({
          locale: toLocale(user?.locale, fallbackLocale),
          isAdmin: user?.is_admin === true,
          isOwner: user?.is_owner === true,
          isPrimaryOwner: user?.is_primary_owner === true,
        }),
        (error: unknown) => {
          onError?.(userId, error);
          entry.expires = now() + failureTtlMs;
          return { locale: fallbackLocale, ...NOBODY };
        },
      );
      entries.set(userId, entry);
      if (entries.size > 10_000) entries.delete(entries.keys().next().value!);
      return entry.info;
    },
  };
}
