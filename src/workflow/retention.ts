// Retention as pure functions (PRODUCT.md §7, digest §3.9): from an aanpak's history and the
// convenant's retention profile, what must happen when. The store's retention executor applies
// the decisions (set inactief, archive, crypto-shred); nothing here changes state.

import type { Aanpak, Member, RetentionClass, RetentionDecision, RetentionProfileId } from './types.js';
import { RETENTION_PROFILES, type RetentionProfile, type RetentionTerm } from './convenant.js';
import { addDays, addMonths, addWeeks, compareInstants, localDate } from './time.js';

export type ProfileRef = RetentionProfile | RetentionProfileId;

/** Days before a destroy that the procesregisseur is told it is coming. */
export const DESTROY_ANNOUNCEMENT_DAYS = 14;

function resolveProfile(profile: ProfileRef): RetentionProfile {
  return typeof profile === 'string' ? RETENTION_PROFILES[profile] : profile;
}

function toIso(now: Date | string): string {
  return typeof now === 'string' ? now : now.toISOString();
}

function termEnd(from: string, term: RetentionTerm): string {
  return term.unit === 'weeks' ? addWeeks(from, term.amount) : addMonths(from, term.amount);
}

function later(a: string, b: string): string {
  return compareInstants(a, b) >= 0 ? a : b;
}

function earlier(a: string, b: string): string {
  return compareInstants(a, b) <= 0 ? a : b;
}

export function isClosed(aanpak: Aanpak): boolean {
  return aanpak.state === 'gesloten' || aanpak.state === 'inactief';
}

/** When the aanpak was closed: closedAt, else the last transition to 'gesloten', else inactiefAt. */
export function closedMoment(aanpak: Aanpak): string | undefined {
  if (aanpak.closedAt) return aanpak.closedAt;
  const t = [...aanpak.transitions].reverse().find((r) => r.to === 'gesloten');
  return t?.at ?? aanpak.inactiefAt;
}

/**
 * Which term applies. An exit without aanpak keeps its class unless a plan was vastgesteld
 * after all (R-X-74 last sentence: then R-X-72 applies). The herbeoordeling exception applies
 * when the exit recorded it or the aanpak's settings say reassessment is plausible.
 */
export function retentionClass(aanpak: Aanpak): RetentionClass {
  if (!aanpak.exit || aanpak.planVastgesteldAt) return 'aanpak_vastgesteld';
  if (aanpak.exit.retention === 'geen_aanpak' && aanpak.settings.herbeoordelingAannemelijk) {
    return 'geen_aanpak_herbeoordeling';
  }
  return aanpak.exit.retention;
}

type DestroyAanpak = Extract<RetentionDecision, { kind: 'destroy_aanpak' }>;

/** The end of the bewaartermijn of a closed aanpak: the destroy decision, or undefined when open. */
export function aanpakDestroyDecision(aanpak: Aanpak, profile: ProfileRef, now: Date | string): DestroyAanpak | undefined {
  if (!isClosed(aanpak)) return undefined;
  const p = resolveProfile(profile);
  // A closed aanpak without any recorded closing moment is a data anomaly: count from now.
  const closed = closedMoment(aanpak) ?? toIso(now);
  const base = { kind: 'destroy_aanpak' as const, aanpakId: aanpak.id, archiveFirst: p.archiveFirst };
  switch (retentionClass(aanpak)) {
    case 'geen_aanpak': {
      const from = aanpak.exit?.at ?? closed;
      return { ...base, dueAt: termEnd(from, p.geenAanpak), ruleId: p.geenAanpak.ruleId };
    }
    case 'geen_aanpak_herbeoordeling': {
      // "maximaal een jaar, te rekenen vanaf de aanmelding": never later, and never before the decision.
      const end = termEnd(aanpak.createdAt, p.geenAanpakHerbeoordeling);
      return { ...base, dueAt: later(end, aanpak.exit?.at ?? closed), ruleId: p.geenAanpakHerbeoordeling.ruleId };
    }
    case 'aanpak_vastgesteld': {
      const term = p.aanpakVastgesteld;
      const from = term.from === 'inactiefAt' ? (aanpak.inactiefAt ?? closed) : closed;
      return { ...base, dueAt: termEnd(from, term), ruleId: term.ruleId };
    }
  }
}

/**
 * Every retention decision that is due or will become due, earliest first:
 * - R-7-1: a 'gesloten' aanpak becomes 'inactief' at its closing moment;
 * - the destroy of the whole aanpak at the end of its term (2022: R-7-3 with archive first;
 *   Beesel: R-X-72; exits: R-X-73 4 weeks, R-X-74 at most 1 year from the aanmelding);
 * - R-7-4: members who left the group, the same term counted from their removal, unless the
 *   aanpak's own destroy comes first (it takes the member's data with it).
 * Decisions already carried out (inactief set, aanpak vernietigd) are not returned.
 */
