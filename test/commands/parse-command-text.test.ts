import { describe, expect, it } from 'vitest';
import { parseCommandText } from '../../commands/parse-command-text.ts';
import type { OptionsSpec } from '../../commands/option-spec.ts';

const options: OptionsSpec = {
  period: { type: 'string' },
  basis: { type: 'string', choices: ['price', 'total', 'index'] },
  vs: { type: 'string' },
};

describe('parseCommandText', () => {
  it('fills positional values in declared order', () => {
    expect(parseCommandText(options, 'ytd index QQQ')).toEqual({ period: 'ytd', basis: 'index', vs: 'QQQ' });
  });
  it('accepts key:value and key=value anywhere', () => {
    expect(parseCommandText(options, 'vs=QQQ ytd basis:total')).toEqual({ vs: 'QQQ', period: 'ytd', basis: 'total' });
  });
  it('gives the rest of the words to a rest option', () => {
    expect(parseCommandText({ term: { type: 'string', rest: true }, lang: { type: 'string' } }, 'tax loss selling lang:ko')).toEqual({ term: 'tax loss selling', lang: 'ko' });
  });
  it('keeps quoted words together', () => {
    expect(parseCommandText(options, '"year to date"')).toEqual({ period: 'year to date' });
  });
  it('rejects extra words and repeated options', () => {
    expect(() => parseCommandText(options, 'a b c d')).toThrowError(/input.unexpected/);
    expect(() => parseCommandText(options, 'vs:A vs:B')).toThrowError(/input.repeated/);
  });
  it('passes unknown keys through for validation to name them', () => {
    expect(parseCommandText(options, 'colour:red')).toEqual({ colour: 'red' });
  });
});
