import type { LegRole } from '../market/types.ts';

/**
 * Okabe–Ito colours, readable with the common colour-vision deficiencies. Small caps are the
 * warm hues and large caps the cool ones, always in this order by rank, so IWM is the same
 * vermillion on every chart and SPY the same blue.
 */
const LEG_COLOURS: Readonly<Record<LegRole, readonly string[]>> = {
  small: ['#D55E00', '#E69F00', '#CC79A7'],
  large: ['#0072B2', '#56B4E9', '#009E73'],
};

export function legColour(role: LegRole, rank: number): string {
  const colours = LEG_COLOURS[role];
  return colours[((rank % colours.length) + colours.length) % colours.length]!;
}

/** The seasonality chart's current year against the grey of the other years. */
export const HIGHLIGHT_COLOUR = '#E69F00';
export const OTHER_BAR_COLOUR = '#A9B1BB';
export const NEUTRAL_COLOUR = '#8C959F';

/** `#RRGGBB` with an alpha, as `rgba(...)`. */
export function withAlpha(hex: string, alpha: number): string {
  const [r, g, b] = hexToRgb(hex);
  return `rgba(${r}, ${g}, ${b}, ${alpha})`;
}

export function hexToRgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** Dark or white text, whichever reads better on the given background colour. */
export function textOn(hex: string): string {
  const [r, g, b] = hexToRgb(hex).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return luminance > 0.3 ? '#111418' : '#FFFFFF';
}
