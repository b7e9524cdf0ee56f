import type { IsoDate, LegRole } from '../market/types.ts';
import { findDeadlines, spanEnd } from './deadline-words.ts';
import { findPeriods } from './period-words.ts';
import { endInLower, findInstrumentSpans } from './instruments.ts';
import { findUncovered, insideUncovered } from './uncovered-instruments.ts';
import { typedRival, typedTickers } from './typed-ticker.ts';
import type { Words } from './words.ts';
import { toWords } from './words.ts';

/**
 * "Call" as a noun for a team's bet, not the verb of naming ("what do you call…", "is it called…")
 * nor a call option, a margin call or a phone call.
 */
const CALL_NOUN = /(?<!\b(?:conference|earnings|phone|margin|cold|covered|close|last|roll|video|zoom|sales|you|they|we|people|to|would|do|should|i)\s)\bcalls?\b(?!-)(?!\s+(?:options?|spreads?|ratios?|volume|premiums?|strikes?|centers?|centres?|sign|me|us|him|her|it|this|that|these|those|them|a|an|the|such|off|out|up|back|into)\b)/;
/**
 * 콜 as a word of its own (not 리콜, 콜옵션, 콜금리, 콜센터, 콜라), or 예측 as the bot's replies name a
 * call: the channel's or one's own, or with what is done to it ("예측 목록"), not a forecast asked for.
 */
const KO_CALL_NOUN = /(?<!\p{Script=Hangul})콜(?!\s*(?:옵션|금리|센터|택시)|라|롬|레)|(?:우리|팀|채널|내)\s*의?\s*예측|예측\s*(?:목록|리스트|순위|랭킹|보드|번호|현황|철회|취소|삭제)/u;

