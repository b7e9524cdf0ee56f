import { describe, expect, it } from 'vitest';
import { displayWidth, padToColumns } from '../../../bots/console/display-width.ts';
import { renderText } from '../../../bots/console/render-text.ts';
import type { Reply } from '../../../core/reply.ts';

describe('console text', () => {
  it('counts Hangul as two terminal columns and Latin as one', () => {
    expect(displayWidth('IWM')).toBe(3);
    expect(displayWidth('러셀2000')).toBe(8);
    expect(displayWidth('격차: 러셀2000 − S&P 500')).toBe(24);
    expect(padToColumns('나스닥', 8)).toBe('나스닥  ');
  });

  it('counts Hangul in NFD form, emoji and emoji with a skin tone as two columns', () => {
    expect(displayWidth('러셀'.normalize('NFD'))).toBe(4);
    expect(displayWidth('📈')).toBe(2);
    expect(displayWidth('👍🏽 ok')).toBe(5);
    expect(padToColumns('소형주'.normalize('NFD'), 8)).toBe(`${'소형주'.normalize('NFD')}  `);
  });

  it('lines up the values of Korean and Latin field labels in one column', () => {
    const reply: Reply = {
      visibility: 'public',
      locale: 'ko',
      tone: 'neutral',
      title: '소형주 vs 대형주',
      text: '',
      fields: [
        { label: '러셀2000 (IWM)', value: '+6.7%' },
        { label: 'S&P 500 (SPY)', value: '-0.6%' },
        { label: '소형주/대형주 비율', value: '107.4' },
      ],
      fallbackText: '',
    };
    const rows = renderText(reply).split('\n').filter((l) => /[+-]?\d+\.\d%?$/.test(l));
    expect(rows).toHaveLength(3);
    const valueColumns = rows.map((row) => displayWidth(row.slice(0, row.search(/[+-]?\d+\.\d%?$/))));
    expect(new Set(valueColumns).size).toBe(1);
  });
});
