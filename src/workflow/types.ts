// Domain types of the 7-stappenmodel. Pure data: no framework imports, no clock.
// Timestamps are ISO-8601 strings (UTC) so aggregates serialise unchanged to any store.

export const STEPS = ['1', '2A', '2B', '3', '4', '5', '6', '7'] as const;
export type StepId = (typeof STEPS)[number];

export const END_STATES = ['gesloten', 'inactief', 'vernietigd'] as const;
export type EndState = (typeof END_STATES)[number];
export type AanpakState = StepId | EndState;

/** Classification levels, PRODUCT.md §4. The order is used for "highest of". */
export const LEVELS = ['groep', 'persoon', 'bijzonder', 'opsporing', 'pga'] as const;
export type Level = (typeof LEVELS)[number];

export const CONVENANT_ORGS = ['gemeente', 'politie', 'om', 'jongerenwerk', 'boa'] as const;
export const INCIDENTELE_ORGS = [
  'leerplicht',
  'school',
  'woningcorporatie',
  'lokaal_team',
  'reclassering',
  'rvdk',
  'halt',
  'overig',
] as const;
export type ConvenantOrg = (typeof CONVENANT_ORGS)[number];
export type IncidenteleOrg = (typeof INCIDENTELE_ORGS)[number];
export type Organisation = ConvenantOrg | IncidenteleOrg;

export const ROLES = ['procesregisseur', 'vervanger', 'partner', 'incidenteel'] as const;
export type Role = (typeof ROLES)[number];

export interface Geheimhouding {
  date: string; // date the verklaring was signed (YYYY-MM-DD)
  recordedBy: string; // participant id of the procesregisseur/vervanger
  recordedAt: string;
}

export interface Participant {
  id: string;
  /** Teams identity: AAD object id (stable across chats). */
  aadObjectId: string;
  /** Teams user id (29:…, the MRI Teams uses for per-user card refresh), when known. */
  teamsUserId?: string;
  displayName: string;
  organisation: Organisation;
  role: Role;
  /** Free label shown to users, e.g. "wijkagent", "digitale wijkagent", "leerplichtambtenaar". */
  functie?: string;
  geheimhouding?: Geheimhouding;
  addedAt: string;
  addedBy: string;
  removedAt?: string;
}

/** A recorded legal basis for an incidentele deelnemer to receive persoon-content about one member (R-X-22). */
export interface LegalBasis {
  participantId: string;
  memberId: string;
  basis: string;
  recordedBy: string;
  recordedAt: string;
}

/** Partner with a recorded basis for `bijzonder` (criminal-law, health, BSN) content (R-X-14). */
export interface BijzonderBasis {
  organisation: Organisation;
  basis: string;
  recordedBy: string;
  recordedAt: string;
}

/** Jongerenwerker's weighing before sharing persoon-content (R-X-31). */
export interface Weighing {
  id: string;
  participantId: string;
  /** What the weighing is for, e.g. an answer or round id. */
  subjectRef: string;
  doelmatigheid: string;
  subsidiariteit: string;
  proportionaliteit: string;
  recordedAt: string;
}

/** Consent of the partner who contributed PGA information, per forum (R-X-53). */
export interface PgaConsent {
  contentRef: string;
  contributorId: string;
  /** The forum the consent covers: an aanpak id (its jeugdgroepenoverleg) or 'driehoek'. */
  forum: string;
  recordedAt: string;
}

export const EXIT_KINDS = [
  'gerichte_actie_volstaat',
  'geen_problematische_jeugdgroep',
  'andere_aanpak_past_beter',
  'niet_geprioriteerd',
] as const;
export type ExitKind = (typeof EXIT_KINDS)[number];

export type RetentionClass = 'aanpak_vastgesteld' | 'geen_aanpak' | 'geen_aanpak_herbeoordeling';

export interface DecisionFields {
  '2A'?: { problematisch: boolean };
  '4'?: { geprioriteerd: boolean; datum: string; randvoorwaarden: string };
  '7'?: { doelenBereikt: boolean; resterendeActiesBelegd: boolean };
}

export interface TransitionRecord {
  from: AanpakState;
  to: AanpakState;
  by: string;
  at: string;
  decisionText: string;
  decisions?: DecisionFields;
  override?: { reason: string; missing: string[] };
  exit?: ExitKind;
}

export interface ChecklistTick {
  itemId: string;
  done: boolean;
  by: string;
  at: string;
}

