/**
 * Writes manifest.json from the command registry.
 *   tsx scripts/slack-manifest.ts            write manifest.json (prefix from SLACK_COMMAND_PREFIX, default none)
 *   tsx scripts/slack-manifest.ts --check    exit 1 when manifest.json is out of date
 *   tsx scripts/slack-manifest.ts --out my-manifest.json --url https://bot.example.com/slack/events
 *   add --oauth for many workspaces: the OAuth redirect URL and the uninstall events
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { COMMANDS } from '../commands/index.ts';
import { loadConfig } from '../core/config.ts';
import { manifestJson } from '../bots/slack/build-manifest.ts';
import { PACKAGE_ROOT } from '../core/runtime/module-paths.ts';

const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};

const out = path.resolve(PACKAGE_ROOT, flag('--out') ?? 'manifest.json');
const url = flag('--url');
const text = manifestJson(COMMANDS, { prefix: loadConfig().SLACK_COMMAND_PREFIX, ...(url ? { requestUrl: url } : {}), oauth: args.includes('--oauth') });

if (args.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(out, 'utf8');
  } catch {
    // A missing file is simply out of date.
  }
  if (current !== text) {
    process.stderr.write(`${path.relative(process.cwd(), out)} is out of date: run npm run slack:manifest\n`);
    process.exit(1);
  }
  process.stdout.write(`${path.relative(process.cwd(), out)} is up to date.\n`);
} else {
  writeFileSync(out, text);
  process.stdout.write(`Wrote ${path.relative(process.cwd(), out)} (${COMMANDS.length} commands).\n`);
}
