// Embedded store: better-sqlite3 (synchronous, wrapped in async methods), WAL journal.
// Files under the data dir: `groepsaanpak.db` (data) and `keys.db` (wrapped data keys, kept apart
// so a backup of the data never holds key material; see src/store/README.md).
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Aanpak, Action, Answer, AuditEvent, Member, PlanVersion, Round } from '../../workflow/types.js';
import { canonicalJson, chainEntry } from '../audit.js';
import { activeParticipantIds, Codec, destroyedSummary } from '../codec.js';
import { aanpakScope, KeyRing, memberScope, type KeyMaterialStore } from '../crypto.js';
import {
  ConflictError,
  type AuditEntry,
  type Reminder,
  type ReminderFilter,
  type ReminderInput,
  type Store,
  type StoreLogger,
} from '../port.js';
import { DATA_MIGRATIONS, KEY_MIGRATIONS, migrate } from './migrations.js';

export interface SqliteStoreOptions {
  dataDir: string;
  masterKey: Buffer;
  /** Default 'FULL': a commit is fsynced, so an acknowledged write also survives power loss. */
  synchronous?: 'NORMAL' | 'FULL';
  /** VACUUM + WAL truncation after a destroy, so freed pages leave the file (default true). */
  vacuumOnDestroy?: boolean;
  logger?: StoreLogger;
}

export const DATA_FILE = 'groepsaanpak.db';
export const KEYS_FILE = 'keys.db';

type Row = { doc: string; enc: string | null };
type ReminderRow = {
  id: string;
  aanpak_id: string;
  kind: string;
  due_at: number;
  payload: string;
  dedupe_key: string | null;
  status: 'pending' | 'done';
  lease_owner: string | null;
  lease_until: number | null;
  attempts: number;
  completed_at: number | null;
};

