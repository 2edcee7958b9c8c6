// The procesregisseur's overview: every aanpak of the gemeente with its step, next monitoring
// moment, overdue actions and open rounds, most urgent first. Group-level facts only.
import { dateTimeLabel, stateLabel } from '../bot/labels.js';
import type { OverviewView } from '../cards/index.js';
import type { Store } from '../store/port.js';
import { overdueActions } from '../workflow/actions.js';
import type { ScheduledKind } from '../workflow/schedule.js';
import { localDate } from '../workflow/time.js';
import type { AanpakState } from '../workflow/types.js';
import { parsePayload } from './payload.js';

export const MOMENT_LABELS: Record<ScheduledKind, string> = {
  overleg: 'jeugdgroepenoverleg',
  tussenevaluatie: 'tussenevaluatie',
  'driehoek-memo': 'memo driehoek',
  'closing-target': '12 maanden',
  evaluatiemoment: 'evaluatiemoment',
  'action-reminder': 'actie',
  'action-escalation': 'actie te laat',
  'round-nudge-1d': 'ronde',
  'round-nudge-2h': 'ronde',
  'round-deadline': 'deadline ronde',
  'informing-letter': 'informatiebrief',
  'retention-inactief': 'inactief',
  'retention-destroy-aanpak': 'vernietigen',
  'retention-destroy-member': 'vernietigen',
  'destroy-announcement': 'aankondiging vernietiging',
  'inzage-reminder': 'inzageverzoek',
  'inzage-deadline': 'inzageverzoek',
  'convenant-evaluatie': 'evaluatie convenant',
};

export interface OverviewRow {
  aanpakId: string;
  name: string;
  state: AanpakState;
  nextMoment?: { at: string; kind: ScheduledKind };
  overdueActions: number;
  openRounds: number;
}

/** Overdue actions first (most first), then the nearest moment; no moment last; then by name. */
export function byUrgency(a: OverviewRow, b: OverviewRow): number {
  const ao = a.overdueActions > 0 ? 0 : 1;
  const bo = b.overdueActions > 0 ? 0 : 1;
  if (ao !== bo) return ao - bo;
  if (a.overdueActions !== b.overdueActions) return b.overdueActions - a.overdueActions;
  const at = a.nextMoment ? Date.parse(a.nextMoment.at) : Number.POSITIVE_INFINITY;
  const bt = b.nextMoment ? Date.parse(b.nextMoment.at) : Number.POSITIVE_INFINITY;
  if (at !== bt) return at < bt ? -1 : 1;
  return a.name.localeCompare(b.name, 'nl');
}

export async function overviewRows(store: Store, gemeente: string, now: Date): Promise<OverviewRow[]> {
  const today = localDate(now.toISOString());
  const rows: OverviewRow[] = [];
  for (const a of await store.listAanpakkenByGemeente(gemeente)) {
    if (a.state === 'vernietigd') continue;
    const [actions, rounds, reminders] = await Promise.all([store.listActions(a.id), store.listRounds(a.id), store.listReminders(a.id)]);
    let next: OverviewRow['nextMoment'];
    for (const r of reminders) {
      if (r.status !== 'pending') continue;
      const kind = parsePayload(r.payload)?.item.kind;
      if (!kind) continue;
      if (!next || Date.parse(r.dueAt) < Date.parse(next.at)) next = { at: r.dueAt, kind };
    }
    rows.push({
      aanpakId: a.id,
      name: a.name,
      state: a.state,
      ...(next ? { nextMoment: next } : {}),
      overdueActions: overdueActions(actions, today).length,
      openRounds: rounds.filter((r) => r.status === 'open').length,
    });
  }
  return rows.sort(byUrgency);
}

export function overviewView(gemeente: string, rows: OverviewRow[]): OverviewView {
  return {
    gemeente,
    rows: rows.map((r) => ({
      aanpakId: r.aanpakId,
      name: r.name,
      stepLabel: stateLabel(r.state),
      ...(r.nextMoment ? { nextMomentLabel: `${MOMENT_LABELS[r.nextMoment.kind]} · ${dateTimeLabel(r.nextMoment.at)}` } : {}),
      overdueActions: r.overdueActions,
      openRounds: r.openRounds,
    })),
  };
}
