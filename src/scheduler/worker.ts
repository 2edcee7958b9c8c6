// The reminder worker: polls the store, claims due reminders with a lease, renders and sends them
// through the outbox (gated and audited), marks them done and rolls recurring ones on. Runs in the
// bot process and as its own process (scripts/worker.ts); several instances may share one store.
//
// Never twice: before sending, a worker writes a fence `reminder:<id>:<attempt>` (markProcessed,
// atomic). A later attempt first probes the fences of earlier attempts: an earlier attempt that
// started sending and did not record a failure is "in doubt" (its worker died between the send
// and completeReminder) and is completed without a second send. Probing also inserts the fence,
// so a slow worker whose lease expired cannot start sending after another took over. The price:
// a worker that dies in the middle of one HTTP call loses that one message (logged), rather than
// sending it twice. Failures that are known (connector error, no 1:1 chat yet) are recorded and
// retried with backoff; claimed items in quiet hours are released to the next allowed moment.
import { hostname } from 'node:os';
import type { Delivery } from '../bot/outbox.js';
import type { Outgoing } from '../bot/types.js';
import { safeError, type Logger } from '../log.js';
import { applyRetention, type RetentionOptions } from '../store/retention-executor.js';
import type { Reminder, Store } from '../store/port.js';
import type { ConvenantConfig } from '../workflow/convenant.js';
import type { ScheduledItem } from '../workflow/schedule.js';
import { addMilliseconds, compareInstants, isQuiet, nextAllowedMoment } from '../workflow/time.js';
import type { Aanpak, Env } from '../workflow/types.js';
import { isGemeenteScope, parsePayload, type ReminderPayload } from './payload.js';
import { regisseurOf, renderConvenantReminder, renderReminder, RETENTION_EXECUTIONS, SCHEDULER_ACTOR } from './render.js';
import { currentSchedule, rescheduleAanpak, rescheduleGemeente, type RescheduleOptions } from './reschedule.js';

export interface ProactiveSender {
  sendProactive(msg: Outgoing, actor?: string): Promise<Delivery>;
}

type WorkerLogger = Pick<Logger, 'info' | 'warn' | 'error'>;

export interface WorkerOptions {
  store: Store;
  /** The outbox (or anything with its sendProactive). */
  sender: ProactiveSender;
  env: Env;
  config: ConvenantConfig;
  workerId?: string;
  /** Pause between polls that found less than a full batch (default 5 s). */
  pollMs?: number;
  /** How long a claim is held (default 2 min); an instance that dies frees its claims after this. */
  leaseMs?: number;
  /** Reminders claimed per poll (default 20). */
  batch?: number;
  /** Attempts before an undeliverable reminder is given up (default 10). */
  maxAttempts?: number;
  logger?: WorkerLogger;
  /** Exports an archiveFirst dossier before its destroy (Archiefwet); without it such destroys wait. */
  archive?: RetentionOptions['archive'];
  reschedule?: RescheduleOptions;
}

export type Outcome = 'sent' | 'denied' | 'deferred' | 'dropped' | 'moved' | 'retry' | 'executed' | 'fenced' | 'released';

export interface TickResult {
  claimed: number;
  outcomes: Record<Outcome, number>;
}

export interface Worker {
  readonly id: string;
  /** One poll: claim a batch and handle it completely. Tests drive simulated time with this. */
  tick(): Promise<TickResult>;
  /** Polls until stop(); the first poll runs at once (catch-up after downtime). */
  start(): void;
  /** Stops polling; waits for the batch in flight. */
  stop(): Promise<void>;
  /** Simulates a crash: stops at once, completes and releases nothing more (leases expire). */
  kill(): void;
}

/** A reminder more than a day after its moment is marked "te laat". */
export const LATE_AFTER_MS = 24 * 60 * 60 * 1000;
const RETENTION_RETRY_MS = 24 * 60 * 60 * 1000;
const MAX_BACKOFF_MS = 6 * 60 * 60 * 1000;
const MAX_PROBES = 20;

