// Production store: MongoDB through mongoose on a dedicated connection. Multi-document changes run
// in a transaction when the deployment offers them (replica set / sharded cluster); on a standalone
// server they run in an order that is safe to repeat after a crash (see src/store/README.md).
import mongoose, { type ClientSession, type Connection } from 'mongoose';
import type { Aanpak, Action, Answer, AuditEvent, Member, PlanVersion, Round } from '../../workflow/types.js';
import { canonicalJson, chainEntry } from '../audit.js';
import { activeParticipantIds, Codec, destroyedSummary, type SealedRecord } from '../codec.js';
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
import { bindModels, type AanpakDoc, type Models, type RecordDoc, type ReminderDoc } from './schemas.js';

export interface MongoStoreOptions {
  uri: string;
  masterKey: Buffer;
  /** Database name; default: the one in the URI. */
  dbName?: string;
  /** Database for wrapped data keys, apart from the data so a mongodump of it holds no keys. */
  keysDbName?: string;
  logger?: StoreLogger;
}

const isDuplicateKey = (err: unknown): boolean => (err as { code?: number } | null)?.code === 11000;

class MongoKeyMaterial implements KeyMaterialStore {
  constructor(private readonly m: Models) {}
  async getWrapped(scope: string): Promise<string | null | undefined> {
    const row = await this.m.DataKey.findById(scope).lean();
    return row === null ? undefined : row.wrapped;
  }
  async insertWrappedIfAbsent(scope: string, aanpakId: string, wrapped: string): Promise<void> {
    try {
      await this.m.DataKey.create({ _id: scope, aanpakId, wrapped, createdAt: new Date() });
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
    }
  }
  async destroy(scope: string, aanpakId: string, alsoMembers: boolean): Promise<void> {
    const now = new Date();
    // A tombstone (wrapped null) stops the key from ever being created again.
    await this.m.DataKey.updateOne(
      { _id: scope },
      { $set: { wrapped: null, destroyedAt: now }, $setOnInsert: { aanpakId, createdAt: now } },
      { upsert: true },
    );
    if (alsoMembers) {
      await this.m.DataKey.updateMany({ aanpakId, _id: /^member:/ }, { $set: { wrapped: null, destroyedAt: now } });
    }
  }
}

export class MongoStore implements Store {
  readonly kind = 'mongo' as const;
  private readonly codec: Codec;

  private constructor(
    readonly conn: Connection,
    readonly keysConn: Connection,
    private readonly m: Models,
    private readonly ring: KeyRing,
    /** Whether the deployment supports multi-document transactions. */
    readonly transactions: boolean,
  ) {
    this.codec = new Codec(ring);
  }

  static async open(opts: MongoStoreOptions): Promise<MongoStore> {
    const conn = mongoose.createConnection(opts.uri, {
      serverSelectionTimeoutMS: 10_000,
      ...(opts.dbName ? { dbName: opts.dbName } : {}),
    });
    try {
      await conn.asPromise();
      const keysConn = conn.useDb(opts.keysDbName ?? `${conn.name}-keys`, { useCache: true });
      const m = bindModels(conn, keysConn);
      await Promise.all(Object.values(m).map((model: mongoose.Model<unknown>) => model.init()));
      const hello = (await conn.db!.admin().command({ hello: 1 })) as { setName?: string; msg?: string };
      const transactions = Boolean(hello.setName) || hello.msg === 'isdbgrid';
      if (!transactions) {
        opts.logger?.warn('MongoDB without replica set: multi-document changes run without transactions');
      }
      const ring = new KeyRing(opts.masterKey, new MongoKeyMaterial(m));
      await ring.checkMaster();
      return new MongoStore(conn, keysConn, m, ring, transactions);
    } catch (err) {
      await conn.close().catch(() => undefined);
      throw err;
    }
  }

  private async tx<T>(fn: (session: ClientSession | undefined) => Promise<T>): Promise<T> {
    if (!this.transactions) return fn(undefined);
    const session = await this.conn.startSession();
    try {
      let result: T | undefined;
      await session.withTransaction(async () => {
        result = await fn(session);
      });
      return result as T;
    } finally {
      await session.endSession();
    }
  }

  // ---- Aanpak ----

