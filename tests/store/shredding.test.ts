// Encryption at rest and crypto-shredding, proven on the raw SQLite files and on a backup copy
// taken before the destruction.
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Codec } from '../../src/store/codec.js';
import { KeyRing } from '../../src/store/crypto.js';
import { ShreddedError } from '../../src/store/port.js';
import { DATA_FILE, KEYS_FILE, SqliteKeyMaterial, SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { aanpak, action, answer, KNOWN_ANSWER, KNOWN_NAME, KNOWN_NICK, member, plan, round } from './contract/fixtures.js';
import { openSqlite, tempDir, TEST_MASTER_KEY } from './helpers.js';

/** The raw bytes of a database file plus its WAL, as a latin1 string to search in. */
function rawBytes(file: string): string {
  return [file, `${file}-wal`].filter(existsSync).map((f) => readFileSync(f).toString('latin1')).join('');
}

/** A codec reading key material from a keys file as it is now (after any destruction). */
function codecOver(keysFile: string): { codec: Codec; close: () => void } {
  const db = new Database(keysFile);
  return { codec: new Codec(new KeyRing(TEST_MASTER_KEY, new SqliteKeyMaterial(db))), close: () => db.close() };
}

describe('encryption at rest and crypto-shredding (SQLite)', () => {
  let d: ReturnType<typeof tempDir>;
  let store: SqliteStore;
  const names = [KNOWN_NAME, KNOWN_NICK, KNOWN_ANSWER, 'Quibbelstraat'];

  beforeEach(async () => {
    d = tempDir();
    store = await openSqlite(d.dir);
    await store.createAanpak(aanpak('a1'));
    await store.saveRound(round('r1', 'a1'));
    await store.saveAnswer(answer('r1', 'a1', 'p1'));
    await store.saveMember(member('m1', 'a1'));
    await store.saveMember(member('m2', 'a1', { naam: 'Yvo Blijftstaan', bijnamen: [] }));
    await store.saveAction(action('x1', 'a1'));
    await store.addPlanVersion(plan('pv1', 'a1', 1));
  });
  afterEach(async () => {
    await store.close();
    d.remove();
  });

  it('never writes persoon-level content in plaintext', async () => {
    const raw = rawBytes(join(d.dir, DATA_FILE)) + rawBytes(join(d.dir, KEYS_FILE));
    for (const n of names) expect(raw.includes(n), n).toBe(false);
    // …while the store itself returns it.
    expect((await store.getMember('a1', 'm1'))?.naam).toBe(KNOWN_NAME);
    expect((await store.getAnswer('r1', 'p1'))?.items[0]?.text).toBe(KNOWN_ANSWER);
  });

  it('destroyAanpak leaves no plaintext and makes a backup taken before it unreadable', async () => {
    const backup = join(d.dir, 'backup.db');
    await store.backup(backup);
    // Also a crude file copy including the WAL, as a careless backup would take it.
    copyFileSync(join(d.dir, DATA_FILE), join(d.dir, 'copy.db'));
    if (existsSync(join(d.dir, `${DATA_FILE}-wal`))) copyFileSync(join(d.dir, `${DATA_FILE}-wal`), join(d.dir, 'copy.db-wal'));
    const keysBefore = new Database(join(d.dir, KEYS_FILE), { readonly: true });
    const wrappedBefore = (keysBefore.prepare(`SELECT wrapped FROM data_keys WHERE aanpak_id = 'a1'`).all() as { wrapped: string }[]).map((r) => r.wrapped);
    keysBefore.close();
    expect(wrappedBefore.length).toBe(3); // aanpak + 2 members

    const b = new Database(backup, { readonly: true });
    const memberRow = b.prepare(`SELECT doc, enc FROM members WHERE id = 'm1'`).get() as { doc: string; enc: string };
    const answerRow = b.prepare(`SELECT doc, enc FROM answers`).get() as { doc: string; enc: string };
    const backupTables = (b.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[]).map((t) => t.name);
    b.close();
    expect(backupTables).not.toContain('data_keys');

    // Before destruction the backup's ciphertext is readable with the live key material.
    const before = codecOver(join(d.dir, KEYS_FILE));
    expect((await before.codec.openMember(JSON.parse(memberRow.doc), memberRow.enc)).naam).toBe(KNOWN_NAME);
    before.close();

    await store.destroyAanpak('a1', new Date('2027-01-01T00:00:00.000Z'));

    // The live files: no plaintext, no leftover ciphertext, no wrapped key.
    const live = rawBytes(join(d.dir, DATA_FILE));
    const liveKeys = rawBytes(join(d.dir, KEYS_FILE));
    for (const n of names) expect((live + liveKeys).includes(n), n).toBe(false);
    expect(live.includes(memberRow.enc.slice(3, 40))).toBe(false);
    for (const w of wrappedBefore) expect(liveKeys.includes(w.slice(3, 40))).toBe(false);

    // The backups: no plaintext either, and their ciphertext can no longer be decrypted.
    for (const n of names) {
      expect(rawBytes(backup).includes(n), n).toBe(false);
      expect(rawBytes(join(d.dir, 'copy.db')).includes(n), n).toBe(false);
    }
    const after = codecOver(join(d.dir, KEYS_FILE));
    await expect(after.codec.openMember(JSON.parse(memberRow.doc), memberRow.enc)).rejects.toBeInstanceOf(ShreddedError);
    await expect(after.codec.openAnswer(JSON.parse(answerRow.doc), answerRow.enc)).rejects.toBeInstanceOf(ShreddedError);
    after.close();
  });

  it('destroyMember shreds one member; the others and the aanpak stay readable', async () => {
    const backup = join(d.dir, 'backup.db');
    await store.backup(backup);
    await store.destroyMember('a1', 'm1');

    for (const n of [KNOWN_NAME, 'Quibbelstraat']) expect(rawBytes(join(d.dir, DATA_FILE)).includes(n), n).toBe(false);
    const b = new Database(backup, { readonly: true });
    const rows = b.prepare(`SELECT id, doc, enc FROM members ORDER BY id`).all() as { id: string; doc: string; enc: string }[];
    b.close();
    const { codec, close } = codecOver(join(d.dir, KEYS_FILE));
    await expect(codec.openMember(JSON.parse(rows[0]!.doc), rows[0]!.enc)).rejects.toBeInstanceOf(ShreddedError);
    expect((await codec.openMember(JSON.parse(rows[1]!.doc), rows[1]!.enc)).naam).toBe('Yvo Blijftstaan');
    close();
    expect((await store.listMembers('a1')).map((m) => m.id)).toEqual(['m2']);
    expect((await store.getAnswer('r1', 'p1'))?.items[0]?.text).toBe(KNOWN_ANSWER);
  });
});
