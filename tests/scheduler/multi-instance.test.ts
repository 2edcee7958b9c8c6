// Three workers on one SQLite file (separate connections), 1,000 due reminders, one worker killed
// mid-run: every reminder reaches the fake connector exactly once, through the real outbox and a
// local-mode CloudAdapter. Real waiting here only (short leases); the clock runs at real speed
// from a fixed working-day start so quiet hours never interfere.
import { afterEach, describe, expect, it } from 'vitest';
import { Outbox } from '../../src/bot/outbox.js';
import { createBotAdapter } from '../../src/bot/adapter.js';
import { loadConfig } from '../../src/config.js';
import { rescheduleAanpak } from '../../src/scheduler/reschedule.js';
import { createWorker, type Worker } from '../../src/scheduler/worker.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { atLocalTime } from '../../src/workflow/time.js';
import type { Env } from '../../src/workflow/types.js';
import { CONFIG, MASTER_KEY, actionFixture, aanpakFixture, openHarness, silent, storeRefs, type Harness } from './helpers.js';

const AANPAKKEN = 100;
const ACTIONS_PER_AANPAK = 10;
const TOTAL = AANPAKKEN * ACTIONS_PER_AANPAK;
const LEASE_MS = 1_500;

let h: Harness | undefined;
const extra: SqliteStore[] = [];
afterEach(async () => {
  for (const s of extra.splice(0)) await s.close();
  await h?.close();
  h = undefined;
});

/** Simulated start (Wednesday 6 May 2026 10:00), advancing in real time: leases really expire. */
function runningClock(start: string): Env {
  const base = Date.parse(start);
  const t0 = Date.now();
  let n = 0;
  return { now: () => new Date(base + (Date.now() - t0)), newId: () => `w-${++n}` };
}

function reminderIdOf(activity: Record<string, unknown>): string {
  const card = (activity.attachments as { content: { actions: { data: { reminderId: string } }[] } }[])[0]!.content;
  return card.actions[0]!.data.reminderId;
}

describe('several workers on one store', () => {
  it(`delivers ${TOTAL} due reminders exactly once with 3 workers, one killed mid-run`, async () => {
    const start = atLocalTime('2026-05-06', '10:00');
    h = await openHarness(start);
    const { store, connector } = h;
    // 100 aanpakken in step 6, each with 10 actions due Friday: their owner reminders are due now.
    for (let i = 0; i < AANPAKKEN; i += 1) {
      const aanpak = aanpakFixture({ id: `a${i}`, name: `Groep ${i}`, channelId: `19:g${i}`, createdAt: atLocalTime('2026-04-29', '10:00'), transitions: [], planVastgesteldAt: undefined });
      await store.createAanpak(aanpak);
      if (i === 0) await storeRefs(store, connector, aanpak); // participants share their AAD ids across aanpakken
      for (let k = 0; k < ACTIONS_PER_AANPAK; k += 1) await store.saveAction(actionFixture(`a${i}-act${k}`, { aanpakId: `a${i}`, due: '2026-05-08' }));
      await rescheduleAanpak(store, `a${i}`, CONFIG, new Date(start));
    }
    let due = 0;
    for (let i = 0; i < AANPAKKEN; i += 1) due += (await store.listReminders(`a${i}`)).filter((r) => r.status === 'pending' && Date.parse(r.dueAt) <= Date.parse(start)).length;
    expect(due).toBe(TOTAL);

    const env = runningClock(start);
    const config = loadConfig({});
    const workers: Worker[] = [];
    for (let w = 0; w < 3; w += 1) {
      const s = await SqliteStore.open({ dataDir: h.dir, masterKey: MASTER_KEY, synchronous: 'NORMAL' });
      extra.push(s);
      const outbox = new Outbox({ store: s, env, logger: silent, adapter: createBotAdapter(config, silent), appId: '' });
      workers.push(createWorker({ store: s, sender: outbox, env, config: CONFIG, workerId: `worker-${w}`, pollMs: 20, leaseMs: LEASE_MS, batch: 10, logger: silent }));
    }
    const began = Date.now();
    for (const w of workers) w.start();
    // Kill worker 1 once a fifth has been delivered: its claimed batch stays leased until expiry.
    while (connector.sent.length < TOTAL / 5) await new Promise((r) => setTimeout(r, 5));
    workers[1]!.kill();
    const killedAt = connector.sent.length;

    const deadline = Date.now() + 40_000;
    for (;;) {
      let pending = 0;
      for (let i = 0; i < AANPAKKEN; i += 1) {
        pending += (await store.listReminders(`a${i}`)).filter((r) => r.status === 'pending' && r.key?.startsWith('action-due:')).length;
      }
      if (pending === 0 || Date.now() > deadline) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    await workers[0]!.stop();
    await workers[2]!.stop();
    const ms = Date.now() - began;

    const counts = new Map<string, number>();
    for (const s of connector.sent) counts.set(reminderIdOf(s.activity), (counts.get(reminderIdOf(s.activity)) ?? 0) + 1);
    const twice = [...counts.values()].filter((c) => c > 1).length;
    console.log(
      `multi-instance: ${connector.sent.length} activities for ${counts.size} reminders (${twice} duplicates) in ${ms} ms; worker-1 killed after ${killedAt} deliveries`,
    );
    expect(counts.size).toBe(TOTAL);
    expect(twice).toBe(0);
    expect(connector.sent).toHaveLength(TOTAL);
    // Every one went to its owner's 1:1 chat.
    expect(new Set(connector.sent.map((s) => s.conversationId))).toEqual(new Set(['a:aad-p-pol']));
  }, 60_000);
});
