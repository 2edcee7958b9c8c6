// Namenlijst (PRODUCT.md §5; digest §2.3 R-2B-*): members of the group, from stap 2B on.
// NAW is for the procesregisseur and the vervanger only (R-X-16).
import {
  CONVENANT_ORGS,
  DomainError,
  INCIDENTELE_ORGS,
  STEPS,
  type Aanpak,
  type AuditEvent,
  type Env,
  type Member,
  type Organisation,
  type Participant,
  type StepId,
} from './types.js';
import { isRegisseur } from './aanpak.js';

export const MAX_NAAM = 200;
export const MAX_BIJNAAM = 100;
export const MAX_BIJNAMEN = 20;
export const MAX_ADRES = 200;
export const MAX_WOONPLAATS = 100;
export const MAX_REASON = 1000;
/** Informing letters still open this many days after adding are flagged (R-2B-8 "zo snel mogelijk"). */
export const INFORMING_GRACE_DAYS = 14;
/** Plausible age range of a member on the namenlijst (jeugdgroep incl. older network members). */
export const MIN_AGE = 6;
export const MAX_AGE = 80;

const ORGANISATIONS_ALL: readonly string[] = [...CONVENANT_ORGS, ...INCIDENTELE_ORGS];
const NAMENLIJST_STEPS: readonly StepId[] = ['2B', '3', '4', '5', '6', '7'];
const DAY_MS = 24 * 60 * 60 * 1000;

// ---- small private helpers ------------------------------------------------------------------

function activeParticipant(aanpak: Aanpak, id: string): Participant | undefined {
  return aanpak.participants.find((p) => p.id === id && !p.removedAt);
}

function isIncidenteel(p: Participant): boolean {
  return p.role === 'incidenteel' || (INCIDENTELE_ORGS as readonly string[]).includes(p.organisation);
}

function requireRegisseur(aanpak: Aanpak, by: string): void {
  if (!isRegisseur(aanpak, by)) {
    throw new DomainError('not_regisseur', 'Alleen de procesregisseur of de vervanger beheert de namenlijst.', [
      'R-X-16',
    ]);
  }
}

function requireActiveStep(aanpak: Aanpak): void {
  if (!(STEPS as readonly string[]).includes(aanpak.state)) {
    throw new DomainError('aanpak_not_active', 'Deze aanpak is niet actief; de namenlijst kan niet worden gewijzigd.');
  }
}

function requireOwnMember(aanpak: Aanpak, member: Member): void {
  if (member.aanpakId !== aanpak.id) {
    throw new DomainError('member_mismatch', 'Deze jongere hoort niet bij deze aanpak.');
  }
  if (member.removedAt) {
    throw new DomainError('member_removed', 'Deze jongere staat niet meer op de namenlijst.');
  }
}

/** Case-, diacritics- and whitespace-insensitive key for duplicate detection. */
function nameKey(naam: string): string {
  return naam
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

function ageOn(birth: string, now: Date): number {
  const [y, m, d] = birth.split('-').map(Number) as [number, number, number];
  let age = now.getUTCFullYear() - y;
  if (now.getUTCMonth() + 1 < m || (now.getUTCMonth() + 1 === m && now.getUTCDate() < d)) age -= 1;
  return age;
}

function checkText(value: unknown, max: number, label: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new DomainError('invalid_field', `${label} is niet goed ingevuld.`);
  const v = value.trim().replace(/\s+/g, ' ');
  if (v.length > max) throw new DomainError('field_too_long', `${label} mag maximaal ${max} tekens hebben.`);
  return v || undefined;
}

function checkNaam(value: unknown): string {
  const naam = checkText(value, MAX_NAAM, 'De naam');
  if (!naam) throw new DomainError('naam_required', 'Vul een naam in.');
  return naam;
}

function checkBijnamen(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new DomainError('invalid_field', 'De bijnamen zijn niet goed ingevuld.');
  const out: string[] = [];
  for (const raw of value) {
    const b = checkText(raw, MAX_BIJNAAM, 'Een bijnaam');
    if (b && !out.some((x) => nameKey(x) === nameKey(b))) out.push(b);
  }
  if (out.length > MAX_BIJNAMEN) {
    throw new DomainError('too_many_bijnamen', `Vul maximaal ${MAX_BIJNAMEN} bijnamen in.`);
  }
  return out;
}

function checkGeboortedatum(value: unknown, now: Date): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string' || !isIsoDate(value)) {
    throw new DomainError('invalid_geboortedatum', 'Vul de geboortedatum in als JJJJ-MM-DD.');
  }
  const age = ageOn(value, now);
  if (value > now.toISOString().slice(0, 10) || age < MIN_AGE || age > MAX_AGE) {
    throw new DomainError('implausible_geboortedatum', 'De geboortedatum lijkt niet te kloppen.');
  }
  return value;
}

