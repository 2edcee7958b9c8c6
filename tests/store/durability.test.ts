// Durability: a child writes submissions and is killed with SIGKILL at random moments. Every
// submission it acknowledged (printed after the write returned) must survive exactly once, and
// the file must pass an integrity check after every kill.
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATA_FILE } from '../../src/store/sqlite/sqlite-store.js';
import { bundleWorker, openSqlite, tempDir } from './helpers.js';
import { KNOWN_ANSWER } from './contract/fixtures.js';

const KILLS_PER_LANE = 55;
const LANES = 2; // two independent data dirs in parallel: 110 kills in total

let writer: string;
const dirs: { dir: string; remove: () => void }[] = [];

beforeAll(async () => {
  writer = await bundleWorker('tests/store/workers/durability-writer.ts');
});
afterAll(() => dirs.forEach((d) => d.remove()));

/** Runs the writer until a random moment, SIGKILLs it, returns the acknowledged keys and anomalies. */
function runAndKill(dir: string, start: number): Promise<{ acked: string[]; anomalies: string[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [writer, dir, String(start)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let timer: ReturnType<typeof setTimeout> | undefined;
    const killAfter = (ms: number) => (timer ??= setTimeout(() => child.kill('SIGKILL'), ms));
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      // Most kills land in the middle of writes: a random moment after start-up.
      if (out.startsWith('ready\n')) killAfter(5 + Math.random() * 80);
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    // Some land during start-up (open, migrations).
    if (Math.random() < 0.15) killAfter(Math.random() * 150);
    child.on('error', reject);
    child.on('close', (_code, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGKILL') return reject(new Error(`writer ended by itself: ${err}`));
      const lines = out.split('\n').filter((l) => l.length > 0 && l !== 'ready');
      resolve({
        acked: lines.filter((l) => l.startsWith('submit:')),
        anomalies: lines.filter((l) => !l.startsWith('submit:')),
      });
    });
  });
}

async function lane(): Promise<{ kills: number; acked: number }> {
  const d = tempDir('ga-durability-');
  dirs.push(d);
  const acknowledged: string[] = [];
  for (let cycle = 0; cycle < KILLS_PER_LANE; cycle++) {
    const { acked, anomalies } = await runAndKill(d.dir, cycle * 1_000_000);
    expect(anomalies).toEqual([]);
    acknowledged.push(...acked);

    const raw = new Database(join(d.dir, DATA_FILE));
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    // A kill before the first migration committed leaves no tables (and nothing acknowledged).
    const migrated = raw.prepare(`SELECT 1 FROM sqlite_master WHERE name = 'answers'`).get() !== undefined;
    if (!migrated) {
      raw.close();
      expect(acknowledged).toEqual([]);
      continue;
    }
    const counts = new Map(
      (raw.prepare('SELECT participant_id AS p, COUNT(*) AS n FROM answers GROUP BY participant_id').all() as { p: string; n: number }[]).map(
        (r) => [r.p, r.n],
      ),
    );
    const processed = new Set((raw.prepare('SELECT key FROM processed').all() as { key: string }[]).map((r) => r.key));
    raw.close();
    for (const key of acknowledged) {
      const i = key.slice('submit:'.length);
      expect(counts.get(`p-${i}`), key).toBe(1);
      expect(processed.has(key), key).toBe(true);
      expect(processed.has(`activity:${i}`), key).toBe(true);
    }
  }
  // The survivors are readable (decrypt) through the store, not only present.
  const store = await openSqlite(d.dir);
  const answers = await store.listAnswers('r-dur');
  await store.close();
  expect(answers.length).toBeGreaterThanOrEqual(acknowledged.length);
  expect(answers.every((a) => a.items[0]?.text === KNOWN_ANSWER)).toBe(true);
  return { kills: KILLS_PER_LANE, acked: acknowledged.length };
}

describe('SQLite durability under SIGKILL', () => {
  it(
    'keeps every acknowledged submission exactly once over 110 kills',
    async () => {
      const results = await Promise.all(Array.from({ length: LANES }, lane));
      const kills = results.reduce((n, r) => n + r.kills, 0);
      const acked = results.reduce((n, r) => n + r.acked, 0);
      expect(kills).toBeGreaterThanOrEqual(100);
      // Guards against a test that never got to write anything.
      expect(acked).toBeGreaterThan(100);
      console.log(`durability: ${kills} kills, ${acked} acknowledged submissions verified`);
    },
    120_000,
  );
});