  private aanpakFields(a: Aanpak, s: SealedRecord): Omit<AanpakDoc, '_id' | 'createdAt'> {
    return {
      version: a.version,
      channelId: a.channelId,
      gemeente: a.gemeente,
      state: a.state,
      participantAadIds: activeParticipantIds(a),
      doc: JSON.stringify(s.doc),
      enc: s.enc,
    };
  }

  async createAanpak(aanpak: Aanpak, events: AuditEvent[] = []): Promise<Aanpak> {
    const stored = { ...aanpak, version: 1 };
    const s = await this.codec.sealAanpak(stored);
    await this.tx(async (session) => {
      try {
        await this.m.Aanpak.create([{ _id: stored.id, createdAt: stored.createdAt, ...this.aanpakFields(stored, s) }], { session });
      } catch (err) {
        if (isDuplicateKey(err)) throw new ConflictError('aanpak', stored.id, null, await this.versionOf(stored.id));
        throw err;
      }
      for (const e of events) await this.appendAuditIn(e, session);
    });
    return stored;
  }

  async saveAanpak(aanpak: Aanpak, expectedVersion: number, events: AuditEvent[] = []): Promise<Aanpak> {
    const stored = { ...aanpak, version: expectedVersion + 1 };
    const s = await this.codec.sealAanpak(stored);
    // On a replica set the save and its audit entries commit together; on a standalone server the
    // save comes first (a crash in between loses audit entries of a change, never the reverse).
    await this.tx(async (session) => {
      const res = await this.m.Aanpak.findOneAndUpdate(
        { _id: stored.id, version: expectedVersion, state: { $ne: 'vernietigd' } },
        { $set: this.aanpakFields(stored, s) },
        { returnDocument: 'after', runValidators: true, projection: { _id: 1 }, session },
      ).lean();
      if (!res) throw new ConflictError('aanpak', stored.id, expectedVersion, await this.versionOf(stored.id));
      for (const e of events) await this.appendAuditIn(e, session);
    });
    return stored;
  }

  private async versionOf(id: string): Promise<number | null> {
    const row = await this.m.Aanpak.findById(id, { version: 1 }).lean();
    return row?.version ?? null;
  }

  private openAanpak = (r: Pick<AanpakDoc, 'doc' | 'enc'>): Promise<Aanpak> => this.codec.openAanpak(JSON.parse(r.doc), r.enc);

  async getAanpak(id: string): Promise<Aanpak | undefined> {
    const row = await this.m.Aanpak.findById(id).lean();
    return row ? this.openAanpak(row) : undefined;
  }

  async listAanpakkenByChannel(channelId: string): Promise<Aanpak[]> {
    const rows = await this.m.Aanpak.find({ channelId, state: { $ne: 'vernietigd' } }).sort({ createdAt: 1, _id: 1 }).lean();
    return Promise.all(rows.map(this.openAanpak));
  }

  async listAanpakkenByGemeente(gemeente: string): Promise<Aanpak[]> {
    const rows = await this.m.Aanpak.find({ gemeente }).sort({ createdAt: 1, _id: 1 }).lean();
    return Promise.all(rows.map(this.openAanpak));
  }

  async findAanpakkenByParticipant(aadObjectId: string): Promise<Aanpak[]> {
    const rows = await this.m.Aanpak.find({ participantAadIds: aadObjectId, state: { $ne: 'vernietigd' } })
      .sort({ createdAt: 1, _id: 1 })
      .lean();
    return Promise.all(rows.map(this.openAanpak));
  }

  // ---- Records (rounds, members, actions) ----

  private async putRecord(model: mongoose.Model<RecordDoc>, id: string, aanpakId: string, sortKey: string, s: SealedRecord): Promise<void> {
    // The aanpakId in the filter keeps a record from moving to another aanpak.
    try {
      await model.replaceOne(
        { _id: id, aanpakId },
        { _id: id, aanpakId, sortKey, doc: JSON.stringify(s.doc), enc: s.enc },
        { upsert: true, runValidators: true },
      );
    } catch (err) {
      if (!isDuplicateKey(err)) throw err; // same id under another aanpak: ignored, like SQLite
    }
  }

  async saveRound(round: Round): Promise<void> {
    await this.putRecord(this.m.Round, round.id, round.aanpakId, round.openedAt, await this.codec.sealRound(round));
  }
  async getRound(id: string): Promise<Round | undefined> {
    const row = await this.m.Round.findById(id).lean();
    return row ? this.codec.openRound(JSON.parse(row.doc), row.enc) : undefined;
  }
  async listRounds(aanpakId: string): Promise<Round[]> {
    const rows = await this.m.Round.find({ aanpakId }).sort({ sortKey: 1, _id: 1 }).lean();
    return Promise.all(rows.map((r) => this.codec.openRound(JSON.parse(r.doc), r.enc)));
  }

