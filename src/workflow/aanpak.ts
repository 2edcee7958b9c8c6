// The aanpak aggregate: creation, participants and roles, checklist, transitions between the
// steps, exits, closing and reopening. Pure: every function returns a new aanpak plus the
// content-free audit events it caused, or throws a DomainError with a Dutch message.
import { EXIT_DEFS, STEP_DEFS, exitRuleId } from './catalog/index.js';
import type { ChecklistItem, ChecklistOwner } from './catalog/types.js';
import {
  CONVENANT_ORGS,
  DomainError,
  STEPS,
  type Aanpak,
  type AanpakSettings,
  type AanpakState,
  type AuditEvent,
  type DecisionFields,
  type Env,
  type ExitKind,
  type Organisation,
  type Participant,
  type Role,
  type StepId,
} from './types.js';

export interface Changed {
  aanpak: Aanpak;
  events: AuditEvent[];
}

const MAX_NAME = 120;
const MAX_TEXT = 2000;

// ---- helpers ------------------------------------------------------------------------------

export function isStep(state: AanpakState): state is StepId {
  return (STEPS as readonly string[]).includes(state);
}

export function stepIndex(step: StepId): number {
  return STEPS.indexOf(step);
}

export function isConvenantOrg(org: Organisation): boolean {
  return (CONVENANT_ORGS as readonly string[]).includes(org);
}

export function activeParticipants(aanpak: Aanpak): Participant[] {
  return aanpak.participants.filter((p) => !p.removedAt);
}

export function findParticipant(aanpak: Aanpak, participantId: string): Participant | undefined {
  return aanpak.participants.find((p) => p.id === participantId && !p.removedAt);
}

export function participantByAad(aanpak: Aanpak, aadObjectId: string): Participant | undefined {
  return aanpak.participants.find((p) => p.aadObjectId === aadObjectId && !p.removedAt);
}

/** Procesregisseur or the named vervanger (Beesel art. 2.2 c: "de regisseur of zijn directe vervanger"). */
export function isRegisseur(aanpak: Aanpak, participantId: string): boolean {
  const p = findParticipant(aanpak, participantId);
  return !!p && (p.role === 'procesregisseur' || p.role === 'vervanger');
}

function requireRegisseur(aanpak: Aanpak, by: string, what: string): Participant {
  const p = findParticipant(aanpak, by);
  if (!p || (p.role !== 'procesregisseur' && p.role !== 'vervanger')) {
    throw new DomainError('forbidden', `Alleen de procesregisseur kan ${what}.`);
  }
  return p;
}

function requireOpen(aanpak: Aanpak): StepId {
  if (!isStep(aanpak.state)) {
    throw new DomainError(
      'aanpak_closed',
      aanpak.state === 'vernietigd'
        ? 'Deze aanpak is vernietigd.'
        : 'Deze aanpak is gesloten en alleen nog in te zien. Heropenen kan binnen de bewaartermijn.',
      ['R-7-1'],
    );
  }
  return aanpak.state;
}

function cleanText(value: string | undefined, field: string, max = MAX_TEXT, required = true): string {
  const v = (value ?? '').trim();
  if (required && !v) throw new DomainError('invalid_input', `Vul ${field} in.`);
  if (v.length > max) throw new DomainError('invalid_input', `${field} is te lang (maximaal ${max} tekens).`);
  return v;
}

function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

function event(aanpak: Aanpak, type: string, actor: string, env: Env, data?: AuditEvent['data']): AuditEvent {
  return { aanpakId: aanpak.id, type, actor, at: env.now().toISOString(), ...(data ? { data } : {}) };
}

// ---- creation -----------------------------------------------------------------------------

export interface CreateAanpakInput {
  name: string;
  gemeente: string;
  channelId: string;
  by: { aadObjectId: string; displayName: string; teamsUserId?: string };
  settings?: Partial<AanpakSettings>;
}

export const DEFAULT_SETTINGS: AanpakSettings = { overlegCadenceWeeks: 6, retentionProfile: '2022' };

