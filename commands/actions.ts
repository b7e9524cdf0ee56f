import type { ReplyAction } from '../core/reply.ts';
import type { AnyCommand } from './define-command.ts';
import type { OptionSpec } from './option-spec.ts';
import { DISCORD_LIMITS } from '../core/platform-limits.ts';
import { parseCommandText } from './parse-command-text.ts';
import { findCommand, splitCommandLine } from './prepare.ts';
import type { RawArgs } from './prepare.ts';
import { COMMANDS } from './index.ts';

/** What a button press carries back: terms to explain, or a command's option values as typed. */
export type ActionPayload =
  | { readonly kind: 'explain-terms'; readonly terms: readonly string[] }
  | { readonly kind: 'share' | 'run'; readonly command: string; readonly raw: Readonly<Record<string, string>> }
  /** Kept server-side and no longer known (the bot restarted, or it was pushed out). */
  | { readonly kind: 'expired' };

/** A press as something to prepare: the command (undefined when this build has no such command) and its raw values. */
export type ActionRequest = { readonly name: string; readonly command: AnyCommand | undefined; readonly raw: RawArgs };

const KIND = { 'explain-terms': 'e', share: 's', run: 'r' } as const;
const KEPT_MAX = 10_000;
/** Payloads too long for a platform's id, under short ids; oldest dropped first. */
const kept = new Map<string, string>();
let keptSerial = 0;

const escape = (v: string) => v.replace(/%/g, '%25').replace(/~/g, '%7E');
const unescape = (v: string) => v.replace(/%7E/g, '~').replace(/%25/g, '%');

function packValue(o: OptionSpec, value: string): string {
  if (o.type === 'string' && o.choices) {
    const i = o.choices.findIndex((c) => c.toLowerCase() === value.trim().toLowerCase());
    if (i >= 0) return `#${i.toString(36)}`;
  }
  if (o.type === 'boolean' && /^(true|false)$/i.test(value.trim())) return value.trim().toLowerCase() === 'true' ? '#1' : '#0';
  if (o.type === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(value.trim())) return `#${value.trim().replace(/-/g, '')}`;
  return escape(value);
}

function unpackValue(o: OptionSpec, packed: string): string {
  if (!packed.startsWith('#')) return unescape(packed);
  const body = packed.slice(1);
  if (o.type === 'string' && o.choices) return o.choices[parseInt(body, 36)] ?? body;
  if (o.type === 'boolean') return body === '1' ? 'true' : 'false';
  if (o.type === 'date') return `${body.slice(0, 4)}-${body.slice(4, 6)}-${body.slice(6)}`;
  return body;
}

/** `/smallcaps 1y vs:QQQ chart:ratio` → `smallcaps~01y~2QQQ~5#3`: option positions, choices by index, dates without dashes. */
function packLine(registry: readonly AnyCommand[], line: string): string | undefined {
  const { name, rest } = splitCommandLine(line);
  const command = findCommand(registry, name);
  if (!command) return undefined;
  let raw: Record<string, string>;
  try {
    raw = parseCommandText(command.options, rest);
  } catch {
    return undefined;
  }
  const names = Object.keys(command.options);
  const parts = Object.entries(raw).map(([option, value]) => `~${names.indexOf(option).toString(36)}${packValue(command.options[option]!, value)}`);
  return command.name + parts.join('');
}

function unpackLine(registry: readonly AnyCommand[], packed: string): { command: string; raw: Record<string, string> } | undefined {
  const [name, ...parts] = packed.split('~');
  if (!name || !/^[a-z][\w-]*$/.test(name)) return undefined;
  const command = findCommand(registry, name);
  if (!command) return { command: name, raw: {} };
  const names = Object.keys(command.options);
  const raw: Record<string, string> = {};
  for (const part of parts) {
    const option = names[parseInt(part.slice(0, 1), 36)];
    if (!option) return undefined;
    raw[option] = unpackValue(command.options[option]!, part.slice(1));
  }
  return { command: name, raw };
}

function keep(encoded: string): string {
  keptSerial += 1;
  const id = `rb:k:${keptSerial.toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  kept.set(id, encoded);
  if (kept.size > KEPT_MAX) kept.delete(kept.keys().next().value!);
  return id;
}

/**
 * A button's id: the whole payload, packed, when it fits `max` (Discord's custom id by default);
 * otherwise a short id for the payload kept in this process, so nothing is ever cut.
 */
export function encodeAction(action: ReplyAction, max: number = DISCORD_LIMITS.customId, registry: readonly AnyCommand[] = COMMANDS): string {
  const encoded =
    action.kind === 'explain-terms'
      ? `rb:e:${action.terms.join(',')}`
      : // A line the registry cannot pack (a command this build lacks) goes as typed, in the form decodeLegacy reads.
        ((packed) => (packed === undefined ? `rb:${action.kind}:${action.command}` : `rb:${KIND[action.kind]}:${packed}`))(packLine(registry, action.command));
  return encoded.length <= max ? encoded : keep(encoded);
}

export function decodeAction(id: string, registry: readonly AnyCommand[] = COMMANDS): ActionPayload | undefined {
  if (id.startsWith('rb:k:')) {
    const found = kept.get(id);
    return found === undefined ? { kind: 'expired' } : decodeAction(found, registry);
  }
  const m = /^rb:([esr]):(.*)$/s.exec(id);
  if (!m) return decodeLegacy(id, registry);
  const body = m[2]!;
  if (m[1] === 'e') return explainTerms(body);
  const line = unpackLine(registry, body);
  return line && { kind: m[1] === 's' ? 'share' : 'run', ...line };
}

/** Ids of buttons posted before the packed form (`rb:share:/smallcaps ytd private:true`), so old messages keep working. */
function decodeLegacy(id: string, registry: readonly AnyCommand[]): ActionPayload | undefined {
  const m = /^rb:(explain|share|run):(.*)$/s.exec(id);
  if (!m) return undefined;
  if (m[1] === 'explain') return explainTerms(m[2]!);
  const { name, rest } = splitCommandLine(m[2]!);
  const command = findCommand(registry, name);
  if (!name) return undefined;
  try {
    return { kind: m[1] as 'share' | 'run', command: name, raw: command ? parseCommandText(command.options, rest) : {} };
  } catch {
    return undefined;
  }
}

function explainTerms(body: string): ActionPayload | undefined {
  const terms = body.split(',').map((t) => t.trim()).filter((t) => /^[a-z0-9-]{1,60}$/.test(t));
  return terms.length ? { kind: 'explain-terms', terms } : undefined;
}

/** What a press runs: `/explain a,b`, the command as it was, or the shared command made public. */
export function actionRequest(payload: Exclude<ActionPayload, { kind: 'expired' }>, registry: readonly AnyCommand[] = COMMANDS): ActionRequest {
  switch (payload.kind) {
    case 'explain-terms':
      return { name: 'explain', command: findCommand(registry, 'explain'), raw: { term: payload.terms.join(',') } };
    case 'share':
    case 'run': {
      const command = findCommand(registry, payload.command);
      const raw = payload.kind === 'share' && command && 'private' in command.options ? { ...payload.raw, private: 'false' } : payload.raw;
      return { name: payload.command, command, raw };
    }
  }
}
