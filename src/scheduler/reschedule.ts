// Keeps the stored reminders in line with the workflow's monitoring schedule. The schedule is a
// pure function of the aanpak (src/workflow/schedule.ts); here it is loaded, compared by key with
// what the store holds and applied: new or changed moments are (re)armed, vanished ones cancelled.
//
// What was already delivered (status 'done') is never re-armed for the same moment: the schedule
// keeps items whose moment passed while their condition holds, so "same key, same dueAt, done"
// means "sent". A recurring item (the overleg) that was delivered rolls on to its next occurrence.
// A reminder that a worker holds (leased, in flight) is left alone: the worker re-checks the
// schedule at send time, so replacing it here could only cause a second delivery.
import { randomUUID } from 'node:crypto';
import type { Reminder, Store } from '../store/port.js';
import type { ConvenantConfig } from '../workflow/convenant.js';
import {
  convenantSchedule,
  diffSchedule,
  monitoringSchedule,
  type InzageRequest,
  type ScheduleInput,
  type ScheduledItem,
} from '../workflow/schedule.js';
import { addDays, addMilliseconds, localDate } from '../workflow/time.js';
import type { Aanpak } from '../workflow/types.js';
import { gemeenteScope, parsePayload, SNOOZE_PREFIX, toPayload } from './payload.js';

export interface RescheduleOptions {
  /** Open inzage requests of an aanpak (T-18), when a module records them. */
  inzageRequests?: (aanpakId: string) => Promise<InzageRequest[]>;
}

export interface RescheduleResult {
  /** Keys (re)armed. */
  scheduled: string[];
  /** Keys cancelled (pending reminders removed). */
  cancelled: string[];
}

/** Everything monitoringSchedule needs, read from the store. */
export async function loadScheduleInput(
  store: Store,
  aanpak: Aanpak,
  config: ConvenantConfig,
  now: Date,
  options: RescheduleOptions = {},
): Promise<ScheduleInput> {
  const [members, actions, rounds] = await Promise.all([
    store.listMembers(aanpak.id),
    store.listActions(aanpak.id),
    store.listRounds(aanpak.id),
  ]);
  const answersByRound: Record<string, string[]> = {};
  for (const r of rounds) {
    if (r.status !== 'open') continue;
    answersByRound[r.id] = (await store.listAnswers(r.id)).filter((a) => a.status === 'submitted').map((a) => a.participantId);
  }
  const inzageRequests = options.inzageRequests ? await options.inzageRequests(aanpak.id) : [];
  return { aanpak, members, actions, rounds, answersByRound, config, now: now.toISOString(), inzageRequests };
}

/** The aanpak's schedule as it stands now (empty for a destroyed or unknown aanpak). */
export async function currentSchedule(
  store: Store,
  aanpakId: string,
  config: ConvenantConfig,
  now: Date,
  options: RescheduleOptions = {},
): Promise<{ aanpak?: Aanpak; input?: ScheduleInput; items: ScheduledItem[] }> {
  const aanpak = await store.getAanpak(aanpakId);
  if (!aanpak || aanpak.state === 'vernietigd') return { ...(aanpak ? { aanpak } : {}), items: [] };
  const input = await loadScheduleInput(store, aanpak, config, now, options);
  return { aanpak, input, items: monitoringSchedule(input) };
}

function doneFor(stored: readonly Reminder[], item: ScheduledItem): boolean {
  const s = stored.find((r) => r.key === item.key && r.status === 'done');
  const p = s && parsePayload(s.payload);
  return !!p && p.item.dueAt === item.dueAt;
}

/** A delivered overleg reminder rolls on: the next occurrence after the overleg it announced. */
function rollRecurring(items: ScheduledItem[], stored: readonly Reminder[], input: ScheduleInput): ScheduledItem[] {
  return items.map((item) => {
    if (item.kind !== 'overleg' || typeof item.data.overlegAt !== 'string' || !doneFor(stored, item)) return item;
    const later = monitoringSchedule({ ...input, now: addMilliseconds(item.data.overlegAt, 1) }).find((i) => i.key === item.key);
    return later ?? item;
  });
}