/** A new aanpak starts in step 1 with its creator as procesregisseur (A-1-1). */
export function createAanpak(input: CreateAanpakInput, env: Env): Changed {
  const name = cleanText(input.name, 'een naam voor de aanpak', MAX_NAME);
  const gemeente = cleanText(input.gemeente, 'de gemeente', MAX_NAME);
  if (!input.channelId) throw new DomainError('invalid_input', 'Start een aanpak in een kanaal of groepschat.');
  if (!input.by.aadObjectId) throw new DomainError('invalid_input', 'Onbekende gebruiker.');
  const cadence = input.settings?.overlegCadenceWeeks ?? DEFAULT_SETTINGS.overlegCadenceWeeks;
  if (!Number.isInteger(cadence) || cadence < 1 || cadence > 26) {
    throw new DomainError('invalid_input', 'Het overlegritme moet tussen 1 en 26 weken liggen.');
  }
  const now = env.now().toISOString();
  const id = env.newId();
  const regisseur: Participant = {
    id: env.newId(),
    aadObjectId: input.by.aadObjectId,
    ...(input.by.teamsUserId ? { teamsUserId: input.by.teamsUserId } : {}),
    displayName: cleanText(input.by.displayName || 'Procesregisseur', 'een naam', MAX_NAME),
    organisation: 'gemeente',
    role: 'procesregisseur',
    addedAt: now,
    addedBy: 'system',
  };
  const aanpak: Aanpak = {
    id,
    name,
    gemeente,
    channelId: input.channelId,
    state: '1',
    version: 0,
    createdAt: now,
    createdBy: regisseur.id,
    participants: [regisseur],
    checklist: {},
    decisions: {},
    transitions: [],
    reopenings: [],
    legalBases: [],
    bijzonderBases: [],
    weighings: [],
    pgaConsents: [],
    settings: { ...DEFAULT_SETTINGS, ...input.settings, overlegCadenceWeeks: cadence },
  };
  return {
    aanpak,
    events: [
      event(aanpak, 'aanpak.created', regisseur.id, env, { state: '1' }),
      event(aanpak, 'participant.added', regisseur.id, env, {
        participantId: regisseur.id,
        organisation: 'gemeente',
        role: 'procesregisseur',
      }),
    ],
  };
}

// ---- participants -------------------------------------------------------------------------

export interface AddParticipantInput {
  aadObjectId: string;
  teamsUserId?: string;
  displayName: string;
  organisation: Organisation;
  role: Role;
  functie?: string;
  by: string;
}

/**
 * Roles follow the organisation: convenantpartners are partner members (gemeente may also be
 * procesregisseur or vervanger); everyone else joins as incidentele deelnemer (R-X-20).
 */
export function addParticipant(aanpak: Aanpak, input: AddParticipantInput, env: Env): Changed {
  requireOpen(aanpak);
  requireRegisseur(aanpak, input.by, 'deelnemers toevoegen');
  if (!input.aadObjectId) throw new DomainError('invalid_input', 'Kies een persoon uit het team.');
  const displayName = cleanText(input.displayName, 'een naam', MAX_NAME);
  const convenant = isConvenantOrg(input.organisation);
  if (!convenant && input.role !== 'incidenteel') {
    throw new DomainError(
      'invalid_role',
      'Deze organisatie is geen convenantpartner en doet mee als incidentele deelnemer.',
      ['R-X-20'],
    );
  }
  if (convenant && input.role === 'incidenteel') {
    throw new DomainError('invalid_role', 'Een convenantpartner doet mee als partner, niet als incidentele deelnemer.');
  }
  if ((input.role === 'procesregisseur' || input.role === 'vervanger') && input.organisation !== 'gemeente') {
    throw new DomainError('invalid_role', 'De procesregisseur en de vervanger werken bij de gemeente (OOV).');
  }
  if (participantByAad(aanpak, input.aadObjectId)) {
    throw new DomainError('duplicate', `${displayName} doet al mee aan deze aanpak.`);
  }
  const now = env.now().toISOString();
  const p: Participant = {
    id: env.newId(),
    aadObjectId: input.aadObjectId,
    ...(input.teamsUserId ? { teamsUserId: input.teamsUserId } : {}),
    displayName,
    organisation: input.organisation,
    role: input.role,
    ...(input.functie ? { functie: cleanText(input.functie, 'de functie', MAX_NAME) } : {}),
    addedAt: now,
    addedBy: input.by,
  };
  const next = { ...aanpak, participants: [...aanpak.participants, p] };
  return {
    aanpak: next,
    events: [
      event(next, 'participant.added', input.by, env, {
        participantId: p.id,
        organisation: p.organisation,
        role: p.role,
      }),
    ],
  };
}

