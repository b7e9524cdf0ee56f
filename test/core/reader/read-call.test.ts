import { describe, expect, it } from 'vitest';
import { readQuestion } from '../../../core/reader/read-question.ts';
import { EXAMPLE_QUESTIONS } from '../../../core/reader/examples.ts';
import { prepareLine } from '../../../commands/prepare.ts';
import { COMMANDS } from '../../../commands/index.ts';
import { realIndex } from '../glossary/real-glossary.ts';
import { readingLine as lineOf } from './reading-line.ts';

const read = (question: string) => readQuestion(question, { glossary: realIndex, asOf: '2026-01-20' });

/** Bets and questions about the channel's calls, read at 2026-01-20. */
const CALL_PHRASINGS: readonly (readonly [string, string])[] = [
  ['I bet small caps beat the S&P by March 31', '/call side:small vs:SPY by:2026-03-31'],
  ['my call: large caps win through June 30', '/call side:large by:2026-06-30'],
  ['I predict the Nasdaq beats small caps by end of Q2', '/call side:large vs:QQQ by:2026-06-30'],
  ['I bet small caps beat the S&P by 2 points by March 31', '/call side:small vs:SPY by:2026-03-31 margin:2'],
  ['I bet small caps beat the S&P by at least 2pp by 3/31', '/call side:small vs:SPY by:2026-03-31 margin:2'],
  ['I bet small caps beat the Nasdaq by 2.5 pp by the end of June', '/call side:small vs:QQQ by:2026-06-30 margin:2.5'],
  ['I bet small caps win by 2027-03-31', '/call side:small by:2027-03-31'],
  ['I bet small caps beat large caps by 31 March 2027', '/call side:small by:2027-03-31'],
  ['I bet small caps underperform through 6/30/2026', '/call side:large by:2026-06-30'],
  ['mark my words: small caps outperform by the end of the month', '/call side:small by:2026-01-31'],
  ['calling it: small caps lag by the end of the quarter', '/call side:large by:2026-03-31'],
  ['bet you large caps win by year end', '/call side:large by:2026-12-31'],
  ['I call large caps by the end of the year', '/call side:large by:2026-12-31'],
  ['I bet small caps beat the S&P in two weeks', '/call side:small vs:SPY by:2026-02-03'],
  ['i predict small caps win within 2 weeks', '/call side:small by:2026-02-03'],
  ['prediction: the S&P beats small caps in 3 months', '/call side:large vs:SPY by:2026-04-20'],
  ['small caps lose to the S&P by March 31, I bet', '/call side:large vs:SPY by:2026-03-31'],
  ['Small caps will beat the S&P by March 31, I bet.', '/call side:small vs:SPY by:2026-03-31'],
  ['I predict the small-cap rally fades by March 31', '/call side:large by:2026-03-31'],
  ['소형주가 3월 31일까지 S&P를 이긴다에 건다', '/call side:small vs:SPY by:2026-03-31'],
  ['내기: 대형주가 연말까지 이긴다', '/call side:large by:2026-12-31'],
  ['장담하는데 소형주가 분기 말까지 나스닥을 이긴다', '/call side:small vs:QQQ by:2026-03-31'],
  ['내 예상: 소형주가 2주 안에 대형주를 앞선다', '/call side:small by:2026-02-03'],
  ['예측: 소형주가 3개월 후 뒤처진다', '/call side:large by:2026-04-20'],
  ['소형주가 2%p 이상 차이로 연말까지 이긴다에 건다', '/call side:small by:2026-12-31 margin:2'],
  ['내기: 소형주보다 나스닥이 2027년 3월 31일까지 앞선다', '/call side:large vs:QQQ by:2027-03-31'],
  ['소형주가 연말까지 이긴다고 예측한다', '/call side:small by:2026-12-31'],
  ['내 예측은 대형주가 6월 30일까지 이긴다', '/call side:large by:2026-06-30'],
  ['I bet the S&P 600 beats the S&P 500 by March 31', '/call side:small vs:SPY small:IJR by:2026-03-31'],
  ['I bet the russell lags the s&p 600 by june 30', '/call side:large vs:IJR small:IWM by:2026-06-30'],
  ['내기: S&P 600이 3월 31일까지 러셀을 이긴다', '/call side:small vs:IWM small:IJR by:2026-03-31'],
  ['I bet the Russell 2000 beats the S&P by March 31', '/call side:small vs:SPY by:2026-03-31'],
  // A ticker typed as the bet's subject is the side said to win, not dropped.
  ['I bet VTI beats small caps by June 30', '/call side:large vs:VTI by:2026-06-30'],
  ['내기: VTI가 6월 30일까지 소형주를 이긴다', '/call side:large vs:VTI by:2026-06-30'],
  ['I bet the DJIA beats small caps by June 30', '/call side:large vs:DIA by:2026-06-30'],
  // A negated verb is the other side's call.
  ["I bet small caps don't beat the S&P by June 30", '/call side:large vs:SPY by:2026-06-30'],
  ['I bet small caps will not beat the S&P by June 30', '/call side:large vs:SPY by:2026-06-30'],
  ["I bet small caps won't beat large caps by June 30", '/call side:large by:2026-06-30'],
  ['I bet small caps never beat the S&P by June 30', '/call side:large vs:SPY by:2026-06-30'],
  ['I bet small caps fail to beat the S&P by June 30', '/call side:large vs:SPY by:2026-06-30'],
  ["I bet small caps can't beat the Nasdaq by June 30", '/call side:large vs:QQQ by:2026-06-30'],
  ["I bet small caps won't lag by June 30", '/call side:small by:2026-06-30'],
  ["I bet small caps won't fall behind the Nasdaq by June 30", '/call side:small vs:QQQ by:2026-06-30'],
  ['내기: 소형주가 연말까지 대형주를 이기지 못한다', '/call side:large by:2026-12-31'],
  ['내기: 소형주가 연말까지 대형주를 이기지 않는다', '/call side:large by:2026-12-31'],
  ['내기: 소형주가 연말까지 대형주를 못 이긴다', '/call side:large by:2026-12-31'],
  ['내기: 소형주가 6월 30일까지 나스닥을 앞서지 못한다', '/call side:large vs:QQQ by:2026-06-30'],
  ['내기: 소형주가 연말까지 대형주에 뒤처지지 않는다', '/call side:small by:2026-12-31'],
  // An index or ticker the universe does not hold goes into vs: as the command's own legs would.
  ['I bet small caps beat the Dow by June 30', '/call side:small vs:DIA by:2026-06-30'],
  ['I bet the Dow beats small caps by June 30', '/call side:large vs:DIA by:2026-06-30'],
  ['I bet small caps beat the Russell 1000 by June 30', '/call side:small vs:IWB by:2026-06-30'],
  ['I bet small caps beat the S&P 400 by June 30', '/call side:small vs:IJH by:2026-06-30'],
  ['I bet small caps beat the Russell 3000 by June 30', '/call side:small vs:IWV by:2026-06-30'],
  ['I bet small caps beat VTI by June 30', '/call side:small vs:VTI by:2026-06-30'],
  ['I bet small caps lose to VTI by June 30', '/call side:large vs:VTI by:2026-06-30'],
  ['내기: 소형주가 다우를 6월 30일까지 이긴다', '/call side:small vs:DIA by:2026-06-30'],
  ['내기: 다우가 6월 30일까지 소형주를 이긴다', '/call side:large vs:DIA by:2026-06-30'],
  // "bet" opening the message, without "I".
  ['bet small caps beat the S&P by March 31', '/call side:small vs:SPY by:2026-03-31'],
  ['bet the Nasdaq beats small caps by June 30', '/call side:large vs:QQQ by:2026-06-30'],
  ['show the calls', '/call list'],
  ['list our calls', '/call list'],
  ['open calls', '/call list'],
  ['which calls are open', '/call list'],
  ['우리 콜 목록', '/call list'],
  ['예측 목록 보여줘', '/call list'],
  ["who's winning the calls", '/call board'],
  ['call leaderboard', '/call board'],
  ['scoreboard', '/call board'],
  ['콜 순위', '/call board'],
  ['리더보드', '/call board'],
  ['예측 순위', '/call board'],
  ['cancel my call a1b2c3', '/call cancel id:a1b2c3'],
  ['remove call ff00aa', '/call cancel id:ff00aa'],
  ['콜 a1b2c3 취소', '/call cancel id:a1b2c3'],
  ['a1b2c3 취소해줘', '/call cancel id:a1b2c3'],
  ['예측 a1b2c3 철회', '/call cancel id:a1b2c3'],
  ['cancel my call', '/call cancel'],
  ['what did the analysts call in January', '/call example'],
  ["the brief's call", '/call example'],
  ['example call', '/call example'],
  ['애널리스트 콜 보여줘', '/call example'],
  ['how do I use the call command', '/help call'],
];

