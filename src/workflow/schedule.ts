// The monitoring schedule as a pure function (PRODUCT.md §6, digest §7 T-01 … T-22): from an
// aanpak's current state, derive every reminder, escalation and retention moment. The scheduler
// (issue 5) stores the items by key and applies diffSchedule after every change, so a new step,
// a finished action, a removed member or a closed aanpak reschedules or cancels what it affects.
//
// Time rules (all Europe/Amsterdam):
// - Date-based moments are sent at 09:00 on a working day (REMINDER_TIME).
// - Messages that fall in quiet hours move to the next allowed moment (08:00 next working day).
// - Round nudges are deadline-bound: when moving forward would reach the deadline (or the
//   1-day nudge would reach the 2-hour nudge), they move earlier instead, to one hour before the
//   quiet period began (e.g. Friday 19:00); a nudge that would then fall before the round
//   opened, or collide with the 2-hour nudge, is dropped.
// - Retention executions are never moved: the terms are legal maxima. Their announcements are.
// - Items stay in the schedule after their moment has passed while their condition holds, so a
//   scheduler that was down still finds them; only recurring items (overleg, yearly
//   evaluation) roll on to their next occurrence once the previous one is over.

import type { Aanpak, Action, Member, RetentionDecision, Round, StepId } from './types.js';
import { STEPS } from './types.js';
import type { ConvenantConfig } from './convenant.js';
import { RETENTION_PROFILES } from './convenant.js';
import { destroyAnnouncement, retentionDecisions } from './retention.js';
import {
  addDays,
  addMilliseconds,
  addMonths,
  addWeeks,
  addWorkingDays,
  atLocalTime,
  compareInstants,
  isDate,
  isQuiet,
  localDate,
  nextAllowedMoment,
  nextWorkingDay,
  previousAllowedMoment,
  type QuietHours,
} from './time.js';

export const REMINDER_TIME = '09:00';
/** "Over 3 dagen: jeugdgroepenoverleg …" */
export const OVERLEG_LEAD_DAYS = 3;
export const TUSSENEVALUATIE_MONTHS = 6;
export const CLOSING_TARGET_MONTHS = 12;
export const ACTION_REMINDER_WORKING_DAYS = 2;
export const INFORMING_AFTER_DAYS = 14;
export const INZAGE_TERM_WEEKS = 4;
export const INZAGE_WARNING_DAYS = 7;
const HOUR = 60 * 60 * 1000;

export type ScheduledKind =
  | 'overleg'
  | 'tussenevaluatie'
  | 'driehoek-memo'
  | 'closing-target'
  | 'evaluatiemoment'
  | 'action-reminder'
  | 'action-escalation'
  | 'round-nudge-1d'
  | 'round-nudge-2h'
  | 'round-deadline'
  | 'informing-letter'
  | 'retention-inactief'
  | 'retention-destroy-aanpak'
  | 'retention-destroy-member'
  | 'destroy-announcement'
  | 'inzage-reminder'
  | 'inzage-deadline'
  | 'convenant-evaluatie';

export type Audience = 'channel' | 'procesregisseur' | { participantId: string };

export interface ScheduledItem {
  /** Stable dedupe key: the same moment always gets the same key. */
  key: string;
  /** The aanpak, or null for convenant-wide items (the yearly evaluation). */
  aanpakId: string | null;
  kind: ScheduledKind;
  dueAt: string;
  audience: Audience;
  /** What the text may reveal: channel reminders are always 'groep'. */
  level: 'groep' | 'persoon';
  ruleId?: string;
  /** Ids, counts, dates: never content. */
  data: Record<string, string | number | boolean>;
  /** Set on retention items: the scheduler hands it to the retention executor at dueAt. */
  retention?: RetentionDecision;
}

export interface InzageRequest {
  id: string;
  memberId: string;
  receivedAt: string;
  answeredAt?: string;
}

export interface ScheduleInput {
  aanpak: Aanpak;
  members: readonly Member[];
  actions: readonly Action[];
  rounds: readonly Round[];
  /** Per round id: the participant ids that submitted. */
  answersByRound: Readonly<Record<string, readonly string[]>>;
  config: ConvenantConfig;
  now: Date | string;
  /** When the last jeugdgroepenoverleg took place; the cadence counts from here (else from the start). */
  lastOverlegAt?: string;
  inzageRequests?: readonly InzageRequest[];
}

function isStep(state: string): state is StepId {
  return (STEPS as readonly string[]).includes(state);
}