/** Someone stating their own call; "should I bet…", "what do I call…" and "예측 보여줘" ask, they do not bet. */
const BET_CUES: readonly RegExp[] = [
  /(?<!\b(?:should|would|could|can|do|did|shall|will)\s)\bi(?:'ll|’ll|'d|’d| will| would)?\s+bet\b/,
  /\bbet\s+you\b/,
  /^\s*bet\b(?![-'’])/,
  /\b(?:my|our)\s+(?:call|prediction|bet|pick|forecast)\b(?!-)/,
  /(?<!\b(?:do|did|should|would|could|can|to|you|we|they)\s)\bi\s+call\b/,
  /\bi(?:'m|’m| am)?\s+predict(?:ing)?\b/,
  /\bprediction\s*:/,
  /\bmark my words\b/,
  /(?:^|[.!;:,]\s*|\bi(?:'m|’m| am)\s+)calling it\b/,
  /(?<!\p{Script=Hangul})내기/u,
  /장담(?!\s*(?:못|할\s*수\s*없|은\s*못))/u,
  /(?:^|[.!:;,]\s*)예측\s*[:은는]|예측(?:한다|합니다|함|해요|이다)/u,
  /(?:^|[^\p{Script=Hangul}]|에)(?:건다|걸게|걸겠)/u,
  /내\s*(?:예상|예측|콜|픽)/u,
  /예상\s*:/u,
];
/** A question mark or a Korean question ending: the bet is asked about, so nothing is recorded without a click. */
const QUESTION = /[?？]|(?:까|니|냐|나요|할래|할까요)\s*[.!]*\s*$/u;

const CANCEL = /\b(?:cancel(?:l?ed)?|withdraw|delete|remove|retract|revoke|scrap|undo|take\s+back)\b|취소|철회|삭제|지워|무를|물러/u;
const BOARD_ALONE = /\b(?:leader\s?board|score\s?board)\b|리더\s*보드|스코어\s*보드/u;
const BOARD = /\b(?:board|standings|rankings?|ranked|top\s+callers?|best\s+callers?|hit\s+rate|record|who(?:'s|’s|\s+is|\s+was)?\s+(?:winning|ahead|leading|right|on\s+top|best))\b|순위|랭킹|보드|성적|전적|누가\s*(?:이기|앞서|맞|잘)/u;
const EXAMPLE = /\b(?:example|sample|analysts?|wolfe|brief|research\s+note)\b|예시|예제|샘플|애널리스트|분석가|브리프|리포트|보고서/u;
const LIST = /\b(?:show|list|see|view|open|active|pending|current|all|our|my|which|what|outstanding|existing|any)\b|목록|리스트|보여|현황|전체|우리|진행|열린|지금/u;
/** A call's id: six hex digits. Without the word "call" it must mix digits and letters, so "decade" or "100000" is not one. */
const HEX_ID = /(?<![\w-])([0-9a-f]{6})(?![\w-])/g;

const WINS = /\b(?:beat|beats|beating|outperform(?:s|ing)?|outrun(?:s)?|outpace(?:s)?|overtake(?:s)?|top|tops|win|wins|winning|lead|leads|crush(?:es)?|trounce(?:s)?|(?:do|does|will\s+do)\s+better)\b|이긴|이길|이겨|이김|이기(?=지)|앞선|앞설|앞서|아웃퍼폼|우세|승리|강세|더\s*오[르를른]|능가/u;
const LOSES = /\b(?:lose|loses|losing|lag|lags|lagging|underperform(?:s|ing)?|trail|trails|trailing|fade|fades|(?:fall|falls)\s+behind|(?:do|does)\s+worse)\b|(?<!\p{Script=Hangul})(?:진다|질\s*것|지고)|뒤처|뒤쳐|밀린|밀릴|언더퍼폼|약세/u;
/** The verb said not to happen: "don't beat", "won't lag", "never beat", "fail to beat", "못 이긴다". */
const NOT_BEFORE = /(?:\bnot|\bnever|n['’]t|\bcannot|\bwont|\bfail(?:s|ed)?\s+to)\s+(?:(?:be\s+able\s+to|going\s+to|gonna|manage\s+to|ever|even)\s+)?$|(?<!\p{Script=Hangul})(?:못|안)\s*$/u;
/** 이기지 못한다, 앞서지 않는다, 뒤처지지 않는다. */
const NOT_AFTER = /^\p{Script=Hangul}{0,3}?지\s*(?:못|않)/u;
/** One index moving on its own ("the Russell falls", "소형주가 오른다"): without a verb setting it against the other side, no side wins. */
const MOVES = /\b(?:fall|falls|fell|drop|drops|sink|sinks|slide|slides|slump|slumps|tank|tanks|crash(?:es)?|plunges?|tumbles?|declines?|rise|rises|rally|rallies|soars?|surges?|jumps?|climbs?|go(?:es)?\s+(?:up|down|higher|lower))\b|오른|오를|올라|떨어|하락|상승|폭락|급락|급등|폭등|내린|내릴|반등/u;
const KO_SUBJECT = /^(?:이|가|은|는|께서)(?!\p{Script=Hangul})/u;
const KO_OBJECT = /^\s*(?:을|를|보다|대비|에게|한테|에\s*비해)/u;

const MARGINS: readonly RegExp[] = [
  /\bby\s+(?:at\s+least\s+|more\s+than\s+|over\s+|a\s+margin\s+of\s+)?(\d+(?:\.\d+)?)\s*(?:pp|%\s*p|percentage[\s-]points?|points?|pts?|%|percent)(?![a-z])/,
  /\b(?:at\s+least|margin(?:\s+of)?|a\s+spread\s+of)\s+(\d+(?:\.\d+)?)\s*(?:pp|%\s*p|percentage[\s-]points?|points?|pts?|%|percent)?(?![a-z\d])/,
  /\b(\d+(?:\.\d+)?)[\s-]*(?:pp|percentage[\s-]points?|points?)\s+(?:margin|lead|spread|gap)\b/,
  /(\d+(?:\.\d+)?)\s*(?:%\s*p|%\s*포인트|퍼센트\s*포인트|포인트|pp)/u,
  /(\d+(?:\.\d+)?)\s*%\s*(?:이상|넘게|차이|차로|격차)/u,
];

type Span = { readonly role: LegRole; readonly symbol?: string | undefined; readonly to: number };
const other = (role: LegRole): LegRole => (role === 'small' ? 'large' : 'small');

/**
 * What a message says about the channel's calls, as /call lines: one line to run, two or three to
 * choose from, or undefined when it is not about calls. Pure: as-of comes in.
 */
export function readCall(text: string, asOf: IsoDate): readonly string[] | undefined {
  const lower = text.toLowerCase();
  const aboutCalls = CALL_NOUN.test(lower) || KO_CALL_NOUN.test(lower);
  const id = callId(lower, aboutCalls);
  if (CANCEL.test(lower) && (aboutCalls || id)) return [id ? `/call cancel id:${id}` : '/call cancel'];
  if (BOARD_ALONE.test(lower) || (aboutCalls && BOARD.test(lower))) return ['/call board'];
  const bet = BET_CUES.some((cue) => cue.test(lower)) ? betLines(text, asOf) : undefined;
  if (bet) return bet;
  if (aboutCalls && EXAMPLE.test(lower)) return ['/call example'];
  if (aboutCalls && LIST.test(lower)) return ['/call list'];
  return undefined;
}

function callId(lower: string, aboutCalls: boolean): string | undefined {
  const ids = [...lower.matchAll(HEX_ID)].map((m) => m[1]!);
  return ids.find((id) => aboutCalls || (/\d/.test(id) && /[a-f]/.test(id)));
}

/**
 * A stated bet as the /call line that records it. Asked as a question, without a deadline or with
 * several: lines to pick from, nothing recorded. A bet about a past period ("I bet small caps are up
 * this year") is no call at all.
 */
function betLines(text: string, asOf: IsoDate): readonly string[] | undefined {
  const lower = text.toLowerCase();
  const spans = betSpans(toWords(text), text);
  const bet = betOf(lower, spans);
  const side = bet?.side;
  const deadlines = [...new Set(findDeadlines(text, asOf).map((d) => d.date))];
  const line = (s: LegRole, by: IsoDate) => makeLine(s, legs(spans, bet?.subject, typedRival(text)), by, marginOf(lower));
  if (!side) return deadlines.length ? [line('small', deadlines[0]!), line('large', deadlines[0]!)] : undefined;
  if (!deadlines.length) {
    if (findPeriods(text, asOf).length) return undefined;
    return [...new Set([line(side, quarterEnd(asOf)), line(side, yearEnd(asOf))]), '/help call'];
  }
  if (deadlines.length > 1) return deadlines.slice(0, 3).map((by) => line(side, by));
  return QUESTION.test(text.trim()) ? [line(side, deadlines[0]!), '/scenario'] : [line(side, deadlines[0]!)];
}

type Legs = { readonly small?: string | undefined; readonly vs?: string | undefined };

function makeLine(side: LegRole, { small, vs }: Legs, by: IsoDate, margin: string | undefined): string {
  return ['/call', `side:${side}`, ...(vs ? [`vs:${vs}`] : []), ...(small ? [`small:${small}`] : []), `by:${by}`, ...(margin ? [`margin:${margin}`] : [])].join(' ');
}

/**
 * The sides and indexes named, in order: an index the universe does not hold (the Dow, the Russell
 * 3000) as a large side by its ETF, never as the covered name inside it.
 */
function betSpans(words: Words, text: string): Span[] {
  const uncovered = findUncovered(words);
  const named = findInstrumentSpans(words).filter((s) => !insideUncovered(uncovered, s));
  const others = uncovered.map((u) => ({ role: 'large' as const, symbol: u.etf, to: endInLower(words, u.end, u.hangul) }));
  const known = [...named, ...others];
  const tickers = typedTickers(text).filter((t) => !known.some((s) => s.to === t.to)).map((t) => ({ role: 'large' as const, symbol: t.symbol, to: t.to }));
  return [...known, ...tickers].sort((a, b) => a.to - b.to);
}

/**
 * The legs named by name: the large one (S&P 500, Nasdaq, an uncovered index, a typed ticker) as
 * `vs`, and the S&P 600 as the small one when it is the only small-cap index named (the Russell 2000
 * is the command's default). With the two small-cap indexes and no large one, the bet's subject is
 * the small leg and the other is `vs`.
 */
function legs(spans: readonly Span[], subject: Span | undefined, typed: string | undefined): Legs {
  const small = [...new Set(spans.filter((s) => s.role === 'small' && s.symbol).map((s) => s.symbol!))];
  const large = typed ?? spans.find((s) => s.role === 'large' && s.symbol)?.symbol;
  if (!large && small.length === 2 && subject?.symbol) return { small: subject.symbol, vs: small.find((s) => s !== subject.symbol) };
  return { vs: large, small: small.length === 1 && small[0] === 'IJR' ? 'IJR' : undefined };
}

function marginOf(lower: string): string | undefined {
  const pp = MARGINS.map((re) => re.exec(lower)?.[1]).find((n) => n !== undefined);
  return pp !== undefined && Number(pp) > 0 ? String(Number(pp)) : undefined;
}

/**
 * The bet's subject and the side said to win: the subject of "beat"/"이긴다", or the other side of
 * "lag"/"뒤처진다" or "don't beat"/"이기지 못한다". A side named alone wins; one that only rises or
 * falls, with no other side named, is not said to win.
 */
function betOf(lower: string, spans: readonly Span[]): { readonly side: LegRole; readonly subject: Span } | undefined {
  if (!spans.length) return undefined;
  const wins = WINS.exec(lower);
  const loses = LOSES.exec(lower);
  const verb = [wins, loses].filter((m) => m !== null).sort((a, b) => a.index - b.index)[0];
  if (!verb && MOVES.test(lower) && new Set(spans.map((s) => s.role)).size < 2) return undefined;
  const subject = verb && /[a-z]/.test(verb[0]) ? englishSubject(spans, verb.index) : koreanSubject(lower, spans);
  const flipped = verb !== undefined && (verb === loses) !== negated(lower, verb);
  return { subject, side: flipped ? other(subject.role) : subject.role };
}

const negated = (lower: string, verb: RegExpExecArray): boolean =>
  NOT_BEFORE.test(lower.slice(0, verb.index)) || NOT_AFTER.test(lower.slice(verb.index + verb[0].length));

/** The last side named before the verb ("small caps beat the S&P"), else the first. */
function englishSubject(spans: readonly Span[], verbAt: number): Span {
  return spans.filter((s) => s.to <= verbAt).at(-1) ?? spans[0]!;
}

/** The side marked 이/가/은/는 ("소형주가 S&P를 이긴다"), else the first not marked as the one beaten. */
function koreanSubject(lower: string, spans: readonly Span[]): Span {
  const after = (s: Span) => lower.slice(s.to);
  return spans.find((s) => KO_SUBJECT.test(after(s))) ?? spans.find((s) => !KO_OBJECT.test(after(s))) ?? spans[0]!;
}

/** Suggested deadlines for a bet that names none. */
const quarterEnd = (asOf: IsoDate) => spanEnd(asOf, 3);
const yearEnd = (asOf: IsoDate) => spanEnd(asOf, 12);
