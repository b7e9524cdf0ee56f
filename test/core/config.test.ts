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

  it('reads DISCORD_SHARDS as auto or a positive count', () => {
    expect(loadConfig({ DISCORD_SHARDS: 'auto' }, {}).DISCORD_SHARDS).toBe('auto');
    expect(loadConfig({ DISCORD_SHARDS: ' 2 ' }, {}).DISCORD_SHARDS).toBe(2);
    expect(loadConfig({}, {}).DISCORD_SHARDS).toBeUndefined();
    for (const bad of ['0', 'many', '-1', '1.5']) expect(() => loadConfig({ DISCORD_SHARDS: bad }, {})).toThrowError(/DISCORD_SHARDS: expected auto or a number/);
  });

  describe('Slack OAuth', () => {
    const key = Buffer.alloc(32, 7).toString('base64');
    const oauth = { SLACK_CLIENT_ID: '1.2', SLACK_CLIENT_SECRET: 'cs', SLACK_STATE_SECRET: 'ss', SLACK_SIGNING_SECRET: 'sig', ROTATION_ENCRYPTION_KEY: key };

    it('runs without a bot token when the client id, secrets and encryption key are set', () => {
      const c = loadConfig(oauth, {});
      expect(c.SLACK_CLIENT_ID).toBe('1.2');
      expect(c.SLACK_BOT_TOKEN).toBeUndefined();
    });

    it('names every missing OAuth setting at once', () => {
      try {
        loadConfig({ SLACK_CLIENT_ID: '1.2' }, {});
        expect.unreachable();
      } catch (error) {
        const problems = (error as ConfigError).problems.join('\n');
        for (const name of ['SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET', 'SLACK_SIGNING_SECRET', 'ROTATION_ENCRYPTION_KEY']) expect(problems).toContain(`${name}:`);
      }
    });

    it('refuses a bot token or Socket Mode beside OAuth', () => {
      expect(() => loadConfig({ ...oauth, SLACK_BOT_TOKEN: 'xoxb-1' }, {})).toThrowError(/not both/);
      expect(() => loadConfig({ ...oauth, SLACK_APP_TOKEN: 'xapp-1' }, {})).toThrowError(/needs HTTP mode/);
    });
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ ROTATION_DATA_DIR: '' }, {}).ROTATION_DATA_DIR).toBeUndefined();
  });
});
