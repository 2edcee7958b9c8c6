// Shared helpers for the store tests: temp data dirs and a fixed test master key.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore, type SqliteStoreOptions } from '../../src/store/sqlite/sqlite-store.js';

export const TEST_MASTER_KEY = Buffer.alloc(32, 7);

export function tempDir(prefix = 'ga-store-'): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export function openSqlite(dataDir: string, extra: Partial<SqliteStoreOptions> = {}): Promise<SqliteStore> {
  // NORMAL keeps the suite fast; durability.test.ts covers the default (FULL).
  return SqliteStore.open({ dataDir, masterKey: TEST_MASTER_KEY, synchronous: 'NORMAL', ...extra });
}

/**
 * Bundles a TypeScript worker script into one .mjs next to node_modules, so child processes start
 * in ~0.2 s with plain `node` (tsx costs ~0.6 s per spawn, too slow for 100+ kill cycles).
 */
export async function bundleWorker(entry: string): Promise<string> {
  const { build } = await import('esbuild');
  const outDir = join(process.cwd(), 'node_modules', '.cache', 'store-tests');
  // One file per entry (each is used by one test file), overwritten on every run.
  const outfile = join(outDir, `${entry.replace(/\W+/g, '_')}.mjs`);
  await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['better-sqlite3', 'mongoose'],
    outfile,
    logLevel: 'silent',
  });
  return outfile;
}
