// Turns a due scheduled item into the messages to send. Where it goes follows the item's audience:
// channel reminders carry group-level text only (aanpak name, counts, dates); anything about a
// person or an action's content goes to one participant's 1:1 chat. Every piece of aanpak content
// is declared as GateContent so the outbox gates and audits it.
import { dateLabel, dateTimeLabel, organisationLabel, ROUND_KIND_LABELS, stepName } from '../bot/labels.js';
import type { Outgoing } from '../bot/types.js';
import { renderReminderCard, renderWhoAnsweredCard, VERBS, type ActionRef, type CardContext } from '../cards/index.js';
import type { ScheduledItem, ScheduleInput } from '../workflow/schedule.js';
import { ACTION_REMINDER_WORKING_DAYS, INFORMING_AFTER_DAYS } from '../workflow/schedule.js';
import { dutchDate } from '../workflow/retention.js';
import { calendarDaysBetween, localTime } from '../workflow/time.js';
import type { Aanpak, GateContent, Participant } from '../workflow/types.js';

/** The actor recorded for everything the scheduler sends. */
export const SCHEDULER_ACTOR = 'scheduler';

/** Kinds the retention executor carries out; they send nothing themselves. */
export const RETENTION_EXECUTIONS: ReadonlySet<ScheduledItem['kind']> = new Set([
  'retention-inactief',
  'retention-destroy-aanpak',
  'retention-destroy-member',
]);

export interface RenderInput {
  item: ScheduledItem;
  aanpak: Aanpak;
  /** The aanpak's data as the schedule saw it at send time. */
  input: ScheduleInput;
  reminderId: string;
  now: Date;
  /** More than a day after its moment: the card says "te laat". */
  late: boolean;
}

/** The procesregisseur, or the vervanger when there is none (Beesel art. 2.2 c). */
export function regisseurOf(aanpak: Aanpak): Participant | undefined {
  const active = aanpak.participants.filter((p) => !p.removedAt);
  return active.find((p) => p.role === 'procesregisseur') ?? active.find((p) => p.role === 'vervanger');
}

