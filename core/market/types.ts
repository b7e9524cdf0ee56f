/** ISO calendar date, `YYYY-MM-DD`. Lexicographic order is chronological order. */
export type IsoDate = string;

export type Bar = {
  readonly date: IsoDate;
  readonly close: number;
  /** Close adjusted for splits and dividends: the total-return series. */
  readonly adjClose?: number;
};

/** Daily bars, ascending by date, one bar per date, no null closes. */
export type Series = {
  readonly symbol: string;
  readonly bars: readonly Bar[];
};

export type Basis = 'price' | 'total' | 'index';

export type LegRole = 'small' | 'large';
