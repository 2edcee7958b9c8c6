// Actions (interventiematrix, PRODUCT.md §5): who does what by when, per spoor.
import {
  CONVENANT_ORGS,
  DomainError,
  INCIDENTELE_ORGS,
  LEVELS,
  SPOREN,
  STEPS,
  type Aanpak,
  type Action,
  type AuditEvent,
  type Env,
  type Level,
  type Organisation,
  type Participant,
  type Spoor,
} from './types.js';
import { isRegisseur } from './aanpak.js';
import { maxLevel } from './levels.js';
import type { Screener } from './screening.js';

export const MAX_ACTION_TEXT = 2000;
export const MAX_RESULT_TEXT = 2000;

const ORGANISATIONS_ALL: readonly string[] = [...CONVENANT_ORGS, ...INCIDENTELE_ORGS];
const STATUSES: readonly Action['status'][] = ['open', 'gedaan', 'vervallen'];

function activeParticipant(aanpak: Aanpak, id: string): Participant | undefined {
  return aanpak.participants.find((p) => p.id === id && !p.removedAt);
}

function requireActiveStep(aanpak: Aanpak): void {
  if (!(STEPS as readonly string[]).includes(aanpak.state)) {
    throw new DomainError('aanpak_not_active', 'Deze aanpak is niet actief; acties kunnen niet meer worden gewijzigd.');
  }
}

function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

function cleanText(value: unknown, max: number, label: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new DomainError('invalid_field', `${label} is niet goed ingevuld.`);
  const v = value.trim();
  if (v.length > max) throw new DomainError('field_too_long', `${label} mag maximaal ${max} tekens hebben.`);
  return v || undefined;
}

export interface CreateActionCommand {
  text: string;
  ownerOrganisation: Organisation;
  ownerParticipantId?: string;
  /** YYYY-MM-DD */
  due?: string;
  spoor: Spoor;
  /** The author may declare a higher level than screening finds; never a lower one. */
  level?: Level;
  by: string;
}

export function createAction(
  aanpak: Aanpak,
  cmd: CreateActionCommand,
  screener: Screener,
  env: Env,
): { action: Action; events: AuditEvent[] } {
  if (!isRegisseur(aanpak, cmd.by)) {
    throw new DomainError('not_regisseur', 'Alleen de procesregisseur of de vervanger kan een actie aanmaken.');
  }
  requireActiveStep(aanpak);
  const text = cleanText(cmd.text, MAX_ACTION_TEXT, 'De actie');
  if (!text) throw new DomainError('text_required', 'Beschrijf de actie.');
  if (typeof cmd.ownerOrganisation !== 'string' || !ORGANISATIONS_ALL.includes(cmd.ownerOrganisation)) {
    throw new DomainError('invalid_owner', 'Kies de organisatie die de actie uitvoert.');
  }
  if (!(SPOREN as readonly string[]).includes(cmd.spoor)) {
    throw new DomainError('invalid_spoor', 'Kies een spoor: persoon/gezin, groep/netwerk, gebied of online.');
  }
  if (cmd.level !== undefined && !(LEVELS as readonly string[]).includes(cmd.level)) {
    throw new DomainError('invalid_level', 'Het gekozen niveau bestaat niet.');
  }
  if (cmd.ownerParticipantId !== undefined) {
    const owner = activeParticipant(aanpak, cmd.ownerParticipantId);
    if (!owner) {
      throw new DomainError('owner_unknown', 'De eigenaar hoort niet (meer) bij deze aanpak.');
    }
    if (owner.organisation !== cmd.ownerOrganisation) {
      throw new DomainError('owner_wrong_organisation', `${owner.displayName} werkt niet bij deze organisatie.`);
    }
  }
  const now = env.now();
  const today = now.toISOString().slice(0, 10);
  if (cmd.due !== undefined) {
    if (typeof cmd.due !== 'string' || !isIsoDate(cmd.due)) {
      throw new DomainError('invalid_due', 'Vul de datum in als JJJJ-MM-DD.');
    }
    if (cmd.due < today) throw new DomainError('due_in_past', 'De datum ligt in het verleden.');
  }
  const level = maxLevel(cmd.level ?? 'groep', screener.screen(text).level);
  const action: Action = {
    id: env.newId(),
    aanpakId: aanpak.id,
    text,
    level,
    ownerOrganisation: cmd.ownerOrganisation,
    spoor: cmd.spoor,
    status: 'open',
    createdAt: now.toISOString(),
    createdBy: cmd.by,
  };
  if (cmd.ownerParticipantId !== undefined) action.ownerParticipantId = cmd.ownerParticipantId;
  if (cmd.due !== undefined) action.due = cmd.due;
  return {
    action,
    events: [
      {
        aanpakId: aanpak.id,
        type: 'action.created',
        actor: cmd.by,
        at: action.createdAt,
        level,
        data: { actionId: action.id, spoor: action.spoor, ownerOrganisation: action.ownerOrganisation },
      },
    ],
  };
}