export function removeParticipant(aanpak: Aanpak, input: { participantId: string; by: string }, env: Env): Changed {
  requireOpen(aanpak);
  requireRegisseur(aanpak, input.by, 'deelnemers verwijderen');
  const p = findParticipant(aanpak, input.participantId);
  if (!p) throw new DomainError('not_found', 'Deze deelnemer doet niet (meer) mee.');
  const regisseurs = activeParticipants(aanpak).filter((x) => x.role === 'procesregisseur');
  if (p.role === 'procesregisseur' && regisseurs.length <= 1) {
    throw new DomainError('last_regisseur', 'Voeg eerst een andere procesregisseur toe.');
  }
  const now = env.now().toISOString();
  const next = {
    ...aanpak,
    participants: aanpak.participants.map((x) => (x.id === p.id ? { ...x, removedAt: now } : x)),
    // A removed participant's legal bases lapse with their participation.
    legalBases: aanpak.legalBases.filter((b) => b.participantId !== p.id),
  };
  return { aanpak: next, events: [event(next, 'participant.removed', input.by, env, { participantId: p.id })] };
}

/** R-X-21: an incidentele deelnemer receives nothing before a geheimhoudingsverklaring is recorded. */
export function recordGeheimhouding(
  aanpak: Aanpak,
  input: { participantId: string; date: string; by: string },
  env: Env,
): Changed {
  requireOpen(aanpak);
  requireRegisseur(aanpak, input.by, 'een geheimhoudingsverklaring vastleggen');
  const p = findParticipant(aanpak, input.participantId);
  if (!p) throw new DomainError('not_found', 'Deze deelnemer doet niet (meer) mee.');
  if (!isIsoDate(input.date)) throw new DomainError('invalid_input', 'Geef de datum van ondertekening als JJJJ-MM-DD.');
  if (input.date > env.now().toISOString().slice(0, 10)) {
    throw new DomainError('invalid_input', 'De datum van ondertekening ligt in de toekomst.');
  }
  const now = env.now().toISOString();
  const next = {
    ...aanpak,
    participants: aanpak.participants.map((x) =>
      x.id === p.id ? { ...x, geheimhouding: { date: input.date, recordedBy: input.by, recordedAt: now } } : x,
    ),
  };
  return {
    aanpak: next,
    events: [event(next, 'participant.geheimhouding_recorded', input.by, env, { participantId: p.id })],
  };
}

/** R-X-22: persoon-content about a member reaches an incidentele deelnemer only with a recorded basis. */
export function recordLegalBasis(
  aanpak: Aanpak,
  input: { participantId: string; memberId: string; basis: string; by: string },
  env: Env,
): Changed {
  requireOpen(aanpak);
  requireRegisseur(aanpak, input.by, 'een grondslag vastleggen');
  const p = findParticipant(aanpak, input.participantId);
  if (!p) throw new DomainError('not_found', 'Deze deelnemer doet niet (meer) mee.');
  if (p.role !== 'incidenteel') {
    throw new DomainError('invalid_input', 'Een grondslag per groepslid is alleen nodig voor incidentele deelnemers.');
  }
  const basis = cleanText(input.basis, 'de grondslag', 500);
  const next = {
    ...aanpak,
    legalBases: [
      ...aanpak.legalBases.filter((b) => !(b.participantId === p.id && b.memberId === input.memberId)),
      { participantId: p.id, memberId: input.memberId, basis, recordedBy: input.by, recordedAt: env.now().toISOString() },
    ],
  };
  return {
    aanpak: next,
    events: [
      event(next, 'legal_basis.recorded', input.by, env, { participantId: p.id, memberId: input.memberId }),
    ],
  };
}

