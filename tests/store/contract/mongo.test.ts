// Runs the contract against a real MongoDB when MONGODB_URI is set (never a mock); see
// src/store/README.md for a local replica set.
import { randomBytes } from 'node:crypto';
import { describe } from 'vitest';
import { MongoStore } from '../../../src/store/mongo/mongo-store.js';
import { TEST_MASTER_KEY } from '../helpers.js';
import { runStoreContract } from './contract.js';

const uri = process.env.MONGODB_URI ?? '';

if (!uri) console.warn('MongoDB contract tests skipped: MONGODB_URI not set');

describe.skipIf(!uri)('MongoDB (MONGODB_URI)', () => {
  runStoreContract('mongo', async () => {
    const dbName = `ga-contract-${randomBytes(6).toString('hex')}`;
    const open = () => MongoStore.open({ uri, dbName, masterKey: TEST_MASTER_KEY });
    return {
      open,
      cleanup: async () => {
        const s = await open();
        await s.conn.dropDatabase();
        await s.keysConn.dropDatabase();
        await s.close();
      },
    };
  });
});