function iso(now: Date | string): string {
  return typeof now === 'string' ? now : now.toISOString();
}

/** 09:00 on the date, or on the next working day when weekends are quiet, then out of quiet hours. */
function workMoment(date: string, q: QuietHours): string {
  const d = q.weekends ? nextWorkingDay(date) : localDate(date);
  return nextAllowedMoment(atLocalTime(d, REMINDER_TIME), q);
}

function before(a: string, b: string): boolean {
  return compareInstants(a, b) < 0;
}

/** A nudge in quiet hours moves forward unless that reaches `limit`; then it moves earlier. */
function nudgeMoment(raw: string, limit: string, q: QuietHours): string {
  if (!isQuiet(raw, q)) return raw;
  const forward = nextAllowedMoment(raw, q);
  return before(forward, limit) ? forward : previousAllowedMoment(raw, q);
}

/** The next overleg: every cadence weeks from the anchor, the first one not yet over. */
export function nextOverleg(anchor: string, cadenceWeeks: number, now: string): string {
  let k = 1;
  let next = addWeeks(anchor, cadenceWeeks);
  while (before(next, now)) {
    k += 1;
    next = addWeeks(anchor, cadenceWeeks * k);
  }
  return next;
}

function retentionItems(input: ScheduleInput, q: QuietHours): ScheduledItem[] {
  const { aanpak } = input;
  const profile = RETENTION_PROFILES[aanpak.settings.retentionProfile] ?? RETENTION_PROFILES[input.config.retentionProfile];
  const items: ScheduledItem[] = [];
  for (const d of retentionDecisions(aanpak, input.members, profile, input.now)) {
    const memberId = d.kind === 'destroy_member' ? d.memberId : undefined;
    const level = memberId ? 'persoon' : 'groep';
    const suffix = memberId ? `${aanpak.id}:${memberId}` : aanpak.id;
    const data: Record<string, string | number | boolean> = memberId ? { memberId } : {};
    if (d.kind === 'destroy_aanpak') data.archiveFirst = d.archiveFirst;
    const kind =
      d.kind === 'inactief' ? 'retention-inactief' : d.kind === 'destroy_aanpak' ? 'retention-destroy-aanpak' : 'retention-destroy-member';
    items.push({
      key: `${kind}:${suffix}`,
      aanpakId: aanpak.id,
      kind,
      dueAt: d.dueAt,
      audience: 'procesregisseur',
      level,
      ruleId: d.ruleId,
      data,
      retention: d,
    });
    const announce = destroyAnnouncement(d);
    if (announce) {
      items.push({
        key: `destroy-announcement:${suffix}`,
        aanpakId: aanpak.id,
        kind: 'destroy-announcement',
        dueAt: nextAllowedMoment(announce, q),
        audience: 'procesregisseur',
        level,
        ruleId: d.ruleId,
        data: { ...data, destroyAt: d.dueAt },
      });
    }
  }
  return items;
}

function inzageItems(input: ScheduleInput, q: QuietHours): ScheduledItem[] {
  const items: ScheduledItem[] = [];
  for (const r of input.inzageRequests ?? []) {
    if (r.answeredAt) continue;
    const deadline = addWeeks(r.receivedAt, INZAGE_TERM_WEEKS);
    const data = { requestId: r.id, memberId: r.memberId, deadline };
    const common = { aanpakId: input.aanpak.id, audience: 'procesregisseur' as const, level: 'persoon' as const, ruleId: 'T-18', data };
    items.push({
      ...common,
      key: `inzage:${r.id}`,
      kind: 'inzage-reminder',
      dueAt: workMoment(addDays(localDate(deadline), -INZAGE_WARNING_DAYS), q),
    });
    items.push({ ...common, key: `inzage-deadline:${r.id}`, kind: 'inzage-deadline', dueAt: workMoment(localDate(deadline), q) });
  }
  return items;
}

