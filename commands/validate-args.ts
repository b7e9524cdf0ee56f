import { z } from 'zod';
import type { OptionSpec, OptionsSpec } from './option-spec.ts';
import { isRequired } from './option-spec.ts';
import { UserError } from '../core/user-error.ts';
import { badDateKey, isIsoDate } from '../core/market/period.ts';
import { closest } from './closest.ts';

const TRUE = ['true', 'yes', 'y', '1', 'on'];
const FALSE = ['false', 'no', 'n', '0', 'off'];

type Problem = { key: string; params: Record<string, string | number> };

/** One option's zod schema: coerces text input and reports a localizable problem key. */
function optionSchema(name: string, o: OptionSpec): z.ZodType<unknown> {
  return z.unknown().transform((raw, ctx) => {
    const text = typeof raw === 'string' ? raw.trim() : raw;
    const fail = (key: string, params: Record<string, string | number> = {}) => {
      const problem: Problem = { key, params: { option: name, value: String(text).slice(0, 60), ...params } };
      ctx.addIssue({ code: 'custom', message: key, params: problem });
      return z.NEVER;
    };
    switch (o.type) {
      case 'string': {
        if (typeof text !== 'string') return fail('input.notText');
        const max = o.maxLength ?? 200;
        // A choice is named by its choices, however long the text that missed them.
        if (text.length > max && !o.choices) return fail('input.tooLong', { max });
        if (!o.choices) return text;
        const match = o.choices.find((c) => c.toLowerCase() === text.toLowerCase());
        if (match !== undefined) return match;
        const near = closest(text, o.choices);
        return fail(near.length ? 'input.badChoiceNear' : 'input.badChoice', { allowed: o.choices.join(', '), near: near.join(', ') });
      }
      case 'number': {
        const n = typeof text === 'number' ? text : typeof text === 'string' && text !== '' ? Number(text) : NaN;
        if (!Number.isFinite(n)) return fail('input.notNumber');
        if (o.integer && !Number.isInteger(n)) return fail('input.notInteger');
        if ((o.min !== undefined && n < o.min) || (o.max !== undefined && n > o.max)) return fail('input.outOfRange', { min: o.min ?? '−∞', max: o.max ?? '∞' });
        return n;
      }
      case 'boolean': {
        if (typeof text === 'boolean') return text;
        const s = String(text).toLowerCase();
        if (TRUE.includes(s)) return true;
        if (FALSE.includes(s)) return false;
        return fail('input.notBoolean');
      }
      case 'date':
        return typeof text === 'string' && isIsoDate(text) ? text : fail(badDateKey(String(text)));
    }
  });
}

const schemas = new WeakMap<OptionsSpec, z.ZodType<Record<string, unknown>>>();

/** The zod schema for a command's options, derived from its spec once. */
export function argsSchema(options: OptionsSpec): z.ZodType<Record<string, unknown>> {
  let schema = schemas.get(options);
  if (!schema) {
    const shape: Record<string, z.ZodType<unknown>> = {};
    for (const [name, o] of Object.entries(options)) {
      const fallback = 'default' in o ? o.default : undefined;
      const base = z.preprocess((v) => (v === '' || v === null ? undefined : v), optionSchema(name, o).optional());
      shape[name] = isRequired(o)
        ? z.unknown().superRefine((v, ctx) => {
            if (v === undefined || v === null || v === '') ctx.addIssue({ code: 'custom', message: 'input.missing', params: { key: 'input.missing', params: { option: name } } });
          }).pipe(base)
        : fallback !== undefined ? base.transform((v) => v ?? fallback) : base;
    }
    schema = z.strictObject(shape) as unknown as z.ZodType<Record<string, unknown>>;
    schemas.set(options, schema);
  }
  return schema;
}

/** Checks raw option values against the spec and fills defaults; every platform goes through here. */
export function validateArgs(options: OptionsSpec, raw: Record<string, unknown>): Record<string, unknown> {
  for (const name of Object.keys(raw)) {
    if (!(name in options)) {
      const near = closest(name, Object.keys(options));
      throw new UserError(near.length ? 'input.unknownOptionNear' : 'input.unknownOption', { option: name.slice(0, 40), near: near.join(', ') });
    }
  }
  const parsed = argsSchema(options).safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const problem = (issue as { params?: Problem }).params;
    throw problem ? new UserError(problem.key, problem.params) : new UserError('input.unexpected', { value: issue.path.join('.') });
  }
  return Object.fromEntries(Object.entries(parsed.data).filter(([, v]) => v !== undefined));
}