  async saveMember(member: Member): Promise<void> {
    await this.putRecord(this.m.Member, member.id, member.aanpakId, member.addedAt, await this.codec.sealMember(member));
  }
  async getMember(aanpakId: string, memberId: string): Promise<Member | undefined> {
    const row = await this.m.Member.findOne({ _id: memberId, aanpakId }).lean();
    return row ? this.codec.openMember(JSON.parse(row.doc), row.enc) : undefined;
  }
  async listMembers(aanpakId: string): Promise<Member[]> {
    const rows = await this.m.Member.find({ aanpakId }).sort({ sortKey: 1, _id: 1 }).lean();
    return Promise.all(rows.map((r) => this.codec.openMember(JSON.parse(r.doc), r.enc)));
  }

  async saveAction(action: Action): Promise<void> {
    await this.putRecord(this.m.Action, action.id, action.aanpakId, action.createdAt, await this.codec.sealAction(action));
  }
  async getAction(aanpakId: string, actionId: string): Promise<Action | undefined> {
    const row = await this.m.Action.findOne({ _id: actionId, aanpakId }).lean();
    return row ? this.codec.openAction(JSON.parse(row.doc), row.enc) : undefined;
  }
  async listActions(aanpakId: string): Promise<Action[]> {
    const rows = await this.m.Action.find({ aanpakId }).sort({ sortKey: 1, _id: 1 }).lean();
    return Promise.all(rows.map((r) => this.codec.openAction(JSON.parse(r.doc), r.enc)));
  }

  // ---- Answers ----

  async saveAnswer(answer: Answer, idempotencyKey?: string): Promise<boolean> {
    const s = await this.codec.sealAnswer(answer);
    const _id = JSON.stringify([answer.roundId, answer.participantId]);
    const write = (session: ClientSession | undefined) =>
      this.m.Answer.replaceOne(
        { _id },
        {
          _id,
          roundId: answer.roundId,
          participantId: answer.participantId,
          aanpakId: answer.aanpakId,
          status: answer.status,
          doc: JSON.stringify(s.doc),
          enc: s.enc,
        },
        { upsert: true, runValidators: true, session },
      );
    if (idempotencyKey === undefined) {
      await write(undefined);
      return true;
    }
    if (this.transactions) {
      return this.tx(async (session) => {
        try {
          await this.m.Processed.create([{ _id: idempotencyKey, at: new Date() }], { session });
        } catch (err) {
          if (isDuplicateKey(err)) return false;
          throw err;
        }
        await write(session);
        return true;
      });
    }
    // Standalone: check, write, then mark. A crash before the mark lets the retry write the same
    // answer again (an upsert: still once); a replayed older submission is caught by the check.
    if (await this.m.Processed.exists({ _id: idempotencyKey })) return false;
    await write(undefined);
    return this.markProcessed(idempotencyKey);
  }

  async getAnswer(roundId: string, participantId: string): Promise<Answer | undefined> {
    const row = await this.m.Answer.findById(JSON.stringify([roundId, participantId])).lean();
    return row ? this.codec.openAnswer(JSON.parse(row.doc), row.enc) : undefined;
  }
  async listAnswers(roundId: string): Promise<Answer[]> {
    const rows = await this.m.Answer.find({ roundId }).sort({ participantId: 1 }).lean();
    return Promise.all(rows.map((r) => this.codec.openAnswer(JSON.parse(r.doc), r.enc)));
  }

  // ---- Plan versions ----

  async addPlanVersion(plan: PlanVersion): Promise<void> {
    const s = await this.codec.sealPlan(plan);
    try {
      await this.m.Plan.create({ _id: plan.id, aanpakId: plan.aanpakId, number: plan.number, doc: JSON.stringify(s.doc), enc: s.enc });
    } catch (err) {
      if (isDuplicateKey(err)) throw new ConflictError('plan_version', `${plan.aanpakId}#${plan.number}`, null, plan.number);
      throw err;
    }
  }
  async listPlanVersions(aanpakId: string): Promise<PlanVersion[]> {
    const rows = await this.m.Plan.find({ aanpakId }).sort({ number: 1 }).lean();
    return Promise.all(rows.map((r) => this.codec.openPlan(JSON.parse(r.doc), r.enc)));
  }

