/*
 * One light card for both chat themes: Discord and Slack put images on their own light or
 * dark backgrounds, and a near-white card with dark text keeps the Okabe–Ito hues at the
 * contrast they were designed for; #F7F7F9 rather than pure white so the card does not glare
 * as a white box in dark mode.
 */
export const THEME = {
  background: '#F7F7F9',
  text: '#1B1F24',
  muted: '#57606A',
  grid: '#DDE1E6',
  axis: '#8C959F',
  zebra: '#ECEEF2',
} as const;

export type Metrics = {
  readonly width: number;
  readonly height: number;
  /** 1 at 1080 px wide; every length and font scales with it. */
  readonly scale: number;
  readonly pad: number;
  readonly font: { readonly title: number; readonly subtitle: number; readonly label: number; readonly tick: number; readonly footer: number };
};

/** The smallest text is 22 px at 1080 px wide, so it stays legible when chat shrinks the image. */
export function metricsFor(width: number, height: number): Metrics {
  const scale = width / 1080;
  return {
    width,
    height,
    scale,
    pad: Math.round(36 * scale),
    font: { title: 40 * scale, subtitle: 30 * scale, label: 25 * scale, tick: 22 * scale, footer: 22 * scale },
  };
}
