// Mongoose schemas of the MongoDB adapter. Aggregates are stored as `doc` (plain JSON text, so
// arbitrary map keys such as checklist item ids round-trip unchanged) plus `enc` (the encrypted
// secret part), next to the typed fields the queries and indexes need.
import { Schema, type Connection, type Model } from 'mongoose';
import { END_STATES, STEPS } from '../../workflow/types.js';

const isInt = { validator: Number.isInteger, message: '{PATH} must be an integer' };
const isJson = {
  validator: (v: string) => {
    try {
      JSON.parse(v);
      return true;
    } catch {
      return false;
    }
  },
  message: '{PATH} must be JSON text',
};
const isCiphertext = { validator: (v: string | null) => v === null || v.startsWith('v1.'), message: '{PATH} must be ciphertext' };
const opts = { versionKey: false as const, minimize: false, strict: 'throw' as const };
const json = { type: String, required: true, validate: isJson };
const enc = { type: String, default: null, validate: isCiphertext };

export interface AanpakDoc {
  _id: string;
  version: number;
  channelId: string;
  gemeente: string;
  state: string;
  createdAt: string;
  participantAadIds: string[];
  doc: string;
  enc: string | null;
}
export const aanpakSchema = new Schema<AanpakDoc>(
  {
    _id: { type: String, required: true },
    version: { type: Number, required: true, min: 1, validate: isInt },
    // Empty after destruction, so not `required` (which rejects '').
    channelId: { type: String, default: '', validate: { validator: (v: string) => typeof v === 'string' } },
    gemeente: { type: String, required: true },
    state: { type: String, required: true, enum: [...STEPS, ...END_STATES] },
    createdAt: { type: String, required: true },
    participantAadIds: { type: [String], default: [] },
    doc: json,
    enc,
  },
  { ...opts, collection: 'aanpakken' },
);
aanpakSchema.index({ channelId: 1 });
aanpakSchema.index({ gemeente: 1, createdAt: 1 });
aanpakSchema.index({ participantAadIds: 1 });

export interface RecordDoc {
  _id: string;
  aanpakId: string;
  sortKey: string;
  doc: string;
  enc: string | null;
}
function recordSchema(collection: string, encRequired: boolean): Schema<RecordDoc> {
  const s = new Schema<RecordDoc>(
    {
      _id: { type: String, required: true },
      aanpakId: { type: String, required: true },
      // openedAt / addedAt / createdAt: list order.
      sortKey: { type: String, required: true },
      doc: json,
      enc: encRequired ? { ...enc, default: undefined, required: true } : enc,
    },
    { ...opts, collection },
  );
  s.index({ aanpakId: 1, sortKey: 1 });
  return s;
}
export const roundSchema = recordSchema('rounds', true);
export const memberSchema = recordSchema('members', true);
export const actionSchema = recordSchema('actions', true);

export interface AnswerDoc {
  _id: string;
  roundId: string;
  participantId: string;
  aanpakId: string;
  status: 'draft' | 'submitted';
  doc: string;
  enc: string | null;
}
export const answerSchema = new Schema<AnswerDoc>(
  {
    // JSON [roundId, participantId]: one answer per participant per round.
    _id: { type: String, required: true },
    roundId: { type: String, required: true },
    participantId: { type: String, required: true },
    aanpakId: { type: String, required: true },
    status: { type: String, required: true, enum: ['draft', 'submitted'] },
    doc: json,
    enc: { ...enc, default: undefined, required: true },
  },
  { ...opts, collection: 'answers' },
);
answerSchema.index({ roundId: 1, participantId: 1 }, { unique: true });
answerSchema.index({ aanpakId: 1 });

export interface PlanDoc {
  _id: string;
  aanpakId: string;
  number: number;
  doc: string;
  enc: string | null;
}
export const planSchema = new Schema<PlanDoc>(
  {
    _id: { type: String, required: true },
    aanpakId: { type: String, required: true },
    number: { type: Number, required: true, min: 1, validate: isInt },
    doc: json,
    enc: { ...enc, default: undefined, required: true },
  },
  { ...opts, collection: 'planversions' },
);
planSchema.index({ aanpakId: 1, number: 1 }, { unique: true });

export interface ConversationRefDoc {
  _id: string;
  ref: string;
  updatedAt: Date;
}
export const conversationRefSchema = new Schema<ConversationRefDoc>(
  { _id: { type: String, required: true }, ref: json, updatedAt: { type: Date, required: true } },
  { ...opts, collection: 'conversationrefs' },
);