/** R-X-14: bijzondere and strafrechtelijke gegevens only for partners with a recorded basis. */
export function recordBijzonderBasis(
  aanpak: Aanpak,
  input: { organisation: Organisation; basis: string; by: string },
  env: Env,
): Changed {
  requireOpen(aanpak);
  requireRegisseur(aanpak, input.by, 'een grondslag vastleggen');
  const basis = cleanText(input.basis, 'de grondslag', 500);
  const next = {
    ...aanpak,
    bijzonderBases: [
      ...aanpak.bijzonderBases.filter((b) => b.organisation !== input.organisation),
      { organisation: input.organisation, basis, recordedBy: input.by, recordedAt: env.now().toISOString() },
    ],
  };
  return {
    aanpak: next,
    events: [event(next, 'bijzonder_basis.recorded', input.by, env, { organisation: input.organisation })],
  };
}

/** R-X-31: the jongerenwerker weighs doelmatigheid, subsidiariteit and proportionaliteit. */
export function recordWeighing(
  aanpak: Aanpak,
  input: { participantId: string; subjectRef: string; doelmatigheid: string; subsidiariteit: string; proportionaliteit: string },
  env: Env,
): Changed {
  requireOpen(aanpak);
  const p = findParticipant(aanpak, input.participantId);
  if (!p || p.organisation !== 'jongerenwerk') {
    throw new DomainError('forbidden', 'Alleen de jongerenwerker legt deze afweging vast.', ['R-X-31']);
  }
  const weighing = {
    id: env.newId(),
    participantId: p.id,
    subjectRef: cleanText(input.subjectRef, 'het onderwerp', 300),
    doelmatigheid: cleanText(input.doelmatigheid, 'de doelmatigheid', 1000),
    subsidiariteit: cleanText(input.subsidiariteit, 'de subsidiariteit', 1000),
    proportionaliteit: cleanText(input.proportionaliteit, 'de proportionaliteit', 1000),
    recordedAt: env.now().toISOString(),
  };
  const next = { ...aanpak, weighings: [...aanpak.weighings, weighing] };
  return {
    aanpak: next,
    events: [event(next, 'weighing.recorded', p.id, env, { weighingId: weighing.id, subjectRef: weighing.subjectRef })],
  };
}

/** R-X-53: the partner who brought PGA information in decides whether it may be shared, per forum. */
export function recordPgaConsent(
  aanpak: Aanpak,
  input: { contentRef: string; contributorId: string; forum: string; by: string },
  env: Env,
): Changed {
  requireOpen(aanpak);
  if (input.by !== input.contributorId || !findParticipant(aanpak, input.by)) {
    throw new DomainError('forbidden', 'Alleen de partner die de informatie inbracht kan toestemming geven.', ['R-X-53']);
  }
  const next = {
    ...aanpak,
    pgaConsents: [
      ...aanpak.pgaConsents,
      { contentRef: input.contentRef, contributorId: input.contributorId, forum: input.forum, recordedAt: env.now().toISOString() },
    ],
  };
  return {
    aanpak: next,
    events: [event(next, 'pga_consent.recorded', input.by, env, { contentRef: input.contentRef, forum: input.forum })],
  };
}

// ---- checklist ----------------------------------------------------------------------------

const OWNER_ORGS: Record<ChecklistOwner, readonly Organisation[] | 'convenant' | 'regisseur'> = {
  procesregisseur: 'regisseur',
  burgemeester: 'regisseur',
  driehoek: 'regisseur', // the driehoek does not chat: the procesregisseur records its acts
  convenantpartners: 'convenant',
  partners: 'convenant',
  politie: ['politie'],
  om: ['om'],
  jongerenwerk: ['jongerenwerk'],
  boa: ['boa'],
};

export function mayTick(aanpak: Aanpak, item: ChecklistItem, participantId: string): boolean {
  if (isRegisseur(aanpak, participantId)) return true;
  const p = findParticipant(aanpak, participantId);
  if (!p || p.role === 'incidenteel') return false;
  const owners = OWNER_ORGS[item.owner];
  if (owners === 'regisseur') return false;
  if (owners === 'convenant') return isConvenantOrg(p.organisation);
  return owners.includes(p.organisation);
}

