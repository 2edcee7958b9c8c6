// Child process of `npm run bench:turn`: runs one bot on 127.0.0.1 (ephemeral port) and reports
// its URL over IPC. `ours` is the real server (compose + startServer, local mode, SQLite in a temp
// folder, real clock); `echo` is the baseline in bench/echo. Both get the same timing hooks.
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compose } from '../../src/compose.js';
import { loadConfig } from '../../src/config.js';
import { FEATURES } from '../../src/features.js';
import { createLogger } from '../../src/log.js';
import { startServer } from '../../src/server.js';
import { createEchoServer } from '../echo/app.js';
import { installStamps } from './stamps.js';

export type TargetKind = 'ours' | 'echo';

export type TargetMessage = { type: 'ready'; url: string; pid: number } | { type: 'usage'; cpuMs: number; rssMb: number };

const kind = process.argv[2] as TargetKind;
const logLevel = process.env.BENCH_LOG_LEVEL ?? 'info';
const send = (m: TargetMessage) => process.send?.(m);

async function startOurs(): Promise<{ url: string; stop: () => Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ga-bench-turn-'));
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: logLevel, ...(process.env.SQLITE_SYNCHRONOUS ? { SQLITE_SYNCHRONOUS: process.env.SQLITE_SYNCHRONOUS } : {}) });
  const logger = createLogger({ level: config.logLevel });
  const composed = await compose(config, logger, FEATURES);
  const running = await startServer({
    config,
    logger,
    handler: composed.bot.handler,
    adapter: composed.adapter,
    routes: (app) => {
      installStamps(app);
      composed.routes(app);
    },
    store: {
      ping: () => composed.store.ping(),
      close: async () => {
        for (const b of composed.background) await b.stop();
        await composed.store.close();
      },
    },
    graceMs: 2_000,
  });
  return {
    url: running.url,
    stop: async () => {
      await running.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function startEcho(): Promise<{ url: string; stop: () => Promise<void> }> {
  // Same body limit as our bot's default configuration.
  const { bodyLimit } = loadConfig({});
  const app = createEchoServer({ bodyLimit, routes: installStamps });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const started = kind === 'ours' ? await startOurs() : kind === 'echo' ? await startEcho() : undefined;
if (!started) {
  console.error(`usage: target.ts ours|echo (got ${String(kind)})`);
  process.exit(2);
}
const cpuAtStart = process.cpuUsage();
process.on('message', (m: { type?: string }) => {
  if (m.type === 'usage') {
    const u = process.cpuUsage(cpuAtStart);
    send({ type: 'usage', cpuMs: (u.user + u.system) / 1000, rssMb: process.memoryUsage().rss / 2 ** 20 });
  }
  if (m.type === 'stop') {
    started.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  }
});
send({ type: 'ready', url: started.url, pid: process.pid });
