// Opens the configured store: MongoDB when a URI is given, else the embedded SQLite store.
import { loadMasterKey } from './crypto.js';
import type { Store, StoreLogger } from './port.js';
import { SqliteStore } from './sqlite/sqlite-store.js';

export * from './port.js';
export { verifyAuditChain, type AuditVerifyResult } from './audit.js';
export { applyRetention, type RetentionOutcome } from './retention-executor.js';

export interface StoreConfig {
  /** MONGODB_URI: when set, the MongoDB adapter is used. */
  mongodbUri?: string;
  /** DATA_DIR for the SQLite files and the local master key (default ./data). */
  dataDir?: string;
  /** DATA_ENCRYPTION_KEY: base64 of 32 bytes. Required in production. */
  dataEncryptionKey?: string;
  mode?: 'local' | 'production';
  logger?: StoreLogger;
  /** SQLITE_SYNCHRONOUS: FULL (default) or NORMAL. */
  sqliteSynchronous?: 'FULL' | 'NORMAL';
}

/** Reads MONGODB_URI, DATA_DIR and DATA_ENCRYPTION_KEY. */
export function storeConfigFromEnv(env: NodeJS.ProcessEnv, extra: Pick<StoreConfig, 'mode' | 'logger'> = {}): StoreConfig {
  const config: StoreConfig = { ...extra };
  if (env.MONGODB_URI) config.mongodbUri = env.MONGODB_URI;
  if (env.DATA_DIR) config.dataDir = env.DATA_DIR;
  if (env.DATA_ENCRYPTION_KEY) config.dataEncryptionKey = env.DATA_ENCRYPTION_KEY;
  if (env.SQLITE_SYNCHRONOUS === 'NORMAL' || env.SQLITE_SYNCHRONOUS === 'FULL') config.sqliteSynchronous = env.SQLITE_SYNCHRONOUS;
  return config;
}

export async function openStore(config: StoreConfig = {}): Promise<Store> {
  const dataDir = config.dataDir ?? './data';
  const masterKey = loadMasterKey({
    dataDir,
    mode: config.mode ?? 'local',
    dataEncryptionKey: config.dataEncryptionKey,
    logger: config.logger,
  });
  if (config.mongodbUri) {
    // Loaded lazily: local mode never pays for the mongoose import.
    const { MongoStore } = await import('./mongo/mongo-store.js');
    return MongoStore.open({ uri: config.mongodbUri, masterKey, logger: config.logger });
  }
  return SqliteStore.open({ dataDir, masterKey, logger: config.logger, ...(config.sqliteSynchronous ? { synchronous: config.sqliteSynchronous } : {}) });
}
