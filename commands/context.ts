import type { Config } from '../core/config.ts';
import type { Locale } from '../core/i18n/locale.ts';
import type { IsoDate } from '../core/market/types.ts';
import type { MarketData } from '../core/data/provider.ts';
import type { MacroData } from '../core/data/macro.ts';
import type { Universe } from '../core/market/universe.ts';
import type { ChartSpec, RenderedChart } from '../core/charts/chart-spec.ts';

export type Platform = 'discord' | 'slack' | 'console';

export type ChartRenderer = { render(spec: ChartSpec): Promise<RenderedChart> };

/** What commands may use; built once in bots/main.ts and shared by every adapter. */
export type Services = {
  readonly config: Config;
  readonly market: MarketData;
  readonly macro: MacroData;
  readonly universe: Universe;
  readonly charts: ChartRenderer;
  /** "Today" for answers: ROTATION_AS_OF or the current New York date. */
  readonly today: () => IsoDate;
};

export type CommandContext = {
  readonly locale: Locale;
  readonly services: Services;
  readonly platform: Platform;
  readonly userId: string;
  readonly channelId?: string;
  /** How users type commands on this platform, e.g. "/" or "/rb-". */
  readonly commandPrefix: string;
};