  // ---- Conversation references ----

  async saveConversationRef(aadObjectId: string, ref: object): Promise<void> {
    await this.m.ConversationRef.replaceOne(
      { _id: aadObjectId },
      { _id: aadObjectId, ref: JSON.stringify(ref), updatedAt: new Date() },
      { upsert: true },
    );
  }
  async getConversationRef(aadObjectId: string): Promise<object | undefined> {
    const row = await this.m.ConversationRef.findById(aadObjectId).lean();
    return row ? (JSON.parse(row.ref) as object) : undefined;
  }

  // ---- Reminders ----

  async scheduleReminder(r: ReminderInput): Promise<void> {
    const doc = {
      _id: r.id,
      aanpakId: r.aanpakId,
      kind: r.kind,
      dueAt: new Date(r.dueAt),
      payload: JSON.stringify(r.payload),
      key: r.key ?? null,
      status: 'pending' as const,
      leaseOwner: null,
      leaseUntil: null,
      attempts: 0,
      completedAt: null,
    };
    if (Number.isNaN(doc.dueAt.getTime())) throw new Error(`invalid ISO timestamp: ${r.dueAt}`);
    for (let attempt = 0; ; attempt++) {
      try {
        await this.tx(async (session) => {
          const a = await this.m.Aanpak.findById(r.aanpakId, { state: 1 }, { session }).lean();
          if (a?.state === 'vernietigd') throw new Error(`aanpak ${r.aanpakId} is destroyed`);
          if (r.key !== undefined) await this.m.Reminder.deleteMany({ aanpakId: r.aanpakId, key: r.key, _id: { $ne: r.id } }, { session });
          await this.m.Reminder.replaceOne({ _id: r.id }, doc, { upsert: true, runValidators: true, session });
        });
        return;
      } catch (err) {
        // Without transactions two schedulers of one key can race on the unique index: redo.
        if (!isDuplicateKey(err) || attempt >= 3) throw err;
      }
    }
  }

  async cancelReminders(aanpakId: string, filter: ReminderFilter = {}): Promise<number> {
    const q: Record<string, unknown> = { aanpakId, status: 'pending' };
    if (filter.kind !== undefined) q.kind = filter.kind;
    if (filter.key !== undefined) q.key = filter.key;
    if (filter.keyPrefix !== undefined) {
      if (filter.key !== undefined && !filter.key.startsWith(filter.keyPrefix)) return 0;
      if (filter.key === undefined) q.key = { $regex: `^${filter.keyPrefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}` };
    }
    return (await this.m.Reminder.deleteMany(q)).deletedCount;
  }

  async claimDue(now: Date, workerId: string, leaseMs: number, limit: number): Promise<Reminder[]> {
    const out: Reminder[] = [];
    const until = new Date(now.getTime() + leaseMs);
    // One atomic findOneAndUpdate per item: a document is leased by exactly one worker.
    while (out.length < limit) {
      const doc = await this.m.Reminder.findOneAndUpdate(
        { status: 'pending', dueAt: { $lte: now }, $or: [{ leaseUntil: null }, { leaseUntil: { $lte: now } }] },
        { $set: { leaseOwner: workerId, leaseUntil: until }, $inc: { attempts: 1 } },
        { sort: { dueAt: 1, _id: 1 }, returnDocument: 'after' },
      ).lean();
      if (!doc) break;
      out.push(toReminder(doc));
    }
    return out;
  }

  async completeReminder(id: string, workerId: string, now: Date = new Date()): Promise<boolean> {
    const res = await this.m.Reminder.updateOne(
      { _id: id, leaseOwner: workerId, status: 'pending' },
      { $set: { status: 'done', completedAt: now, leaseOwner: null, leaseUntil: null } },
    );
    return res.modifiedCount === 1;
  }

  async releaseReminder(id: string, workerId: string, retryAt?: string): Promise<boolean> {
    const set: Partial<ReminderDoc> = { leaseOwner: null, leaseUntil: null };
    if (retryAt !== undefined) set.dueAt = new Date(retryAt);
    const res = await this.m.Reminder.updateOne({ _id: id, leaseOwner: workerId, status: 'pending' }, { $set: set });
    return res.modifiedCount === 1;
  }

