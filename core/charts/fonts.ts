import { GlobalFonts } from '@napi-rs/canvas';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * Noto Sans KR from @fontsource, under a family name of our own so that a system font that
 * happens to be called "Noto Sans KR" can neither stand in for it nor make us skip registering.
 */
export const CHART_FONT_FAMILY = 'Rotation Noto Sans KR';

/** The Latin subset's family, listed after the main one for the punctuation the Korean subset lacks (–, ‹, ›, …). Neither has arrows. */
export const CHART_FALLBACK_FAMILY = 'Rotation Noto Sans KR Latin';

/** What canvas and chart.js `font` strings name: the Korean subset (Hangul and basic Latin), then the Latin one. */
export const CHART_FONT_STACK = `"${CHART_FONT_FAMILY}", "${CHART_FALLBACK_FAMILY}"`;

/**
 * @napi-rs/canvas 1.0 looks glyphs up only in the first file registered under a family name, so
 * each subset gets a family of its own and the font stack chains them.
 */
const FONT_FILES: readonly (readonly [string, string])[] = [
  ['korean-400', CHART_FONT_FAMILY],
  ['korean-700', CHART_FONT_FAMILY],
  ['latin-400', CHART_FALLBACK_FAMILY],
  ['latin-700', CHART_FALLBACK_FAMILY],
];

let registered = false;

/**
 * Registers Noto Sans KR (Latin + Hangul, regular and bold) once. The font table of
 * @napi-rs/canvas is shared by every thread of the process, so a worker started after the
 * main thread (or another worker) registered it skips the work.
 */
export function registerChartFonts(): void {
  if (registered) return;
  if (!GlobalFonts.has(CHART_FONT_FAMILY)) {
    const packageDir = path.dirname(createRequire(import.meta.url).resolve('@fontsource/noto-sans-kr/index.css'));
    for (const [subset, family] of FONT_FILES) {
      const fullPath = path.join(packageDir, 'files', `noto-sans-kr-${subset}-normal.woff2`);
      if (!GlobalFonts.registerFromPath(fullPath, family)) {
        throw new Error(`Could not register the chart font ${fullPath}`);
      }
    }
  }
  registered = true;
}

/** A canvas `font` string in the chart family. */
export function fontString(px: number, weight: 400 | 700 = 400): string {
  return `${weight === 700 ? 'bold ' : ''}${Math.round(px)}px ${CHART_FONT_STACK}`;
}
