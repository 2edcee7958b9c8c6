// Child process of sqlite.test.ts: claims due reminders from a shared SQLite file until none are
// left and prints the ids it completed as JSON.
import { SqliteStore } from '../../../src/store/sqlite/sqlite-store.js';
import { TEST_MASTER_KEY } from '../helpers.js';

const [dataDir, workerId, nowIso] = process.argv.slice(2);
const store = await SqliteStore.open({ dataDir: dataDir!, masterKey: TEST_MASTER_KEY, synchronous: 'NORMAL' });
// Start together: report ready, wait for the parent's go.
process.stdout.write('ready\n');
await new Promise((resolve) => process.stdin.once('data', resolve));
const mine: string[] = [];
for (;;) {
  const batch = await store.claimDue(new Date(nowIso!), workerId!, 60_000, 5);
  if (batch.length === 0) break;
  for (const r of batch) {
    if (!(await store.completeReminder(r.id, workerId!))) throw new Error(`lost lease on ${r.id}`);
    mine.push(r.id);
  }
}
await store.close();
process.stdout.write(`${JSON.stringify(mine)}\n`);
process.exit(0);