  async listReminders(aanpakId: string): Promise<Reminder[]> {
    const rows = await this.m.Reminder.find({ aanpakId }).sort({ dueAt: 1, _id: 1 }).lean();
    return rows.map(toReminder);
  }

  // ---- Idempotency ----

  async markProcessed(key: string): Promise<boolean> {
    try {
      await this.m.Processed.create({ _id: key, at: new Date() });
      return true;
    } catch (err) {
      if (isDuplicateKey(err)) return false;
      throw err;
    }
  }

  // ---- Audit ----

  async appendAudit(event: AuditEvent): Promise<AuditEntry> {
    return this.appendAuditIn(event, undefined);
  }

  private async appendAuditIn(event: AuditEvent, session: ClientSession | undefined): Promise<AuditEntry> {
    // The unique (aanpakId, seq) index linearises concurrent appenders: the loser re-reads and retries
    // (inside a transaction the duplicate aborts it and withTransaction retries the whole change).
    for (let attempt = 0; ; attempt++) {
      const prev = await this.m.Audit.findOne({ aanpakId: event.aanpakId }, null, { session }).sort({ seq: -1 }).lean();
      const entry = chainEntry(event, prev ?? undefined);
      try {
        await this.m.Audit.create([{ aanpakId: entry.aanpakId, seq: entry.seq, prevHash: entry.prevHash, hash: entry.hash, event: canonicalJson(event) }], { session });
        return entry;
      } catch (err) {
        if (session || !isDuplicateKey(err) || attempt >= 20) throw err;
      }
    }
  }

  async listAudit(aanpakId: string): Promise<AuditEntry[]> {
    const rows = await this.m.Audit.find({ aanpakId }).sort({ seq: 1 }).lean();
    return rows.map((r) => ({ ...(JSON.parse(r.event) as AuditEvent), seq: r.seq, prevHash: r.prevHash, hash: r.hash }));
  }

  async listAuditedAanpakIds(): Promise<string[]> {
    return ((await this.m.Audit.distinct('aanpakId')) as string[]).sort();
  }

  // ---- Crypto-shredding ----

  async destroyAanpak(aanpakId: string, destroyedAt: Date = new Date()): Promise<void> {
    await this.ring.destroy(aanpakScope(aanpakId), aanpakId, true);
    await this.tx(async (session) => {
      const q = { aanpakId };
      await this.m.Answer.deleteMany(q, { session });
      await this.m.Round.deleteMany(q, { session });
      await this.m.Member.deleteMany(q, { session });
      await this.m.Action.deleteMany(q, { session });
      await this.m.Plan.deleteMany(q, { session });
      await this.m.Reminder.deleteMany(q, { session });
      const row = await this.m.Aanpak.findById(aanpakId, null, { session }).lean();
      if (row) {
        const summary = destroyedSummary(JSON.parse(row.doc) as Aanpak, destroyedAt.toISOString());
        const { weighings: _w, ...doc } = summary;
        await this.m.Aanpak.updateOne(
          { _id: aanpakId },
          { $set: { version: summary.version, channelId: '', state: 'vernietigd', participantAadIds: [], doc: JSON.stringify(doc), enc: null } },
          { session },
        );
      }
    });
  }

  async destroyMember(aanpakId: string, memberId: string): Promise<void> {
    await this.ring.destroy(memberScope(aanpakId, memberId), aanpakId, false);
    await this.m.Member.deleteOne({ _id: memberId, aanpakId });
  }

  async ping(): Promise<boolean> {
    const res = (await this.conn.db!.admin().command({ ping: 1 })) as { ok?: number };
    return res.ok === 1;
  }

  async close(): Promise<void> {
    await this.conn.close();
  }
}

function toReminder(r: ReminderDoc): Reminder {
  const out: Reminder = {
    id: r._id,
    aanpakId: r.aanpakId,
    kind: r.kind,
    dueAt: new Date(r.dueAt).toISOString(),
    payload: JSON.parse(r.payload) as Record<string, unknown>,
    status: r.status,
    attempts: r.attempts,
  };
  if (r.key) out.key = r.key;
  if (r.leaseOwner) out.leaseOwner = r.leaseOwner;
  if (r.leaseUntil) out.leaseUntil = new Date(r.leaseUntil).toISOString();
  if (r.completedAt) out.completedAt = new Date(r.completedAt).toISOString();
  return out;
}