function checkPositie(value: unknown): Member['positie'] {
  if (value !== 'kern' && value !== 'schil') {
    throw new DomainError('invalid_positie', 'Kies kern of schil.');
  }
  return value;
}

function checkBron(value: unknown): Member['bron'] {
  if (value !== 'groepsscan' && value !== 'partner') {
    throw new DomainError('invalid_bron', 'Kies als bron groepsscan of partner.');
  }
  return value;
}

function checkOrganisation(value: unknown): Organisation | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || !(ORGANISATIONS_ALL as readonly string[]).includes(value)) {
    throw new DomainError('invalid_organisation', 'Deze organisatie ken ik niet.');
  }
  return value as Organisation;
}

function requireNoDuplicate(members: Member[], candidate: { naam: string; geboortedatum?: string }, selfId?: string) {
  const key = nameKey(candidate.naam);
  const dup = members.some(
    (m) => !m.removedAt && m.id !== selfId && nameKey(m.naam) === key && m.geboortedatum === candidate.geboortedatum,
  );
  if (dup) throw new DomainError('duplicate_member', 'Deze jongere staat al op de namenlijst.');
}

// ---- commands -------------------------------------------------------------------------------

export interface AddMemberCommand {
  naam: string;
  bijnamen?: string[];
  geboortedatum?: string;
  adres?: string;
  woonplaats?: string;
  positie: 'kern' | 'schil';
  bron: 'groepsscan' | 'partner';
  bronOrganisation?: Organisation;
  by: string;
}

export function addMember(
  aanpak: Aanpak,
  members: Member[],
  cmd: AddMemberCommand,
  env: Env,
): { member: Member; events: AuditEvent[] } {
  requireRegisseur(aanpak, cmd.by);
  if (!(NAMENLIJST_STEPS as readonly string[]).includes(aanpak.state)) {
    throw new DomainError(
      'namenlijst_not_yet',
      (STEPS as readonly string[]).includes(aanpak.state)
        ? 'Namen komen pas op de lijst in stap 2B, als de groep problematisch is bevonden.'
        : 'Deze aanpak is niet actief; er kunnen geen namen bij.',
      ['R-2B-1'],
    );
  }
  const now = env.now();
  const member: Member = {
    id: env.newId(),
    aanpakId: aanpak.id,
    naam: checkNaam(cmd.naam),
    bijnamen: checkBijnamen(cmd.bijnamen),
    positie: checkPositie(cmd.positie),
    bron: checkBron(cmd.bron),
    addedAt: now.toISOString(),
    addedBy: cmd.by,
    informing: { status: 'open' },
  };
  const geboortedatum = checkGeboortedatum(cmd.geboortedatum, now);
  const adres = checkText(cmd.adres, MAX_ADRES, 'Het adres');
  const woonplaats = checkText(cmd.woonplaats, MAX_WOONPLAATS, 'De woonplaats');
  const bronOrganisation = checkOrganisation(cmd.bronOrganisation);
  if (geboortedatum) member.geboortedatum = geboortedatum;
  if (adres) member.adres = adres;
  if (woonplaats) member.woonplaats = woonplaats;
  if (bronOrganisation) member.bronOrganisation = bronOrganisation;
  requireNoDuplicate(
    members.filter((m) => m.aanpakId === aanpak.id),
    member,
  );
  return {
    member,
    events: [
      {
        aanpakId: aanpak.id,
        type: 'member.added',
        actor: cmd.by,
        at: member.addedAt,
        level: 'persoon',
        ruleIds: ['R-2B-1', 'R-2B-9'],
        data: { memberId: member.id, positie: member.positie, bron: member.bron },
      },
    ],
  };
}

/** Rectificatie: fields to change; `null` clears an optional field. */
export interface MemberChanges {
  naam?: string;
  bijnamen?: string[];
  geboortedatum?: string | null;
  adres?: string | null;
  woonplaats?: string | null;
  positie?: 'kern' | 'schil';
  bron?: 'groepsscan' | 'partner';
  bronOrganisation?: Organisation | null;
}

export interface UpdateMemberCommand {
  memberId: string;
  changes: MemberChanges;
  by: string;
}