function activeItems(input: ScheduleInput, q: QuietHours, now: string): ScheduledItem[] {
  const { aanpak, config } = input;
  const id = aanpak.id;
  const items: ScheduledItem[] = [];
  const activeParticipants = new Set(aanpak.participants.filter((p) => !p.removedAt).map((p) => p.id));
  const actions = input.actions.filter((a) => a.aanpakId === id);
  const openActions = actions.filter((a) => a.status === 'open');

  // T-01: the next jeugdgroepenoverleg, announced in the channel at group level.
  const cadence = aanpak.settings.overlegCadenceWeeks > 0 ? aanpak.settings.overlegCadenceWeeks : config.overlegCadenceWeeks;
  const overlegAt = nextOverleg(input.lastOverlegAt ?? aanpak.createdAt, cadence, now);
  items.push({
    key: `overleg:${id}`,
    aanpakId: id,
    kind: 'overleg',
    dueAt: nextAllowedMoment(addDays(overlegAt, -OVERLEG_LEAD_DAYS), q),
    audience: 'channel',
    level: 'groep',
    ruleId: 'T-01',
    data: {
      overlegAt,
      cadenceWeeks: cadence,
      openActions: openActions.length,
      overdueActions: openActions.filter((a) => a.due && a.due < localDate(now)).length,
    },
  });

  // T-03: tussenevaluatie 6 months after the plan was vastgesteld.
  if (aanpak.planVastgesteldAt) {
    const date = addMonths(localDate(aanpak.planVastgesteldAt), TUSSENEVALUATIE_MONTHS);
    items.push({
      key: `tussenevaluatie:${id}`,
      aanpakId: id,
      kind: 'tussenevaluatie',
      dueAt: workMoment(date, q),
      audience: 'procesregisseur',
      level: 'groep',
      ruleId: 'T-03',
      data: { date },
    });
  }

  // T-04: memo to the driehoek on its date.
  const memo = aanpak.settings.driehoekMemoDate;
  if (memo && isDate(memo)) {
    items.push({
      key: `driehoek-memo:${id}`,
      aanpakId: id,
      kind: 'driehoek-memo',
      dueAt: workMoment(memo, q),
      audience: 'procesregisseur',
      level: 'groep',
      ruleId: 'T-04',
      data: { date: memo },
    });
  }

  // T-05: target to close 12 months after the start.
  const target = addMonths(localDate(aanpak.createdAt), CLOSING_TARGET_MONTHS);
  items.push({
    key: `closing-target:${id}`,
    aanpakId: id,
    kind: 'closing-target',
    dueAt: workMoment(target, q),
    audience: 'procesregisseur',
    level: 'groep',
    ruleId: 'T-05',
    data: { date: target, step: aanpak.state },
  });

  // T-06: a short evaluatiemoment after the latest step transition (next working day, 09:00).
  const lastIndex = aanpak.transitions.length - 1;
  const last = aanpak.transitions[lastIndex];
  if (last && isStep(last.from) && isStep(last.to)) {
    items.push({
      key: `evaluatiemoment:${id}:${lastIndex}`,
      aanpakId: id,
      kind: 'evaluatiemoment',
      dueAt: workMoment(addWorkingDays(localDate(last.at), 1), q),
      audience: 'procesregisseur',
      level: 'groep',
      ruleId: 'T-06',
      data: { from: last.from, to: last.to },
    });
  }

  // Actions: a reminder to the owner 2 working days before, an escalation the day after.
  for (const a of openActions) {
    if (!a.due || !isDate(a.due)) continue;
    const level = a.level === 'groep' ? 'groep' : 'persoon';
    const owner = a.ownerParticipantId && activeParticipants.has(a.ownerParticipantId) ? a.ownerParticipantId : undefined;
    const data = { actionId: a.id, due: a.due, ownerOrganisation: a.ownerOrganisation };
    items.push({
      key: `action-due:${a.id}`,
      aanpakId: id,
      kind: 'action-reminder',
      dueAt: workMoment(addWorkingDays(a.due, -ACTION_REMINDER_WORKING_DAYS), q),
      // Without a named owner the procesregisseur gets it: never the channel (content is personal).
      audience: owner ? { participantId: owner } : 'procesregisseur',
      level,
      data: owner ? data : { ...data, noOwner: true },
    });
    items.push({
      key: `action-overdue:${a.id}`,
      aanpakId: id,
      kind: 'action-escalation',
      dueAt: workMoment(addDays(a.due, 1), q),
      audience: 'procesregisseur',
      level,
      data,
    });
  }

  // Rounds: nudges to invitees who have not submitted, the who-has-answered card at the deadline.
  for (const r of input.rounds) {
    if (r.aanpakId !== id || r.status !== 'open') continue;
    const answered = new Set(input.answersByRound[r.id] ?? []);
    const invitees = r.invitees.filter((p) => activeParticipants.has(p));
    const missing = invitees.filter((p) => !answered.has(p));
    const at2h = nudgeMoment(addMilliseconds(r.deadline, -2 * HOUR), r.deadline, q);
    const at1d = nudgeMoment(addDays(r.deadline, -1), at2h, q);
    for (const participantId of missing) {
      const data = { roundId: r.id, roundKind: r.kind, deadline: r.deadline };
      if (before(r.openedAt, at1d) && before(at1d, at2h)) {
        items.push({
          key: `round-nudge-1d:${r.id}:${participantId}`,
          aanpakId: id,
          kind: 'round-nudge-1d',
          dueAt: at1d,
          audience: { participantId },
          level: 'groep',
          data,
        });
      }
      if (before(r.openedAt, at2h)) {
        items.push({
          key: `round-nudge-2h:${r.id}:${participantId}`,
          aanpakId: id,
          kind: 'round-nudge-2h',
          dueAt: at2h,
          audience: { participantId },
          level: 'groep',
          data,
        });
      }
    }
    items.push({
      key: `round-deadline:${r.id}`,
      aanpakId: id,
      kind: 'round-deadline',
      dueAt: nextAllowedMoment(r.deadline, q),
      audience: 'procesregisseur',
      level: 'groep',
      data: { roundId: r.id, roundKind: r.kind, invited: invitees.length, answered: invitees.length - missing.length },
    });
  }

  // T-08/T-09, R-2B-8: a member still not informed (no uitgereikt/uitgesteld) 2 weeks after being added.
  for (const m of input.members) {
    if (m.aanpakId !== id || m.removedAt || m.informing.status !== 'open') continue;
    items.push({
      key: `informing:${m.id}`,
      aanpakId: id,
      kind: 'informing-letter',
      dueAt: workMoment(addDays(localDate(m.addedAt), INFORMING_AFTER_DAYS), q),
      audience: 'procesregisseur',
      level: 'persoon',
      ruleId: 'R-2B-8',
      data: { memberId: m.id },
    });
  }
  return items;
}