function openDb(file: string, synchronous: 'NORMAL' | 'FULL'): Database.Database {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${synchronous}`);
  db.pragma('busy_timeout = 10000');
  db.pragma('foreign_keys = ON');
  // Deleted content is overwritten, not merely unlinked from the b-tree.
  db.pragma('secure_delete = ON');
  cacheStatements(db);
  return db;
}

/**
 * Every query text is compiled once: better-sqlite3 statements are reusable, and preparing on
 * each call was a measurable share of a turn. The SQL texts are a fixed set (no values inlined).
 */
function cacheStatements(db: Database.Database): void {
  const prepare = db.prepare.bind(db);
  const cache = new Map<string, Database.Statement>();
  db.prepare = ((sql: string) => {
    let stmt = cache.get(sql);
    if (!stmt) {
      stmt = prepare(sql);
      cache.set(sql, stmt);
    }
    return stmt;
  }) as typeof db.prepare;
}

const iso = (ms: number): string => new Date(ms).toISOString();
const toMs = (s: string): number => {
  const ms = Date.parse(s);
  if (Number.isNaN(ms)) throw new Error(`invalid ISO timestamp: ${s}`);
  return ms;
};

export class SqliteKeyMaterial implements KeyMaterialStore {
  constructor(private readonly db: Database.Database) {}
  async getWrapped(scope: string): Promise<string | null | undefined> {
    const row = this.db.prepare('SELECT wrapped FROM data_keys WHERE scope = ?').get(scope) as { wrapped: string | null } | undefined;
    return row === undefined ? undefined : row.wrapped;
  }
  async insertWrappedIfAbsent(scope: string, aanpakId: string, wrapped: string): Promise<void> {
    this.db
      .prepare('INSERT OR IGNORE INTO data_keys (scope, aanpak_id, wrapped, created_at) VALUES (?, ?, ?, ?)')
      .run(scope, aanpakId, wrapped, Date.now());
  }
  async destroy(scope: string, aanpakId: string, alsoMembers: boolean): Promise<void> {
    const now = Date.now();
    this.db
      .transaction(() => {
        // A tombstone (wrapped NULL) stops the key from ever being created again.
        this.db
          .prepare(
            `INSERT INTO data_keys (scope, aanpak_id, wrapped, created_at, destroyed_at) VALUES (?, ?, NULL, ?, ?)
             ON CONFLICT (scope) DO UPDATE SET wrapped = NULL, destroyed_at = excluded.destroyed_at`,
          )
          .run(scope, aanpakId, now, now);
        if (alsoMembers) {
          this.db
            .prepare(`UPDATE data_keys SET wrapped = NULL, destroyed_at = ? WHERE aanpak_id = ? AND scope LIKE 'member:%'`)
            .run(now, aanpakId);
        }
      })
      .immediate();
  }
}

export class SqliteStore implements Store {
  readonly kind = 'sqlite' as const;
  private readonly codec: Codec;

  private constructor(
    readonly db: Database.Database,
    readonly keysDb: Database.Database,
    private readonly ring: KeyRing,
    private readonly opts: SqliteStoreOptions,
  ) {
    this.codec = new Codec(ring);
  }

  static async open(opts: SqliteStoreOptions): Promise<SqliteStore> {
    mkdirSync(opts.dataDir, { recursive: true });
    const sync = opts.synchronous ?? 'FULL';
    const db = openDb(join(opts.dataDir, DATA_FILE), sync);
    const keysDb = openDb(join(opts.dataDir, KEYS_FILE), sync);
    try {
      migrate(db, DATA_MIGRATIONS);
      migrate(keysDb, KEY_MIGRATIONS);
      const ring = new KeyRing(opts.masterKey, new SqliteKeyMaterial(keysDb));
      await ring.checkMaster();
      return new SqliteStore(db, keysDb, ring, opts);
    } catch (err) {
      db.close();
      keysDb.close();
      throw err;
    }
  }

  private tx<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate();
  }

  // ---- Aanpak ----

  async createAanpak(aanpak: Aanpak, events: AuditEvent[] = []): Promise<Aanpak> {
    const stored = { ...aanpak, version: 1 };
    const sealed = await this.codec.sealAanpak(stored);
    this.tx(() => {
      const res = this.db
        .prepare(
          `INSERT INTO aanpakken (id, version, channel_id, gemeente, state, created_at, doc, enc)
           VALUES (?, 1, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
        )
        .run(stored.id, stored.channelId, stored.gemeente, stored.state, stored.createdAt, JSON.stringify(sealed.doc), sealed.enc);
      if (res.changes === 0) throw new ConflictError('aanpak', stored.id, null, this.versionOf(stored.id));
      this.writeParticipants(stored);
      for (const e of events) this.appendAuditRow(e);
    });
    return stored;
  }

  async saveAanpak(aanpak: Aanpak, expectedVersion: number, events: AuditEvent[] = []): Promise<Aanpak> {
    const stored = { ...aanpak, version: expectedVersion + 1 };
    const sealed = await this.codec.sealAanpak(stored);
    this.tx(() => {
      const res = this.db
        .prepare(
          `UPDATE aanpakken SET version = ?, channel_id = ?, gemeente = ?, state = ?, doc = ?, enc = ?
           WHERE id = ? AND version = ? AND state <> 'vernietigd'`,
        )
        .run(stored.version, stored.channelId, stored.gemeente, stored.state, JSON.stringify(sealed.doc), sealed.enc, stored.id, expectedVersion);
      if (res.changes === 0) throw new ConflictError('aanpak', stored.id, expectedVersion, this.versionOf(stored.id));
      this.writeParticipants(stored);
      for (const e of events) this.appendAuditRow(e);
    });
    return stored;
  }

  private versionOf(id: string): number | null {
    const row = this.db.prepare('SELECT version FROM aanpakken WHERE id = ?').get(id) as { version: number } | undefined;
    return row?.version ?? null;
  }

  private writeParticipants(a: Aanpak): void {
    this.db.prepare('DELETE FROM aanpak_participants WHERE aanpak_id = ?').run(a.id);
    const ins = this.db.prepare('INSERT OR IGNORE INTO aanpak_participants (aad_object_id, aanpak_id) VALUES (?, ?)');
    for (const aad of activeParticipantIds(a)) ins.run(aad, a.id);
  }

  async getAanpak(id: string): Promise<Aanpak | undefined> {
    const row = this.db.prepare('SELECT doc, enc FROM aanpakken WHERE id = ?').get(id) as Row | undefined;
    return row ? this.codec.openAanpak(JSON.parse(row.doc), row.enc) : undefined;
  }

  private async openAanpakken(rows: Row[]): Promise<Aanpak[]> {
    return Promise.all(rows.map((r) => this.codec.openAanpak(JSON.parse(r.doc), r.enc)));
  }

  async listAanpakkenByChannel(channelId: string): Promise<Aanpak[]> {
    const rows = this.db
      .prepare(`SELECT doc, enc FROM aanpakken WHERE channel_id = ? AND state <> 'vernietigd' ORDER BY created_at, id`)
      .all(channelId) as Row[];
    return this.openAanpakken(rows);
  }

  async listAanpakkenByGemeente(gemeente: string): Promise<Aanpak[]> {
    const rows = this.db.prepare('SELECT doc, enc FROM aanpakken WHERE gemeente = ? ORDER BY created_at, id').all(gemeente) as Row[];
    return this.openAanpakken(rows);
  }

  async findAanpakkenByParticipant(aadObjectId: string): Promise<Aanpak[]> {
    const rows = this.db
      .prepare(
        `SELECT a.doc, a.enc FROM aanpak_participants p JOIN aanpakken a ON a.id = p.aanpak_id
         WHERE p.aad_object_id = ? AND a.state <> 'vernietigd' ORDER BY a.created_at, a.id`,
      )
      .all(aadObjectId) as Row[];
    return this.openAanpakken(rows);
  }

  // ---- Rounds and answers ----

  async saveRound(round: Round): Promise<void> {
    const s = await this.codec.sealRound(round);
    this.db
      .prepare(
        `INSERT INTO rounds (id, aanpak_id, opened_at, doc, enc) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET aanpak_id = excluded.aanpak_id, opened_at = excluded.opened_at, doc = excluded.doc, enc = excluded.enc`,
      )
      .run(round.id, round.aanpakId, round.openedAt, JSON.stringify(s.doc), s.enc);
  }

  async getRound(id: string): Promise<Round | undefined> {
    const row = this.db.prepare('SELECT doc, enc FROM rounds WHERE id = ?').get(id) as Row | undefined;
    return row ? this.codec.openRound(JSON.parse(row.doc), row.enc) : undefined;
  }

  async listRounds(aanpakId: string): Promise<Round[]> {
    const rows = this.db.prepare('SELECT doc, enc FROM rounds WHERE aanpak_id = ? ORDER BY opened_at, id').all(aanpakId) as Row[];
    return Promise.all(rows.map((r) => this.codec.openRound(JSON.parse(r.doc), r.enc)));
  }

  async saveAnswer(answer: Answer, idempotencyKey?: string): Promise<boolean> {
    const s = await this.codec.sealAnswer(answer);
    return this.tx(() => {
      if (idempotencyKey !== undefined && !this.insertProcessed(idempotencyKey)) return false;
      this.db
        .prepare(
          `INSERT INTO answers (round_id, participant_id, aanpak_id, doc, enc) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (round_id, participant_id) DO UPDATE SET aanpak_id = excluded.aanpak_id, doc = excluded.doc, enc = excluded.enc`,
        )
        .run(answer.roundId, answer.participantId, answer.aanpakId, JSON.stringify(s.doc), s.enc);
      return true;
    });
  }

  async getAnswer(roundId: string, participantId: string): Promise<Answer | undefined> {
    const row = this.db
      .prepare('SELECT doc, enc FROM answers WHERE round_id = ? AND participant_id = ?')
      .get(roundId, participantId) as Row | undefined;
    return row ? this.codec.openAnswer(JSON.parse(row.doc), row.enc) : undefined;
  }

  async listAnswers(roundId: string): Promise<Answer[]> {
    const rows = this.db.prepare('SELECT doc, enc FROM answers WHERE round_id = ? ORDER BY participant_id').all(roundId) as Row[];
    return Promise.all(rows.map((r) => this.codec.openAnswer(JSON.parse(r.doc), r.enc)));
  }

  // ---- Namenlijst ----

  async saveMember(member: Member): Promise<void> {
    const s = await this.codec.sealMember(member);
    this.db
      .prepare(
        `INSERT INTO members (id, aanpak_id, added_at, doc, enc) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET doc = excluded.doc, enc = excluded.enc, added_at = excluded.added_at
         WHERE members.aanpak_id = excluded.aanpak_id`,
      )
      .run(member.id, member.aanpakId, member.addedAt, JSON.stringify(s.doc), s.enc);
  }

  async getMember(aanpakId: string, memberId: string): Promise<Member | undefined> {
    const row = this.db.prepare('SELECT doc, enc FROM members WHERE id = ? AND aanpak_id = ?').get(memberId, aanpakId) as Row | undefined;
    return row ? this.codec.openMember(JSON.parse(row.doc), row.enc) : undefined;
  }

  async listMembers(aanpakId: string): Promise<Member[]> {
    const rows = this.db.prepare('SELECT doc, enc FROM members WHERE aanpak_id = ? ORDER BY added_at, id').all(aanpakId) as Row[];
    return Promise.all(rows.map((r) => this.codec.openMember(JSON.parse(r.doc), r.enc)));
  }

  // ---- Actions ----

  async saveAction(action: Action): Promise<void> {
    const s = await this.codec.sealAction(action);
    this.db
      .prepare(
        `INSERT INTO actions (id, aanpak_id, created_at, doc, enc) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET doc = excluded.doc, enc = excluded.enc WHERE actions.aanpak_id = excluded.aanpak_id`,
      )
      .run(action.id, action.aanpakId, action.createdAt, JSON.stringify(s.doc), s.enc);
  }

  async getAction(aanpakId: string, actionId: string): Promise<Action | undefined> {
    const row = this.db.prepare('SELECT doc, enc FROM actions WHERE id = ? AND aanpak_id = ?').get(actionId, aanpakId) as Row | undefined;
    return row ? this.codec.openAction(JSON.parse(row.doc), row.enc) : undefined;
  }

  async listActions(aanpakId: string): Promise<Action[]> {
    const rows = this.db.prepare('SELECT doc, enc FROM actions WHERE aanpak_id = ? ORDER BY created_at, id').all(aanpakId) as Row[];
    return Promise.all(rows.map((r) => this.codec.openAction(JSON.parse(r.doc), r.enc)));
  }

  // ---- Plan versions ----

  async addPlanVersion(plan: PlanVersion): Promise<void> {
    const s = await this.codec.sealPlan(plan);
    this.tx(() => {
      const res = this.db
        .prepare('INSERT OR IGNORE INTO plan_versions (id, aanpak_id, number, doc, enc) VALUES (?, ?, ?, ?, ?)')
        .run(plan.id, plan.aanpakId, plan.number, JSON.stringify(s.doc), s.enc);
      if (res.changes === 0) throw new ConflictError('plan_version', `${plan.aanpakId}#${plan.number}`, null, plan.number);
    });
  }

  async listPlanVersions(aanpakId: string): Promise<PlanVersion[]> {
    const rows = this.db.prepare('SELECT doc, enc FROM plan_versions WHERE aanpak_id = ? ORDER BY number').all(aanpakId) as Row[];
    return Promise.all(rows.map((r) => this.codec.openPlan(JSON.parse(r.doc), r.enc)));
  }

  // ---- Conversation references ----

  async saveConversationRef(aadObjectId: string, ref: object): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO conversation_refs (aad_object_id, ref, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (aad_object_id) DO UPDATE SET ref = excluded.ref, updated_at = excluded.updated_at`,
      )
      .run(aadObjectId, JSON.stringify(ref), Date.now());
  }

  async getConversationRef(aadObjectId: string): Promise<object | undefined> {
    const row = this.db.prepare('SELECT ref FROM conversation_refs WHERE aad_object_id = ?').get(aadObjectId) as { ref: string } | undefined;
    return row ? (JSON.parse(row.ref) as object) : undefined;
  }

  // ---- Reminders ----

  async scheduleReminder(r: ReminderInput): Promise<void> {
    const due = toMs(r.dueAt);
    this.tx(() => {
      const state = this.db.prepare('SELECT state FROM aanpakken WHERE id = ?').get(r.aanpakId) as { state: string } | undefined;
      if (state?.state === 'vernietigd') throw new Error(`aanpak ${r.aanpakId} is destroyed`);
      if (r.key !== undefined) {
        this.db.prepare('DELETE FROM reminders WHERE aanpak_id = ? AND dedupe_key = ?').run(r.aanpakId, r.key);
      }
      this.db
        .prepare(
          `INSERT OR REPLACE INTO reminders (id, aanpak_id, kind, due_at, payload, dedupe_key, status, attempts)
           VALUES (?, ?, ?, ?, ?, ?, 'pending', 0)`,
        )
        .run(r.id, r.aanpakId, r.kind, due, JSON.stringify(r.payload), r.key ?? null);
    });
  }

  /** Batch insert for seeding (benchmarks, imports): one transaction. */
  async scheduleReminders(list: ReminderInput[]): Promise<void> {
    const ins = this.db.prepare(
      `INSERT OR REPLACE INTO reminders (id, aanpak_id, kind, due_at, payload, dedupe_key, status, attempts)
       VALUES (?, ?, ?, ?, ?, ?, 'pending', 0)`,
    );
    this.tx(() => {
      for (const r of list) ins.run(r.id, r.aanpakId, r.kind, toMs(r.dueAt), JSON.stringify(r.payload), r.key ?? null);
    });
  }

  async cancelReminders(aanpakId: string, filter: ReminderFilter = {}): Promise<number> {
    let sql = `DELETE FROM reminders WHERE aanpak_id = @aanpakId AND status = 'pending'`;
    if (filter.kind !== undefined) sql += ' AND kind = @kind';
    if (filter.key !== undefined) sql += ' AND dedupe_key = @key';
    if (filter.keyPrefix !== undefined) sql += ' AND substr(dedupe_key, 1, length(@keyPrefix)) = @keyPrefix';
    return this.db.prepare(sql).run({ aanpakId, ...filter }).changes;
  }

  async claimDue(now: Date, workerId: string, leaseMs: number, limit: number): Promise<Reminder[]> {
    const t = now.getTime();
    // One statement = one atomic write; other connections wait on the write lock (busy_timeout).
    const rows = this.db
      .prepare(
        `UPDATE reminders SET lease_owner = @workerId, lease_until = @until, attempts = attempts + 1
         WHERE id IN (
           SELECT id FROM reminders
           WHERE status = 'pending' AND due_at <= @t AND (lease_until IS NULL OR lease_until <= @t)
           ORDER BY due_at, id LIMIT @limit)
         RETURNING *`,
      )
      .all({ workerId, until: t + leaseMs, t, limit }) as ReminderRow[];
    return rows.map(toReminder).sort((a, b) => (a.dueAt === b.dueAt ? a.id.localeCompare(b.id) : a.dueAt < b.dueAt ? -1 : 1));
  }

  async completeReminder(id: string, workerId: string, now: Date = new Date()): Promise<boolean> {
    const res = this.db
      .prepare(
        `UPDATE reminders SET status = 'done', completed_at = ?, lease_owner = NULL, lease_until = NULL
         WHERE id = ? AND lease_owner = ? AND status = 'pending'`,
      )
      .run(now.getTime(), id, workerId);
    return res.changes === 1;
  }

  async releaseReminder(id: string, workerId: string, retryAt?: string): Promise<boolean> {
    const res = this.db
      .prepare(
        `UPDATE reminders SET lease_owner = NULL, lease_until = NULL, due_at = COALESCE(?, due_at)
         WHERE id = ? AND lease_owner = ? AND status = 'pending'`,
      )
      .run(retryAt === undefined ? null : toMs(retryAt), id, workerId);
    return res.changes === 1;
  }

  async listReminders(aanpakId: string): Promise<Reminder[]> {
    const rows = this.db.prepare('SELECT * FROM reminders WHERE aanpak_id = ? ORDER BY due_at, id').all(aanpakId) as ReminderRow[];
    return rows.map(toReminder);
  }

  // ---- Idempotency ----

  private insertProcessed(key: string): boolean {
    return this.db.prepare('INSERT OR IGNORE INTO processed (key, at) VALUES (?, ?)').run(key, Date.now()).changes === 1;
  }

  async markProcessed(key: string): Promise<boolean> {
    return this.insertProcessed(key);
  }

  // ---- Audit ----

  async appendAudit(event: AuditEvent): Promise<AuditEntry> {
    return this.tx(() => this.appendAuditRow(event));
  }

  /** Appends one entry to its aanpak's chain; call inside a transaction. */
  private appendAuditRow(event: AuditEvent): AuditEntry {
    {
      const prev = this.db
        .prepare('SELECT seq, hash FROM audit WHERE aanpak_id = ? ORDER BY seq DESC LIMIT 1')
        .get(event.aanpakId) as { seq: number; hash: string } | undefined;
      const entry = chainEntry(event, prev);
      this.db
        .prepare('INSERT INTO audit (aanpak_id, seq, prev_hash, hash, event) VALUES (?, ?, ?, ?, ?)')
        .run(entry.aanpakId, entry.seq, entry.prevHash, entry.hash, canonicalJson(event));
      return entry;
    }
  }

  async listAudit(aanpakId: string): Promise<AuditEntry[]> {
    const rows = this.db
      .prepare('SELECT seq, prev_hash, hash, event FROM audit WHERE aanpak_id = ? ORDER BY seq')
      .all(aanpakId) as { seq: number; prev_hash: string; hash: string; event: string }[];
    return rows.map((r) => ({ ...(JSON.parse(r.event) as AuditEvent), seq: r.seq, prevHash: r.prev_hash, hash: r.hash }));
  }

  async listAuditedAanpakIds(): Promise<string[]> {
    return (this.db.prepare('SELECT DISTINCT aanpak_id FROM audit ORDER BY aanpak_id').all() as { aanpak_id: string }[]).map(
      (r) => r.aanpak_id,
    );
  }

  // ---- Crypto-shredding ----

  async destroyAanpak(aanpakId: string, destroyedAt: Date = new Date()): Promise<void> {
    // Key first: once it is gone every copy of the ciphertext is unreadable, even if we crash below.
    await this.ring.destroy(aanpakScope(aanpakId), aanpakId, true);
    this.tx(() => {
      for (const table of ['answers', 'rounds', 'members', 'actions', 'plan_versions', 'reminders', 'aanpak_participants']) {
        this.db.prepare(`DELETE FROM ${table} WHERE aanpak_id = ?`).run(aanpakId);
      }
      const row = this.db.prepare('SELECT doc FROM aanpakken WHERE id = ?').get(aanpakId) as { doc: string } | undefined;
      if (row) {
        const summary = destroyedSummary(JSON.parse(row.doc) as Aanpak, destroyedAt.toISOString());
        const { weighings: _w, ...doc } = summary;
        this.db
          .prepare(`UPDATE aanpakken SET version = ?, channel_id = '', state = 'vernietigd', doc = ?, enc = NULL WHERE id = ?`)
          .run(summary.version, JSON.stringify(doc), aanpakId);
      }
    });
    this.compact();
  }

  async destroyMember(aanpakId: string, memberId: string): Promise<void> {
    await this.ring.destroy(memberScope(aanpakId, memberId), aanpakId, false);
    this.db.prepare('DELETE FROM members WHERE id = ? AND aanpak_id = ?').run(memberId, aanpakId);
    this.compact();
  }

  /** Moves WAL content into the file, rebuilds it without free pages and empties the WAL. */
  private compact(): void {
    if (this.opts.vacuumOnDestroy === false) return;
    for (const db of [this.keysDb, this.db]) {
      try {
        db.pragma('wal_checkpoint(TRUNCATE)');
        db.exec('VACUUM');
        db.pragma('wal_checkpoint(TRUNCATE)');
      } catch (err) {
        // The key is already gone (the data is unreadable); compaction is retried at the next destroy.
        this.opts.logger?.warn(`compaction after destroy failed: ${(err as Error).message}`);
      }
    }
  }

  /** Consistent online copy of the data file (not the keys), for backups. */
  async backup(destination: string): Promise<void> {
    await this.db.backup(destination);
  }

  async ping(): Promise<boolean> {
    return (this.db.prepare('SELECT 1 AS ok').get() as { ok: number }).ok === 1;
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
    if (this.keysDb.open) this.keysDb.close();
  }
}

function toReminder(r: ReminderRow): Reminder {
  const out: Reminder = {
    id: r.id,
    aanpakId: r.aanpak_id,
    kind: r.kind,
    dueAt: iso(r.due_at),
    payload: JSON.parse(r.payload) as Record<string, unknown>,
    status: r.status,
    attempts: r.attempts,
  };
  if (r.dedupe_key !== null) out.key = r.dedupe_key;
  if (r.lease_owner !== null) out.leaseOwner = r.lease_owner;
  if (r.lease_until !== null) out.leaseUntil = iso(r.lease_until);
  if (r.completed_at !== null) out.completedAt = iso(r.completed_at);
  return out;
}
