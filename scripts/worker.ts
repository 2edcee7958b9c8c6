// The reminder worker as its own process: store + adapter + outbox, no HTTP server.
// Safe next to the bot process and other workers on the same store (lease-based claims).
import { loadConfig, ConfigError } from '../src/config.js';
import { compose } from '../src/compose.js';
import { createLogger } from '../src/log.js';
import { remindersFeature } from '../src/scheduler/feature.js';

let config;
try {
  config = loadConfig(process.env);
} catch (err) {
  if (err instanceof ConfigError) {
    console.error(err.message);
    process.exit(1);
  }
  throw err;
}
const logger = createLogger({ level: config.logLevel });
const pollMs = process.env.REMINDER_POLL_MS ? Number(process.env.REMINDER_POLL_MS) : undefined;
let composed;
try {
  composed = await compose(config, logger, [remindersFeature({ worker: true, ...(pollMs ? { pollMs } : {}) })]);
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}
const running = composed;
logger.info('reminder worker process running');

let stopping = false;
const shutdown = async (signal: string): Promise<void> => {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'reminder worker shutting down');
  for (const b of running.background) await b.stop();
  await running.store.close();
  process.exit(0);
};
process.once('SIGTERM', () => void shutdown('SIGTERM'));
process.once('SIGINT', () => void shutdown('SIGINT'));
