import { afterAll, describe, expect, it } from 'vitest';
import type { CommandContext } from '../../commands/context.ts';
import { COMMANDS } from '../../commands/index.ts';
import { runText } from '../../commands/dispatch.ts';
import { noLog, realServices } from '../helpers/services.ts';
import { settledCallLines } from '../../commands/settled-calls.ts';

const running = realServices('2026-01-20');
afterAll(() => running.close());
let day = '2026-01-20';
const services = { ...running.services, today: () => day };
let channel = 0;

const ctx = (o: Partial<CommandContext> = {}): CommandContext => ({ locale: 'en', services, platform: 'slack', userId: 'U1', channelId: `C${++channel}`, commandPrefix: '/', isChannelAdmin: false, ...o });
const ask = async (line: string, c: CommandContext, on = day) => {
  day = on;
  const outcome = await runText(COMMANDS, line, c, noLog);
  const reply = outcome.output.replies[0]!;
  return { ok: outcome.ok, text: reply.text, reply, result: outcome.output.result as Record<string, unknown> };
};
const idOf = (r: { result: Record<string, unknown> }) => (r.result.call as { id: string }).id;

describe('/call', () => {
  it('made on 2026-01-20 (small by 2026-02-03) shows on 2026-02-10 as settled: IWM vs SPY, about -1.69 pp, a miss', async () => {
    const c = ctx();
    const made = await ask('/call side:small by:2026-02-03', c, '2026-01-20');
    expect(made.ok).toBe(true);
    expect(made.result.call).toMatchObject({ side: 'small', smallSymbol: 'IWM', largeSymbol: 'SPY', marginPp: 0, start: { date: '2026-01-20', small: 262.5799865722656, large: 677.5800170898438 } });
    expect(made.text).toContain('Open: settles at the Feb 3, 2026 close.');
    const list = await ask('/call list', c, '2026-02-10');
    expect(list.text).toContain('Settled at the Feb 3, 2026 close: IWM +0.08% vs SPY +1.76%, spread -1.69 pp. A miss.');
    const [row] = list.result.calls as { standing: { state: string; result: { spreadPp: number; hit: boolean } } }[];
    expect(row!.standing.state).toBe('settled');
    expect(row!.standing.result.spreadPp).toBeCloseTo(-1.69, 2);
    expect(row!.standing.result.hit).toBe(false);
  });

  it('takes the S&P 600 (IJR) as the small leg when asked, by symbol or name, and settles it from IJR closes', async () => {
    const c = ctx();
    const made = await ask('/call side:small small:IJR by:2026-02-03', c, '2026-01-20');
    expect(made.result.call).toMatchObject({ smallSymbol: 'IJR', largeSymbol: 'SPY', start: { date: '2026-01-20', small: 126.81999969482422 } });
    expect(made.text).toContain('called S&P 600 (IJR) to beat S&P 500 (SPY)');
    expect((await ask('/call side:small small:sp600 vs:nasdaq by:2026-02-03', ctx(), '2026-01-20')).result.call).toMatchObject({ smallSymbol: 'IJR', largeSymbol: 'QQQ' });
    const list = await ask('/call list', c, '2026-02-10');
    expect(list.text).toContain('Settled at the Feb 3, 2026 close: IJR +1.12% vs SPY +1.76%, spread -0.64 pp. A miss.');
    const typo = await ask('/call side:small small:IJRR by:2026-03-01', ctx(), '2026-01-20');
    expect(typo.ok).toBe(false);
    expect(typo.text).toContain('Did you mean: IJR?');
    expect((await ask('/call side:small small:SPY by:2026-03-01', ctx())).ok).toBe(false);
  });

  it('says from the caller\'s side how a call with a margin or on large caps stands, and the brief names the margin', async () => {
    const c = ctx();
    await ask('/call side:small by:2026-01-20 margin:1', c, '2026-01-16');
    const list = await ask('/call list', c, '2026-01-21');
    expect(list.text).toContain('spread +0.84 pp, Russell 2000 (IWM) ahead by 0.84 pp. A miss.');
    const [line] = await settledCallLines(services, { platform: 'slack', channelId: c.channelId!, locale: 'en', reportDate: '2026-01-20', since: '2026-01-16' });
    expect(line).toMatch(/^`\w{6}` U1, Russell 2000 \(IWM\) over S&P 500 \(SPY\) by at least 1\.00 pp\. Settled at the Jan 20, 2026 close: .*\. A miss\.$/);
    const large = ctx();
    await ask('/call side:large vs:QQQ by:2026-03-31', large, '2026-01-20');
    expect((await ask('/call list', large, '2026-02-10')).text).toMatch(/spread [+-]\d+\.\d\d pp, Nasdaq-100 \(QQQ\) (ahead|behind) by \d+\.\d\d pp\./);
  });

  it('refuses a large-cap small leg, an index against its own ETF, and the brief\'s call before its date, naming the option to change', async () => {
    expect((await ask('/call side:small small:QQQ vs:SPY by:2026-03-31', ctx(), '2026-01-20')).text).toContain('QQQ is a large-cap index, so it cannot be the small leg');
    expect((await ask('/call side:small small:IJR vs:IJR by:2026-03-31', ctx())).text).toContain('pick another `vs`');
    expect((await ask('/call side:small small:IWM by:2026-03-31', ctx())).ok).toBe(true);
    expect((await ask('/call side:small vs:^RUT by:2026-03-31', ctx())).text).toContain('IWM and ^RUT both follow the Russell 2000, so the call would be against itself; pick another `vs`.');
    const early = await ask('/call example', ctx(), '2026-01-15');
    expect(early.ok).toBe(false);
    expect(early.text).toContain("The brief's call was made on 2026-01-20; as of 2026-01-15 it has not been made yet.");
    day = '2026-01-20';
  });

  it('names a day no calendar has, and keeps a margin to the hundredth a reply shows', async () => {
    expect((await ask('/call side:small by:2026-02-30', ctx(), '2026-01-20')).text).toContain('`by`: there is no such day as 2026-02-30.');
    expect((await ask('/call side:small by:2026-03-31 margin:0.001', ctx())).result.call).toMatchObject({ marginPp: 0 });
    expect((await ask('/call side:small by:2026-03-31 margin:1.234', ctx())).result.call).toMatchObject({ marginPp: 1.23 });
  });

  it('dates a list made on a closed day with the session before it', async () => {
    expect((await ask('/call list', ctx(), '2026-01-19')).reply.footer).toContain('Data as of Jan 16, 2026');
    day = '2026-01-20';
  });

  it('shows the standing so far while open, and answers in Korean', async () => {
    const c = ctx({ locale: 'ko' });
    await ask('/call side:large vs:QQQ by:2026-03-31 margin:1', c, '2026-01-20');
    const list = await ask('/call list', c, '2026-02-10');
    expect(list.text).toMatch(/진행 중, 2026년 3월 31일 종가에 판정합니다\. 지금까지\(2026년 2월 10일\): IWM [+-]\d+\.\d\d%, QQQ [+-]\d+\.\d\d%, 격차 [+-]\d+\.\d\d%p/);
    expect(list.text).toContain('1.00%p 이상');
    const withoutCallIds = list.text.replace(/`[0-9a-f]{6}`/g, '');
    expect(withoutCallIds).not.toMatch(/[A-Za-z]{4,}/);
  });

  it('refuses a deadline not in the future or beyond two years, and gives "did you mean" for an unknown symbol', async () => {
    expect((await ask('/call side:small by:2026-01-20', ctx(), '2026-01-20')).text).toContain('is not in the future (today is 2026-01-20)');
    expect((await ask('/call side:small by:2028-01-21', ctx())).text).toContain('more than two years out; the latest is 2028-01-20');
    const typo = await ask('/call side:small vs:QQQQ by:2026-03-01', ctx());
    expect(typo.ok).toBe(false);
    expect(typo.text).toContain('Did you mean: QQQ?');
    expect((await ask('/call by:2026-03-01', ctx())).text).toContain('Say which side wins and by when');
  });

  it('lets the maker withdraw before the deadline, refuses others, lets a manager withdraw anyone’s', async () => {
    const c = ctx();
    const a = idOf(await ask('/call side:small by:2026-03-01', c, '2026-01-20'));
    const b = idOf(await ask('/call side:large by:2026-03-01', c, '2026-01-20'));
    expect((await ask(`/call cancel id:${a}`, { ...c, userId: 'U2' })).text).toContain('is someone else');
    expect((await ask(`/call cancel id:${a}`, c)).text).toContain(`Call \`${a}\` is withdrawn`);
    expect((await ask(`/call cancel id:${a}`, c)).text).toContain('already withdrawn');
    expect((await ask(`/call cancel id:${b}`, { ...c, userId: 'M1', isChannelAdmin: true })).ok).toBe(true);
    expect((await ask(`/call cancel id:${b}`, ctx())).text).toContain('No call');
    const late = idOf(await ask('/call side:small by:2026-02-03', c, '2026-01-20'));
    expect((await ask(`/call cancel id:${late}`, c, '2026-02-03')).text).toContain('can no longer be withdrawn');
    const list = await ask('/call list', c, '2026-02-10');
    expect((list.result.calls as unknown[]).length).toBe(1);
  });

  it('board: hits, misses and average lead per member, with a chart', async () => {
    const c = ctx();
    await ask('/call side:small by:2026-02-03', c, '2026-01-20');
    await ask('/call side:large by:2026-02-03', { ...c, userId: 'U2' }, '2026-01-20');
    const board = await ask('/call board', c, '2026-02-10');
    expect(board.text.split('\n')[0]).toMatch(/^• U2: 1 hit, 0 misses, 0 open · average lead \+1\.69 pp$/);
    expect(board.text).toContain('U1: 0 hits, 1 miss, 0 open · average lead -1.69 pp');
    expect(board.reply.chart?.png.byteLength).toBeGreaterThan(1000);
  });

  it('example: the brief’s call, what the analysts said and what happened', async () => {
    const r = await ask('/call example', ctx(), '2026-02-10');
    expect(r.text).toContain('fade within about two weeks');
    expect(r.text).toContain('IWM +0.08% vs SPY +1.76%, spread -1.69 pp, S&P 500 (SPY) ahead by 1.69 pp. A hit.');
    expect(r.reply.footer).toContain('Source: CSV folder');
  });
});
