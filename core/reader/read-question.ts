import type { GlossaryIndex } from '../glossary/glossary-index.ts';
import type { GlossaryEntry } from '../glossary/types.ts';
import type { IsoDate } from '../market/types.ts';
import type { QuestionReading, Understood, Intent } from './reading.ts';
import type { Words } from './words.ts';
import type { PeriodMention } from './period-words.ts';
import { lookupTerm } from '../glossary/lookup.ts';
import { checkInput, languageOf } from './text-input.ts';
import { findPhrase, hasAny, toWords } from './words.ts';
import { findPeriods, UNDATED_START, undatedStartPhrase } from './period-words.ts';
import { findInstruments } from './instruments.ts';
import { findUncovered, insideUncovered } from './uncovered-instruments.ts';
import { typedComparison } from './typed-ticker.ts';
import { findTerms } from './find-terms.ts';
import { readCall } from './call-words.ts';
import { EXAMPLE_QUESTIONS } from './examples.ts';

export type QuestionDeps = { readonly glossary: GlossaryIndex; readonly asOf: IsoDate };

/** Longest question read; longer text is an article for /read. */
export const QUESTION_MAX = 2_000;

const HELP = ['help', 'what can you do', 'what can i ask', 'how do i use', 'how to use', 'what commands', 'commands', 'usage', 'how does this bot work', '도움말', '도움', '사용법', '명령어', '뭘 할 수', '무엇을 할 수', '뭐 할 수', '어떻게 써', '어떻게 사용'];
const SUBSCRIPTION = ['subscribe', 'subscribed', 'subscription', 'subscriptions', 'morning post', 'morning posts', 'morning brief', 'morning briefing', 'daily brief', 'daily post', 'daily update', 'unsubscribe', '구독', '아침 브리핑', '모닝 브리핑', '아침 게시', '매일 아침', '아침마다'];
const UNSUBSCRIBE = ['unsubscrib*', 'stop', 'cancel', 'turn off', 'remove', 'no more', '해지', '취소', '그만', '중단', '끄고', '꺼줘', '끊'];
const STATUS = ['status', 'am i', 'are we', 'is this channel', 'is the channel', 'next post', 'when', 'check', 'do we have', 'any', '상태', '확인', '언제', '되어 있', '돼 있', '되어있', '돼있', '됐어', '했어', '중이야', '있어'];
const EXPLAIN = ['what is', 'what the', 'what a', 'what an', 'what are', 'what does', 'what do', 'what exactly is', 'meaning of', 'meaning', 'mean', 'means', 'define', 'definition', 'explain', 'stand for', 'stands for', 'tell me about', 'eli5', 'in plain words', 'in simple terms', 'who is', '뭐야', '뭔가요', '뭐예요', '뭐에요', '뭐임', '뭔데', '무엇인가', '무엇', '뜻', '의미', '설명', '이란', '란?', '알려줘', '란 뭐', '가 뭐', '이 뭐'];
const SEASONALITY = ['january effect', 'jan effect', 'january', 'januaries', 'seasonal', 'seasonality', 'seasonally', 'turn of the year', 'every year', 'each year', 'calendar effect', 'new year effect', '1월 효과', '1월', '계절성', '계절적', '시즌성', '연초 효과', '매년', '정초', '해마다'];
const SCENARIO = ['trade or', 'or a trade', 'just a trade', 'only a trade', 'a trade', 'real rotation', 'rotation real', 'a rotation', 'genuine rotation', 'true rotation', 'durable', 'last', 'lasts', 'lasted', 'lasting', 'sustainable', 'sustained', 'structural', 're-rating', 'rerating', 're rating', 'fade', 'keep going', 'keep beating', 'keep outperforming', 'continue', 'persist', 'scenario', 'scenarios', 'what if', 'going forward', 'is it over', 'for real', 'real or', 'verdict', 'outlook', 'will small caps', 'will it', '트레이드', '구조적', '재평가', '지속', '이어질', '계속될', '계속 갈', '시나리오', '만약', '오래 갈', '전망', '끝났', '진짜 로테이션', '로테이션', '순환매', '갈까', '될까', '추세', '이길까', '이길 수 있을까', '앞설까', '앞서나갈까', '뛰어넘을까', '능가할까', '아웃퍼폼할까', '뒤처질까', '뒤쳐질까'];
const RETURNS = ['beat', 'beating', 'beaten', 'outperform', 'outperforming', 'outperformed', 'ahead', 'lead', 'leading', 'lag', 'lagging', 'behind', 'underperform', 'underperforming', 'return', 'returns', 'performance', 'perform', 'performing', 'doing', 'did', 'up', 'down', 'gain', 'gains', 'gained', 'rally', 'rallied', 'rise', 'rose', 'risen', 'fell', 'fall', 'fallen', 'how much', 'compare', 'comparison', 'versus', 'vs', 'spread', 'gap', 'ratio', 'winning', 'against', 'move', 'moved', 'change', 'numbers', '앞서', '이기', '이겼', '올랐', '오른', '상승', '하락', '떨어', '수익률', '성과', '비교', '격차', '얼마나', '어때', '어땠', '강세', '약세', '초과수익', '아웃퍼폼', '스프레드', '대비', '수익', '차이'];
/** Should-I-buy and timing questions: the scenario verdict answers them, as education. */
const TIMING = ['too late', 'too early to', 'should i buy', 'should we buy', 'should i sell', 'should we sell', 'should i invest', 'should i get in', 'should i add', 'is it time to', 'good time to buy', 'right time to buy', 'time to buy', 'time to sell', 'buy now', 'buy the dip', 'worth buying', 'safe to buy', 'ok to buy', 'okay to buy', 'get in now', 'entry point', 'load up on', '사도 돼', '사도 될', '사도 되나', '사도 괜찮', '사도 좋', '살까', '사야 할까', '사야 돼', '사야 하나', '매수해도', '매수할까', '매수 타이밍', '매수 시점', '들어가도 돼', '들어가도 될', '지금 들어가', '늦었을까', '늦었나', '너무 늦', '팔아야', '팔까', '매도해야', '매도할까', '투자해도 돼', '투자해도 될'];
const TOTAL = ['total return', 'total returns', 'with dividends', 'dividends reinvested', 'including dividends', 'incl dividends', 'adjusted close', '총수익', '배당 포함', '배당 재투자', '토탈 리턴', '토탈리턴'];
const INDEX = ['index level', 'index levels', 'the index itself', 'index basis', 'price index', '^rut', '^gspc', '^ndx', '^sp600', '지수 기준', '지수 레벨', '지수 자체', '지수로'];
const CHARTS: readonly [string, readonly string[]][] = [['ratio', ['ratio chart', 'ratio', '비율 차트', '비율']], ['bars', ['bar chart', 'bars', '막대']], ['lines', ['line chart', 'lines', '선 차트', '꺾은선']]];
const PRESETS: readonly [string, readonly string[]][] = [
  ['small-cap-case', ['small-cap case', 'small cap case', 'bull case', 'best case', 'small caps win', '소형주 시나리오', '소형주 강세 시나리오', '소형주 우위', '낙관 시나리오']],
  ['large-cap-case', ['large-cap case', 'large cap case', 'bear case', 'worst case', 'large caps win', '대형주 시나리오', '대형주 우위', '비관 시나리오']],
  ['study', ['history', 'historically', 'in the past', 'past januaries', 'study', 'has it happened', 'track record', 'happened before', 'previous januaries', '과거', '역사적으로', '예전에', '과거 사례', '역대']],
];
const OVERRIDES: readonly [string, readonly string[]][] = [
  ['easing:easing', ['rate cuts', 'rate cut', 'fed cuts', 'fed cut', 'cuts rates', 'cut rates', 'fed eases', 'monetary easing', '금리 인하', '금리인하', '통화 완화', '완화적 통화']],
  ['easing:tightening', ['rate hikes', 'rate hike', 'fed hikes', 'hikes rates', 'tightening', '금리 인상', '금리인상', '긴축']],
  ['stimulus:yes', ['fiscal stimulus', 'stimulus', '재정 부양', '부양책']],
  ['tariffs:easing', ['tariff relief', 'tariffs ease', 'tariffs easing', 'lower tariffs', 'tariff cuts', '관세 완화', '관세 인하']],
  ['tariffs:worsening', ['trade war', 'higher tariffs', 'tariffs rise', 'more tariffs', 'tariff hikes', '관세 인상', '관세 강화', '무역전쟁']],
  ['credit:stressed', ['credit stress', 'credit crunch', 'credit spreads widen', 'spreads widen', 'spreads widening', 'widening spreads', '신용 경색', '신용경색', '스프레드 확대']],
  ['credit:calm', ['credit spreads tighten', 'spreads tighten', 'tight spreads', 'tighter spreads', '신용 안정', '스프레드 축소']],
];
/** What a start named by an event is about, when the glossary names nothing in the question. */
const EVENT_TERMS: readonly [string, readonly string[]][] = [
  ['monetary-easing', ['cut', 'cuts', 'cutting', 'easing', 'eased', 'pivot', 'pivoted', '인하', '완화']],
  ['interest-rates', ['hike', 'hikes', 'hiking', 'hiked', 'raising', '인상']],
];
const COMMAND_NAMES = ['smallcaps', 'seasonality', 'scenario', 'explain', 'rotation', 'call', 'help'];
/** Glossary entries that name what /smallcaps measures: with a period, a question about them asks for numbers. */
const MEASURED = new Set(['small-cap', 'large-cap', 'russell-2000', 's-and-p-600', 's-and-p-500', 'nasdaq-100', 'spread', 'year-to-date', 'outperformance', 'rally', 'relative-strength-ratio', 'big-tech', 'rotation', 'drawdown', 'index', 'etf']);
const INSTRUMENT_TERMS = new Set(['small-cap', 'large-cap', 'russell-2000', 's-and-p-600', 's-and-p-500', 'nasdaq-100', 'big-tech']);
const MAX_OPTIONS = 3;

