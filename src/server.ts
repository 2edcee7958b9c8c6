import type { Server } from 'node:http';
import { pathToFileURL } from 'node:url';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { CloudAdapter } from 'botbuilder';
import { ConfigError, loadConfig, type Config } from './config.js';
import { createLogger, safeError, type Logger } from './log.js';
import { createBotAdapter, type TurnErrorHandler, type TurnHandler } from './bot/adapter.js';
import { checkTenant } from './bot/auth.js';
import { checkEnvelope } from './bot/envelope.js';
import { compose, type Composed } from './compose.js';
import { FEATURES } from './features.js';
import { testClockFromEnv } from './testing/clock.js';

export type { TurnHandler } from './bot/adapter.js';

export const PLAYGROUND_URL = 'http://localhost:56150';

/** What the server needs from the store: readiness and a clean close on shutdown. */
export interface ServerStore {
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export interface ServerDeps {
  config: Config;
  logger: Logger;
  /** The bot logic (src/bot/app.ts); without one the server only answers health checks. */
  handler?: TurnHandler;
  onTurnError?: TurnErrorHandler;
  store?: ServerStore;
  /** Readiness probe; defaults to store.ping(), or true without a store. */
  ready?: () => Promise<boolean>;
  /** Prebuilt adapter (tests, or the bot module for proactive sends). */
  adapter?: CloudAdapter;
  /** Extra routes of feature modules (e.g. single-use document downloads in local mode). */
  routes?: (app: express.Express) => void;
}

export interface GroepsaanpakApp extends express.Express {
  /** Makes /readyz answer 503 (set during shutdown). */
  markDraining(): void;
  readonly adapter: CloudAdapter;
}

function jsonError(res: Response, status: number, error: string, message: string): void {
  if (res.headersSent) return;
  res.status(status).json({ error, message });
}

export function createServer(deps: ServerDeps): GroepsaanpakApp {
  const { config, logger } = deps;
  // Without a bot (health-only tests) activities are accepted and nothing is answered.
  const handler: TurnHandler = deps.handler ?? (async () => {});
  const adapter = deps.adapter ?? createBotAdapter(config, logger, { onTurnError: deps.onTurnError });
  const ready = deps.ready ?? (deps.store ? () => deps.store!.ping() : async () => true);
  const log = logger.child({ component: 'http' });
  let draining = false;

  const app = express() as unknown as GroepsaanpakApp;
  app.disable('x-powered-by');
  Object.defineProperty(app, 'adapter', { value: adapter });
  app.markDraining = () => {
    draining = true;
  };

  // Request log: method, path, status, duration. Never the body.
  app.use((req, res, next) => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      log.info({ method: req.method, path: req.path, status: res.statusCode, ms: Math.round(ms) }, 'request');
    });
    next();
  });

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });

  app.get('/readyz', async (_req, res) => {
    let ok = false;
    if (!draining) {
      try {
        ok = await ready();
      } catch (err) {
        log.warn({ err: safeError(err) }, 'readiness check failed');
      }
    }
    res.status(ok ? 200 : 503).json({ status: ok ? 'ready' : 'not_ready' });
  });

  deps.routes?.(app);

  app.post(
    '/api/messages',
    express.json({ limit: config.bodyLimit }),
    (req: Request, res: Response, next: NextFunction) => {
      const body: unknown = req.body;
      if (body === null || typeof body !== 'object' || Array.isArray(body) || typeof (body as { type?: unknown }).type !== 'string') {
        jsonError(res, 400, 'invalid_activity', 'Expected a JSON Bot Framework activity.');
        return;
      }
      const envelope = checkEnvelope(body);
      if (!envelope.ok) {
        log.warn({ field: envelope.field }, 'activity refused: malformed field');
        jsonError(res, 400, 'invalid_activity', `Malformed field: ${envelope.field}.`);
        return;
      }
      if (config.mode === 'production') {
        const tenant = checkTenant(body, config.allowedTenants);
        if (!tenant.ok) {
          log.warn({ reason: tenant.reason }, 'activity refused: tenant');
          jsonError(res, 403, tenant.reason, 'Tenant not allowed.');
          return;
        }
      }
      next();
    },
    async (req: Request, res: Response) => {
      await adapter.process(req, res, (context) => handler(context));
    },
  );

  app.use((_req: Request, res: Response) => {
    jsonError(res, 404, 'not_found', 'Not found.');
  });

  // Body-parser errors become short JSON answers; nothing of the body is echoed or logged.
  app.use((err: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const e = err as { type?: string; status?: number; name?: string; message?: string };
    if (e.type === 'entity.too.large') return jsonError(res, 413, 'payload_too_large', `Body exceeds ${config.bodyLimit}.`);
    if (e.type === 'entity.parse.failed') return jsonError(res, 400, 'invalid_json', 'Malformed JSON.');
    if (typeof e.status === 'number' && e.status >= 400 && e.status < 500) {
      return jsonError(res, e.status, e.type ?? 'bad_request', 'Bad request.');
    }
    log.error({ err: safeError(e) }, 'unhandled error');
    return jsonError(res, 500, 'internal_error', 'Internal error.');
  });

  return app;
}