export function checklistItem(step: StepId, itemId: string): ChecklistItem | undefined {
  return STEP_DEFS[step].checklist.find((i) => i.id === itemId);
}

export function tickChecklist(
  aanpak: Aanpak,
  input: { itemId: string; done: boolean; by: string },
  env: Env,
): Changed {
  const step = requireOpen(aanpak);
  const item = checklistItem(step, input.itemId);
  if (!item) throw new DomainError('not_found', 'Dit punt hoort niet bij de huidige stap.');
  if (!mayTick(aanpak, item, input.by)) {
    throw new DomainError('forbidden', 'Dit punt is van een andere partner of van de procesregisseur.');
  }
  const tick = { itemId: item.id, done: input.done, by: input.by, at: env.now().toISOString() };
  const next = { ...aanpak, checklist: { ...aanpak.checklist, [item.id]: tick } };
  return {
    aanpak: next,
    events: [event(next, 'checklist.ticked', input.by, env, { itemId: item.id, done: input.done, step })],
  };
}

export function missingRequired(aanpak: Aanpak, step: StepId): ChecklistItem[] {
  return STEP_DEFS[step].checklist.filter((i) => i.required && !aanpak.checklist[i.id]?.done);
}

// ---- transitions --------------------------------------------------------------------------

export type TargetKind = 'forward' | 'back' | 'afschalen' | 'exit' | 'close';

export interface Target {
  to: AanpakState;
  kind: TargetKind;
  exit?: ExitKind;
  label: string;
  ruleId?: string;
}

const NEXT: Partial<Record<StepId, StepId>> = { '1': '2A', '2A': '2B', '2B': '3', '3': '4', '4': '5', '5': '6', '6': '7' };

/** D-*: what the procesregisseur may choose from the current state. */
export function allowedTargets(aanpak: Aanpak): Target[] {
  if (!isStep(aanpak.state)) return [];
  const step = aanpak.state;
  const targets: Target[] = [];
  const next = NEXT[step];
  // Afschalen to 7 is allowed from every step and is not guarded by the checklist (R-0-3, D-6-4).
  if (next && next !== '7') {
    targets.push({ to: next, kind: 'forward', label: `Naar stap ${next}: ${STEP_DEFS[next].name}` });
  }
  if (step === '7') targets.push({ to: 'gesloten', kind: 'close', label: 'Aanpak sluiten', ruleId: 'D-7-1' });
  if (step !== '7') {
    targets.push({ to: '7', kind: 'afschalen', label: 'Afschalen (naar stap 7)', ruleId: 'R-0-3' });
  }
  for (const s of STEPS.slice(0, stepIndex(step))) {
    targets.push({ to: s, kind: 'back', label: `Terug naar stap ${s}: ${STEP_DEFS[s].name}`, ruleId: 'R-0-2' });
  }
  for (const e of EXIT_DEFS) {
    if (e.fromSteps.includes(step)) {
      targets.push({ to: 'gesloten', kind: 'exit', exit: e.kind, label: e.label, ruleId: exitRuleId(e.kind, step) });
    }
  }
  return targets;
}

export interface TransitionInput {
  to: AanpakState;
  exit?: ExitKind;
  by: string;
  decisionText: string;
  decisions?: DecisionFields;
  /** Reason to move on although required checklist items are open. */
  overrideReason?: string;
}