export type RetentionProfileId = '2022' | 'beesel';

export interface AanpakSettings {
  overlegCadenceWeeks: number;
  retentionProfile: RetentionProfileId;
  /** Memo to the driehoek (T-04), set in the plan or beleidsadvies. */
  driehoekMemoDate?: string;
  /** Beesel art. 10.2 exception: keep 'geen aanpak' data up to a year for reassessment. */
  herbeoordelingAannemelijk?: boolean;
}

export interface Aanpak {
  id: string;
  name: string;
  gemeente: string;
  /** Teams conversation id of the shared channel or group chat. */
  channelId: string;
  state: AanpakState;
  /** Step the aanpak was in when it was closed; used for reopening. */
  lastStep?: StepId;
  version: number;
  createdAt: string;
  createdBy: string;
  participants: Participant[];
  checklist: Record<string, ChecklistTick>;
  decisions: DecisionFields;
  transitions: TransitionRecord[];
  exit?: { kind: ExitKind; retention: RetentionClass; at: string; by: string };
  closedAt?: string;
  inactiefAt?: string;
  destroyedAt?: string;
  reopenings: { at: string; by: string; reason: string; role: string }[];
  legalBases: LegalBasis[];
  bijzonderBases: BijzonderBasis[];
  weighings: Weighing[];
  pgaConsents: PgaConsent[];
  planVastgesteldAt?: string;
  settings: AanpakSettings;
}

// ---- Rounds -------------------------------------------------------------------------------

export type RoundKind = 'circulair' | 'duiding' | 'informatievragen';
export const SCALE = ['niet', '1', '2', '3', 'sterk', 'onbekend'] as const;
export type ScaleValue = (typeof SCALE)[number];

export interface RoundQuestion {
  id: string; // CV-1, DI-1-01, IV-1-1 …
  text: string;
  /** Level the question itself declares: person-level questions (spilfiguren) declare 'persoon'. */
  level: Level;
  answerType: 'open' | 'scale';
  pijler?: string;
  /** Circulair person-level questions that must be answered by role in 1/2A or with incidentele invitees. */
  byRole?: boolean;
}

export type RoundStatus = 'open' | 'gesloten' | 'gepubliceerd';

export interface RodeDraad {
  questionId: string;
  text: string;
  level: Level;
  by: string;
  at: string;
}

export interface Round {
  id: string;
  aanpakId: string;
  kind: RoundKind;
  step: StepId;
  questions: RoundQuestion[];
  invitees: string[]; // participant ids
  deadline: string;
  openedBy: string;
  openedAt: string;
  status: RoundStatus;
  /** True when person-level questions must be answered by role, not name. */
  answerByRole: boolean;
  closedAt?: string;
  publishedAt?: string;
  rodeDraad: RodeDraad[];
}

export interface AnswerItem {
  questionId: string;
  text?: string;
  scale?: ScaleValue;
  toelichting?: string;
  /** Level the author declares for this item (may only raise). */
  declaredLevel?: Level;
}

export interface Answer {
  roundId: string;
  aanpakId: string;
  participantId: string;
  organisation: Organisation;
  status: 'draft' | 'submitted';
  items: AnswerItem[];
  updatedAt: string;
  submittedAt?: string;
}

// ---- Namenlijst ---------------------------------------------------------------------------

export type InformingStatus =
  | { status: 'open' }
  | { status: 'uitgereikt'; date: string; recordedBy: string }
  | { status: 'uitgesteld'; reason: string; recordedBy: string; at: string };

export interface Member {
  id: string;
  aanpakId: string;
  naam: string;
  bijnamen: string[];
  geboortedatum?: string; // YYYY-MM-DD
  adres?: string;
  woonplaats?: string;
  positie: 'kern' | 'schil';
  bron: 'groepsscan' | 'partner';
  bronOrganisation?: Organisation;
  addedAt: string;
  addedBy: string;
  informing: InformingStatus;
  removedAt?: string;
  removalReason?: string;
}

// ---- Actions ------------------------------------------------------------------------------

export const SPOREN = ['persoon_gezin', 'groep_netwerk', 'gebied', 'online'] as const;
export type Spoor = (typeof SPOREN)[number];