/**
 * Everything to remind, escalate or execute for one aanpak. An active aanpak gets the
 * monitoring moments; a gesloten/inactief one keeps only retention items and open inzage
 * requests (the 4-week answer term of T-18 still runs for a closed dossier); a vernietigd one
 * has nothing. The yearly convenant evaluation is convenant-wide: see convenantSchedule.
 */
export function monitoringSchedule(input: ScheduleInput): ScheduledItem[] {
  const { aanpak, config } = input;
  if (aanpak.state === 'vernietigd') return [];
  const q = config.quietHours;
  const now = iso(input.now);
  const items = [
    ...(isStep(aanpak.state) ? activeItems(input, q, now) : []),
    ...retentionItems(input, q),
    ...inzageItems(input, q),
  ];
  return items.sort((a, b) => compareInstants(a.dueAt, b.dueAt) || a.key.localeCompare(b.key));
}

/** T-19: the yearly convenant evaluation, the first occurrence whose date has not passed. */
export function convenantSchedule(config: ConvenantConfig, now: Date | string): ScheduledItem[] {
  const today = localDate(iso(now));
  let year = Number(today.slice(0, 4));
  let date = `${year}-${config.yearlyEvaluationMonthDay}`;
  if (date < today) {
    year += 1;
    date = `${year}-${config.yearlyEvaluationMonthDay}`;
  }
  return [
    {
      key: `convenant-evaluatie:${config.gemeente}:${year}`,
      aanpakId: null,
      kind: 'convenant-evaluatie',
      dueAt: workMoment(date, config.quietHours),
      audience: 'procesregisseur',
      level: 'groep',
      ruleId: 'T-19',
      data: { gemeente: config.gemeente, date },
    },
  ];
}

function stable(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  const obj = value as Record<string, unknown>;
  return `{${Object.keys(obj)
    .sort()
    .filter((k) => obj[k] !== undefined)
    .map((k) => `${JSON.stringify(k)}:${stable(obj[k])}`)
    .join(',')}}`;
}

export interface ScheduleDiff {
  /** New keys and keys whose item changed: upsert these (a changed item is re-armed). */
  toSchedule: ScheduledItem[];
  /** Keys that are no longer in the schedule: cancel these if not yet sent. */
  toCancel: string[];
}

/** What to (re)schedule and cancel when an aanpak's schedule changes, compared by key. */
export function diffSchedule(previous: readonly ScheduledItem[], next: readonly ScheduledItem[]): ScheduleDiff {
  const prev = new Map(previous.map((i) => [i.key, stable(i)]));
  const nextKeys = new Set(next.map((i) => i.key));
  return {
    toSchedule: next.filter((i) => prev.get(i.key) !== stable(i)),
    toCancel: previous.filter((i) => !nextKeys.has(i.key)).map((i) => i.key),
  };
}
