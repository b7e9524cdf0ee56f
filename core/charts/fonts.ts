import { GlobalFonts } from '@napi-rs/canvas';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * Noto Sans KR from @fontsource, under a family name of our own so that a system font that
 * happens to be called "Noto Sans KR" can neither stand in for it nor make us skip registering.
 */
export const CHART_FONT_FAMILY = 'Rotation Noto Sans KR';

/** Latin first so Latin text takes its glyphs from the Latin subset; the Korean subset adds Hangul. */
const FONT_FILES = ['latin-400', 'latin-700', 'korean-400', 'korean-700'].map((subset) => `noto-sans-kr-${subset}-normal.woff2`);

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
    for (const file of FONT_FILES) {
      const fullPath = path.join(packageDir, 'files', file);
      if (!GlobalFonts.registerFromPath(fullPath, CHART_FONT_FAMILY)) {
        throw new Error(`Could not register the chart font ${fullPath}`);
      }
    }
  }
  registered = true;
}

/** A canvas `font` string in the chart family. */
export function fontString(px: number, weight: 400 | 700 = 400): string {
  return `${weight === 700 ? 'bold ' : ''}${Math.round(px)}px "${CHART_FONT_FAMILY}"`;
}
