import type { Services } from '../../commands/context.ts';
import type { Locale } from '../../core/i18n/locale.ts';
import { t } from '../../core/i18n/translate.ts';

export type WelcomeData =
  | { readonly kind: 'named'; readonly source: string }
  | { readonly kind: 'folder'; readonly dir: string; readonly to: string | undefined }
  | { readonly kind: 'live'; readonly source: string; readonly db: string };

/** What the console answers from, read without the network: a folder's last date is its first leg's last close. */
export async function welcomeData(services: Services): Promise<WelcomeData> {
  const { config, market } = services;
  if (!config.ROTATION_DATA_DIR) return { kind: 'live', source: market.sourceLabel, db: config.DATABASE_URL ? 'PostgreSQL' : config.ROTATION_DB_PATH };
  if (market.sourceLabel !== 'CSV folder') return { kind: 'named', source: market.sourceLabel };
  const first = services.universe.etf.small[0]?.symbol;
  const to = first ? await market.getDaily(first).then((s) => s.bars.at(-1)?.date, () => undefined) : undefined;
  return { kind: 'folder', dir: config.ROTATION_DATA_DIR, to };
}

/** The interactive console's first words: the data and its date, three questions to try, and how to go live in chat. */
export function welcomeText(locale: Locale, data: WelcomeData, plainWords: boolean): string {
  const dataLine =
    data.kind === 'named'
      ? t(locale, 'console.welcome.data', { source: data.source })
      : data.kind === 'folder'
        ? t(locale, 'console.welcome.dataFolder', { dir: data.dir, to: data.to ?? '?' })
        : t(locale, 'console.welcome.dataLive', { source: data.source, db: data.db });
  const examples = ['ex1', 'ex2', 'ex3'].map((k) => t(locale, `console.welcome.${k}`));
  if (plainWords) examples.push(t(locale, 'console.welcome.plain'));
  return [t(locale, 'console.welcome.title'), dataLine, t(locale, 'console.welcome.try'), ...examples.map((e) => `  ${e}`), t(locale, 'console.welcome.connect')].join('\n');
}
