import { describe, expect, it } from 'vitest';
import { pickTermOfTheDay, termOrder } from '../../../core/posts/term-of-the-day.ts';

const ids = Array.from({ length: 30 }, (_, i) => `term-${i}`);

describe('term of the day', () => {
  it('shows every entry once before any repeats, then starts a new round in the same order', () => {
    const shown = new Set<string>();
    const picks: string[] = [];
    for (let day = 0; day < ids.length * 2; day++) {
      const pick = pickTermOfTheDay(ids, shown, 'slack:C1')!;
      if (pick.startsNewRound) shown.clear();
      shown.add(pick.id);
      picks.push(pick.id);
    }
    expect(new Set(picks.slice(0, ids.length)).size).toBe(ids.length);
    expect(picks.slice(ids.length)).toEqual(picks.slice(0, ids.length));
  });

  it('gives each channel its own fixed order', () => {
    expect(termOrder(ids, 'slack:C1')).toEqual(termOrder([...ids].reverse(), 'slack:C1'));
    expect(termOrder(ids, 'slack:C1')).not.toEqual(termOrder(ids, 'discord:C1'));
  });

  it('keeps the rest of the order when an entry is added', () => {
    const before = termOrder(ids, 'slack:C1');
    const after = termOrder([...ids, 'new-term'], 'slack:C1').filter((id) => id !== 'new-term');
    expect(after).toEqual(before);
  });

  it('picks nothing from an empty glossary', () => {
    expect(pickTermOfTheDay([], new Set(), 'x')).toBeUndefined();
  });
});
