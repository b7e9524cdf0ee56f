import type { IsoDate } from '../market/types.ts';

export type Observation = { readonly date: IsoDate; readonly value: number };

export type MacroSeries = {
  readonly id: string;
  readonly observations: readonly Observation[];
  readonly source: string;
};

/** Macro series by FRED id (DFF, FEDFUNDS, DGS10, HOUST, TOTALSA…) or a CSV file name such as ISM_MANUFACTURING_PMI. */
export type MacroData = {
  readonly sourceLabel: string;
  getSeries(id: string): Promise<MacroSeries>;
};
