// Composition root: config → store → adapter → bot (+ feature plugins) → background workers.
// The only place that knows every module; each module stays testable on its own.
import { randomUUID } from 'node:crypto';
import type express from 'express';
import type { CloudAdapter } from 'botbuilder';
import { createBotAdapter } from './bot/adapter.js';
import { createBot, type Bot, type BotPlugin } from './bot/app.js';
import { renderErrorCard } from './cards/index.js';
import type { Config } from './config.js';
import { safeError, type Logger } from './log.js';
import { openStore, type Store } from './store/index.js';
import { DEFAULT_CONVENANT, validateConvenantConfig, type ConvenantConfig } from './workflow/convenant.js';
import type { Env } from './workflow/types.js';

/** A long-running part of the process (the reminder worker). */
export interface Background {
  stop(): Promise<void>;
}

export interface Composed {
  store: Store;
  adapter: CloudAdapter;
  bot: Bot;
  env: Env;
  convenant: ConvenantConfig;
  routes: (app: express.Express) => void;
  background: Background[];
}

/** Feature modules register here: they get the shared parts and add plugins, routes, workers. */
export interface FeatureContext {
  config: Config;
  logger: Logger;
  store: Store;
  env: Env;
  convenant: ConvenantConfig;
  adapter: CloudAdapter;
  /** Set once the bot exists (plugins are created before it). */
  bot(): Bot;
  /** Tells every feature that an aanpak changed (reschedules its reminders, …). */
  afterChange(aanpakId: string): Promise<void>;
}

export interface Feature {
  plugin?(ctx: FeatureContext): BotPlugin;
  routes?(ctx: FeatureContext, app: express.Express): void;
  start?(ctx: FeatureContext): Promise<Background | undefined>;
  /** Called after an aanpak changed (e.g. to reschedule its reminders). */
  afterChange?(ctx: FeatureContext, aanpakId: string): Promise<void>;
}

export function systemEnv(): Env {
  return { now: () => new Date(), newId: () => randomUUID() };
}

export function loadConvenant(config: Config): ConvenantConfig {
  if (!config.convenant) {
    return { ...DEFAULT_CONVENANT, gemeente: process.env.GEMEENTE ?? 'Voorbeeldgemeente' };
  }
  const v = validateConvenantConfig(config.convenant.settings);
  if (!v.ok) {
    throw new Error(`Configuratiefout / configuration error in ${config.convenant.path}:\n${v.errors.join('\n')}`);
  }
  return v.config;
}

/**
 * Runs the features' afterChange work (rescheduling reminders) after the turn instead of inside
 * it: one queue per aanpak keeps the order, errors are logged, and stop() waits for the queue.
 * The reminder worker recomputes the schedule at send time, so a change a moment late is safe.
 */
export function afterChangeQueue(run: (aanpakId: string) => Promise<void>, logger: Logger): { enqueue(aanpakId: string): Promise<void>; stop(): Promise<void> } {
  const chains = new Map<string, Promise<void>>();
  return {
    enqueue(aanpakId) {
      const next = (chains.get(aanpakId) ?? Promise.resolve())
        .then(() => run(aanpakId))
        .catch((err: unknown) => logger.error({ aanpakId, err: safeError(err) }, 'afterChange failed'))
        .finally(() => {
          if (chains.get(aanpakId) === next) chains.delete(aanpakId);
        });
      chains.set(aanpakId, next);
      return Promise.resolve();
    },
    async stop() {
      while (chains.size) await Promise.all([...chains.values()]);
    },
  };
}

export interface ComposeOptions {
  /** Run afterChange inside the turn (tests that assert on rescheduled reminders right away). */
  syncAfterChange?: boolean;
}

export async function compose(
  config: Config,
  logger: Logger,
  features: Feature[] = [],
  env: Env = systemEnv(),
  options: ComposeOptions = {},
): Promise<Composed> {
  const convenant = loadConvenant(config);
  const store = await openStore({
    ...(config.mongodbUri ? { mongodbUri: config.mongodbUri } : {}),
    dataDir: config.dataDir,
    sqliteSynchronous: config.sqliteSynchronous,
    ...(config.dataEncryptionKey ? { dataEncryptionKey: config.dataEncryptionKey.toString('base64') } : {}),
    mode: config.mode,
    logger: { warn: (msg: string) => logger.warn(msg) },
  });
  // The adapter's error handler and the plugins need the bot, which needs them: late binding.
  const late: { bot?: Bot } = {};
  const adapter = createBotAdapter(config, logger, {
    onTurnError: async (context, error) => {
      logger.error({ err: safeError(error) }, 'turn failed');
      await late.bot?.outbox.sendStatic(context, renderErrorCard({ message: 'Er ging iets mis. Probeer het opnieuw.' })).catch(() => undefined);
    },
  });
  const runAfterChange = async (aanpakId: string) => {
    for (const f of features) await f.afterChange?.(ctx, aanpakId);
  };
  const queue = afterChangeQueue(runAfterChange, logger);
  const ctx: FeatureContext = {
    config,
    logger,
    store,
    env,
    convenant,
    adapter,
    bot: () => {
      if (!late.bot) throw new Error('bot not ready');
      return late.bot;
    },
    afterChange: (aanpakId) => (options.syncAfterChange ? runAfterChange(aanpakId) : queue.enqueue(aanpakId)),
  };
  const plugins = features.flatMap((f) => (f.plugin ? [f.plugin(ctx)] : []));
  const bot = createBot({
    store,
    env,
    logger,
    adapter,
    appId: config.bot.appId ?? '',
    gemeente: convenant.gemeente,
    plugins,
    afterChange: ctx.afterChange,
  });
  late.bot = bot;
  const background: Background[] = [];
  for (const f of features) {
    const b = await f.start?.(ctx);
    if (b) background.push(b);
  }
  // Last: workers stop first, then the pending afterChange work drains.
  background.push({ stop: () => queue.stop() });
  return {
    store,
    adapter,
    bot,
    env,
    convenant,
    routes: (app) => {
      for (const f of features) f.routes?.(ctx, app);
    },
    background,
  };
}
