// npm run audit:verify — checks the hash chain of the audit log in the configured store
// (MONGODB_URI, else SQLite under DATA_DIR). Prints OK or the first broken link; exit 1 if broken.
import { openStore, storeConfigFromEnv, verifyAuditChain } from '../src/store/index.js';

const mode = process.env.MicrosoftAppId ? 'production' : 'local';
const store = await openStore(storeConfigFromEnv(process.env, { mode, logger: { warn: (m) => console.error(`warning: ${m}`) } }));
try {
  const res = await verifyAuditChain(store);
  if (res.ok) {
    console.log(`OK: audit log intact (${res.entries} entries, ${res.aanpakken} aanpakken)`);
  } else {
    console.log(`BROKEN: aanpak ${res.aanpakId}, entry ${res.seq}: ${res.reason}`);
    process.exitCode = 1;
  }
} finally {
  await store.close();
}
