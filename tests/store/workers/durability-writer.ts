// Child process of durability.test.ts: writes submissions in a loop and prints each key only after
// the write returned (= acknowledged). Killed with SIGKILL at random moments by the parent.
import { SqliteStore } from '../../../src/store/sqlite/sqlite-store.js';
import { TEST_MASTER_KEY } from '../helpers.js';
import { answer } from '../contract/fixtures.js';

const [dataDir, startArg] = process.argv.slice(2);
const start = Number(startArg);
const store = await SqliteStore.open({ dataDir: dataDir!, masterKey: TEST_MASTER_KEY }); // default: synchronous FULL
process.stdout.write('ready\n');
for (let i = start; ; i++) {
  const key = `submit:${i}`;
  await store.markProcessed(`activity:${i}`);
  const stored = await store.saveAnswer(answer('r-dur', 'a-dur', `p-${i}`, { updatedAt: new Date(i).toISOString() }), key);
  if (!stored) process.stdout.write(`unexpected-duplicate ${key}\n`);
  // A redelivery of an earlier submission must be recognised and not stored again.
  if (i > start && (await store.saveAnswer(answer('r-dur', 'a-dur', `p-${i - 1}`), `submit:${i - 1}`))) {
    process.stdout.write(`stored-twice submit:${i - 1}\n`);
  }
  process.stdout.write(`${key}\n`);
}
