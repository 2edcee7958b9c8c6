import { runStoreContract } from './contract.js';
import { openSqlite, tempDir } from '../helpers.js';

runStoreContract('sqlite', async () => {
  const { dir, remove } = tempDir();
  return { open: () => openSqlite(dir), cleanup: async () => remove() };
});
