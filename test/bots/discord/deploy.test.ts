import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployCommands, restFor } from '../../../bots/discord/deploy.ts';
import { deployBody, EXPLAIN_MESSAGE_COMMAND } from '../../../bots/discord/to-discord-command.ts';
import { COMMANDS } from '../../../commands/index.ts';
import { FakeDiscord } from '../../fakes/fake-discord.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');

describe('deploying the slash commands', () => {
  let fake: FakeDiscord;
  beforeAll(async () => {
    fake = await FakeDiscord.start({ applicationId: '1234' });
  });
  afterAll(async () => {
    await fake.close();
  });

  const config = () => ({ DISCORD_TOKEN: 'test-token', DISCORD_API_URL: fake.apiUrl });

  it('overwrites the guild commands when a guild is given, with the token', async () => {
    const deployed = await deployCommands(restFor(config()), { applicationId: '1234', guildId: '5000' }, COMMANDS);
    expect(deployed).toMatchObject({ scope: 'guild', names: [...COMMANDS.map((c) => c.name), EXPLAIN_MESSAGE_COMMAND] });
    const put = fake.requests.findLast((r) => r.method === 'PUT')!;
    expect(put.path).toBe('/api/v10/applications/1234/guilds/5000/commands');
    expect(put.headers.authorization).toBe('Bot test-token');
    expect(put.json).toEqual(deployBody(COMMANDS, { guild: true }));
  });

  it('overwrites the global commands otherwise', async () => {
    const deployed = await deployCommands(restFor(config()), { applicationId: '1234' }, COMMANDS);
    expect(deployed.scope).toBe('global');
    const put = fake.requests.findLast((r) => r.method === 'PUT')!;
    expect(put.path).toBe('/api/v10/applications/1234/commands');
    expect(put.json).toEqual(deployBody(COMMANDS));
  });

  it('waits out a rate limit and tries again', async () => {
    fake.rateLimitNext('PUT', /\/applications\/1234\/commands$/, 1, 0.1);
    const before = fake.requests.length;
    const deployed = await deployCommands(restFor(config()), { applicationId: '1234' }, COMMANDS);
    expect(deployed.names).toHaveLength(COMMANDS.length + 1);
    expect(fake.requests.slice(before).map((r) => r.status)).toEqual([429, 200]);
  });

  it('runs as a script with the settings from the environment', async () => {
    const before = fake.requests.length;
    const { stdout } = await promisify(execFile)(path.join(ROOT, 'node_modules/.bin/tsx'), ['bots/discord/deploy-commands.ts'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, DISCORD_TOKEN: 'script-token', DISCORD_APPLICATION_ID: '1234', DISCORD_GUILD_ID: '5000', DISCORD_API_URL: fake.apiUrl },
    });
    expect(stdout).toContain(`Registered ${COMMANDS.length + 1} commands in server 5000`);
    expect(stdout).toContain('"Explain this message" (message menu)');
    const put = fake.requests.slice(before).find((r) => r.method === 'PUT')!;
    expect(put.path).toBe('/api/v10/applications/1234/guilds/5000/commands');
    expect(put.headers.authorization).toBe('Bot script-token');
  });

  it('explains what is missing instead of deploying without credentials', async () => {
    const run = promisify(execFile)(path.join(ROOT, 'node_modules/.bin/tsx'), ['bots/discord/deploy-commands.ts'], { cwd: ROOT, env: { PATH: process.env.PATH } });
    await expect(run).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('DISCORD_TOKEN and DISCORD_APPLICATION_ID') });
  });
});
