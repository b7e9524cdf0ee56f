import type { Locale } from '../../core/i18n/locale.ts';

/** The bot's name in Slack, as the manifest declares it and users type it in `/invite`. */
export const BOT_DISPLAY_NAME = 'Rotation Bot';

/** Strings only the Slack adapter says; command texts live in assets/locales. */
const TEXTS = {
  en: {
    invite: `I'm not in this channel, so only you can see this. To post answers here, invite me with \`/invite @${BOT_DISPLAY_NAME}\`.`,
    postChart: 'Post chart to channel',
    shortened: '…shortened to fit Slack.',
  },
  ko: {
    invite: `제가 이 채널에 없어서 이 답변은 회원님에게만 보입니다. 여기에 올리려면 \`/invite @${BOT_DISPLAY_NAME}\`로 저를 초대해 주세요.`,
    postChart: '차트를 채널에 올리기',
    shortened: '…Slack 한도에 맞춰 줄였습니다.',
  },
} as const satisfies Record<Locale, Record<string, string>>;

export type SlackTextKey = keyof (typeof TEXTS)['en'];

export function slackText(locale: Locale, key: SlackTextKey, params: Record<string, string> = {}): string {
  return TEXTS[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
}
