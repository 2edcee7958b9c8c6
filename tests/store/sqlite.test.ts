// SQLite-specific behaviour: pragmas, migrations, key handling, claims across processes.
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadMasterKey } from '../../src/store/crypto.js';
import { openStore, storeConfigFromEnv } from '../../src/store/index.js';
import { DATA_MIGRATIONS, migrate } from '../../src/store/sqlite/migrations.js';
import { DATA_FILE, KEYS_FILE, SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { bundleWorker, openSqlite, tempDir, TEST_MASTER_KEY } from './helpers.js';

const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});
function dir(): string {
  const d = tempDir();
  cleanups.push(d.remove);
  return d.dir;
}
async function open(dataDir: string, extra = {}): Promise<SqliteStore> {
  const s = await openSqlite(dataDir, extra);
  cleanups.push(() => s.close());
  return s;
}

describe('SQLite adapter', () => {
  it('uses WAL with synchronous FULL by default and keeps keys in their own file', async () => {
    const d = dir();
    const s = await SqliteStore.open({ dataDir: d, masterKey: TEST_MASTER_KEY });
    cleanups.push(() => s.close());
    expect(s.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(s.db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(existsSync(join(d, DATA_FILE))).toBe(true);
    expect(existsSync(join(d, KEYS_FILE))).toBe(true);
    const tables = (s.db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[]).map((t) => t.name);
    expect(tables).not.toContain('data_keys');
  });

  it('runs forward migrations once and refuses a schema newer than the build', async () => {
    const d = dir();
    const s1 = await open(d);
    const s2 = await open(d);
    const versions = s1.db.prepare('SELECT version FROM schema_version').all();
    expect(versions).toEqual([{ version: DATA_MIGRATIONS.length }]);
    expect(await s2.ping()).toBe(true);

    const db = new Database(':memory:');
    expect(migrate(db, ['CREATE TABLE t (a)', 'ALTER TABLE t ADD COLUMN b'])).toBe(2);
    db.prepare('INSERT INTO t (a, b) VALUES (1, 2)').run();
    expect(migrate(db, ['CREATE TABLE t (a)', 'ALTER TABLE t ADD COLUMN b', 'CREATE TABLE u (c)'])).toBe(3);
    expect(db.prepare('SELECT a, b FROM t').get()).toEqual({ a: 1, b: 2 });
    expect(() => migrate(db, ['CREATE TABLE t (a)'])).toThrow(/newer than this build/);
    db.close();
  });

  it('refuses to open with another master key than the store was created with', async () => {
    const d = dir();
    const s = await open(d);
    await s.close();
    await expect(SqliteStore.open({ dataDir: d, masterKey: Buffer.alloc(32, 9) })).rejects.toThrow(/does not match/);
  });

  it('the audit log refuses UPDATE and DELETE at the database level', async () => {
    const s = await open(dir());
    await s.appendAudit({ aanpakId: 'a1', type: 't', actor: 'x', at: '2025-01-01T00:00:00.000Z' });
    expect(() => s.db.prepare(`UPDATE audit SET event = '{}'`).run()).toThrow(/append-only/);
    expect(() => s.db.prepare('DELETE FROM audit').run()).toThrow(/append-only/);
  });

  it('hands no reminder to two of 3 worker processes on one file', async () => {
    const d = dir();
    const s = await open(d);
    const now = new Date('2025-03-01T12:00:00.000Z');
    const n = 600;
    await s.scheduleReminders(
      Array.from({ length: n }, (_, i) => ({ id: `r${i}`, aanpakId: `a${i % 7}`, kind: 'k', dueAt: new Date(now.getTime() - i).toISOString(), payload: {} })),
    );
    const worker = await bundleWorker('tests/store/workers/claim-worker.ts');
    const children = [0, 1, 2].map((w) => {
      const child = spawn(process.execPath, [worker, d, `proc-${w}`, now.toISOString()], { stdio: ['pipe', 'pipe', 'pipe'] });
      let out = '';
      let err = '';
      const ready = new Promise<void>((resolve) => child.stdout.on('data', (b: Buffer) => ((out += b.toString()), out.startsWith('ready\n') && resolve())));
      child.stderr.on('data', (b: Buffer) => (err += b.toString()));
      const done = new Promise<string[]>((resolve, reject) =>
        child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out.split('\n')[1]!) as string[]) : reject(new Error(err)))),
      );
      return { child, ready, done };
    });
    await Promise.all(children.map((c) => c.ready));
    children.forEach((c) => c.child.stdin.write('go\n'));
    const results = await Promise.all(children.map((c) => c.done));
    const all = results.flat();
    expect(all).toHaveLength(n);
    expect(new Set(all).size).toBe(n);
    expect((await s.claimDue(now, 'late', 1000, 10)).length).toBe(0);
  }, 30_000);
});

describe('master key', () => {
  it('local mode generates one key once into the data dir (0600) and warns', () => {
    const d = dir();
    const warnings: string[] = [];
    const logger = { warn: (m: string) => warnings.push(m) };
    const k1 = loadMasterKey({ dataDir: d, mode: 'local', logger });
    const k2 = loadMasterKey({ dataDir: d, mode: 'local', logger });
    expect(k1.length).toBe(32);
    expect(k2.equals(k1)).toBe(true);
    expect(statSync(join(d, 'master.key')).mode & 0o777).toBe(0o600);
    expect(Buffer.from(readFileSync(join(d, 'master.key'), 'utf8').trim(), 'base64').equals(k1)).toBe(true);
    expect(warnings[0]).toMatch(/DATA_ENCRYPTION_KEY not set: generated/);
    expect(warnings).toHaveLength(2);
  });

  it('production mode refuses to start without DATA_ENCRYPTION_KEY', async () => {
    const d = dir();
    await expect(openStore({ dataDir: d, mode: 'production' })).rejects.toThrow(/DATA_ENCRYPTION_KEY is required in production/);
    expect(existsSync(join(d, 'master.key'))).toBe(false);
  });

  it('rejects a key that is not 32 bytes', () => {
    expect(() => loadMasterKey({ dataDir: dir(), mode: 'production', dataEncryptionKey: Buffer.alloc(16).toString('base64') })).toThrow(
      /32 bytes/,
    );
  });

  it('openStore picks SQLite under DATA_DIR with the configured key when MONGODB_URI is unset', async () => {
    const d = dir();
    const config = storeConfigFromEnv({ DATA_DIR: d, DATA_ENCRYPTION_KEY: TEST_MASTER_KEY.toString('base64') }, { mode: 'production' });
    const s = await openStore(config);
    cleanups.push(() => s.close());
    expect(s.kind).toBe('sqlite');
    expect(existsSync(join(d, DATA_FILE))).toBe(true);
    expect(existsSync(join(d, 'master.key'))).toBe(false);
  });
});
