import { afterAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../commands/index.ts';
import { answerQuestion } from '../../commands/ask.ts';
import { consoleContext, noLog, realServices } from '../helpers/services.ts';
import { runText } from '../../commands/dispatch.ts';

const running = realServices('2026-01-20');
afterAll(() => running.close());
const ask = (question: string) => answerQuestion(question, consoleContext(running, 'en'), COMMANDS);
const callsKept = async () => (await running.services.calls.list('console', 'console')).length;

describe('a bet in plain words', () => {
  it('records the call it reads as, margin and deadline apart, headed by "Read as"', async () => {
    const before = await callsKept();
    const out = await ask('I bet small caps beat the S&P by 2 points by March 31');
    expect(out.replies[0]!.readAs).toBe('/call side:small vs:SPY by:2026-03-31 margin:2');
    expect(out.result).toMatchObject({ call: { side: 'small', smallSymbol: 'IWM', largeSymbol: 'SPY', deadline: '2026-03-31', marginPp: 2 } });
    expect(await callsKept()).toBe(before + 1);
  });

  it('is answered in Korean when made in Korean', async () => {
    const out = await ask('내기: 대형주가 연말까지 이긴다');
    expect(out.replies[0]!.locale).toBe('ko');
    expect(out.result).toMatchObject({ call: { side: 'large', deadline: '2026-12-31' } });
  });

  it.each([
    ['I bet small caps win by 2025-12-31', 'The deadline 2025-12-31 is not in the future (today is 2026-01-20).'],
    ['I bet small caps win in 3 years', 'The deadline 2029-01-20 is more than two years out; the latest is 2028-01-20.'],
    ['I bet small caps beat the S&P by 150 points by March 31', '`margin` must be between 0 and 100.'],
    // An index the data does not hold is named as said, never turned into a call against SPY.
    ['I bet small caps beat the Dow by June 30', 'The data has no symbol DIA.'],
    ['I bet small caps beat VTI by June 30', 'The data has no symbol VTI.'],
  ])('that the command refuses gets its reason, fails as that command would, and records nothing: %s', async (question, reason) => {
    const before = await callsKept();
    const outcome = await runText(COMMANDS, `/ask question:${question}`, consoleContext(running, 'en'), noLog);
    expect(outcome.ok).toBe(false);
    expect(outcome.output.replies[0]!.text).toContain(reason);
    expect(outcome.output.replies[0]!.readAs).toMatch(/^\/call /);
    expect(await callsKept()).toBe(before);
  });

  it('records a negated bet as the other side\'s call', async () => {
    const out = await ask("I bet small caps don't beat the S&P by June 30");
    expect(out.result).toMatchObject({ call: { side: 'large', smallSymbol: 'IWM', largeSymbol: 'SPY', deadline: '2026-06-30' } });
  });

  it.each(['will small caps beat the S&P by March 31?', 'I bet small caps beat the S&P by March 31?', 'I bet small caps win', 'bet small caps beat the S&P by March 31?', 'I bet the Russell 2000 falls by June 30'])('asked, without a deadline or with no side said to win, records nothing: %s', async (question) => {
    const before = await callsKept();
    await ask(question);
    expect(await callsKept()).toBe(before);
  });

  it('lists the calls made in plain words', async () => {
    const out = await ask('show the calls');
    expect(out.replies[0]!.readAs).toBe('/call list');
    expect(out.replies[0]!.text).toContain('by at least 2.00 pp');
  });
});
