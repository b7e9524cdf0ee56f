import type { ChartLocale, ChartSpec } from './chart-spec.ts';
import { formatPp } from '../i18n/format.ts';

const MAX_ALT = 1000;

const listJoin = (parts: readonly string[]) => parts.join(', ');
const number1 = (locale: ChartLocale, n: number) => new Intl.NumberFormat(locale === 'ko' ? 'ko-KR' : 'en-US', { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(n);

function leanText(locale: ChartLocale, lean: 'small' | 'large' | 'neutral' | 'unknown'): string {
  const en = { small: 'favours small caps', large: 'favours large caps', neutral: 'neutral', unknown: 'no data' };
  const ko = { small: '소형주 우위', large: '대형주 우위', neutral: '중립', unknown: '자료 없음' };
  return (locale === 'ko' ? ko : en)[lean];
}

/** Cuts at the last sentence or list boundary that fits, ending with an ellipsis. */
export function clampAlt(text: string, max = MAX_ALT): string {
  if (text.length <= max) return text;
  const room = text.slice(0, max - 1);
  const cut = Math.max(room.lastIndexOf('; '), room.lastIndexOf(', '), room.lastIndexOf('. '));
  return `${(cut > max / 2 ? room.slice(0, cut) : room).trimEnd()}…`;
}

/** A text description of the chart from the same numbers it draws, in the spec's locale. */
export function altText(spec: ChartSpec): string {
  const ko = spec.locale === 'ko';
  switch (spec.kind) {
    case 'lines': {
      const legs = listJoin(spec.legs.map((leg) => `${leg.label} ${leg.returnLabel}`));
      const from = spec.dates[0] ?? '';
      const to = spec.dates[spec.dates.length - 1] ?? '';
      return clampAlt(ko ? `선 차트: ${legs}, ${from}부터 ${to}까지 100 기준 환산.` : `Line chart: ${legs}, rebased to 100 from ${from} to ${to}.`);
    }
    case 'ratio': {
      const from = spec.dates[0] ?? '';
      const to = spec.dates[spec.dates.length - 1] ?? '';
      const last = spec.values[spec.values.length - 1];
      const avg = spec.average[spec.average.length - 1];
      const lastText = last === undefined ? '' : number1(spec.locale, last);
      let position = '';
      if (last !== undefined && avg != null) {
        position = ko
          ? `, ${spec.averageLabel} ${number1(spec.locale, avg)}${last >= avg ? '보다 위' : '보다 아래'}`
          : `, ${last >= avg ? 'above' : 'below'} its ${spec.averageLabel} of ${number1(spec.locale, avg)}`;
      }
      return clampAlt(ko
        ? `선 차트: ${spec.ratioLabel}, ${from}부터 ${to}까지 100 기준 환산, ${to} 현재 ${lastText}${position}.`
        : `Line chart: ${spec.ratioLabel} rebased to 100 from ${from} to ${to}, at ${lastText} on ${to}${position}.`);
    }
    case 'bars': {
      const legs = listJoin(spec.legs.map((leg) => `${leg.label} ${leg.valueLabel}`));
      return clampAlt(ko ? `막대 차트, 수익률: ${legs}; 격차 ${spec.spreadLabel}.` : `Bar chart of returns: ${legs}; spread ${spec.spreadLabel}.`);
    }
    case 'seasonality': {
      const first = spec.years[0]?.year;
      const last = spec.years[spec.years.length - 1]?.year;
      const ahead = spec.years.filter((y) => y.spreadPp > 0).length;
      const best = spec.years.reduce((a, b) => (b.spreadPp > a.spreadPp ? b : a), spec.years[0]!);
      const worst = spec.years.reduce((a, b) => (b.spreadPp < a.spreadPp ? b : a), spec.years[0]!);
      const highlighted = spec.years.find((y) => y.year === spec.highlightYear);
      const pp = (n: number) => formatPp(spec.locale, n);
      const parts = ko
        ? [
            `막대 차트, ${first}–${last}년 1월 소형주−대형주 격차: ${spec.medianLabel}`,
            `${spec.years.length}년 중 ${ahead}년 소형주 우위`,
            `최고 ${best.year}년 ${pp(best.spreadPp)}, 최저 ${worst.year}년 ${pp(worst.spreadPp)}`,
            ...(highlighted ? [`${highlighted.year}년 ${pp(highlighted.spreadPp)}`] : []),
          ]
        : [
            `Bar chart of the January spread, small minus large caps, ${first}–${last}: ${spec.medianLabel}`,
            `small caps ahead in ${ahead} of ${spec.years.length} years`,
            `best ${best.year} ${pp(best.spreadPp)}, worst ${worst.year} ${pp(worst.spreadPp)}`,
            ...(highlighted ? [`${highlighted.year} ${pp(highlighted.spreadPp)}`] : []),
          ];
      return clampAlt(`${parts.join('; ')}.`);
    }
    case 'scorecard': {
      const factors = spec.factors.map((f) => `${f.label}: ${f.state} (${leanText(spec.locale, f.lean)})`).join('; ');
      return clampAlt(ko ? `스코어카드: ${spec.verdictLabel}. 요인: ${factors}.` : `Scorecard: ${spec.verdictLabel}. Factors: ${factors}.`);
    }
  }
}