export function inDays(now: Date, instant: string): string {
  const d = calendarDaysBetween(now.toISOString(), instant);
  if (d <= 0) return 'Vandaag';
  if (d === 1) return 'Morgen';
  return `Over ${d} dagen`;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function cardCtx(aanpak: Aanpak, reminderId: string): CardContext {
  return { aanpakId: aanpak.id, version: aanpak.version, nonce: reminderId };
}

function open(title: string, card: string, extra: Record<string, string> = {}): ActionRef {
  return { title, verb: VERBS.open, data: { card, ...extra } };
}

function groupContent(reminderId: string, text: string): GateContent {
  return { ref: `reminder:${reminderId}`, kind: 'reminder', level: 'groep', text, authorId: SCHEDULER_ACTOR };
}

interface Draft {
  to: 'channel' | 'procesregisseur' | { participantId: string };
  title: string;
  text: string;
  whenLabel?: string;
  open?: ActionRef;
  /** Aanpak content beyond the group-level text (actions, names). */
  extra?: GateContent[];
  /** System notices about the dossier itself (retention): sent with purpose 'retention'. */
  notice?: boolean;
}

function destination(aanpak: Aanpak, to: Draft['to']): Outgoing['to'] | undefined {
  if (to === 'channel') return { kind: 'channel', aanpakId: aanpak.id };
  const participantId = to === 'procesregisseur' ? regisseurOf(aanpak)?.id : to.participantId;
  return participantId ? { kind: 'direct', aanpakId: aanpak.id, participantId } : undefined;
}

function draft(r: RenderInput): Draft | Outgoing | undefined {
  const { item, aanpak, input, now } = r;
  const name = aanpak.name;
  const d = item.data;
  const str = (k: string): string => (typeof d[k] === 'string' ? (d[k] as string) : '');
  const num = (k: string): number => (typeof d[k] === 'number' ? (d[k] as number) : 0);
  switch (item.kind) {
    case 'overleg': {
      const open_ = num('openActions');
      const overdue = num('overdueActions');
      const counts = `${plural(open_, 'actie', 'acties')} open${overdue > 0 ? `, ${overdue} te laat` : ''}`;
      return {
        to: 'channel',
        title: 'Jeugdgroepenoverleg',
        text: `${inDays(now, str('overlegAt'))}: jeugdgroepenoverleg ${name} — ${counts}`,
        whenLabel: dateTimeLabel(str('overlegAt')),
        open: open('Status', 'status'),
      };
    }
    case 'tussenevaluatie':
      return {
        to: 'procesregisseur',
        title: 'Tussenevaluatie',
        text: `${name}: het plan van aanpak is 6 maanden geleden vastgesteld. Plan de tussenevaluatie met de partners.`,
        whenLabel: dateLabel(str('date')),
        open: open('Status', 'status'),
      };
    case 'driehoek-memo':
      return {
        to: 'procesregisseur',
        title: 'Memo aan de driehoek',
        text: `${name}: vandaag gaat de memo naar de driehoek. Alleen groepsniveau, niets over individuele jongeren.`,
        whenLabel: dateLabel(str('date')),
        open: open('Status', 'status'),
      };
    case 'closing-target':
      return {
        to: 'procesregisseur',
        title: 'Twaalf maanden',
        text: `${name} loopt 12 maanden (nu ${stepName(aanpak.state)}). Het doel is afsluiten binnen een jaar: bespreek afschalen of afsluiten.`,
        whenLabel: dateLabel(str('date')),
        open: open('Status', 'status'),
      };
    case 'evaluatiemoment':
      return {
        to: 'procesregisseur',
        title: 'Evaluatiemoment',
        text: `${name} ging van stap ${str('from')} naar stap ${str('to')}. Evalueer kort: wat ging goed, wat kan beter?`,
        open: open('Status', 'status'),
      };
    case 'action-reminder':
    case 'action-escalation': {
      const action = input.actions.find((a) => a.id === str('actionId'));
      if (!action) return undefined;
      const owner = action.ownerParticipantId ? aanpak.participants.find((p) => p.id === action.ownerParticipantId) : undefined;
      const ownerLabel = `${organisationLabel(action.ownerOrganisation)}${owner ? ` (${owner.displayName})` : ''}`;
      const escalation = item.kind === 'action-escalation';
      const noOwner = d.noOwner === true;
      return {
        to: escalation || noOwner ? 'procesregisseur' : item.audience,
        // A reminder delivered after the deadline (downtime) says so instead of "over 2 werkdagen".
        title: escalation
          ? 'Actie te laat'
          : noOwner
            ? 'Actie zonder eigenaar'
            : calendarDaysBetween(now.toISOString(), str('due')) < 0
              ? 'Actie: deadline verstreken'
              : `Actie: over ${ACTION_REMINDER_WORKING_DAYS} werkdagen`,
        text: action.text,
        whenLabel: `${escalation ? 'Deadline was' : 'Deadline'} ${dateLabel(str('due'))} · ${ownerLabel} · ${name}`,
        open: open(escalation || noOwner ? 'Acties' : 'Mijn acties', 'actions'),
        extra: [{ ref: `action:${action.id}`, kind: 'action', level: action.level, text: action.text, authorId: action.createdBy }],
      };
    }
    case 'round-nudge-1d':
    case 'round-nudge-2h': {
      const kind = ROUND_KIND_LABELS[str('roundKind') as keyof typeof ROUND_KIND_LABELS] ?? 'Ronde';
      const deadline = str('deadline');
      return {
        to: item.audience,
        title: 'Nog niet geantwoord',
        text: `${kind} (${name}): je hebt nog niet geantwoord. Deadline ${inDays(now, deadline).toLowerCase()} om ${localTime(deadline)}.`,
        whenLabel: dateTimeLabel(deadline),
        open: open('Antwoorden', 'round', { roundId: str('roundId') }),
      };
    }
    case 'round-deadline': {
      const round = input.rounds.find((x) => x.id === str('roundId'));
      if (!round) return undefined;
      const regisseur = regisseurOf(aanpak);
      if (!regisseur) return undefined;
      const answered = new Set(input.answersByRound[round.id] ?? []);
      const invitees = round.invitees
        .map((id) => aanpak.participants.find((p) => p.id === id && !p.removedAt))
        .filter((p): p is Participant => !!p)
        .map((p) => ({ name: p.displayName, organisationLabel: organisationLabel(p.organisation), status: answered.has(p.id) ? ('verstuurd' as const) : ('nog_niet' as const) }));
      const kindLabel = ROUND_KIND_LABELS[round.kind];
      return {
        to: { kind: 'direct', aanpakId: aanpak.id, participantId: regisseur.id },
        aanpakId: aanpak.id,
        card: renderWhoAnsweredCard({
          ctx: cardCtx(aanpak, r.reminderId),
          roundId: round.id,
          aanpakName: name,
          kindLabel,
          deadlineLabel: dateTimeLabel(round.deadline),
          invitees,
          canClose: true,
        }),
        contents: [groupContent(r.reminderId, `${kindLabel} ${name}: ${invitees.filter((i) => i.status === 'verstuurd').length} van ${invitees.length} geantwoord`)],
        label: `reminder ${item.kind}`,
      };
    }
    case 'informing-letter': {
      const member = input.members.find((m) => m.id === str('memberId'));
      if (!member) return undefined;
      return {
        to: 'procesregisseur',
        title: 'Informatiebrief',
        text: `${member.naam} staat ${Math.max(INFORMING_AFTER_DAYS, calendarDaysBetween(member.addedAt, now.toISOString()))} dagen op de namenlijst van ${name} zonder uitgereikte of uitgestelde informatiebrief (R-2B-8).`,
        open: open('Namenlijst', 'member', { memberId: member.id }),
        extra: [{ ref: `member:${member.id}`, kind: 'namenlijst', level: 'persoon', text: member.naam, authorId: member.addedBy, memberIds: [member.id] }],
      };
    }
    case 'destroy-announcement': {
      const destroyAt = str('destroyAt');
      const what = typeof d.memberId === 'string' ? `Gegevens van een jongere van de namenlijst van ${name} worden` : `Het dossier ${name} wordt`;
      const archive = d.archiveFirst === true ? ' Eerst wordt het gearchiveerd.' : '';
      return {
        to: 'procesregisseur',
        title: 'Vernietiging over 2 weken',
        text: `${what} op ${dutchDate(destroyAt)} vernietigd${item.ruleId ? ` (${item.ruleId})` : ''}.${archive}`,
        whenLabel: dateLabel(destroyAt),
        notice: true,
      };
    }
    case 'inzage-reminder':
    case 'inzage-deadline': {
      const deadline = str('deadline');
      const today = item.kind === 'inzage-deadline';
      return {
        to: 'procesregisseur',
        title: 'Inzageverzoek',
        text: today
          ? `${name}: vandaag verloopt de termijn van 4 weken voor een inzageverzoek (T-18).`
          : `${name}: een inzageverzoek moet uiterlijk ${dutchDate(deadline)} beantwoord zijn (T-18).`,
        whenLabel: dateLabel(deadline),
        open: open('Namenlijst', 'namenlijst'),
      };
    }
    default:
      return undefined;
  }
}

/** The messages for one due item (none when its subject is gone or nobody can receive it). */
export function renderReminder(r: RenderInput): Outgoing[] {
  const out = draft(r);
  if (!out) return [];
  if ('card' in out) return [out];
  const to = destination(r.aanpak, out.to);
  if (!to) return [];
  const card = renderReminderCard({
    ctx: cardCtx(r.aanpak, r.reminderId),
    reminderId: r.reminderId,
    title: out.title,
    text: out.text,
    ...(out.whenLabel ? { whenLabel: out.whenLabel } : {}),
    late: r.late,
    ...(out.open ? { open: out.open } : {}),
  });
  // A retention notice goes through the gate too: for an inactief dossier the gate lets the
  // dossier keeper (procesregisseur, vervanger) receive it with purpose 'retention'.
  const contents = [groupContent(r.reminderId, `${out.title}\n${out.text}\n${out.whenLabel ?? ''}`), ...(out.extra ?? [])];
  return [{ to, aanpakId: r.aanpak.id, card, contents, label: `reminder ${r.item.kind}`, ...(out.notice ? { purpose: 'retention' as const } : {}) }];
}

/** T-19: the yearly convenant evaluation, to the procesregisseur of one aanpak (a system notice). */
export function renderConvenantReminder(item: ScheduledItem, aanpak: Aanpak, reminderId: string, late: boolean): Outgoing | undefined {
  const regisseur = regisseurOf(aanpak);
  if (!regisseur) return undefined;
  const date = typeof item.data.date === 'string' ? item.data.date : '';
  const gemeente = typeof item.data.gemeente === 'string' ? item.data.gemeente : aanpak.gemeente;
  return {
    to: { kind: 'direct', aanpakId: aanpak.id, participantId: regisseur.id },
    aanpakId: aanpak.id,
    card: renderReminderCard({
      ctx: cardCtx(aanpak, reminderId),
      reminderId,
      title: 'Evaluatie convenant',
      text: `Jaarlijkse evaluatie van het convenant ${gemeente} (T-19): plan de evaluatie met de partners.`,
      whenLabel: dateLabel(date),
      late,
    }),
    contents: [],
    label: `reminder ${item.kind}`,
  };
}