export interface ReminderDoc {
  _id: string;
  aanpakId: string;
  kind: string;
  dueAt: Date;
  payload: string;
  key?: string | null;
  status: 'pending' | 'done';
  leaseOwner?: string | null;
  leaseUntil?: Date | null;
  attempts: number;
  completedAt?: Date | null;
}
export const reminderSchema = new Schema<ReminderDoc>(
  {
    _id: { type: String, required: true },
    aanpakId: { type: String, required: true },
    kind: { type: String, required: true, minlength: 1 },
    dueAt: { type: Date, required: true },
    payload: json,
    key: { type: String, default: null },
    status: { type: String, required: true, enum: ['pending', 'done'], default: 'pending' },
    leaseOwner: { type: String, default: null },
    leaseUntil: { type: Date, default: null },
    attempts: { type: Number, required: true, min: 0, default: 0, validate: isInt },
    completedAt: { type: Date, default: null },
  },
  { ...opts, collection: 'reminders' },
);
// claimDue: pending, due, lease free or expired, oldest first.
reminderSchema.index({ status: 1, dueAt: 1, leaseUntil: 1 });
reminderSchema.index({ aanpakId: 1, key: 1 }, { unique: true, partialFilterExpression: { key: { $type: 'string' } } });

export interface ProcessedDoc {
  _id: string;
  at: Date;
}
// The idempotency key is the _id: unique by construction.
export const processedSchema = new Schema<ProcessedDoc>(
  { _id: { type: String, required: true, minlength: 1 }, at: { type: Date, required: true } },
  { ...opts, collection: 'processed' },
);

export interface AuditDoc {
  aanpakId: string;
  seq: number;
  prevHash: string;
  hash: string;
  /** Canonical JSON of the AuditEvent (content-free, so not encrypted). */
  event: string;
}
const sha256Hex = { validator: (v: string) => /^[0-9a-f]{64}$/.test(v), message: '{PATH} must be a SHA-256 hex digest' };
export const auditSchema = new Schema<AuditDoc>(
  {
    aanpakId: { type: String, required: true },
    seq: { type: Number, required: true, min: 1, validate: isInt },
    prevHash: { type: String, required: true, validate: sha256Hex },
    hash: { type: String, required: true, validate: sha256Hex },
    event: json,
  },
  { ...opts, collection: 'audit' },
);
auditSchema.index({ aanpakId: 1, seq: 1 }, { unique: true });

export interface DataKeyDoc {
  _id: string;
  aanpakId: string;
  wrapped: string | null;
  createdAt: Date;
  destroyedAt?: Date | null;
}
export const dataKeySchema = new Schema<DataKeyDoc>(
  {
    _id: { type: String, required: true },
    aanpakId: { type: String, default: '' },
    wrapped: { type: String, default: null, validate: isCiphertext },
    createdAt: { type: Date, required: true },
    destroyedAt: { type: Date, default: null },
  },
  { ...opts, collection: 'datakeys' },
);
dataKeySchema.index({ aanpakId: 1 });

export interface Models {
  Aanpak: Model<AanpakDoc>;
  Round: Model<RecordDoc>;
  Answer: Model<AnswerDoc>;
  Member: Model<RecordDoc>;
  Action: Model<RecordDoc>;
  Plan: Model<PlanDoc>;
  ConversationRef: Model<ConversationRefDoc>;
  Reminder: Model<ReminderDoc>;
  Processed: Model<ProcessedDoc>;
  Audit: Model<AuditDoc>;
  DataKey: Model<DataKeyDoc>;
}

/** Models bound to a dedicated connection (never the global mongoose one); keys in their own db. */
export function bindModels(conn: Connection, keysConn: Connection): Models {
  return {
    Aanpak: conn.model<AanpakDoc>('Aanpak', aanpakSchema),
    Round: conn.model<RecordDoc>('Round', roundSchema),
    Answer: conn.model<AnswerDoc>('Answer', answerSchema),
    Member: conn.model<RecordDoc>('Member', memberSchema),
    Action: conn.model<RecordDoc>('Action', actionSchema),
    Plan: conn.model<PlanDoc>('PlanVersion', planSchema),
    ConversationRef: conn.model<ConversationRefDoc>('ConversationRef', conversationRefSchema),
    Reminder: conn.model<ReminderDoc>('Reminder', reminderSchema),
    Processed: conn.model<ProcessedDoc>('Processed', processedSchema),
    Audit: conn.model<AuditDoc>('Audit', auditSchema),
    DataKey: keysConn.model<DataKeyDoc>('DataKey', dataKeySchema),
  };
}
