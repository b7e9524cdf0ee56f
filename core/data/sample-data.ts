import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ASSETS_DIR } from '../runtime/module-paths.ts';
import type { IsoDate } from '../market/types.ts';

/** What `--data sample` and `ROTATION_DATA_DIR=sample` name. */
export const SAMPLE_DATA_NAME = 'sample';
export const SAMPLE_DATA_DIR = path.join(ASSETS_DIR, 'sample-data');

export type SampleManifest = {
  readonly from: IsoDate;
  /** The last close of the default legs: the sample's "today". */
  readonly to: IsoDate;
  readonly files: readonly { readonly file: string; readonly sha256: string; readonly first: IsoDate; readonly last: IsoDate; readonly rows: number }[];
};

export const isSampleData = (dataDir: string | undefined) => dataDir?.trim().toLowerCase() === SAMPLE_DATA_NAME;

export function readSampleManifest(dir = SAMPLE_DATA_DIR): SampleManifest {
  return JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as SampleManifest;
}

/** Why the sample answers instead of the live source, when it is a fallback. */
export type SampleReason = { readonly unreachable: string };

const LABEL = /^Sample data to (\d{4}-\d{2}-\d{2})(?: \((.+) unreachable\))?$/;

/** The source label every sample answer carries: "Sample data to 2026-08-21 (Yahoo unreachable)". */
export function sampleSourceLabel(to: IsoDate, reason?: SampleReason): string {
  return `Sample data to ${to}${reason ? ` (${reason.unreachable} unreachable)` : ''}`;
}

export function parseSampleSourceLabel(label: string): { to: IsoDate; unreachable?: string } | undefined {
  const m = LABEL.exec(label);
  if (!m) return undefined;
  return m[2] ? { to: m[1] as IsoDate, unreachable: m[2] } : { to: m[1] as IsoDate };
}
