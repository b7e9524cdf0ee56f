import type { RESTOptions } from 'discord.js';
import type { Config } from '../../core/config.ts';

/**
 * discord.js's REST options. Requests go through Node's own fetch rather than discord.js's bundled
 * undici 6: another SDK in the process (Slack's, with undici 7) installs its agent as the shared
 * global dispatcher, and that agent cannot serialise undici 6's multipart bodies, so every upload
 * (a chart) would fail. Node's fetch encodes the body itself before any dispatcher sees it.
 */
export function discordRestOptions(config: Pick<Config, 'DISCORD_API_URL'>): Partial<RESTOptions> {
  return {
    makeRequest: fetch as unknown as RESTOptions['makeRequest'],
    ...(config.DISCORD_API_URL ? { api: config.DISCORD_API_URL } : {}),
  };
}