function leased(r: Reminder, now: Date): boolean {
  return r.leaseUntil !== undefined && Date.parse(r.leaseUntil) > now.getTime();
}

/** Compares stored reminders of one scope with the wanted items and writes the difference. */
async function apply(store: Store, scope: string, stored: readonly Reminder[], next: readonly ScheduledItem[], now: Date): Promise<RescheduleResult> {
  const nextKeys = new Set(next.map((i) => i.key));
  const byKey = new Map<string, Reminder>();
  for (const r of stored) if (r.key && !r.key.startsWith(SNOOZE_PREFIX)) byKey.set(r.key, r);

  // What counts as "already there" for the diff: delivered for this moment, in flight, or pending.
  const previous: ScheduledItem[] = [];
  for (const item of next) {
    const s = byKey.get(item.key);
    if (!s) continue;
    const p = parsePayload(s.payload);
    if (s.status === 'done') {
      if (p && p.item.dueAt === item.dueAt) previous.push(item);
    } else if (leased(s, now)) {
      previous.push(item);
    } else if (p) {
      previous.push(p.item);
    }
  }
  const cancelled: string[] = [];
  for (const s of stored) {
    if (s.status !== 'pending' || !s.key) continue;
    if (s.key.startsWith(SNOOZE_PREFIX)) {
      // A snooze lives as long as the moment it repeats.
      const of = parsePayload(s.payload)?.snoozeOf;
      if (!of || !nextKeys.has(of)) cancelled.push(s.key);
    } else if (!nextKeys.has(s.key)) {
      cancelled.push(s.key);
    }
  }
  const diff = diffSchedule(previous, next);
  for (const key of cancelled) await store.cancelReminders(scope, { key });
  for (const item of diff.toSchedule) {
    // A delivered reminder that is re-armed (the overleg rolling on) keeps its id, so the card
    // already in the chat ("gedaan", "later") still finds it. Fences are per moment, not per id.
    const done = byKey.get(item.key);
    const id = done?.status === 'done' ? done.id : randomUUID();
    await store.scheduleReminder({ id, aanpakId: scope, kind: item.kind, dueAt: item.dueAt, payload: toPayload(item), key: item.key });
  }
  return { scheduled: diff.toSchedule.map((i) => i.key), cancelled };
}

/** Recomputes one aanpak's schedule and applies it to the store. */
export async function rescheduleAanpak(
  store: Store,
  aanpakId: string,
  config: ConvenantConfig,
  now: Date,
  options: RescheduleOptions = {},
): Promise<RescheduleResult> {
  const [{ input, items }, stored] = await Promise.all([currentSchedule(store, aanpakId, config, now, options), store.listReminders(aanpakId)]);
  const next = input ? rollRecurring(items, stored, input) : [];
  return apply(store, aanpakId, stored, next, now);
}

/** T-19: the yearly convenant evaluation, stored under the gemeente's pseudo scope. */
export async function rescheduleGemeente(store: Store, config: ConvenantConfig, now: Date): Promise<RescheduleResult> {
  const scope = gemeenteScope(config.gemeente);
  const stored = await store.listReminders(scope);
  let next = convenantSchedule(config, now);
  const first = next[0];
  if (first && doneFor(stored, first) && typeof first.data.date === 'string') {
    next = convenantSchedule(config, addDays(localDate(first.data.date), 1));
  }
  return apply(store, scope, stored, next, now);
}

/** At start: every aanpak of the gemeente and the convenant evaluation. */
export async function rescheduleAll(
  store: Store,
  config: ConvenantConfig,
  now: Date,
  options: RescheduleOptions = {},
): Promise<{ aanpakken: number; scheduled: number; cancelled: number }> {
  let scheduled = 0;
  let cancelled = 0;
  const aanpakken = (await store.listAanpakkenByGemeente(config.gemeente)).filter((a) => a.state !== 'vernietigd');
  for (const a of aanpakken) {
    const r = await rescheduleAanpak(store, a.id, config, now, options);
    scheduled += r.scheduled.length;
    cancelled += r.cancelled.length;
  }
  const g = await rescheduleGemeente(store, config, now);
  return { aanpakken: aanpakken.length, scheduled: scheduled + g.scheduled.length, cancelled: cancelled + g.cancelled.length };
}
