// Encryption at rest: AES-256-GCM with a data key per aanpak (and per namenlijst member), the data
// keys wrapped by the master key (DATA_ENCRYPTION_KEY). Destroying a data key crypto-shreds every
// ciphertext made with it, including copies in backups (key material lives apart from the data).
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ShreddedError, type StoreLogger } from './port.js';

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export function newDataKey(): Buffer {
  return randomBytes(32);
}

/** Ciphertext as text: `v1.` + base64(iv | tag | ciphertext). `aad` binds it to its record. */
export function encrypt(key: Buffer, plaintext: string, aad: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return `${VERSION}.${Buffer.concat([iv, cipher.getAuthTag(), ct]).toString('base64')}`;
}

export function decrypt(key: Buffer, blob: string, aad: string): string {
  if (!blob.startsWith(`${VERSION}.`)) throw new Error('unknown ciphertext format');
  const raw = Buffer.from(blob.slice(VERSION.length + 1), 'base64');
  const iv = raw.subarray(0, IV_BYTES);
  const tag = raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES);
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
}

export function wrapKey(master: Buffer, dataKey: Buffer, scope: string): string {
  return encrypt(master, dataKey.toString('base64'), `key|${scope}`);
}

export function unwrapKey(master: Buffer, wrapped: string, scope: string): Buffer {
  return Buffer.from(decrypt(master, wrapped, `key|${scope}`), 'base64');
}

function parseKey(b64: string, source: string): Buffer {
  const key = Buffer.from(b64.trim(), 'base64');
  if (key.length !== 32) throw new Error(`${source} must be 32 bytes, base64-encoded (got ${key.length} bytes)`);
  return key;
}

export interface MasterKeyOptions {
  dataDir: string;
  mode: 'local' | 'production';
  /** Base64 of 32 bytes (DATA_ENCRYPTION_KEY). */
  dataEncryptionKey?: string;
  logger?: StoreLogger;
}

/**
 * The master key from DATA_ENCRYPTION_KEY. Production refuses to start without it; local mode
 * generates one once into `<dataDir>/master.key` (mode 0600) and warns.
 */
export function loadMasterKey(opts: MasterKeyOptions): Buffer {
  if (opts.dataEncryptionKey) return parseKey(opts.dataEncryptionKey, 'DATA_ENCRYPTION_KEY');
  if (opts.mode === 'production') {
    throw new Error(
      'DATA_ENCRYPTION_KEY is required in production mode (base64 of 32 random bytes, e.g. `openssl rand -base64 32`)',
    );
  }
  mkdirSync(opts.dataDir, { recursive: true });
  const file = join(opts.dataDir, 'master.key');
  try {
    writeFileSync(file, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
    opts.logger?.warn(
      `DATA_ENCRYPTION_KEY not set: generated a local master key in ${file}; set DATA_ENCRYPTION_KEY in production`,
    );
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    opts.logger?.warn(`DATA_ENCRYPTION_KEY not set: using the local master key in ${file}`);
  }
  return parseKey(readFileSync(file, 'utf8'), file);
}

/** Where wrapped data keys live. `null` from getWrapped means the key was destroyed (tombstone). */
export interface KeyMaterialStore {
  getWrapped(scope: string): Promise<string | null | undefined>;
  /** Inserts unless a row (key or tombstone) exists for the scope. */
  insertWrappedIfAbsent(scope: string, aanpakId: string, wrapped: string): Promise<void>;
  /** Replaces the wrapped key by a tombstone; for an aanpak scope also every member scope of it. */
  destroy(scope: string, aanpakId: string, alsoMembers: boolean): Promise<void>;
}

export const aanpakScope = (aanpakId: string): string => `aanpak:${aanpakId}`;
export const memberScope = (aanpakId: string, memberId: string): string => `member:${aanpakId}:${memberId}`;
const CHECK_SCOPE = '__master_check__';

/** Data keys on demand: created at first use, cached unwrapped in memory, forgotten on destroy. */
export class KeyRing {
  private readonly cache = new Map<string, Buffer>();

  constructor(
    private readonly master: Buffer,
    private readonly keys: KeyMaterialStore,
  ) {}

  /** Fails clearly when the store was created under another master key. */
  async checkMaster(): Promise<void> {
    const existing = await this.keys.getWrapped(CHECK_SCOPE);
    if (existing === undefined || existing === null) {
      await this.keys.insertWrappedIfAbsent(CHECK_SCOPE, '', wrapKey(this.master, newDataKey(), CHECK_SCOPE));
      return;
    }
    try {
      unwrapKey(this.master, existing, CHECK_SCOPE);
    } catch {
      throw new Error('DATA_ENCRYPTION_KEY does not match the master key this store was created with');
    }
  }

  async key(scope: string, aanpakId: string, create: boolean): Promise<Buffer> {
    const cached = this.cache.get(scope);
    if (cached) return cached;
    let wrapped = await this.keys.getWrapped(scope);
    if (wrapped === undefined && create) {
      // No new member key under a destroyed aanpak.
      if (scope !== aanpakScope(aanpakId) && (await this.keys.getWrapped(aanpakScope(aanpakId))) === null) {
        throw new ShreddedError(aanpakScope(aanpakId));
      }
      await this.keys.insertWrappedIfAbsent(scope, aanpakId, wrapKey(this.master, newDataKey(), scope));
      // Re-read: a concurrent writer (another instance) may have won the insert.
      wrapped = await this.keys.getWrapped(scope);
    }
    if (wrapped === null) throw new ShreddedError(scope);
    if (wrapped === undefined) throw new Error(`no key material for ${scope}`);
    const key = unwrapKey(this.master, wrapped, scope);
    this.cache.set(scope, key);
    return key;
  }

  async seal(scope: string, aanpakId: string, value: unknown, aad: string): Promise<string> {
    // A cached key may have been destroyed by another instance: writes re-check, reads need not
    // (destruction deletes the rows as well).
    if (this.cache.has(scope) && (await this.keys.getWrapped(scope)) === null) {
      this.cache.delete(scope);
      throw new ShreddedError(scope);
    }
    return encrypt(await this.key(scope, aanpakId, true), JSON.stringify(value), aad);
  }

  async open<T>(scope: string, aanpakId: string, blob: string, aad: string): Promise<T> {
    return JSON.parse(decrypt(await this.key(scope, aanpakId, false), blob, aad)) as T;
  }

  async destroy(scope: string, aanpakId: string, alsoMembers: boolean): Promise<void> {
    await this.keys.destroy(scope, aanpakId, alsoMembers);
    for (const s of [...this.cache.keys()]) {
      if (s === scope || (alsoMembers && s.startsWith(`member:${aanpakId}:`))) this.cache.delete(s);
    }
  }
}
