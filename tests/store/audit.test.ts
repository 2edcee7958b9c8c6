// The hash-chained audit log: verification finds tampering, also through npm run audit:verify.
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { canonicalJson, hashEntry, verifyAuditChain } from '../../src/store/audit.js';
import { DATA_FILE, type SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { openSqlite, tempDir, TEST_MASTER_KEY } from './helpers.js';

function tamper(dataDir: string, fn: (db: Database.Database) => void): void {
  const db = new Database(join(dataDir, DATA_FILE));
  // Someone with file access can drop the append-only triggers; the chain still gives it away.
  db.exec('DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete;');
  fn(db);
  db.close();
}

describe('audit chain', () => {
  let d: ReturnType<typeof tempDir>;
  let store: SqliteStore;
  beforeEach(async () => {
    d = tempDir();
    store = await openSqlite(d.dir);
    for (const [aanpakId, type] of [['a1', 'created'], ['a1', 'gate.decision'], ['b1', 'created'], ['a1', 'round.closed'], ['a1', 'x']]) {
      await store.appendAudit({ aanpakId: aanpakId!, type: type!, actor: 'p1', at: '2025-01-01T00:00:00.000Z', data: { n: 1 } });
    }
  });
  afterEach(async () => {
    await store.close();
    d.remove();
  });

  it('canonical JSON ignores key order and undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, 'x'], c: undefined } })).toBe('{"a":{"d":[1,"x"]},"b":1}');
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
  });

  it('verifies an intact log', async () => {
    expect(await verifyAuditChain(store)).toEqual({ ok: true, aanpakken: 2, entries: 5 });
  });

  it('reports the first broken link when one row was edited', async () => {
    tamper(d.dir, (db) => db.prepare(`UPDATE audit SET event = replace(event, '"actor":"p1"', '"actor":"p2"') WHERE aanpak_id = 'a1' AND seq = 2`).run());
    expect(await verifyAuditChain(store)).toEqual({ ok: false, aanpakId: 'a1', seq: 2, reason: 'hash does not match the entry contents' });
  });

  it('reports the next entry when the edited row was re-hashed too', async () => {
    tamper(d.dir, (db) => {
      const row = db.prepare(`SELECT seq, prev_hash, event FROM audit WHERE aanpak_id = 'a1' AND seq = 2`).get() as { seq: number; prev_hash: string; event: string };
      const event = { ...JSON.parse(row.event), actor: 'p2' };
      const hash = hashEntry({ ...event, seq: 2, prevHash: row.prev_hash });
      db.prepare(`UPDATE audit SET event = ?, hash = ? WHERE aanpak_id = 'a1' AND seq = 2`).run(canonicalJson(event), hash);
    });
    expect(await verifyAuditChain(store)).toMatchObject({ ok: false, aanpakId: 'a1', seq: 3, reason: 'prevHash does not match the previous entry' });
  });

  it('reports a deleted entry', async () => {
    tamper(d.dir, (db) => db.prepare(`DELETE FROM audit WHERE aanpak_id = 'a1' AND seq = 3`).run());
    expect(await verifyAuditChain(store)).toMatchObject({ ok: false, aanpakId: 'a1', seq: 4, reason: 'expected seq 3' });
  });

  it('npm run audit:verify prints OK, then the broken link with exit code 1', async () => {
    const env = { ...process.env, DATA_DIR: d.dir, DATA_ENCRYPTION_KEY: TEST_MASTER_KEY.toString('base64'), MONGODB_URI: '' };
    const run = () => spawnSync(process.execPath, ['--import', 'tsx', 'scripts/audit-verify.ts'], { env, encoding: 'utf8' });
    const ok = run();
    expect(ok.stdout).toContain('OK: audit log intact (5 entries, 2 aanpakken)');
    expect(ok.status).toBe(0);
    tamper(d.dir, (db) => db.prepare(`UPDATE audit SET event = replace(event, '"n":1', '"n":2') WHERE aanpak_id = 'b1' AND seq = 1`).run());
    const broken = run();
    expect(broken.stdout).toContain('BROKEN: aanpak b1, entry 1: hash does not match the entry contents');
    expect(broken.status).toBe(1);
  }, 20_000);
});
