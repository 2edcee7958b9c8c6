// The monitoring feature for the composition root: the reminders plugin, rescheduling after every
// change, and (unless switched off) the reminder worker inside the bot process.
import type { Feature, FeatureContext } from '../compose.js';
import { createRemindersPlugin } from '../bot/reminders.js';
import { rescheduleAanpak, rescheduleAll, type RescheduleOptions } from './reschedule.js';
import { startWorker, type WorkerOptions } from './worker.js';

export interface RemindersFeatureOptions {
  /** Run the worker in this process (default true). Set false when `npm run worker` runs it. */
  worker?: boolean;
  pollMs?: number;
  leaseMs?: number;
  batch?: number;
  archive?: WorkerOptions['archive'];
  reschedule?: RescheduleOptions;
}

export function remindersFeature(options: RemindersFeatureOptions = {}): Feature {
  const reschedule = async (ctx: FeatureContext, aanpakId: string): Promise<void> => {
    await rescheduleAanpak(ctx.store, aanpakId, ctx.convenant, ctx.env.now(), options.reschedule);
  };
  return {
    plugin: (ctx) =>
      createRemindersPlugin({ store: ctx.store, env: ctx.env, config: ctx.convenant, afterChange: ctx.afterChange }),
    afterChange: reschedule,
    async start(ctx) {
      const log = ctx.logger.child({ component: 'scheduler' });
      // Catch up at start: whatever changed or fell due while no process ran is (re)scheduled.
      const r = await rescheduleAll(ctx.store, ctx.convenant, ctx.env.now(), options.reschedule);
      log.info(r, 'schedule recomputed');
      if (options.worker === false) return undefined;
      const worker = startWorker({
        store: ctx.store,
        sender: ctx.bot().outbox,
        env: ctx.env,
        config: ctx.convenant,
        logger: log,
        ...(options.pollMs !== undefined ? { pollMs: options.pollMs } : {}),
        ...(options.leaseMs !== undefined ? { leaseMs: options.leaseMs } : {}),
        ...(options.batch !== undefined ? { batch: options.batch } : {}),
        ...(options.archive ? { archive: options.archive } : {}),
        ...(options.reschedule ? { reschedule: options.reschedule } : {}),
      });
      return { stop: () => worker.stop() };
    },
  };
}
