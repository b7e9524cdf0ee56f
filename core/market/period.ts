import type { IsoDate } from './types.ts';
import { UserError } from '../user-error.ts';

export const RELATIVE_PERIODS = ['1d', '1w', 'mtd', '1m', 'qtd', '3m', '6m', 'ytd', '1y', '3y', '5y', '10y', 'max'] as const;
export type RelativePeriodCode = (typeof RELATIVE_PERIODS)[number];

export type Period =
  | { readonly kind: 'relative'; readonly code: RelativePeriodCode }
  | { readonly kind: 'year'; readonly year: number }
  | { readonly kind: 'range'; readonly from: IsoDate; readonly to?: IsoDate };

const ISO = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(s: string): boolean {
  if (!ISO.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** The message key for text that is not a date: the wrong shape, or the right shape on a day no calendar has ("2026-02-30"). */
export const badDateKey = (s: string): string => (ISO.test(s) ? 'input.noSuchDay' : 'input.badDate');

export function parseIsoDate(raw: string, option: string): IsoDate {
  const s = raw.trim();
  if (!isIsoDate(s)) throw new UserError(badDateKey(s), { option, value: s.slice(0, 40) });
  return s;
}

/** Accepts `ytd`, `1m`…, `2023`, `from:2026-01-02` (the `to` bound comes separately or as `from..to`). */
export function parsePeriod(raw: string, to?: string): Period {
  const s = raw.trim().toLowerCase();
  if ((RELATIVE_PERIODS as readonly string[]).includes(s)) {
    if (to) throw new UserError('period.toWithoutFrom', {});
    return { kind: 'relative', code: s as RelativePeriodCode };
  }
  if (/^\d{4}$/.test(s)) {
    if (to) throw new UserError('period.toWithoutFrom', {});
    return { kind: 'year', year: Number(s) };
  }
  const range = /^(?:from[:=])?(\d{4}-\d{2}-\d{2})(?:\.\.(\d{4}-\d{2}-\d{2}))?$/.exec(s);
  if (range) {
    const from = parseIsoDate(range[1]!, 'from');
    const end = range[2] ?? to;
    const toDate = end === undefined ? undefined : parseIsoDate(end, 'to');
    if (toDate !== undefined && toDate < from) throw new UserError('period.reversed', { from, to: toDate });
    return toDate === undefined ? { kind: 'range', from } : { kind: 'range', from, to: toDate };
  }
  throw new UserError('period.unknown', { value: raw.trim().slice(0, 40) });
}

export function periodLabel(p: Period): string {
  switch (p.kind) {
    case 'relative': return p.code.toUpperCase();
    case 'year': return String(p.year);
    case 'range': return p.to ? `${p.from} → ${p.to}` : `${p.from} →`;
  }
}
