/**
 * A figure stated in a sentence: a return (percent) or a lead between two returns. A lead is
 * written in percentage points ("7.3%p", "5 percentage points") or stands where a lead goes
 * ("beat … by 10%", "a lead of 7.3%", "격차 7%", "7% 앞섰다"), whatever unit the article used.
 */
export type Figure = {
  readonly kind: 'return' | 'lead';
  /** In the unit written: 8 for "8%", 7.3 for "7.3%p". */
  readonly value: number;
  readonly written: 'percent' | 'pp';
  readonly hedged: boolean;
  /** Offsets of the figure in the sentence. */
  readonly from: number;
  readonly to: number;
};

const FIGURE = /(about|around|roughly|nearly|almost|some|approximately|close to|more than|over|약|거의|대략|근|가량)?\s*([+\-−]?\d+(?:\.\d+)?)\s*(%p|%\s*포인트|percentage points?|pp|points?|%|percent|퍼센트|프로|포인트)\s*(가량|정도|안팎|내외|가까이)?/giu;
const POINTS = /p|포인트|point/i;
const LEAD_BY = /(?:\b(?:lead|leads|led|leading|beat|beats|beating|beaten|outperform(?:s|ed|ing)?|outpac(?:e|es|ed|ing)|ahead|topped|trail(?:s|ed|ing)?|lag(?:s|ged|ging)?|behind|underperform(?:s|ed|ing)?)\b[^%,;]{0,60}?\bby|\b(?:lead|gap|spread|margin|edge|difference)\s+of|격차|차이|스프레드)[\s은는이가도의:]*$/iu;
/** Korean puts the verb after the figure: "대형주를 7% 앞섰다", "대형주보다 7% 더 올랐다". */
const KO_LEAD_VERB = /^\s*(?:만큼|이나|나|이상|넘게)?\s*(?:앞서|앞섰|앞선|앞질|앞지르|웃돌|능가|뒤처|뒤쳐|뒤졌|뒤진|밑돌|더(?=\s|\p{Script=Hangul}))/u;

/** Every figure in the sentence, in order. A bare "points" counts only where a lead goes: "the Russell fell 50 points" is index points. */
export function findFigures(sentence: string): Figure[] {
  const out: Figure[] = [];
  for (const m of sentence.matchAll(FIGURE)) {
    const at = m.index + m[0].indexOf(m[2]!);
    const to = m.index + m[0].length;
    const unit = m[3]!.toLowerCase();
    const placedAsLead = LEAD_BY.test(sentence.slice(0, m.index)) || KO_LEAD_VERB.test(sentence.slice(to));
    const bare = /^points?$|^포인트$/.test(unit);
    if (bare && !placedAsLead) continue;
    const written = POINTS.test(unit) ? 'pp' : 'percent';
    out.push({
      kind: written === 'pp' || placedAsLead ? 'lead' : 'return',
      value: Number(m[2]!.replace('−', '-')),
      written,
      hedged: m[1] !== undefined || m[4] !== undefined,
      from: at,
      to,
    });
  }
  return out;
}
