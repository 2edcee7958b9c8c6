// Drives a worker through simulated time: jumps the clock to each next due reminder and ticks,
// attributing what reached the fake connector to the reminder that caused it.
import type { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { parsePayload } from '../../src/scheduler/payload.js';
import type { Worker } from '../../src/scheduler/worker.js';
import type { FakeConnector } from '../helpers/fake-connector.js';
import { cardText } from './helpers.js';

export interface Delivered {
  kind: string;
  key: string;
  dueAt: string;
  at: string;
  conversationId: string;
  text: string;
}

export async function runUntil(
  h: { store: SqliteStore; connector: FakeConnector; env: { now(): Date; set(iso: string): void } },
  worker: Worker,
  scopes: string[],
  until: string,
  log: Delivered[] = [],
): Promise<Delivered[]> {
  for (let guard = 0; guard < 500; guard += 1) {
    const pending = [];
    for (const s of scopes) pending.push(...(await h.store.listReminders(s)).filter((r) => r.status === 'pending'));
    pending.sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const next = pending[0];
    if (!next || Date.parse(next.dueAt) > Date.parse(until)) return log;
    if (Date.parse(next.dueAt) > h.env.now().getTime()) h.env.set(next.dueAt);
    const before = h.connector.sent.length;
    const item = parsePayload(next.payload)?.item;
    await worker.tick();
    for (const s of h.connector.sent.slice(before)) {
      log.push({ kind: item?.kind ?? next.kind, key: next.key ?? '', dueAt: next.dueAt, at: h.env.now().toISOString(), conversationId: s.conversationId, text: cardText(s) });
    }
  }
  throw new Error('runUntil: too many steps');
}