function validateDecisions(step: StepId, target: Target, d: DecisionFields | undefined): DecisionFields {
  const out: DecisionFields = {};
  if (step === '2A' && (target.kind === 'forward' || target.exit === 'geen_problematische_jeugdgroep')) {
    const v = d?.['2A'];
    if (!v || typeof v.problematisch !== 'boolean') {
      throw new DomainError('decision_missing', 'Leg vast of er sprake is van een problematische jeugdgroep (ja/nee).', ['D-2A-1']);
    }
    if (target.kind === 'forward' && !v.problematisch) {
      throw new DomainError(
        'decision_conflict',
        'Naar stap 2B alleen als de partners het eens zijn dat het een problematische jeugdgroep is.',
        ['D-2A-1', 'R-G-5', 'R-2B-1'],
      );
    }
    if (target.exit && v.problematisch) {
      throw new DomainError('decision_conflict', 'Deze uitgang past bij "geen problematische jeugdgroep".', ['D-2A-2']);
    }
    out['2A'] = { problematisch: v.problematisch };
  }
  if (step === '4' && (target.kind === 'forward' || target.exit === 'niet_geprioriteerd')) {
    const v = d?.['4'];
    if (!v || typeof v.geprioriteerd !== 'boolean' || !isIsoDate(v.datum ?? '')) {
      throw new DomainError('decision_missing', 'Leg het besluit van de driehoek vast: geprioriteerd ja/nee en de datum.', ['D-4-1']);
    }
    const randvoorwaarden = cleanText(v.randvoorwaarden, 'de randvoorwaarden', MAX_TEXT, v.geprioriteerd);
    if (target.kind === 'forward' && !v.geprioriteerd) {
      throw new DomainError('decision_conflict', 'Naar stap 5 alleen als de driehoek de groep prioriteert.', ['D-4-1']);
    }
    if (target.exit && v.geprioriteerd) {
      throw new DomainError('decision_conflict', 'De driehoek heeft de groep geprioriteerd.', ['D-4-2']);
    }
    out['4'] = { geprioriteerd: v.geprioriteerd, datum: v.datum, randvoorwaarden };
  }
  if (step === '7' && target.kind === 'close') {
    const v = d?.['7'];
    if (!v || typeof v.doelenBereikt !== 'boolean' || typeof v.resterendeActiesBelegd !== 'boolean') {
      throw new DomainError('decision_missing', 'Leg vast of de doelen bereikt zijn en de resterende acties belegd.', ['D-7-1']);
    }
    if (!v.resterendeActiesBelegd) {
      throw new DomainError('decision_conflict', 'Beleg eerst de resterende acties.', ['A-7-2']);
    }
    out['7'] = { doelenBereikt: v.doelenBereikt, resterendeActiesBelegd: v.resterendeActiesBelegd };
  }
  return out;
}

export function transition(aanpak: Aanpak, input: TransitionInput, env: Env): Changed {
  const step = requireOpen(aanpak);
  requireRegisseur(aanpak, input.by, 'de aanpak naar een andere stap zetten');
  const target = allowedTargets(aanpak).find(
    (t) => t.to === input.to && (input.exit ? t.exit === input.exit : t.kind !== 'exit'),
  );
  if (!target) {
    throw new DomainError('invalid_transition', `Van stap ${step} kan de aanpak niet naar ${input.to}.`);
  }
  const decisionText = cleanText(input.decisionText, 'het besluit (kort)');
  const decisions = validateDecisions(step, target, input.decisions);

  // Moving on (and closing) is guarded by the step's required checklist items; the
  // procesregisseur may override with a reason. Going back, afschalen and exits are not guarded.
  let override: { reason: string; missing: string[] } | undefined;
  if (target.kind === 'forward' || target.kind === 'close') {
    const missing = missingRequired(aanpak, step);
    if (missing.length) {
      const reason = (input.overrideReason ?? '').trim();
      if (!reason) {
        throw new DomainError(
          'checklist_incomplete',
          `Nog niet afgerond: ${missing.map((m) => m.id).join(', ')}. Rond ze af of geef een reden om toch door te gaan.`,
        );
      }
      override = { reason: cleanText(reason, 'de reden', MAX_TEXT), missing: missing.map((m) => m.id) };
    }
  }

  const now = env.now().toISOString();
  const record = {
    from: aanpak.state,
    to: target.to,
    by: input.by,
    at: now,
    decisionText,
    ...(Object.keys(decisions).length ? { decisions } : {}),
    ...(override ? { override } : {}),
    ...(target.exit ? { exit: target.exit } : {}),
  };
  let next: Aanpak = {
    ...aanpak,
    state: target.to,
    decisions: { ...aanpak.decisions, ...decisions },
    transitions: [...aanpak.transitions, record],
  };
  if (target.to === 'gesloten') {
    next = { ...next, lastStep: step, closedAt: now };
    if (target.exit) {
      const def = EXIT_DEFS.find((e) => e.kind === target.exit);
      const retention =
        def?.retention === 'geen_aanpak' && aanpak.settings.herbeoordelingAannemelijk
          ? 'geen_aanpak_herbeoordeling'
          : (def?.retention ?? 'geen_aanpak');
      next = { ...next, exit: { kind: target.exit, retention, at: now, by: input.by } };
    }
  }
  // D-5-1: leaving step 5 forward means the plan van aanpak is vastgesteld (T-03 counts from here).
  if (step === '5' && target.kind === 'forward' && !next.planVastgesteldAt) {
    next = { ...next, planVastgesteldAt: now };
  }
  const events: AuditEvent[] = [
    event(next, 'aanpak.transitioned', input.by, env, {
      from: step,
      to: target.to,
      kind: target.kind,
      exit: target.exit ?? null,
      override: !!override,
      missing: override ? override.missing.join(',') : null,
    }),
  ];
  return { aanpak: next, events };
}