export function retentionDecisions(
  aanpak: Aanpak,
  members: readonly Member[],
  profile: ProfileRef,
  now: Date | string,
): RetentionDecision[] {
  if (aanpak.state === 'vernietigd') return [];
  const p = resolveProfile(profile);
  const decisions: RetentionDecision[] = [];
  if (aanpak.state === 'gesloten') {
    decisions.push({
      kind: 'inactief',
      aanpakId: aanpak.id,
      dueAt: closedMoment(aanpak) ?? toIso(now),
      ruleId: p.inactiefAtClosing.ruleId,
    });
  }
  const destroy = aanpakDestroyDecision(aanpak, p, now);
  if (destroy) decisions.push(destroy);
  for (const m of members) {
    if (m.aanpakId !== aanpak.id || !m.removedAt) continue;
    const dueAt = termEnd(m.removedAt, p.member);
    if (destroy && compareInstants(dueAt, destroy.dueAt) >= 0) continue;
    decisions.push({ kind: 'destroy_member', aanpakId: aanpak.id, memberId: m.id, dueAt, ruleId: p.member.ruleId });
  }
  const order = { inactief: 0, destroy_member: 1, destroy_aanpak: 2 } as const;
  return decisions.sort((a, b) => compareInstants(a.dueAt, b.dueAt) || order[a.kind] - order[b.kind]);
}

/** The decisions whose moment has come (dueAt ≤ now), in the order they were given. */
export function dueNow(decisions: readonly RetentionDecision[], now: Date | string): RetentionDecision[] {
  const n = toIso(now);
  return decisions.filter((d) => compareInstants(d.dueAt, n) <= 0);
}

/** The moment to announce a destroy to the procesregisseur (2 weeks before); none for 'inactief'. */
export function destroyAnnouncement(decision: RetentionDecision): string | undefined {
  if (decision.kind === 'inactief') return undefined;
  return addDays(decision.dueAt, -DESTROY_ANNOUNCEMENT_DAYS);
}

/** Until when a closed aanpak may be reopened: the reopen window, cut short by an earlier destroy. */
export function reopenDeadline(aanpak: Aanpak, profile: ProfileRef, now: Date | string): string | undefined {
  const destroy = aanpakDestroyDecision(aanpak, profile, now);
  if (!destroy) return undefined;
  const p = resolveProfile(profile);
  const closed = closedMoment(aanpak) ?? toIso(now);
  return earlier(termEnd(closed, p.reopenWindow), destroy.dueAt);
}

const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

/** '12 maart 2027' (Amsterdam calendar). */
export function dutchDate(instant: string): string {
  const [y, m, d] = localDate(instant).split('-').map(Number);
  return `${d} ${MONTHS[(m ?? 1) - 1]} ${y}`;
}

export interface ReopenCheck {
  ok: boolean;
  /** Dutch, short, content-free: why (not), shown to the procesregisseur. */
  reason: string;
  /** End of the reopen window when there is one. */
  until?: string;
  ruleId: 'R-7-2';
}

/**
 * R-7-2: a closed dossier may be reopened only within the bewaartermijn, with a reason and the
 * role that decided (e.g. manager OOV). Pass `request` to check those too; the reopen command
 * itself lives in aanpak.ts and takes the outcome as `withinTerm`.
 */
export function canReopen(
  aanpak: Aanpak,
  profile: ProfileRef,
  now: Date | string,
  request?: { reason?: string; role?: string },
): ReopenCheck {
  const ruleId = 'R-7-2' as const;
  if (aanpak.state === 'vernietigd') return { ok: false, reason: 'Deze aanpak is vernietigd en kan niet worden heropend.', ruleId };
  if (!isClosed(aanpak)) return { ok: false, reason: 'Deze aanpak is niet gesloten.', ruleId };
  const until = reopenDeadline(aanpak, profile, now) as string;
  if (compareInstants(toIso(now), until) >= 0) {
    return {
      ok: false,
      reason: `De bewaartermijn is verlopen op ${dutchDate(until)}: heropenen kan niet meer.`,
      until,
      ruleId,
    };
  }
  if (request && !request.reason?.trim()) return { ok: false, reason: 'Geef de reden om te heropenen.', until, ruleId };
  if (request && !request.role?.trim()) {
    return { ok: false, reason: 'Geef aan wie besluit tot heropenen (bijv. manager OOV).', until, ruleId };
  }
  return { ok: true, reason: `Heropenen kan tot ${dutchDate(until)}.`, until, ruleId };
}
