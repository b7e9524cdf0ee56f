export const LOCALES = ['en', 'ko'] as const;
export type Locale = (typeof LOCALES)[number];

/** Maps a platform locale (`ko`, `ko-KR`, `en-US`, …) to one we speak; Korean for `ko*`, English otherwise. */
export function toLocale(platformLocale: string | undefined | null, fallback: Locale = 'en'): Locale {
  if (!platformLocale) return fallback;
  return platformLocale.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}

export const INTL_TAG: Record<Locale, string> = { en: 'en-US', ko: 'ko-KR' };