/** Rectificatie (R-X-03 "correct or erase wrong data"). The audit event names the changed fields only. */
export function updateMember(
  aanpak: Aanpak,
  members: Member[],
  cmd: UpdateMemberCommand,
  env: Env,
): { member: Member; events: AuditEvent[] } {
  requireRegisseur(aanpak, cmd.by);
  requireActiveStep(aanpak);
  const current = members.find((m) => m.id === cmd.memberId);
  if (!current) throw new DomainError('member_unknown', 'Deze jongere staat niet op de namenlijst.');
  requireOwnMember(aanpak, current);
  const now = env.now();
  const c = cmd.changes ?? {};
  const next: Member = { ...current, bijnamen: [...current.bijnamen] };
  if ('naam' in c) next.naam = checkNaam(c.naam);
  if ('bijnamen' in c) next.bijnamen = checkBijnamen(c.bijnamen);
  if ('positie' in c) next.positie = checkPositie(c.positie);
  if ('bron' in c) next.bron = checkBron(c.bron);
  const optional = {
    geboortedatum: 'geboortedatum' in c ? checkGeboortedatum(c.geboortedatum, now) : current.geboortedatum,
    adres: 'adres' in c ? checkText(c.adres, MAX_ADRES, 'Het adres') : current.adres,
    woonplaats: 'woonplaats' in c ? checkText(c.woonplaats, MAX_WOONPLAATS, 'De woonplaats') : current.woonplaats,
    bronOrganisation: 'bronOrganisation' in c ? checkOrganisation(c.bronOrganisation) : current.bronOrganisation,
  };
  for (const [key, value] of Object.entries(optional) as [keyof typeof optional, string | undefined][]) {
    if (value === undefined) delete next[key];
    else (next as unknown as Record<string, string>)[key] = value;
  }
  requireNoDuplicate(
    members.filter((m) => m.aanpakId === aanpak.id),
    next,
    current.id,
  );
  const fields: (keyof MemberChanges)[] = [
    'naam',
    'bijnamen',
    'geboortedatum',
    'adres',
    'woonplaats',
    'positie',
    'bron',
    'bronOrganisation',
  ];
  const changed = fields.filter((f) => JSON.stringify(current[f]) !== JSON.stringify(next[f]));
  if (changed.length === 0) return { member: current, events: [] };
  return {
    member: next,
    events: [
      {
        aanpakId: aanpak.id,
        type: 'member.rectified',
        actor: cmd.by,
        at: now.toISOString(),
        level: 'persoon',
        ruleIds: ['R-X-03'],
        data: { memberId: current.id, fields: changed.join(',') },
      },
    ],
  };
}

export type InformingCommand = { status: 'uitgereikt'; date: string } | { status: 'uitgesteld'; reason: string };

/**
 * Records that the letter was handed over (R-2B-8, R-2B-9), or that informing is postponed with the
 * reason as aantekening in het bestand (Beesel art. 6.3, R-X-64). A postponed letter can later be handed
 * over (R-X-65); a handed-over letter cannot become postponed.
 */
export function recordInforming(
  member: Member,
  cmd: InformingCommand,
  by: string,
  env: Env,
  aanpak: Aanpak,
): { member: Member; events: AuditEvent[] } {
  requireRegisseur(aanpak, by);
  requireActiveStep(aanpak);
  requireOwnMember(aanpak, member);
  const now = env.now();
  const at = now.toISOString();
  let informing: Member['informing'];
  let ruleIds: string[];
  if (cmd?.status === 'uitgereikt') {
    if (typeof cmd.date !== 'string' || !isIsoDate(cmd.date)) {
      throw new DomainError('invalid_date', 'Vul de datum in als JJJJ-MM-DD.');
    }
    if (cmd.date > at.slice(0, 10)) {
      throw new DomainError('date_in_future', 'De datum van uitreiking ligt in de toekomst.');
    }
    if (cmd.date < member.addedAt.slice(0, 10)) {
      throw new DomainError('date_before_added', 'De brief kan niet zijn uitgereikt voordat de jongere op de lijst kwam.');
    }
    informing = { status: 'uitgereikt', date: cmd.date, recordedBy: by };
    ruleIds = member.informing.status === 'uitgesteld' ? ['R-2B-8', 'R-X-65'] : ['R-2B-8'];
  } else if (cmd?.status === 'uitgesteld') {
    if (member.informing.status === 'uitgereikt') {
      throw new DomainError('already_informed', 'De brief is al uitgereikt; uitstellen kan niet meer.');
    }
    const reason = checkText(cmd.reason, MAX_REASON, 'De reden');
    if (!reason) {
      throw new DomainError('reason_required', 'Noteer waarom informeren (nog) niet kan.', ['R-X-64']);
    }
    informing = { status: 'uitgesteld', reason, recordedBy: by, at };
    ruleIds = ['R-X-64'];
  } else {
    throw new DomainError('invalid_informing', 'Kies uitgereikt of uitgesteld.');
  }
  return {
    member: { ...member, informing },
    events: [
      {
        aanpakId: aanpak.id,
        type: 'member.informing_recorded',
        actor: by,
        at,
        level: 'persoon',
        ruleIds,
        data: { memberId: member.id, status: informing.status },
      },
    ],
  };
}

