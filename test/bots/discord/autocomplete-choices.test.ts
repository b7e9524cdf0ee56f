import { describe, expect, it } from 'vitest';
import { toAutocompleteChoices } from '../../../bots/discord/autocomplete-choices.ts';

describe('toAutocompleteChoices', () => {
  it('keeps at most 25 suggestions, in order', () => {
    const choices = toAutocompleteChoices(Array.from({ length: 40 }, (_, i) => ({ name: `n${i}`, value: `v${i}` })));
    expect(choices).toHaveLength(25);
    expect(choices[0]).toEqual({ name: 'n0', value: 'v0' });
  });

  it('cuts long names to 100 characters and drops values Discord would refuse or repeat', () => {
    const choices = toAutocompleteChoices([
      { name: '가'.repeat(150), value: 'korean' },
      { name: 'too long', value: 'v'.repeat(101) },
      { name: 'empty', value: '' },
      { name: 'again', value: 'korean' },
      { name: ' ', value: 'unnamed' },
    ]);
    expect(choices.map((c) => c.value)).toEqual(['korean', 'unnamed']);
    expect(choices[0]!.name).toHaveLength(100);
    expect(choices[1]!.name).toBe('unnamed');
  });
});
