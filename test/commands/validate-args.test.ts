import { describe, expect, it } from 'vitest';
import { validateArgs } from '../../commands/validate-args.ts';
import type { OptionsSpec } from '../../commands/option-spec.ts';
import { UserError } from '../../core/user-error.ts';

const options: OptionsSpec = {
  basis: { type: 'string', choices: ['price', 'total', 'index'], default: 'price' },
  years: { type: 'number', integer: true, min: 1, max: 40 },
  private: { type: 'boolean', default: false },
  from: { type: 'date' },
  term: { type: 'string', required: true },
};

const errorOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e as UserError;
  }
  throw new Error('no error');
};

describe('validateArgs', () => {
  it('fills defaults and normalizes choices', () => {
    expect(validateArgs(options, { term: 'x', basis: 'INDEX', years: '20', private: 'yes' })).toEqual({ term: 'x', basis: 'index', years: 20, private: true });
    expect(validateArgs(options, { term: 'x' })).toEqual({ term: 'x', basis: 'price', private: false });
  });
  it('suggests the nearest choice for a typo', () => {
    const e = errorOf(() => validateArgs(options, { term: 'x', basis: 'indx' }));
    expect(e.key).toBe('input.badChoiceNear');
    expect(e.params.near).toBe('index');
  });
  it('names the option for out-of-range and non-integer numbers', () => {
    expect(errorOf(() => validateArgs(options, { term: 'x', years: '400' })).key).toBe('input.outOfRange');
    expect(errorOf(() => validateArgs(options, { term: 'x', years: '2.5' })).key).toBe('input.notInteger');
    expect(errorOf(() => validateArgs(options, { term: 'x', years: 'many' })).key).toBe('input.notNumber');
  });
  it('rejects an impossible date as no such day, and a misshapen one as not a date', () => {
    expect(errorOf(() => validateArgs(options, { term: 'x', from: '2026-02-30' })).key).toBe('input.noSuchDay');
    expect(errorOf(() => validateArgs(options, { term: 'x', from: '2026-2-3' })).key).toBe('input.badDate');
  });
  it('requires required options and rejects unknown ones with a suggestion', () => {
    expect(errorOf(() => validateArgs(options, {})).key).toBe('input.missing');
    const e = errorOf(() => validateArgs(options, { term: 'x', basi: 'price' }));
    expect(e.key).toBe('input.unknownOptionNear');
    expect(e.params.near).toBe('basis');
  });
});