/** Bets that cannot be recorded as said: nothing runs until the user picks. */
const CALL_CHOICES: readonly (readonly [string, string])[] = [
  ['I bet small caps win', 'ambiguous: /call side:small by:2026-03-31 | /call side:small by:2026-12-31 | /help call'],
  ['I bet small caps beat the S&P by March 31?', 'ambiguous: /call side:small vs:SPY by:2026-03-31 | /scenario'],
  ['내기할래? 소형주가 연말까지 이긴다', 'ambiguous: /call side:small by:2026-12-31 | /scenario'],
  ['I bet small caps beat the S&P by March 31 or June 30', 'ambiguous: /call side:small vs:SPY by:2026-03-31 | /call side:small vs:SPY by:2026-06-30'],
  ['I bet by March 31', 'ambiguous: /call side:small by:2026-03-31 | /call side:large by:2026-03-31'],
  ['bet small caps beat the S&P by March 31?', 'ambiguous: /call side:small vs:SPY by:2026-03-31 | /scenario'],
  // One index rising or falling on its own says no side wins.
  ['I bet the Russell 2000 falls by June 30', 'ambiguous: /call side:small by:2026-06-30 | /call side:large by:2026-06-30'],
  ['I bet small caps rally by March 31', 'ambiguous: /call side:small by:2026-03-31 | /call side:large by:2026-03-31'],
  ['I bet small caps go up by June 30', 'ambiguous: /call side:small by:2026-06-30 | /call side:large by:2026-06-30'],
  ['내기: 러셀2000이 6월 30일까지 떨어진다', 'ambiguous: /call side:small by:2026-06-30 | /call side:large by:2026-06-30'],
  ['내기: 소형주가 연말까지 오른다', 'ambiguous: /call side:small by:2026-12-31 | /call side:large by:2026-12-31'],
];

