/** Questions the reader answers, shown when it cannot read one; each with the command it reads as. */
export const EXAMPLE_QUESTIONS = {
  en: [
    { question: 'Are small caps beating the S&P this year?', line: '/smallcaps ytd' },
    { question: 'Russell vs Nasdaq over the last 3 months', line: '/smallcaps 3m vs:QQQ' },
    { question: 'Is there a January effect?', line: '/seasonality' },
    { question: 'Is the small-cap rally a trade or a real rotation?', line: '/scenario' },
    { question: 'What is tax-loss selling?', line: '/explain tax-loss selling' },
    { question: 'Who is winning our calls?', line: '/call board' },
  ],
  ko: [
    { question: '소형주 올해 얼마나 올랐어?', line: '/smallcaps ytd' },
    { question: '러셀이랑 나스닥 3개월 비교해줘', line: '/smallcaps 3m vs:QQQ' },
    { question: '1월 효과가 정말 있어?', line: '/seasonality' },
    { question: '소형주 랠리는 단기 트레이드야, 구조적 변화야?', line: '/scenario' },
    { question: '세금손실 매도가 뭐야?', line: '/explain 세금손실 매도' },
    { question: '우리 콜 순위 보여줘', line: '/call board' },
  ],
} as const;
