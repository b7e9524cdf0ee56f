/** PostgreSQL schema changes in order; `schema_migrations` records which have run. The same tables as SQLite's. */
export const PG_MIGRATIONS: readonly string[] = [
  `CREATE TABLE prices (
     symbol TEXT NOT NULL,
     date TEXT NOT NULL,
     close DOUBLE PRECISION NOT NULL,
     adjclose DOUBLE PRECISION,
     provider TEXT NOT NULL,
     fetched_at BIGINT NOT NULL,
     PRIMARY KEY (symbol, date)
   );
   CREATE TABLE fetch_state (
     symbol TEXT NOT NULL,
     provider TEXT NOT NULL,
     fetched_at BIGINT NOT NULL,
     PRIMARY KEY (symbol, provider)
   );`,
  `CREATE TABLE subscriptions (
     platform TEXT NOT NULL CHECK (platform IN ('discord', 'slack', 'console')),
     channel_id TEXT NOT NULL,
     time TEXT NOT NULL,
     timezone TEXT NOT NULL,
     lang TEXT NOT NULL CHECK (lang IN ('en', 'ko')),
     closed_notice BOOLEAN NOT NULL DEFAULT FALSE,
     created_by TEXT NOT NULL,
     created_at BIGINT NOT NULL,
     UNIQUE (platform, channel_id)
   );
   CREATE TABLE post_ledger (
     platform TEXT NOT NULL,
     channel_id TEXT NOT NULL,
     report_date TEXT NOT NULL,
     kind TEXT NOT NULL CHECK (kind IN ('morning', 'closed')),
     slot_at BIGINT NOT NULL,
     status TEXT NOT NULL CHECK (status IN ('claimed', 'sending', 'retry', 'posted', 'failed', 'skipped')),
     claimed_by TEXT,
     claim_token TEXT,
     claimed_at BIGINT,
     attempts INTEGER NOT NULL DEFAULT 0,
     next_attempt_at BIGINT,
     posted_at BIGINT,
     data_as_of TEXT,
     term_id TEXT,
     error TEXT,
     updated_at BIGINT NOT NULL,
     UNIQUE (platform, channel_id, report_date)
   );
   CREATE INDEX post_ledger_by_channel ON post_ledger (platform, channel_id, slot_at);
   CREATE TABLE shown_terms (
     platform TEXT NOT NULL,
     channel_id TEXT NOT NULL,
     term_id TEXT NOT NULL,
     shown_at BIGINT NOT NULL,
     PRIMARY KEY (platform, channel_id, term_id)
   );`,
  `CREATE TABLE slack_installations (
     id TEXT PRIMARY KEY,
     team_id TEXT,
     enterprise_id TEXT,
     sealed TEXT NOT NULL,
     updated_at BIGINT NOT NULL
   );`,
  `ALTER TABLE subscriptions ADD COLUMN workspace_id TEXT;`,
  `CREATE TABLE calls (
     id TEXT PRIMARY KEY,
     platform TEXT NOT NULL CHECK (platform IN ('discord', 'slack', 'console')),
     channel_id TEXT NOT NULL,
     user_id TEXT NOT NULL,
     made_at BIGINT NOT NULL,
     made_on TEXT NOT NULL,
     side TEXT NOT NULL CHECK (side IN ('small', 'large')),
     small_symbol TEXT NOT NULL,
     large_symbol TEXT NOT NULL,
     deadline TEXT NOT NULL,
     margin_pp DOUBLE PRECISION NOT NULL DEFAULT 0,
     start_date TEXT NOT NULL,
     start_small DOUBLE PRECISION NOT NULL,
     start_large DOUBLE PRECISION NOT NULL,
     cancelled_by TEXT,
     cancelled_at BIGINT
   );
   CREATE INDEX calls_by_channel ON calls (platform, channel_id, made_at);`,
  // The same rebuild as SQLite's (which cannot change a CHECK), so both engines keep one schema.
  `CREATE TABLE post_ledger_next (
     platform TEXT NOT NULL,
     channel_id TEXT NOT NULL,
     report_date TEXT NOT NULL,
     kind TEXT NOT NULL CHECK (kind IN ('morning', 'closed', 'call')),
     slot_at BIGINT NOT NULL,
     status TEXT NOT NULL CHECK (status IN ('claimed', 'sending', 'retry', 'posted', 'failed', 'skipped')),
     claimed_by TEXT,
     claim_token TEXT,
     claimed_at BIGINT,
     attempts INTEGER NOT NULL DEFAULT 0,
     next_attempt_at BIGINT,
     posted_at BIGINT,
     data_as_of TEXT,
     term_id TEXT,
     error TEXT,
     updated_at BIGINT NOT NULL,
     UNIQUE (platform, channel_id, report_date)
   );
   INSERT INTO post_ledger_next SELECT platform, channel_id, report_date, kind, slot_at, status, claimed_by, claim_token, claimed_at, attempts, next_attempt_at, posted_at, data_as_of, term_id, error, updated_at FROM post_ledger;
   DROP TABLE post_ledger;
   ALTER TABLE post_ledger_next RENAME TO post_ledger;
   CREATE INDEX post_ledger_by_kind ON post_ledger (platform, channel_id, kind, slot_at);`,
  // Settlement posts go to the call's workspace (Slack's installation) in the caller's language.
  `ALTER TABLE calls ADD COLUMN workspace_id TEXT;
   ALTER TABLE calls ADD COLUMN locale TEXT NOT NULL DEFAULT 'en';
   CREATE INDEX calls_by_deadline ON calls (deadline);`,
  // Replies name the caller as the platform showed them when the call was made.
  `ALTER TABLE calls ADD COLUMN user_name TEXT;`,
];
