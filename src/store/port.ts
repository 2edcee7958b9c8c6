// The storage port: narrow and domain-shaped. Both adapters (SQLite, MongoDB) implement it and
// pass the same contract suite (tests/store/contract). Depends on the domain types only.
import type { Aanpak, Action, Answer, AuditEvent, Member, PlanVersion, Round } from '../workflow/types.js';

/** A stale `saveAanpak` (or a duplicate plan version number): nothing was written. */
export class ConflictError extends Error {
  constructor(
    readonly entity: string,
    readonly id: string,
    readonly expectedVersion: number | null,
    readonly actualVersion: number | null,
  ) {
    super(`conflict on ${entity} ${id}: expected version ${expectedVersion}, found ${actualVersion}`);
    this.name = 'ConflictError';
  }
}

/** A write or read touched data whose key material was destroyed (crypto-shredded). */
export class ShreddedError extends Error {
  constructor(readonly scope: string) {
    super(`key material for ${scope} was destroyed`);
    this.name = 'ShreddedError';
  }
}

export class NotFoundError extends Error {
  constructor(
    readonly entity: string,
    readonly id: string,
  ) {
    super(`${entity} ${id} not found`);
    this.name = 'NotFoundError';
  }
}

export interface StoreLogger {
  warn(msg: string): void;
}

export interface ReminderInput {
  id: string;
  aanpakId: string;
  /** E.g. 'round_deadline', 'overleg', 'informing'. */
  kind: string;
  /** ISO-8601 instant. */
  dueAt: string;
  /** Content-free: ids and kinds only (not encrypted). Texts are rendered at send time. */
  payload: Record<string, unknown>;
  /** Dedupe key per aanpak: scheduling the same key again replaces the earlier reminder. */
  key?: string;
}

export interface Reminder extends ReminderInput {
  status: 'pending' | 'done';
  leaseOwner?: string;
  /** ISO-8601; the lease is held until then. */
  leaseUntil?: string;
  attempts: number;
  completedAt?: string;
}

export interface ReminderFilter {
  kind?: string;
  key?: string;
  /** Only reminders whose key starts with this prefix. */
  keyPrefix?: string;
}

/** A stored audit entry: the event plus its place in the per-aanpak hash chain. */
export interface AuditEntry extends AuditEvent {
  seq: number;
  /** SHA-256 (hex) of the previous entry of this aanpak; 64 zeros for the first. */
  prevHash: string;
  /** SHA-256 (hex) of the canonical JSON of this entry without `hash`. */
  hash: string;
}

export interface Store {
  readonly kind: 'sqlite' | 'mongo';

  // ---- Aanpak (optimistic concurrency on `version`) ----
  /** Inserts with version 1 (the given version is ignored); throws ConflictError if the id exists. */
  createAanpak(aanpak: Aanpak, events?: AuditEvent[]): Promise<Aanpak>;
  /**
   * Writes `version = expectedVersion + 1` or throws ConflictError and writes nothing. The audit
   * events of the change are appended in the same transaction (where the store has transactions),
   * so a change and its audit trail are stored together or not at all.
   */
  saveAanpak(aanpak: Aanpak, expectedVersion: number, events?: AuditEvent[]): Promise<Aanpak>;
  getAanpak(id: string): Promise<Aanpak | undefined>;
  /** Excludes destroyed aanpakken. */
  listAanpakkenByChannel(channelId: string): Promise<Aanpak[]>;
  /** Includes destroyed aanpakken as name-free summaries (state 'vernietigd'). */
  listAanpakkenByGemeente(gemeente: string): Promise<Aanpak[]>;
  /** Aanpakken where this AAD object id is a current (not removed) participant. */
  findAanpakkenByParticipant(aadObjectId: string): Promise<Aanpak[]>;

  // ---- Rounds and answers ----
  saveRound(round: Round): Promise<void>;
  getRound(id: string): Promise<Round | undefined>;
  listRounds(aanpakId: string): Promise<Round[]>;
  /**
   * Upserts the answer of (roundId, participantId), draft or submitted. With an idempotency key the
   * key is marked in the same transaction; returns false (and writes nothing) if it was seen before.
   */
  saveAnswer(answer: Answer, idempotencyKey?: string): Promise<boolean>;
  getAnswer(roundId: string, participantId: string): Promise<Answer | undefined>;
  listAnswers(roundId: string): Promise<Answer[]>;

  // ---- Namenlijst (per-member data key) ----
  saveMember(member: Member): Promise<void>;
  getMember(aanpakId: string, memberId: string): Promise<Member | undefined>;
  listMembers(aanpakId: string): Promise<Member[]>;

  // ---- Actions ----
  saveAction(action: Action): Promise<void>;
  getAction(aanpakId: string, actionId: string): Promise<Action | undefined>;
  listActions(aanpakId: string): Promise<Action[]>;

  // ---- Plan versions (append-only; a duplicate number throws ConflictError) ----
  addPlanVersion(plan: PlanVersion): Promise<void>;
  listPlanVersions(aanpakId: string): Promise<PlanVersion[]>;

  // ---- Conversation references (proactive messaging) ----
  saveConversationRef(aadObjectId: string, ref: object): Promise<void>;
  getConversationRef(aadObjectId: string): Promise<object | undefined>;

  // ---- Reminders (lease-based claiming) ----
  scheduleReminder(reminder: ReminderInput): Promise<void>;
  /** Deletes pending reminders of the aanpak matching the filter; returns how many. */
  cancelReminders(aanpakId: string, filter?: ReminderFilter): Promise<number>;
  /**
   * Leases up to `limit` pending reminders due at `now` that nobody holds (or whose lease expired),
   * oldest first. A claimed reminder is invisible to other workers until its lease ends.
   */
  claimDue(now: Date, workerId: string, leaseMs: number, limit: number): Promise<Reminder[]>;
  /** Marks done if `workerId` still holds the lease; returns whether it did. */
  completeReminder(id: string, workerId: string, now?: Date): Promise<boolean>;
  /** Gives the lease back (optionally moving dueAt); returns whether `workerId` held it. */
  releaseReminder(id: string, workerId: string, retryAt?: string): Promise<boolean>;
  listReminders(aanpakId: string): Promise<Reminder[]>;

  // ---- Idempotency ----
  /** Atomic: true the first time a key is seen, false afterwards. */
  markProcessed(key: string): Promise<boolean>;

  // ---- Audit (append-only, hash-chained per aanpak) ----
  appendAudit(event: AuditEvent): Promise<AuditEntry>;
  listAudit(aanpakId: string): Promise<AuditEntry[]>;
  /** Every aanpak id that has audit entries (for verification). */
  listAuditedAanpakIds(): Promise<string[]>;

  // ---- Crypto-shredding ----
  /**
   * Destroys the aanpak's and its members' key material and deletes its rows; leaves a name-free
   * summary (id, gemeente, createdAt, destroyedAt, state 'vernietigd') and the audit log.
   */
  destroyAanpak(aanpakId: string, destroyedAt?: Date): Promise<void>;
  /** Destroys one member's key material and record. */
  destroyMember(aanpakId: string, memberId: string): Promise<void>;

  ping(): Promise<boolean>;
  close(): Promise<void>;
}
