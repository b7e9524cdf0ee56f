import type { ChartSize } from './chart-spec.ts';

export const CHART_SIZES: Readonly<Record<ChartSize, { readonly width: number; readonly height: number }>> = {
  wide: { width: 1200, height: 675 },
  square: { width: 1080, height: 1080 },
};