/** Questions, and ordinary uses of "call", "cancel" and "bet": they keep the reading they had before /call was read. */
const NOT_CALLS: readonly (readonly [string, string])[] = [
  ['will small caps beat the S&P by March 31?', '/scenario'],
  ['do you think small caps beat large caps by June 30?', '/smallcaps ytd'],
  // Asked about the future, in Korean as in English: the scenario, not past returns.
  ['소형주가 3월 31일까지 이길까?', '/scenario'],
  ['소형주가 3월 31일까지 S&P를 이길까?', '/scenario'],
  ['소형주가 2주 안에 나스닥을 이길까?', '/scenario'],
  ['will small caps beat the nasdaq in two weeks?', '/scenario'],
  ['소형주가 연말까지 대형주를 이길 수 있을까?', '/scenario'],
  ['소형주가 나스닥을 앞설까?', '/scenario'],
  ['소형주가 올해 S&P를 뛰어넘을까?', '/scenario'],
  ['소형주가 올해 이겼을까?', '/smallcaps ytd'],
  ['소형주가 나스닥을 이겼나?', '/smallcaps ytd vs:QQQ'],
  ['소형주 전망 예측해줘', '/scenario'],
  ['소형주 예측 보여줘', 'ambiguous: /smallcaps ytd | /explain 소형주'],
  ['I bet small caps are up this year', '/smallcaps ytd'],
  ['i bet the january effect is real', '/seasonality'],
  ['is small caps a good bet this year', '/smallcaps ytd'],
  ['should I bet on small caps this year?', '/smallcaps ytd'],
  ["what's your prediction for small caps?", 'ambiguous: /smallcaps ytd | /explain Small cap'],
  ['what do you call a rally that lasts', '/explain Rally'],
  ['what do analysts call a durable re-rating', '/explain Durable re-rating'],
  ['is this called a rally', '/smallcaps ytd'],
  ['what would you call the small-cap rally', '/smallcaps ytd'],
  ['earnings calls this week', '/smallcaps 1w'],
  ['what is a call option', 'unreadable'],
  ['콜옵션이 뭐야?', 'unreadable'],
  ['리콜 취소', 'unreadable'],
  ['cancel the morning posts', 'ambiguous: /rotation unsubscribe | /rotation status'],
  ['stop the morning posts', 'ambiguous: /rotation unsubscribe | /rotation status'],
  ['구독 취소해줘', 'ambiguous: /rotation unsubscribe | /rotation status'],
  ['the decade ahead: cancel', '/smallcaps 10y'],
];

