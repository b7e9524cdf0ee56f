import { describe, expect, it } from 'vitest';
import { ratioPath } from '../../../core/market/ratio-path.ts';
import { bars, weekdays } from '../../helpers/synthetic.ts';

describe('ratioPath', () => {
  const d = weekdays('2024-01-01', '2024-03-29');
  const small = bars(d, (i) => 100 + i);
  const large = bars(d, () => 50);

  it('rebases the ratio to 100 at the base date', () => {
    const p = ratioPath(small, large, 'price', d[10]!, d.at(-1)!, 5);
    expect(p.dates[0]).toBe(d[10]);
    expect(p.values[0]).toBe(100);
    expect(p.values.at(-1)).toBeCloseTo(((100 + d.length - 1) / 110) * 100, 10);
  });

  it('takes the average over history before the base, on the same scale', () => {
    const p = ratioPath(small, large, 'price', d[10]!, d.at(-1)!, 5);
    // Ratios at i = 6..10 are (106..110)/50; their mean is 108/50; rebased by 110/50.
    expect(p.average[0]).toBeCloseTo((108 / 110) * 100, 10);
  });

  it('leaves the average undefined until the window is full', () => {
    const p = ratioPath(small, large, 'price', d[0]!, d.at(-1)!, 5);
    expect(p.average.slice(0, 4)).toEqual([null, null, null, null]);
    expect(p.average[4]).not.toBeNull();
  });
});
