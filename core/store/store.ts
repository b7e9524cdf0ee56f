import type { PriceStore } from './price-store.ts';
import type { SubscriptionStore } from './subscription-store.ts';
import type { PostLedger } from './post-ledger.ts';
import type { CallStore } from './call-store.ts';

/** The same methods, each answering with a promise: what a networked database can offer. */
export type Async<T> = { [K in keyof T]: T[K] extends (...args: infer A) => infer R ? (...args: A) => Promise<Awaited<R>> : T[K] };


/** Which Slack workspace (or Enterprise Grid org, for org-wide installs) an installation belongs to. */
export type InstallationKey = {
  readonly teamId: string | undefined;
  readonly enterpriseId: string | undefined;
  readonly isEnterpriseInstall: boolean;
};

/**
 * Slack installations (multi-workspace OAuth). The installation is kept as the JSON the platform
 * library gave, encrypted at rest as a whole (it holds the bot and user tokens); only the key is in clear.
 */
export type InstallationStore = {
  save(key: InstallationKey, installation: object, now: number): Promise<void>;
  find(key: InstallationKey): Promise<object | undefined>;
  /** True when something was deleted. */
  delete(key: InstallationKey): Promise<boolean>;
};

export type StoreEngine = 'sqlite' | 'postgres';

/** Everything the bot keeps: the price cache, subscriptions, the post ledger and Slack installations, on one engine. */
export type Store = {
  readonly engine: StoreEngine;
  /** Where it lives, without credentials: a file path or `host:port/database`. */
  readonly location: string;
  readonly prices: Async<PriceStore>;
  readonly subscriptions: Async<SubscriptionStore>;
  readonly ledger: Async<PostLedger>;
  /** The channels' team calls (/call). */
  readonly calls: Async<CallStore>;
  readonly installations: InstallationStore;
  close(): Promise<void>;
};

/** The installation's key column: an org-wide install is found by its enterprise, any other by its workspace. */
export function installationId(key: InstallationKey): string {
  if (key.isEnterpriseInstall && key.enterpriseId) return `E:${key.enterpriseId}`;
  if (key.teamId) return `T:${key.teamId}`;
  throw new Error('a Slack installation needs a team id (or an enterprise id for an org-wide install)');
}

/** Thrown by `installations` when no ROTATION_ENCRYPTION_KEY was given. */
export class MissingEncryptionKeyError extends Error {
  constructor() {
    super('ROTATION_ENCRYPTION_KEY is required to store Slack installations (32 bytes, base64 or hex)');
    this.name = 'MissingEncryptionKeyError';
  }
}