/**
 * Reads a question in English or Korean (or both) as one of the bot's command lines. Pure: the
 * glossary and the as-of date come in. Never throws; a question it cannot place is 'unreadable',
 * one it can place several ways is 'ambiguous' with the likely lines.
 */
export function readQuestion(raw: unknown, deps: QuestionDeps): QuestionReading {
  const checked = checkInput(raw, QUESTION_MAX);
  if (!checked.ok) return unreadable(typeof raw === 'string' ? languageOf(raw.slice(0, 2000)) : 'en', checked.problem);
  try {
    return readChecked(checked.text.replace(/\n/g, ' '), deps);
  } catch {
    return unreadable(languageOf(checked.text));
  }
}

function unreadable(language: 'en' | 'ko', problem?: QuestionReading & { kind: 'unreadable' } extends { problem?: infer P } ? P : never): QuestionReading {
  return { kind: 'unreadable', language, ...(problem ? { problem } : {}), examples: EXAMPLE_QUESTIONS[language] };
}

function readChecked(text: string, deps: QuestionDeps): QuestionReading {
  const language = languageOf(text, 0);
  const periods = findPeriods(text, deps.asOf);
  const rest = blank(text, periods);
  const words = toWords(rest);
  const uncovered = findUncovered(words);
  const named = findInstruments(words).filter((m) => !insideUncovered(uncovered, m)).map((m) => ({ role: m.role, ...(m.symbol ? { symbol: m.symbol } : {}) }));
  const terms = findTerms(deps.glossary, text);
  const basis = hasAny(words, INDEX) || /\^(rut|gspc|ndx|sp600)/i.test(text) ? 'index' : hasAny(words, TOTAL) ? 'total' : undefined;
  const period = periods[0];
  const base: Understood = { language, named, ...(period ? { period } : {}), ...(basis ? { basis } : {}) };
  const as = (intent: Intent, extra: Partial<Understood> = {}): Understood => ({ ...base, intent, ...extra });
  const command = (line: string, understood: Understood): QuestionReading => ({ kind: 'command', line, understood });

  const cue = {
    help: hasAny(words, HELP),
    subscription: hasAny(words, SUBSCRIPTION),
    explain: hasAny(words, EXPLAIN),
    seasonality: hasAny(words, SEASONALITY),
    scenario: hasAny(words, SCENARIO),
    returns: hasAny(words, RETURNS),
    study: hasAny(words, PRESETS.find(([p]) => p === 'study')![1]),
    timing: hasAny(words, TIMING),
  };
  const preset = PRESETS.some(([p, phrases]) => p !== 'study' && hasAny(words, phrases));
  if (preset) cue.scenario = true;
  const plainTerms = terms.filter((t) => !INSTRUMENT_TERMS.has(t.entry.id));
  const comparison = named.length >= 2 && named.some((n) => n.role === 'small') && named.some((n) => n.role === 'large');

  if (cue.subscription) return subscription(words, as('subscription'));
  if (cue.help && !(cue.explain && plainTerms.length)) {
    const name = COMMAND_NAMES.find((n) => findPhrase(words, n) && n !== 'help');
    return command(name ? `/help ${name}` : '/help', as('help'));
  }
  const calls = readCall(text, deps.asOf);
  if (calls) {
    const understood: Understood = { language, named, intent: 'call' };
    return calls.length === 1 ? command(calls[0]!, understood) : { kind: 'ambiguous', understood, options: calls };
  }

  if (cue.explain && !comparison && !preset && !cue.timing) {
    const wanted = plainTerms.length ? plainTerms : terms;
    const measured = wanted.every((t) => MEASURED.has(t.entry.id));
    if (wanted.length && !(measured && (period || cue.returns) && named.length)) {
      const entries = unique(wanted.map((t) => t.entry));
      const entry = entries[0]!;
      const term = termOf(entry);
      if (entries.length === 1) return command(explainLine(entry, language), as('explain', { term }));
      return command(`/explain ${entries.slice(0, 5).map((e) => e.id).join(', ')}`, as('explain', { term }));
    }
    if (!wanted.length) {
      const fuzzy = fuzzyTerm(deps.glossary, stripCues(words), language, as('explain'));
      if (fuzzy) return fuzzy;
    }
  }

  if (cue.timing || (cue.scenario && (cue.study || !cue.seasonality || hasAny(words, ['trade', 'durable', 'structural', 're-rating', 'rerating', '트레이드', '구조적', '재평가'])))) {
    return command(scenarioLine(words), as('scenario'));
  }
  if (cue.seasonality) {
    const effect = terms.find((t) => t.entry.id === 'january-effect')?.entry ?? (words.tokens.length <= 3 ? deps.glossary.byId.get('january-effect') : undefined);
    if (effect && words.tokens.length <= 3 && !periods.length && !named.length && !cue.returns && !cue.explain) {
      return { kind: 'ambiguous', understood: as('seasonality', { term: termOf(effect) }), options: ['/seasonality', explainLine(effect, language)] };
    }
    const years = periods.find((p) => p.years !== undefined && p.years >= 3 && p.years <= 40)?.years;
    return command(['/seasonality', ...(years ? [String(years)] : []), ...(basis === 'index' ? ['basis:index'] : [])].join(' '), as('seasonality'));
  }

  if (cue.returns || named.length || periods.length || uncovered.length) {
    const other = (uncovered[0] && (basis === 'index' ? uncovered[0].index : uncovered[0].etf)) ?? typedComparison(text);
    const lineFor = (option: string) => smallcapsLine(option, named, basis, words, other);
    const distinct = unique(periods.map((p) => p.option));
    if (distinct.length > 1) {
      return { kind: 'ambiguous', understood: as('returns'), options: distinct.slice(0, MAX_OPTIONS).map(lineFor) };
    }
    if (!periods.length && UNDATED_START.test(rest)) {
      const about = plainTerms[0]?.entry ?? deps.glossary.byId.get(EVENT_TERMS.find(([, phrases]) => hasAny(words, phrases))?.[0] ?? '');
      const phrase = undatedStartPhrase(rest);
      return { kind: 'ambiguous', understood: as('returns', phrase ? { undatedStart: phrase } : {}), options: [lineFor('1y'), about ? explainLine(about, language) : lineFor('ytd')] };
    }
    const line = lineFor(period?.option ?? 'ytd');
    const uncoveredTerm = uncovered[0]?.term && deps.glossary.byId.get(uncovered[0].term);
    if (uncoveredTerm) return { kind: 'ambiguous', understood: as('returns', { term: termOf(uncoveredTerm) }), options: [line, explainLine(uncoveredTerm, language)] };
    const unmeasured = plainTerms.find((t) => !MEASURED.has(t.entry.id));
    if (unmeasured && !cue.returns) return { kind: 'ambiguous', understood: as('explain', { term: termOf(unmeasured.entry) }), options: [explainLine(unmeasured.entry, language), line] };
    const bare = !cue.returns && !periods.length && named.length === 1 && !cue.explain;
    const bareTerm = terms.find((t) => INSTRUMENT_TERMS.has(t.entry.id));
    if (bare && bareTerm) return { kind: 'ambiguous', understood: { ...base, term: termOf(bareTerm.entry) }, options: [line, explainLine(bareTerm.entry, language)] };
    return command(line, as('returns'));
  }

  if (terms.length) {
    const entries = unique(terms.map((t) => t.entry));
    if (entries.length === 1) return command(explainLine(entries[0]!, language), as('explain', { term: termOf(entries[0]!) }));
    return { kind: 'ambiguous', understood: as('explain'), options: entries.slice(0, MAX_OPTIONS).map((e) => explainLine(e, language)) };
  }
  return fuzzyTerm(deps.glossary, stripCues(words), language, as('explain')) ?? unreadable(language);
}

