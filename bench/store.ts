// npm run bench:store — SQLite store latency with 100,000 scheduled reminders.
// Target (issue 3): claiming due items (claimDue, limit 50) ≤ 50 ms.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { randomBytes } from 'node:crypto';
import type { ReminderInput } from '../src/store/port.js';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js';
import type { Aanpak, Answer } from '../src/workflow/types.js';

const TOTAL = 100_000;
const DUE = 1_000;
const BATCH = 5_000;
const SAMPLES = 200;
const CLAIM_TARGET_MS = 50;

const base = new Date('2025-06-01T12:00:00.000Z').getTime();

function stats(samples: number[]): { median: number; p95: number; max: number } {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] as number;
  return { median: at(0.5), p95: at(0.95), max: s[s.length - 1] as number };
}

async function time(n: number, fn: (i: number) => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn(i);
    out.push(performance.now() - t);
  }
  return out;
}

const fmt = (ms: number) => `${ms.toFixed(2).padStart(7)} ms`;

async function run(synchronous: 'FULL' | 'NORMAL'): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'ga-bench-store-'));
  const store = await SqliteStore.open({ dataDir: dir, masterKey: randomBytes(32), synchronous });
  try {
    const t0 = performance.now();
    for (let b = 0; b < TOTAL; b += BATCH) {
      const batch: ReminderInput[] = [];
      for (let i = b; i < b + BATCH; i++) {
        // The first DUE reminders are due now; the rest spread over the next year.
        const dueAt = i < DUE ? base - (DUE - i) * 1000 : base + 86_400_000 + (i % 365) * 86_400_000 + i;
        batch.push({ id: `rem-${i}`, aanpakId: `a-${i % 500}`, kind: 'round_deadline', dueAt: new Date(dueAt).toISOString(), payload: { roundId: `r-${i}` }, key: `k-${i}` });
      }
      await store.scheduleReminders(batch);
    }
    const seedMs = performance.now() - t0;

    const aanpak: Aanpak = {
      id: 'bench-a', name: 'Groep Bench', gemeente: 'Beesel', channelId: 'c-bench', state: '1', version: 1,
      createdAt: new Date(base).toISOString(), createdBy: 'p1', participants: [], checklist: {}, decisions: {}, transitions: [],
      reopenings: [], legalBases: [], bijzonderBases: [], weighings: [], pgaConsents: [],
      settings: { overlegCadenceWeeks: 4, retentionProfile: '2022' },
    };
    await store.createAanpak(aanpak);
    const saveAanpak = await time(SAMPLES, (i) => store.saveAanpak({ ...aanpak, name: `Groep ${i}` }, i + 1));

    const answer = (i: number): Answer => ({
      roundId: 'bench-r', aanpakId: 'bench-a', participantId: `p-${i % 20}`, organisation: 'politie', status: 'submitted',
      items: [{ questionId: 'CV-1', text: `antwoord ${i} `.repeat(20) }, { questionId: 'CV-2', scale: '2' }],
      updatedAt: new Date(base).toISOString(),
    });
    const saveAnswer = await time(SAMPLES, (i) => store.saveAnswer(answer(i), `submit-${i}`));

    // ~1,000 due among 100,000; leases of 10 s while the clock advances 1 s per claim, so the due
    // set mixes free, held and expired leases like several instances polling.
    let claimed = 0;
    const claim = await time(SAMPLES, async (i) => {
      claimed += (await store.claimDue(new Date(base + i * 1000), `w-${i % 3}`, 10_000, 50)).length;
    });

    console.log(`SQLite store benchmark (synchronous=${synchronous}), ${TOTAL.toLocaleString('en')} reminders (${DUE} due), ${SAMPLES} samples each`);
    console.log(`  seeding: ${(seedMs / 1000).toFixed(2)} s in batches of ${BATCH}`);
    for (const [name, s] of [['saveAanpak', saveAanpak], ['saveAnswer', saveAnswer], ['claimDue(limit 50)', claim]] as const) {
      const r = stats(s);
      console.log(`  ${name.padEnd(20)} median ${fmt(r.median)}  p95 ${fmt(r.p95)}  max ${fmt(r.max)}`);
    }
    const c = stats(claim);
    console.log(`  claimed ${claimed} items; claim p95 / target ${CLAIM_TARGET_MS} ms = ${(c.p95 / CLAIM_TARGET_MS).toFixed(3)} (${c.p95 <= CLAIM_TARGET_MS ? 'within' : 'OVER'} target)`);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await run('FULL');
await run('NORMAL');
