import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../core/config.ts';

describe('loadConfig', () => {
  it('gives defaults with an empty environment', () => {
    const c = loadConfig({}, {});
    expect(c.ROTATION_DB_PATH).toBe('./data/rotation.db');
    expect(c.ROTATION_SMALL).toEqual(['IWM', 'IJR']);
    expect(c.ROTATION_LANG).toBe('en');
    expect(c.DISCORD_TOKEN).toBeUndefined();
  });

  it('reports every problem at once, each naming its variable', () => {
    try {
      loadConfig({ ROTATION_AS_OF: '2026-13-01', ROTATION_LANG: 'fr', PORT: 'eighty', ROTATION_SMALL: 'IWM,../x' }, {});
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems.join('\n');
      for (const name of ['ROTATION_AS_OF', 'ROTATION_LANG', 'PORT', 'ROTATION_SMALL']) expect(problems).toContain(name);
    }
  });

  it('requires the Slack signing secret for HTTP mode', () => {
    expect(() => loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1' }, {})).toThrowError(/SLACK_SIGNING_SECRET/);
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' }, {}).SLACK_APP_TOKEN).toBe('xapp-1');
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ ROTATION_DATA_DIR: '' }, {}).ROTATION_DATA_DIR).toBeUndefined();
  });
});