/** Written as typed, so the command itself refuses them and says why (checked in test/commands/ask-call.test.ts). */
const REFUSED_BY_THE_COMMAND: readonly (readonly [string, string])[] = [
  ['I bet small caps win by 2025-12-31', '/call side:small by:2025-12-31'],
  ['I bet small caps win in 3 years', '/call side:small by:2029-01-20'],
  ['I bet small caps beat the S&P by 150 points by March 31', '/call side:small vs:SPY by:2026-03-31 margin:150'],
];

const linesOf = (reading: string) => reading.replace(/^ambiguous: /, '').split(' | ');
const callLines = [...new Set([...CALL_PHRASINGS, ...CALL_CHOICES].flatMap(([, reading]) => linesOf(reading)))];

describe('plain words reach /call', () => {
  it('has at least 30 call phrasings, in English and in Korean', () => {
    const all = [...CALL_PHRASINGS, ...CALL_CHOICES, ...NOT_CALLS];
    expect(all.length).toBeGreaterThanOrEqual(30);
    expect(all.filter(([q]) => /\p{Script=Hangul}/u.test(q)).length).toBeGreaterThanOrEqual(10);
  });

  it.each(CALL_PHRASINGS)('%s → %s', (question, line) => {
    expect(lineOf(question)).toBe(line);
  });

  it.each(CALL_CHOICES)('offers choices for %s: %s', (question, reading) => {
    expect(lineOf(question)).toBe(reading);
  });

  it.each(REFUSED_BY_THE_COMMAND)('keeps a deadline or margin the command refuses as written: %s → %s', (question, line) => {
    expect(lineOf(question)).toBe(line);
  });

  it('says it understood a call, not a period, for a bet', () => {
    const r = read('I bet small caps beat the S&P in 3 months');
    expect(r.kind === 'command' && r.understood).toMatchObject({ intent: 'call', language: 'en' });
    expect(r.kind === 'command' && r.understood.period).toBeUndefined();
    expect(read('내기: 대형주가 연말까지 이긴다')).toMatchObject({ kind: 'command', understood: { intent: 'call', language: 'ko' } });
  });
});

describe('what is not a call keeps its reading', () => {
  it.each(NOT_CALLS)('%s → %s', (question, reading) => {
    expect(lineOf(question)).toBe(reading);
  });
});

describe('every /call line the reader writes is one the command accepts', () => {
  it.each(callLines.filter((l) => l.startsWith('/call')))('%s passes prepare() with /call options', (line) => {
    const prepared = prepareLine(COMMANDS, line, { locale: 'en', commandPrefix: '/' });
    expect(prepared.ok, prepared.ok ? '' : prepared.reply.text).toBe(true);
    expect(prepared.command?.name).toBe('call');
  });

  it.each(callLines.filter((l) => !l.startsWith('/call')))('%s, offered beside a call, is a real command too', (line) => {
    expect(prepareLine(COMMANDS, line, { locale: 'en', commandPrefix: '/' }).ok).toBe(true);
  });
});

describe('the examples shown to an unreadable question', () => {
  it.each([...EXAMPLE_QUESTIONS.en, ...EXAMPLE_QUESTIONS.ko])('$question reads as $line', ({ question, line }) => {
    expect(lineOf(question).toLowerCase()).toBe(line.toLowerCase());
  });
});