/**
 * Takes a member off the list (R-2B-10). The retention module schedules destruction of the member's
 * data from the 'member.removed' event (R-7-4: the same procedure as for the group).
 */
export function removeMember(
  member: Member,
  reason: string,
  by: string,
  env: Env,
  aanpak: Aanpak,
): { member: Member; events: AuditEvent[] } {
  requireRegisseur(aanpak, by);
  requireActiveStep(aanpak);
  requireOwnMember(aanpak, member);
  const text = checkText(reason, MAX_REASON, 'De reden');
  if (!text) throw new DomainError('reason_required', 'Noteer waarom de jongere van de lijst gaat.');
  const at = env.now().toISOString();
  return {
    member: { ...member, removedAt: at, removalReason: text },
    events: [
      {
        aanpakId: aanpak.id,
        type: 'member.removed',
        actor: by,
        at,
        level: 'persoon',
        ruleIds: ['R-2B-10', 'R-7-4'],
        data: { memberId: member.id },
      },
    ],
  };
}

// ---- views ----------------------------------------------------------------------------------

export interface NamenlijstEntry {
  memberId: string;
  naam: string;
  bijnamen?: string[];
  positie?: 'kern' | 'schil';
  geboortedatum?: string;
  adres?: string;
  woonplaats?: string;
  bron?: Member['bron'];
  bronOrganisation?: Organisation;
  addedAt?: string;
  informing?: Member['informing'];
}

export interface NamenlijstView {
  scope: 'naw' | 'namen' | 'grondslag' | 'geen';
  entries: NamenlijstEntry[];
  /** Dutch, for the viewer; null when the list is shown in full for their role. */
  notice: string | null;
}

/**
 * What this viewer may see of the namenlijst (R-X-16, R-X-22): NAW for the procesregisseur and
 * vervanger, naam + bijnamen + positie for other convenantpartners, nothing for incidentele
 * deelnemers except the naam of members for whom a legal basis for them is recorded.
 */
export function namenlijstView(members: Member[], viewer: Participant, aanpak: Aanpak): NamenlijstView {
  if (!(NAMENLIJST_STEPS as readonly string[]).includes(aanpak.state)) {
    return { scope: 'geen', entries: [], notice: 'In deze stap is er geen namenlijst.' };
  }
  const self = activeParticipant(aanpak, viewer.id);
  if (!self) {
    return { scope: 'geen', entries: [], notice: 'Je hoort niet (meer) bij deze aanpak.' };
  }
  const active = members
    .filter((m) => m.aanpakId === aanpak.id && !m.removedAt)
    .sort((a, b) => a.naam.localeCompare(b.naam, 'nl'));
  if (isRegisseur(aanpak, self.id)) {
    return {
      scope: 'naw',
      notice: null,
      entries: active.map((m) => {
        const e: NamenlijstEntry = {
          memberId: m.id,
          naam: m.naam,
          bijnamen: [...m.bijnamen],
          positie: m.positie,
          bron: m.bron,
          addedAt: m.addedAt,
          informing: m.informing,
        };
        if (m.geboortedatum) e.geboortedatum = m.geboortedatum;
        if (m.adres) e.adres = m.adres;
        if (m.woonplaats) e.woonplaats = m.woonplaats;
        if (m.bronOrganisation) e.bronOrganisation = m.bronOrganisation;
        return e;
      }),
    };
  }
  if (isIncidenteel(self)) {
    const allowed = new Set(aanpak.legalBases.filter((b) => b.participantId === self.id).map((b) => b.memberId));
    const entries = active.filter((m) => allowed.has(m.id)).map((m) => ({ memberId: m.id, naam: m.naam }));
    return {
      scope: entries.length > 0 ? 'grondslag' : 'geen',
      entries,
      notice:
        entries.length > 0
          ? 'Je ziet alleen de namen waarvoor een grondslag voor jou is vastgelegd.'
          : 'Als incidentele deelnemer zie je de namenlijst niet.',
    };
  }
  return {
    scope: 'namen',
    notice: null,
    entries: active.map((m) => ({ memberId: m.id, naam: m.naam, bijnamen: [...m.bijnamen], positie: m.positie })),
  };
}

/** Active members whose informing is still open more than INFORMING_GRACE_DAYS after they were added. */
export function pendingInforming(members: Member[], now: Date | string): Member[] {
  const t = (typeof now === 'string' ? new Date(now) : now).getTime();
  return members.filter(
    (m) => !m.removedAt && m.informing.status === 'open' && t - new Date(m.addedAt).getTime() > INFORMING_GRACE_DAYS * DAY_MS,
  );
}