export interface RunningServer {
  app: GroepsaanpakApp;
  server: Server;
  url: string;
  /** Stops accepting, lets in-flight requests finish (up to graceMs), closes the store. */
  close(): Promise<void>;
}

export async function startServer(deps: ServerDeps & { graceMs?: number }): Promise<RunningServer> {
  const { config, logger } = deps;
  const app = createServer(deps);
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(config.port, config.host, (err?: Error) => (err ? reject(err) : resolve(s)));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}`;
  logger.info({ mode: config.mode, url }, 'groepsaanpak listening');
  if (config.mode === 'local') {
    logger.info(
      `Local mode (no MicrosoftAppId): Bot Framework auth is off and only ${config.host} is bound. ` +
        `Start the Microsoft 365 Agents Playground with \`npm run playground\`, then open ${PLAYGROUND_URL}`,
    );
  }

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      app.markDraining();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Keep-alive sockets become idle once their in-flight response is done: close them then.
      server.closeIdleConnections();
      const sweep = setInterval(() => server.closeIdleConnections(), 50);
      const timer = setTimeout(() => server.closeAllConnections(), deps.graceMs ?? 10_000);
      await closed;
      clearInterval(sweep);
      clearTimeout(timer);
      if (deps.store) await deps.store.close();
      logger.info('groepsaanpak stopped');
    })();
    return closing;
  };
  return { app, server, url, close };
}

export async function main(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  let config: Config;
  try {
    config = loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  const logger = createLogger({ level: config.logLevel });
  let composed: Composed;
  // TEST ONLY: GA_TEST_CLOCK=1 in local mode swaps the system clock for a settable one (+ /_test/clock).
  const testClock = testClockFromEnv(env, config.mode);
  if (testClock) logger.warn('GA_TEST_CLOCK=1: test clock active (POST /_test/clock moves time)');
  try {
    composed = await compose(config, logger, testClock ? [...FEATURES, testClock.feature] : FEATURES, testClock?.clock);
  } catch (err) {
    // A clear start-up error (missing key, bad convenant file), never a stack trace of content.
    console.error((err as Error).message);
    process.exit(1);
  }
  const running = await startServer({
    config,
    logger,
    handler: composed.bot.handler,
    adapter: composed.adapter,
    routes: composed.routes,
    store: {
      ping: () => composed.store.ping(),
      close: async () => {
        for (const b of composed.background) await b.stop();
        await composed.store.close();
      },
    },
  });
  const shutdown = (signal: string) => {
    logger.info({ signal }, 'shutting down');
    running.close().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err: safeError(err) }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedDirectly) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
