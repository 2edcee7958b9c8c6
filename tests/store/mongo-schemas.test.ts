// Mongoose schema validation and index definitions, checked without a server (always run).
import mongoose from 'mongoose';
import { afterAll, describe, expect, it } from 'vitest';
import { bindModels } from '../../src/store/mongo/schemas.js';

const conn = mongoose.createConnection(); // never connected
const m = bindModels(conn, conn.useDb('keys-test'));
afterAll(() => conn.close());

const CT = 'v1.AAAA';
// validate() (not the deprecated validateSync) runs the validators locally: no server involved.
async function errorsOf(doc: { validate(): Promise<void> }): Promise<string[]> {
  try {
    await doc.validate();
    return [];
  } catch (err) {
    return Object.keys((err as mongoose.Error.ValidationError).errors).sort();
  }
}

const validAanpak = { _id: 'a1', version: 1, channelId: 'c1', gemeente: 'Beesel', state: '2A', createdAt: '2025-01-01T00:00:00.000Z', participantAadIds: ['aad'], doc: '{}', enc: CT };
const validReminder = { _id: 'r1', aanpakId: 'a1', kind: 'round_deadline', dueAt: new Date('2025-01-01T00:00:00.000Z'), payload: '{"roundId":"r1"}' };
const hex = 'a'.repeat(64);

describe('mongoose schemas', () => {
  it('accept valid documents', async () => {
    expect(await errorsOf(new m.Aanpak(validAanpak))).toEqual([]);
    expect(await errorsOf(new m.Reminder(validReminder))).toEqual([]);
    expect(await errorsOf(new m.Audit({ aanpakId: 'a1', seq: 1, prevHash: hex, hash: hex, event: '{}' }))).toEqual([]);
    expect(await errorsOf(new m.Answer({ _id: '["r1","p1"]', roundId: 'r1', participantId: 'p1', aanpakId: 'a1', status: 'draft', doc: '{}', enc: CT }))).toEqual([]);
    expect(await errorsOf(new m.DataKey({ _id: 'aanpak:a1', aanpakId: 'a1', wrapped: null, createdAt: new Date() }))).toEqual([]);
  });

  it('reject an aanpak with an unknown state, a bad version, no gemeente or non-JSON doc', async () => {
    expect(await errorsOf(new m.Aanpak({ ...validAanpak, state: 'stap 9' }))).toEqual(['state']);
    expect(await errorsOf(new m.Aanpak({ ...validAanpak, version: 0 }))).toEqual(['version']);
    expect(await errorsOf(new m.Aanpak({ ...validAanpak, version: 1.5 }))).toEqual(['version']);
    expect(await errorsOf(new m.Aanpak({ ...validAanpak, gemeente: undefined, doc: '{nope' }))).toEqual(['doc', 'gemeente']);
  });

  it('reject plaintext where ciphertext belongs', async () => {
    expect(await errorsOf(new m.Aanpak({ ...validAanpak, enc: 'Xylander Quibbelsma' }))).toEqual(['enc']);
    expect(await errorsOf(new m.Member({ _id: 'm1', aanpakId: 'a1', sortKey: 'x', doc: '{}' }))).toEqual(['enc']);
    expect(await errorsOf(new m.DataKey({ _id: 'aanpak:a1', wrapped: 'raw-key', createdAt: new Date() }))).toEqual(['wrapped']);
  });

  it('reject reminders without due time, with a bad status, attempts or payload', async () => {
    expect(await errorsOf(new m.Reminder({ ...validReminder, dueAt: undefined }))).toEqual(['dueAt']);
    expect(await errorsOf(new m.Reminder({ ...validReminder, status: 'sent', attempts: -1, payload: 'x' }))).toEqual(['attempts', 'payload', 'status']);
    expect(await errorsOf(new m.Reminder({ ...validReminder, kind: '' }))).toEqual(['kind']);
  });

  it('reject audit entries with a bad sequence number or hash', async () => {
    expect(await errorsOf(new m.Audit({ aanpakId: 'a1', seq: 0, prevHash: 'x', hash: hex.toUpperCase(), event: '{}' }))).toEqual(['hash', 'prevHash', 'seq']);
  });

  it('refuse fields outside the schema', () => {
    expect(() => new m.Aanpak({ ...validAanpak, naam: 'Xylander' })).toThrow(/not in schema/);
  });

  it('declare the indexes the queries need', () => {
    const idx = (model: mongoose.Model<never>) => model.schema.indexes().map(([fields, opts]) => [fields, opts.unique === true]);
    expect(idx(m.Reminder as never)).toContainEqual([{ status: 1, dueAt: 1, leaseUntil: 1 }, false]);
    expect(idx(m.Reminder as never)).toContainEqual([{ aanpakId: 1, key: 1 }, true]);
    expect(idx(m.Aanpak as never)).toContainEqual([{ channelId: 1 }, false]);
    expect(idx(m.Aanpak as never)).toContainEqual([{ participantAadIds: 1 }, false]);
    expect(idx(m.Audit as never)).toContainEqual([{ aanpakId: 1, seq: 1 }, true]);
    expect(idx(m.Answer as never)).toContainEqual([{ roundId: 1, participantId: 1 }, true]);
    expect(idx(m.Plan as never)).toContainEqual([{ aanpakId: 1, number: 1 }, true]);
    // Idempotency keys are the _id of `processed`: unique by construction.
    expect(m.Processed.schema.path('_id').instance).toBe('String');
  });
});