export interface Action {
  id: string;
  aanpakId: string;
  text: string;
  level: Level;
  ownerOrganisation: Organisation;
  ownerParticipantId?: string;
  due?: string; // YYYY-MM-DD
  spoor: Spoor;
  status: 'open' | 'gedaan' | 'vervallen';
  result?: string;
  createdAt: string;
  createdBy: string;
  /** Huiswerk from an 'onbekend' duiding answer (R-G-2). */
  source?: { roundId: string; questionId: string };
  doneAt?: string;
}

// ---- Plan van aanpak ----------------------------------------------------------------------

export type PlanStatus = 'concept' | 'vastgesteld' | 'bijgesteld';

export interface PlanVersion {
  id: string;
  aanpakId: string;
  number: number;
  status: PlanStatus;
  /** Section id → content; structure defined by the plan module. */
  sections: Record<string, unknown>;
  by: string;
  at: string;
  vastgesteldOp?: string;
}

// ---- Audit --------------------------------------------------------------------------------

/** An audit event never carries content: only who, what, when, level, audience, rule ids. */
export interface AuditEvent {
  aanpakId: string;
  type: string;
  actor: string;
  at: string;
  level?: Level;
  audience?: string[];
  ruleIds?: string[];
  outcome?: 'allow' | 'deny' | 'confirm';
  /** Small, content-free facts: ids, from/to, counts. */
  data?: Record<string, string | number | boolean | null>;
}

// ---- Injected environment -----------------------------------------------------------------

export interface Env {
  now: () => Date;
  newId: () => string;
}

export class DomainError extends Error {
  constructor(
    readonly code: string,
    /** Dutch, short, safe to show to the user. */
    readonly userMessage: string,
    readonly ruleIds: string[] = [],
  ) {
    super(`${code}: ${userMessage}`);
    this.name = 'DomainError';
  }
}

// ---- Screening and gate contracts (implemented in screening.ts and gate.ts) ---------------

export type FindingKind =
  | 'naam'
  | 'bijnaam'
  | 'geboortedatum'
  | 'bsn'
  | 'postcode_huisnummer'
  | 'telefoon'
  | 'email'
  | 'datum'
  | 'adres';

export interface ScreeningFinding {
  kind: FindingKind;
  /** The matched fragment: shown only to the author, never logged or audited. */
  fragment: string;
  memberId?: string;
  level: Level;
}

export interface ScreeningResult {
  level: Level;
  findings: ScreeningFinding[];
}

export type ContentKind =
  | 'answer'
  | 'flipover_item'
  | 'rode_draad'
  | 'duiding_result'
  | 'action'
  | 'namenlijst'
  | 'reminder'
  | 'step_card'
  | 'status'
  | 'export_paragraph'
  | 'message';

/** Something that may leave its author: one answer item, one flipover line, one paragraph. */
export interface GateContent {
  /** Opaque reference for audit (answer id + question, action id …); never the content. */
  ref: string;
  kind: ContentKind;
  /** Declared level: the question's and the author's, whichever is higher. */
  level: Level;
  /** Free text to screen; screening only raises the level. */
  text?: string;
  authorId: string;
  /** Members the content is about (for incidentele deelnemers' legal basis). */
  memberIds?: string[];
  /** For `pga`: the partner who contributed it (R-X-53). */
  pgaContributorId?: string;
}

export type Recipient =
  | { kind: 'participant'; participantId: string }
  | { kind: 'driehoek' }
  /** Someone in the shared channel who is not a participant of the aanpak (AAD object id). */
  | { kind: 'observer'; aadObjectId: string };

export interface GateReason {
  ruleId: string;
  /** Dutch, short, content-free: safe to show in the channel. */
  message: string;
  /** Recipient keys (participant id, 'driehoek' or 'observer:<aad>') this reason applies to. */
  recipients: string[];
}

export type GateOutcome = 'allow' | 'deny' | 'confirm';

export interface GateDecision {
  outcome: GateOutcome;
  /** Effective level: max(declared, screened). */
  level: Level;
  reasons: GateReason[];
  findings: ScreeningFinding[];
}

// ---- Retention decisions (computed in retention.ts, applied by the store's executor) ------

export type RetentionDecision =
  | { kind: 'inactief'; aanpakId: string; dueAt: string; ruleId: string }
  | { kind: 'destroy_aanpak'; aanpakId: string; dueAt: string; archiveFirst: boolean; ruleId: string }
  | { kind: 'destroy_member'; aanpakId: string; memberId: string; dueAt: string; ruleId: string };
