// Forward-only schema migrations, run at start inside one IMMEDIATE transaction each, so several
// processes opening the same file at once migrate it exactly once. Never edit a shipped migration:
// append a new one.
import type Database from 'better-sqlite3';

export const DATA_MIGRATIONS: string[] = [
  // 1: initial schema. `doc` holds the plain JSON of an aggregate, `enc` its encrypted secret part.
  `
  CREATE TABLE aanpakken (
    id TEXT PRIMARY KEY,
    version INTEGER NOT NULL CHECK (version >= 1),
    channel_id TEXT NOT NULL,
    gemeente TEXT NOT NULL,
    state TEXT NOT NULL,
    created_at TEXT NOT NULL,
    doc TEXT NOT NULL,
    enc TEXT
  );
  CREATE INDEX aanpakken_channel ON aanpakken (channel_id);
  CREATE INDEX aanpakken_gemeente ON aanpakken (gemeente);
  CREATE TABLE aanpak_participants (
    aad_object_id TEXT NOT NULL,
    aanpak_id TEXT NOT NULL,
    PRIMARY KEY (aad_object_id, aanpak_id)
  ) WITHOUT ROWID;
  CREATE INDEX aanpak_participants_aanpak ON aanpak_participants (aanpak_id);

  CREATE TABLE rounds (id TEXT PRIMARY KEY, aanpak_id TEXT NOT NULL, opened_at TEXT NOT NULL, doc TEXT NOT NULL, enc TEXT);
  CREATE INDEX rounds_aanpak ON rounds (aanpak_id, opened_at);
  CREATE TABLE answers (
    round_id TEXT NOT NULL,
    participant_id TEXT NOT NULL,
    aanpak_id TEXT NOT NULL,
    doc TEXT NOT NULL,
    enc TEXT,
    PRIMARY KEY (round_id, participant_id)
  );
  CREATE INDEX answers_aanpak ON answers (aanpak_id);
  CREATE TABLE members (id TEXT PRIMARY KEY, aanpak_id TEXT NOT NULL, added_at TEXT NOT NULL, doc TEXT NOT NULL, enc TEXT);
  CREATE INDEX members_aanpak ON members (aanpak_id, added_at);
  CREATE TABLE actions (id TEXT PRIMARY KEY, aanpak_id TEXT NOT NULL, created_at TEXT NOT NULL, doc TEXT NOT NULL, enc TEXT);
  CREATE INDEX actions_aanpak ON actions (aanpak_id, created_at);
  CREATE TABLE plan_versions (
    id TEXT PRIMARY KEY,
    aanpak_id TEXT NOT NULL,
    number INTEGER NOT NULL,
    doc TEXT NOT NULL,
    enc TEXT,
    UNIQUE (aanpak_id, number)
  );
  CREATE TABLE conversation_refs (aad_object_id TEXT PRIMARY KEY, ref TEXT NOT NULL, updated_at INTEGER NOT NULL);

  CREATE TABLE reminders (
    id TEXT PRIMARY KEY,
    aanpak_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    due_at INTEGER NOT NULL,
    payload TEXT NOT NULL,
    dedupe_key TEXT,
    status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done')),
    lease_owner TEXT,
    lease_until INTEGER,
    attempts INTEGER NOT NULL DEFAULT 0,
    completed_at INTEGER
  );
  CREATE UNIQUE INDEX reminders_dedupe ON reminders (aanpak_id, dedupe_key) WHERE dedupe_key IS NOT NULL;
  CREATE INDEX reminders_due ON reminders (due_at, lease_until) WHERE status = 'pending';
  CREATE INDEX reminders_aanpak ON reminders (aanpak_id);

  CREATE TABLE processed (key TEXT PRIMARY KEY, at INTEGER NOT NULL) WITHOUT ROWID;

  CREATE TABLE audit (
    aanpak_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL,
    event TEXT NOT NULL,
    PRIMARY KEY (aanpak_id, seq)
  );
  CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
  CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
  `,
];

/** Key material lives in its own file so that backups of the data never contain it. */
export const KEY_MIGRATIONS: string[] = [
  `
  CREATE TABLE data_keys (
    scope TEXT PRIMARY KEY,
    aanpak_id TEXT NOT NULL,
    wrapped TEXT,
    created_at INTEGER NOT NULL,
    destroyed_at INTEGER
  );
  CREATE INDEX data_keys_aanpak ON data_keys (aanpak_id);
  `,
];

export function migrate(db: Database.Database, migrations: string[]): number {
  db.exec('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, applied_at INTEGER NOT NULL)');
  const current = (): number =>
    (db.prepare('SELECT COALESCE(MAX(version), 0) AS v FROM schema_version').get() as { v: number }).v;
  if (current() > migrations.length) {
    throw new Error(`database schema version ${current()} is newer than this build supports (${migrations.length})`);
  }
  for (let v = 1; v <= migrations.length; v++) {
    db.transaction(() => {
      if (current() >= v) return;
      db.exec(migrations[v - 1] as string);
      db.prepare('INSERT INTO schema_version (version, applied_at) VALUES (?, ?)').run(v, Date.now());
    }).immediate();
  }
  return current();
}
