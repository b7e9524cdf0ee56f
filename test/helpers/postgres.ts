import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { freePort } from './free-port.ts';

/** A database for one test file: from TEST_DATABASE_URL, or a throwaway cluster; `stop` drops or removes it. */
export type TestPostgres = { readonly url: string; readonly how: string; stop(): Promise<void> };

const SERVICE_USER = 'postgres';

function findPgBin(): string | undefined {
  const inPath = (process.env.PATH ?? '').split(path.delimiter).find((dir) => dir && existsSync(path.join(dir, 'initdb')) && existsSync(path.join(dir, 'pg_ctl')));
  if (inPath) return inPath;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
  return versions.map((v) => path.join(root, v, 'bin')).find((dir) => existsSync(path.join(dir, 'initdb')) && existsSync(path.join(dir, 'pg_ctl')));
}

/** PostgreSQL refuses to run as root: run its binaries as the `postgres` account then. */
function runner(): { run(bin: string, args: string[]): void; uid?: number; gid?: number } {
  const asRoot = process.getuid?.() === 0;
  if (!asRoot) return { run: (bin, args) => execFileSync(bin, args, { stdio: 'pipe' }) };
  const account = spawnSync('id', ['-u', SERVICE_USER], { encoding: 'utf8' });
  if (account.status !== 0) throw new Error(`running as root and there is no "${SERVICE_USER}" user to run PostgreSQL as`);
  const uid = Number(account.stdout.trim());
  const gid = Number(spawnSync('id', ['-g', SERVICE_USER], { encoding: 'utf8' }).stdout.trim());
  return { run: (bin, args) => execFileSync('runuser', ['-u', SERVICE_USER, '--', bin, ...args], { stdio: 'pipe' }), uid, gid };
}

async function startCluster(bin: string): Promise<TestPostgres> {
  const dir = mkdtempSync(path.join(tmpdir(), 'rotation-pg-'));
  const data = path.join(dir, 'data');
  const as = runner();
  if (as.uid !== undefined && as.gid !== undefined) chownSync(dir, as.uid, as.gid);
  const port = await freePort();
  const user = as.uid !== undefined ? SERVICE_USER : userInfo().username;
  try {
    as.run(path.join(bin, 'initdb'), ['-D', data, '-U', user, '--auth=trust', '-E', 'UTF8', '--no-sync', '--no-instructions']);
    const options = `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100`;
    as.run(path.join(bin, 'pg_ctl'), ['-D', data, '-o', options, '-l', path.join(dir, 'server.log'), '-w', '-t', '30', 'start']);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
    throw new Error(`could not start a throwaway PostgreSQL with ${bin}: ${stderr || (error as Error).message}`);
  }
  const admin = `postgres://${user}@127.0.0.1:${port}/postgres`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query('CREATE DATABASE rotation_test');
  await client.end();
  return {
    url: `postgres://${user}@127.0.0.1:${port}/rotation_test`,
    how: `a throwaway cluster from ${bin} on port ${port}`,
    async stop() {
      try {
        as.run(path.join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/** A fresh database on the server TEST_DATABASE_URL names, so test files running at once do not share tables. */
async function freshDatabaseOn(url: string): Promise<TestPostgres> {
  const name = `rotation_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const target = new URL(url);
  target.pathname = `/${name}`;
  return {
    url: target.toString(),
    how: `database ${name} on TEST_DATABASE_URL`,
    async stop() {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}

/**
 * TEST_DATABASE_URL when set; otherwise a throwaway cluster when initdb and pg_ctl exist (PATH or
 * /usr/lib/postgresql/N/bin); otherwise undefined, and `reason` says why, for describe.skipIf.
 */
export async function startTestPostgres(): Promise<{ pg?: TestPostgres; reason: string }> {
  const url = process.env.TEST_DATABASE_URL;
  if (url) return { pg: await freshDatabaseOn(url), reason: '' };
  const bin = findPgBin();
  if (!bin) {
    const reason = 'PostgreSQL tests skipped: no TEST_DATABASE_URL and no initdb/pg_ctl (install the postgresql package; CI does)';
    console.warn(reason);
    return { reason };
  }
  return { pg: await startCluster(bin), reason: '' };
}
