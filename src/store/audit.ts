// Hash chain of the audit log: each entry carries the SHA-256 of the previous entry of its aanpak.
import { createHash } from 'node:crypto';
import type { AuditEvent } from '../workflow/types.js';
import type { AuditEntry, Store } from './port.js';

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with sorted keys and without undefined members: one byte sequence per value. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const parts = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`);
  return `{${parts.join(',')}}`;
}

export function hashEntry(entry: Omit<AuditEntry, 'hash'>): string {
  return createHash('sha256').update(canonicalJson(entry)).digest('hex');
}

/** Builds the stored entry that follows `prev` (or starts the chain). */
export function chainEntry(event: AuditEvent, prev: Pick<AuditEntry, 'seq' | 'hash'> | undefined): AuditEntry {
  const body = { ...event, seq: prev ? prev.seq + 1 : 1, prevHash: prev ? prev.hash : GENESIS_HASH };
  return { ...body, hash: hashEntry(body) };
}

export type AuditVerifyResult =
  | { ok: true; aanpakken: number; entries: number }
  | { ok: false; aanpakId: string; seq: number; reason: string };

/** Checks every chain; reports the first broken link (aanpak, sequence number, why). */
export async function verifyAuditChain(store: Store): Promise<AuditVerifyResult> {
  const ids = await store.listAuditedAanpakIds();
  let entries = 0;
  for (const aanpakId of ids) {
    const res = verifyEntries(aanpakId, await store.listAudit(aanpakId));
    if (!res.ok) return res;
    entries += res.entries;
  }
  return { ok: true, aanpakken: ids.length, entries };
}

export function verifyEntries(
  aanpakId: string,
  list: AuditEntry[],
): { ok: true; entries: number } | { ok: false; aanpakId: string; seq: number; reason: string } {
  let prev: AuditEntry | undefined;
  for (const e of list) {
    const expectedSeq = prev ? prev.seq + 1 : 1;
    if (e.seq !== expectedSeq) return { ok: false, aanpakId, seq: e.seq, reason: `expected seq ${expectedSeq}` };
    if (e.aanpakId !== aanpakId) return { ok: false, aanpakId, seq: e.seq, reason: 'entry belongs to another aanpak' };
    const expectedPrev = prev ? prev.hash : GENESIS_HASH;
    if (e.prevHash !== expectedPrev) return { ok: false, aanpakId, seq: e.seq, reason: 'prevHash does not match the previous entry' };
    const { hash, ...body } = e;
    if (hashEntry(body) !== hash) return { ok: false, aanpakId, seq: e.seq, reason: 'hash does not match the entry contents' };
    prev = e;
  }
  return { ok: true, entries: list.length };
}
