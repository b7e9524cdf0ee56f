import { describe, expect, it } from 'vitest';
import { firstSentence } from '../../commands/read-reply.ts';
import { realIndex } from '../core/glossary/real-glossary.ts';

describe('the first sentence of a definition, as the article reader lists terms', () => {
  it('runs to a full stop in every glossary entry, in both languages', () => {
    for (const entry of realIndex.byId.values()) {
      for (const locale of ['en', 'ko'] as const) expect(firstSentence(entry.definition[locale]), `${entry.id}/${locale}`).toMatch(/[.!?]$/);
    }
  });

  it('does not stop at the 다 of 보다 (than) inside a Korean sentence, nor at U.S.', () => {
    expect(firstSentence(realIndex.byId.get('outperformance')!.definition.ko)).toBe('같은 기간 비교 대상(벤치마크)보다 더 좋은 성과를 내는 것이며, 더 나쁜 성과는 언더퍼폼이라고 합니다.');
    expect(firstSentence('Most U.S. companies report in four weeks. Then it is quiet.')).toBe('Most U.S. companies report in four weeks.');
    expect(firstSentence('소형주가 대형주보다 앞섭니다. 그다음 문장.')).toBe('소형주가 대형주보다 앞섭니다.');
  });
});
