export const LOCALES = ['en', 'ko'] as const;
export type Locale = (typeof LOCALES)[number];

/** Maps a platform locale (`ko`, `ko-KR`, `en-US`, …) to one we speak; Korean for `ko*`, English otherwise. */
export function toLocale(platformLocale: string | undefined | null, fallback: Locale = 'en'): Locale {
  if (!platformLocale) return fallback;
  return platformLocale.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}

export const INTL_TAG: Record<Locale, string> = { en: 'en-US', ko: 'ko-KR' };

const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]/;

/** A message written in Korean is answered in Korean, whatever the writer's platform language. */
export function localeOfText(text: string, fallback: Locale): Locale {
  return HANGUL.test(text) ? 'ko' : fallback;
}