function subscription(words: Words, understood: Understood): QuestionReading {
  if (hasAny(words, UNSUBSCRIBE)) return { kind: 'ambiguous', understood, options: ['/rotation unsubscribe', '/rotation status'] };
  const asksStatus = hasAny(words, STATUS) || hasAny(words, ['subscribed*', 'subscription*']);
  if (!asksStatus && hasAny(words, ['subscribe', '구독'])) return { kind: 'ambiguous', understood, options: ['/rotation subscribe', '/rotation status'] };
  return { kind: 'command', line: '/rotation status', understood };
}

/** `other` is an index the universe does not hold, named in `vs:` so the command answers for it or says it has no data. */
function smallcapsLine(option: string, named: Understood['named'], basis: Understood['basis'], words: Words, other?: string): string {
  const vs = other ?? vsOf(named);
  const chart = CHARTS.find(([, phrases]) => hasAny(words, phrases))?.[0];
  return ['/smallcaps', option, ...(basis ? [`basis:${basis}`] : []), ...(vs ? [`vs:${vs}`] : []), ...(chart ? [`chart:${chart}`] : [])].join(' ');
}

/** The Nasdaq when it alone is the large side; the S&P 600 against the Russell when only those two are named (the Russell leads the small side). */
function vsOf(named: Understood['named']): string | undefined {
  const symbols = new Set(named.map((n) => n.symbol));
  if (named.some((n) => n.role === 'large')) return symbols.has('QQQ') && !symbols.has('SPY') ? 'QQQ' : undefined;
  return symbols.has('IWM') && symbols.has('IJR') ? 'IJR' : undefined;
}