export interface UpdateActionStatusCommand {
  status: Action['status'];
  result?: string;
  by: string;
}

/** Owner = the named person, or anyone of the owner organisation when no person is named. */
function isOwner(action: Action, p: Participant): boolean {
  if (action.ownerParticipantId) return action.ownerParticipantId === p.id;
  return action.ownerOrganisation === p.organisation;
}

/**
 * The owner ticks an action (or the procesregisseur does). A result may be screened with the
 * optional screener, which only raises the action's level.
 */
export function updateActionStatus(
  action: Action,
  cmd: UpdateActionStatusCommand,
  aanpak: Aanpak,
  env: Env,
  screener?: Screener,
): { action: Action; events: AuditEvent[] } {
  if (action.aanpakId !== aanpak.id) {
    throw new DomainError('action_mismatch', 'Deze actie hoort niet bij deze aanpak.');
  }
  requireActiveStep(aanpak);
  const actor = activeParticipant(aanpak, cmd.by);
  if (!actor || !(isOwner(action, actor) || isRegisseur(aanpak, cmd.by))) {
    throw new DomainError('not_owner', 'Alleen de eigenaar of de procesregisseur kan deze actie bijwerken.');
  }
  if (!STATUSES.includes(cmd.status)) {
    throw new DomainError('invalid_status', 'Kies open, gedaan of vervallen.');
  }
  const result = cleanText(cmd.result, MAX_RESULT_TEXT, 'Het resultaat');
  const at = env.now().toISOString();
  const next: Action = { ...action, status: cmd.status };
  if (result !== undefined) next.result = result;
  if (cmd.status === 'gedaan') next.doneAt = at;
  else delete next.doneAt;
  if (result && screener) next.level = maxLevel(action.level, screener.screen(result).level);
  return {
    action: next,
    events: [
      {
        aanpakId: aanpak.id,
        type: 'action.status_changed',
        actor: cmd.by,
        at,
        level: next.level,
        data: { actionId: action.id, from: action.status, to: next.status, result: result !== undefined },
      },
    ],
  };
}

/** Open actions whose due date lies before `today` (YYYY-MM-DD), earliest first. */
export function overdueActions(actions: Action[], today: string): Action[] {
  return actions
    .filter((a) => a.status === 'open' && a.due !== undefined && a.due < today)
    .sort((a, b) => (a.due ?? '').localeCompare(b.due ?? ''));
}

/**
 * The actions this participant owns: named to them, or to their organisation without a named person.
 * Open ones only unless `includeClosed`; sorted by due date (no date last).
 */
export function actionsFor(actions: Action[], participant: Participant, opts: { includeClosed?: boolean } = {}): Action[] {
  return actions
    .filter((a) => isOwner(a, participant) && (opts.includeClosed || a.status === 'open'))
    .sort((a, b) => (a.due ?? '9999-12-31').localeCompare(b.due ?? '9999-12-31'));
}