/** Per reminder, moment and attempt: a re-armed reminder (same id, next moment) starts afresh. */
export const fenceKey = (r: Reminder, attempt: number): string => `reminder:${r.id}:${momentOf(r)}:${attempt}`;
const failedKey = (r: Reminder, attempt: number): string => `reminder-failed:${r.id}:${momentOf(r)}:${attempt}`;

function momentOf(r: Reminder): string {
  const p = parsePayload(r.payload);
  return p?.snoozedUntil ?? p?.item.dueAt ?? '';
}

/** 1, 2, 4 … minutes, at most 6 hours. */
export function backoffMs(attempt: number): number {
  return Math.min(60_000 * 2 ** Math.max(0, attempt - 1), MAX_BACKOFF_MS);
}

function emptyOutcomes(): Record<Outcome, number> {
  return { sent: 0, denied: 0, deferred: 0, dropped: 0, moved: 0, retry: 0, executed: 0, fenced: 0, released: 0 };
}

const errInfo = safeError;

export function createWorker(options: WorkerOptions): Worker {
  const { store, sender, env, config } = options;
  const id = options.workerId ?? `${hostname()}:${process.pid}:${env.newId()}`;
  const pollMs = options.pollMs ?? 5_000;
  const leaseMs = options.leaseMs ?? 120_000;
  const batch = options.batch ?? 20;
  const maxAttempts = options.maxAttempts ?? 10;
  const log: WorkerLogger = options.logger ?? { info: () => {}, warn: () => {}, error: () => {} };
  const q = config.quietHours;

  let running = false;
  let killed = false;
  let loop: Promise<void> | undefined;
  let wake: (() => void) | undefined;

  const complete = (r: Reminder) => store.completeReminder(r.id, id, env.now());

  async function audit(aanpakId: string, r: Reminder, item: ScheduledItem, outcome: string, late: boolean): Promise<void> {
    await store.appendAudit({
      aanpakId,
      type: 'reminder.delivered',
      actor: SCHEDULER_ACTOR,
      at: env.now().toISOString(),
      ...(item.ruleId ? { ruleIds: [item.ruleId] } : {}),
      data: { reminderId: r.id, key: item.key, kind: item.kind, outcome, late, attempt: r.attempts },
    });
  }

  /** An earlier attempt began sending and never recorded a failure: it may have been delivered. */
  async function inDoubt(r: Reminder): Promise<boolean> {
    for (let k = Math.max(1, r.attempts - MAX_PROBES); k < r.attempts; k += 1) {
      if (await store.markProcessed(fenceKey(r, k))) continue; // attempt k never started sending
      if (await store.markProcessed(failedKey(r, k))) return true; // started, no failure recorded
    }
    return false;
  }

  /** A known failure: recorded (so it is not in doubt) and retried with backoff, or given up. */
  async function retry(r: Reminder, scopeAanpakId: string | undefined, item: ScheduledItem, late: boolean, why: string): Promise<Outcome> {
    await store.markProcessed(failedKey(r, r.attempts));
    if (r.attempts >= maxAttempts) {
      log.warn({ reminderId: r.id, kind: item.kind, attempts: r.attempts, why }, 'reminder given up');
      if (scopeAanpakId) await audit(scopeAanpakId, r, item, 'undeliverable', late);
      await complete(r);
      return 'dropped';
    }
    const at = nextAllowedMoment(addMilliseconds(env.now().toISOString(), backoffMs(r.attempts)), q);
    await store.releaseReminder(r.id, id, at);
    log.info({ reminderId: r.id, kind: item.kind, attempts: r.attempts, why, retryAt: at }, 'reminder retry');
    return 'retry';
  }

  async function execute(r: Reminder, item: ScheduledItem, now: Date): Promise<Outcome> {
    if (!item.retention) {
      await complete(r);
      return 'dropped';
    }
    const [result] = await applyRetention(store, [item.retention], now, SCHEDULER_ACTOR, options.archive ? { archive: options.archive } : {});
    if (result?.result === 'skipped' && (result.reason === 'needs_archive' || result.reason === 'not_due')) {
      const at = result.reason === 'not_due' ? item.retention.dueAt : addMilliseconds(now.toISOString(), RETENTION_RETRY_MS);
      log.warn({ reminderId: r.id, kind: item.kind, reason: result.reason }, 'retention waits');
      await store.releaseReminder(r.id, id, at);
      return 'retry';
    }
    await complete(r);
    // The state changed (inactief, vernietigd): what follows is scheduled from the new state.
    await rescheduleAanpak(store, r.aanpakId, config, now, options.reschedule);
    return 'executed';
  }

  async function sendAll(msgs: Outgoing[]): Promise<{ deliveries: Delivery[]; killedMidway: boolean }> {
    const deliveries: Delivery[] = [];
    for (const msg of msgs) {
      deliveries.push(await sender.sendProactive(msg, SCHEDULER_ACTOR));
      if (killed) return { deliveries, killedMidway: true };
    }
    return { deliveries, killedMidway: false };
  }

  async function convenant(r: Reminder, payload: ReminderPayload, late: boolean): Promise<Outcome> {
    const item = payload.item;
    // One message per procesregisseur (several aanpakken may share one), through one of their aanpakken.
    const seen = new Set<string>();
    const via: Aanpak[] = [];
    for (const a of await store.listAanpakkenByGemeente(config.gemeente)) {
      if (a.state === 'vernietigd' || a.state === 'inactief') continue;
      const p = regisseurOf(a);
      if (!p || seen.has(p.aadObjectId)) continue;
      seen.add(p.aadObjectId);
      via.push(a);
    }
    const msgs = via.map((a) => renderConvenantReminder(item, a, r.id, late)).filter((m): m is Outgoing => !!m);
    if (msgs.length === 0) {
      await complete(r);
      await rescheduleGemeente(store, config, env.now());
      return 'dropped';
    }
    if (!(await store.markProcessed(fenceKey(r, r.attempts)))) return 'fenced';
    const { deliveries, killedMidway } = await sendAll(msgs);
    if (killedMidway) return 'sent';
    const any = deliveries.some((d) => d.outcome === 'sent');
    if (!any) return retry(r, via[0]?.id, item, late, deliveries.map((d) => d.outcome).join(','));
    for (const a of via) await audit(a.id, r, item, 'sent', late);
    await complete(r);
    await rescheduleGemeente(store, config, env.now());
    return 'sent';
  }

  async function handle(r: Reminder): Promise<Outcome> {
    const now = env.now();
    const nowIso = now.toISOString();
    const payload = parsePayload(r.payload);
    if (!payload) {
      log.warn({ reminderId: r.id, kind: r.kind }, 'reminder with unknown payload dropped');
      await complete(r);
      return 'dropped';
    }
    const item = payload.item;
    if (RETENTION_EXECUTIONS.has(item.kind)) return execute(r, item, now);
    if (isQuiet(nowIso, q)) {
      await store.releaseReminder(r.id, id, nextAllowedMoment(nowIso, q));
      return 'deferred';
    }
    if (r.attempts > 1 && (await inDoubt(r))) {
      log.warn({ reminderId: r.id, kind: item.kind, attempts: r.attempts }, 'reminder in doubt (earlier attempt may have sent it): not sent again');
      await complete(r);
      return 'dropped';
    }
    const moment = payload.snoozedUntil ?? item.dueAt;
    const late = now.getTime() - Date.parse(moment) > LATE_AFTER_MS;
    if (isGemeenteScope(r.aanpakId)) return convenant(r, payload, late);

    const { aanpak, input, items } = await currentSchedule(store, r.aanpakId, config, now, options.reschedule);
    const fresh = items.find((i) => i.key === (payload.snoozeOf ?? item.key));
    if (!aanpak || !input || !fresh) {
      // The condition is gone (action done, member removed, aanpak closed): nothing to remind.
      await complete(r);
      return 'dropped';
    }
    if (compareInstants(fresh.dueAt, item.dueAt) !== 0) {
      if (payload.snoozeOf) {
        await complete(r);
        return 'dropped';
      }
      // The moment moved: give the claim back and let the schedule replace the reminder.
      await store.releaseReminder(r.id, id);
      await rescheduleAanpak(store, r.aanpakId, config, now, options.reschedule);
      return 'moved';
    }
    const msgs = renderReminder({ item: fresh, aanpak, input, reminderId: r.id, now, late });
    if (msgs.length === 0) {
      await complete(r);
      return 'dropped';
    }
    if (!(await store.markProcessed(fenceKey(r, r.attempts)))) return 'fenced';
    const { deliveries, killedMidway } = await sendAll(msgs);
    if (killedMidway) return 'sent';
    const failed = deliveries.find((d) => d.outcome === 'failed' || d.outcome === 'unreachable');
    if (failed) return retry(r, aanpak.id, fresh, late, failed.outcome);
    const denied = deliveries.some((d) => d.outcome === 'denied');
    await audit(aanpak.id, r, fresh, denied ? 'denied' : 'sent', late);
    await complete(r);
    if (fresh.kind === 'overleg' && !payload.snoozeOf) await rescheduleAanpak(store, r.aanpakId, config, env.now(), options.reschedule);
    return denied ? 'denied' : 'sent';
  }

  async function handleSafe(r: Reminder): Promise<Outcome> {
    try {
      return await handle(r);
    } catch (err) {
      log.error({ reminderId: r.id, kind: r.kind, err: errInfo(err) }, 'reminder failed');
      if (killed) return 'released';
      try {
        await store.markProcessed(failedKey(r, r.attempts));
        await store.releaseReminder(r.id, id, addMilliseconds(env.now().toISOString(), backoffMs(r.attempts)));
      } catch (inner) {
        log.error({ reminderId: r.id, err: errInfo(inner) }, 'reminder release failed');
      }
      return 'retry';
    }
  }

  async function tick(): Promise<TickResult> {
    const outcomes = emptyOutcomes();
    const started = env.now();
    const claimed = await store.claimDue(started, id, leaseMs, batch);
    // Stop handing out work well before the lease ends: after it, another worker may own the item.
    const deadline = started.getTime() + leaseMs - Math.min(leaseMs / 5, 10_000);
    for (const r of claimed) {
      if (killed) break;
      if (env.now().getTime() >= deadline) {
        await store.releaseReminder(r.id, id);
        outcomes.released += 1;
        continue;
      }
      outcomes[await handleSafe(r)] += 1;
    }
    return { claimed: claimed.length, outcomes };
  }

  function sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(() => {
        wake = undefined;
        resolve();
      }, ms);
      wake = () => {
        clearTimeout(t);
        wake = undefined;
        resolve();
      };
    });
  }

  return {
    id,
    tick,
    start() {
      if (running || killed) return;
      running = true;
      log.info({ workerId: id, pollMs, leaseMs, batch }, 'reminder worker started');
      loop = (async () => {
        while (running && !killed) {
          let full = false;
          try {
            const r = await tick();
            full = r.claimed >= batch;
          } catch (err) {
            log.error({ err: errInfo(err) }, 'reminder poll failed');
          }
          if (!running || killed) break;
          if (!full) await sleep(pollMs);
        }
      })();
    },
    async stop() {
      running = false;
      wake?.();
      await loop;
      log.info({ workerId: id }, 'reminder worker stopped');
    },
    kill() {
      killed = true;
      running = false;
      wake?.();
    },
  };
}

/** Creates and starts a worker. */
export function startWorker(options: WorkerOptions): Worker {
  const w = createWorker(options);
  w.start();
  return w;
}