function scenarioLine(words: Words): string {
  const preset = PRESETS.find(([, phrases]) => hasAny(words, phrases))?.[0];
  const overrides = preset === 'study' ? [] : OVERRIDES.filter(([, phrases]) => hasAny(words, phrases)).map(([o]) => o);
  const byOption = new Map(overrides.map((o) => [o.split(':')[0]!, o]));
  return ['/scenario', ...(preset ? [preset] : []), ...byOption.values()].join(' ');
}

/** The term as the question's language writes it, when /explain finds that very entry by it; otherwise its id. */
function explainLine(entry: GlossaryEntry, language: 'en' | 'ko'): string {
  const name = entry.term[language];
  return /^[\p{L}\p{N}&' \-]+$/u.test(name) ? `/explain ${name}` : `/explain ${entry.id}`;
}

const termOf = (e: GlossaryEntry) => ({ id: e.id, en: e.term.en, ko: e.term.ko });
const unique = <T>(xs: readonly T[]): T[] => [...new Set(xs)];

function fuzzyTerm(glossary: GlossaryIndex, query: string, language: 'en' | 'ko', understood: Understood): QuestionReading | undefined {
  if (query.replace(/\s/g, '').length < 3) return undefined;
  const found = lookupTerm(glossary, query);
  if (found.kind === 'found' && (found.match !== 'fuzzy' || (found.score ?? 1) <= 0.25)) {
    return { kind: 'command', line: explainLine(found.entry, language), understood: { ...understood, term: termOf(found.entry) } };
  }
  if (found.kind === 'ambiguous') return { kind: 'ambiguous', understood, options: found.candidates.slice(0, MAX_OPTIONS).map((e) => explainLine(e, language)) };
  return undefined;
}

const FILLER = new Set(['the', 'a', 'an', 'is', 'are', 'of', 'for', 'me', 'please', 'pls', 'about', 'to', 'it', 'this', 'that', 'in', 'on', 'term', 'word', 'called', 'so', 'and', 'or', 'hey', 'hi', 'bot', 'can', 'you', 'i', 'do', 'does', 'mean', 'means', 'what', 'whats', 'explain', 'define', 'meaning', 'tell', 'exactly']);
const KO_CUES = /(이란|란|이|가|은|는|을|를)?\s*(뭐야|뭔가요|뭐예요|뭐에요|뭐임|뭔데|무엇인가요|무엇인가|무엇|뜻이야|뜻|의미|설명해\s*줘|설명|알려\s*줘)\??/g;

/** The question without the words that ask for an explanation, for a fuzzy glossary lookup. */
function stripCues(words: Words): string {
  const latin = words.tokens.filter((t) => !FILLER.has(t) && !/\p{Script=Hangul}/u.test(t));
  const hangul = words.tokens.filter((t) => /\p{Script=Hangul}/u.test(t)).join(' ').replace(KO_CUES, ' ').trim();
  return [...latin, hangul].join(' ').trim();
}

function blank(text: string, periods: readonly PeriodMention[]): string {
  let out = text;
  for (const p of periods) out = out.slice(0, p.at) + ' '.repeat(p.phrase.length) + out.slice(p.at + p.phrase.length);
  return out;
}