/** D-7-3 / R-7-2: reopening within the bewaartermijn needs a reason and a named role. */
export function reopen(
  aanpak: Aanpak,
  input: { by: string; reason: string; role: string; withinTerm: boolean; toStep?: StepId },
  env: Env,
): Changed {
  if (aanpak.state !== 'gesloten' && aanpak.state !== 'inactief') {
    throw new DomainError('invalid_transition', 'Alleen een gesloten of inactieve aanpak kan worden heropend.');
  }
  requireRegisseur(aanpak, input.by, 'een aanpak heropenen');
  if (!input.withinTerm) {
    throw new DomainError('retention_expired', 'De bewaartermijn is voorbij: deze aanpak kan niet meer worden heropend.', ['R-7-2']);
  }
  const reason = cleanText(input.reason, 'de reden om te heropenen');
  const role = cleanText(input.role, 'wie besluit tot heropenen (bijv. manager OOV)', MAX_NAME);
  const to = input.toStep ?? aanpak.lastStep ?? '6';
  const now = env.now().toISOString();
  const { exit: _exit, closedAt: _closed, inactiefAt: _inactief, ...rest } = aanpak;
  const next: Aanpak = {
    ...rest,
    state: to,
    reopenings: [...aanpak.reopenings, { at: now, by: input.by, reason, role }],
    transitions: [
      ...aanpak.transitions,
      { from: aanpak.state, to, by: input.by, at: now, decisionText: reason },
    ],
  };
  return {
    aanpak: next,
    events: [event(next, 'aanpak.reopened', input.by, env, { from: aanpak.state, to, role })],
  };
}

export function setSettings(
  aanpak: Aanpak,
  input: { by: string; settings: Partial<AanpakSettings> },
  env: Env,
): Changed {
  requireOpen(aanpak);
  requireRegisseur(aanpak, input.by, 'de instellingen wijzigen');
  const merged = { ...aanpak.settings, ...input.settings };
  if (!Number.isInteger(merged.overlegCadenceWeeks) || merged.overlegCadenceWeeks < 1 || merged.overlegCadenceWeeks > 26) {
    throw new DomainError('invalid_input', 'Het overlegritme moet tussen 1 en 26 weken liggen.');
  }
  if (merged.driehoekMemoDate && !isIsoDate(merged.driehoekMemoDate)) {
    throw new DomainError('invalid_input', 'Geef de datum van de memo aan de driehoek als JJJJ-MM-DD.');
  }
  const next = { ...aanpak, settings: merged };
  return {
    aanpak: next,
    events: [event(next, 'aanpak.settings_changed', input.by, env, { fields: Object.keys(input.settings).join(',') })],
  };
}

/** What the step card shows: goal, checklist with owners and ticks, questions, privacy line. */
export function stepSummary(aanpak: Aanpak) {
  if (!isStep(aanpak.state)) return undefined;
  const def = STEP_DEFS[aanpak.state];
  return {
    step: def.id,
    name: def.name,
    goal: def.goal,
    privacyLine: def.privacyLine,
    questions: def.questions,
    checklist: def.checklist.map((i) => ({
      id: i.id,
      text: i.text,
      owner: i.owner,
      required: i.required,
      done: !!aanpak.checklist[i.id]?.done,
    })),
  };
}
