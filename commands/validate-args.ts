import { z } from 'zod';
import type { OptionSpec, OptionsSpec } from './option-spec.ts';
import { isRequired } from './option-spec.ts';
import { UserError } from '../core/user-error.ts';
import { isIsoDate } from '../core/market/period.ts';
import { closest } from './closest.ts';

const TRUE = ['true', 'yes', 'y', '1', 'on'];
const FALSE = ['false', 'no', 'n', '0', 'off'];

function check(name: string, o: OptionSpec, raw: unknown): unknown {
  const text = typeof raw === 'string' ? raw.trim() : raw;
  const fail = (key: string, params: Record<string, string | number> = {}): never => {
    throw new UserError(key, { option: name, value: String(text).slice(0, 60), ...params });
  };
  switch (o.type) {
    case 'string': {
      if (typeof text !== 'string') return fail('input.notText');
      if (text.length > (o.maxLength ?? 200)) return fail('input.tooLong', { max: o.maxLength ?? 200 });
      if (o.choices) {
        const match = o.choices.find((c) => c.toLowerCase() === text.toLowerCase());
        if (match === undefined) {
          const near = closest(text, o.choices);
          return fail(near.length ? 'input.badChoiceNear' : 'input.badChoice', { allowed: o.choices.join(', '), near: near.join(', ') });
        }
        return match;
      }
      return text;
    }
    case 'number': {
      const schema = z.coerce.number().finite();
      const parsed = schema.safeParse(text);
      if (!parsed.success || text === '') return fail('input.notNumber');
      const n = parsed.data;
      if (o.integer && !Number.isInteger(n)) return fail('input.notInteger');
      if ((o.min !== undefined && n < o.min) || (o.max !== undefined && n > o.max)) {
        return fail('input.outOfRange', { min: o.min ?? '−∞', max: o.max ?? '∞' });
      }
      return n;
    }
    case 'boolean': {
      if (typeof text === 'boolean') return text;
      const s = String(text).toLowerCase();
      if (TRUE.includes(s)) return true;
      if (FALSE.includes(s)) return false;
      return fail('input.notBoolean');
    }
    case 'date': {
      if (typeof text !== 'string' || !isIsoDate(text)) return fail('input.badDate');
      return text;
    }
  }
}

/** Checks raw option values against the spec and fills defaults; every platform goes through here. */
export function validateArgs(options: OptionsSpec, raw: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of Object.keys(raw)) {
    if (!(name in options)) {
      const near = closest(name, Object.keys(options));
      throw new UserError(near.length ? 'input.unknownOptionNear' : 'input.unknownOption', { option: name.slice(0, 40), near: near.join(', ') });
    }
  }
  for (const [name, o] of Object.entries(options)) {
    const value = raw[name];
    if (value === undefined || value === null || value === '') {
      if (isRequired(o)) throw new UserError('input.missing', { option: name });
      if ('default' in o && o.default !== undefined) out[name] = o.default;
      continue;
    }
    out[name] = check(name, o, value);
  }
  return out;
}
