// View models: plain data the bot fills and the cards render. Cards decide nothing about who may see
// what; the bot (behind the gate) only puts into a view what the recipient may see. Dates arrive as
// display labels ("12 mrt 2026, 17:00") so time-zone logic stays out of the cards.

import type { AanpakState, ExitKind, ScaleValue, StepId } from '../workflow/types.js';

/** Ids every card action carries: which aanpak, which version (stale-card detection), a nonce (dedupe). */
export interface CardContext {
  aanpakId: string;
  /** Aanpak version the card was rendered from; the bot rejects actions from stale cards. */
  version: number;
  /** One per rendered card; the bot dedupes submissions on (nonce, verb, target id). */
  nonce: string;
}

/** Per-user refresh (Universal Actions): Teams re-fetches the card for these users only (max 60). */
export interface RefreshView {
  userIds: string[];
}

/** A button that opens or triggers something the bot knows (e.g. "open the related card"). */
export interface ActionRef {
  title: string;
  verb: string;
  data?: Record<string, string | number | boolean>;
}

// ---- Step ---------------------------------------------------------------------------------

export interface ChecklistItemView {
  id: string;
  text: string;
  ownerLabel: string;
  required: boolean;
  done: boolean;
  /** "Ahmed (politie), 3 mrt" */
  doneLabel?: string;
  /** The viewer may tick this item (owner or procesregisseur). */
  canTick?: boolean;
}

export interface StepCardView {
  ctx: CardContext;
  aanpakName: string;
  step: StepId;
  stepName: string;
  goal: string;
  checklist: ChecklistItemView[];
  questions: string[];
  /** Completes "In deze stap: …". */
  privacyLine: string;
  /** Show management buttons (stap wijzigen); set only in the procesregisseur's refreshed view. */
  canManage?: boolean;
  refresh?: RefreshView;
}

// ---- Transition ---------------------------------------------------------------------------

export interface ChoiceView<V extends string = string> {
  value: V;
  label: string;
}

export interface TransitionCardView {
  ctx: CardContext;
  aanpakName: string;
  from: AanpakState;
  fromLabel: string;
  targets: ChoiceView<AanpakState>[];
  /** Exits allowed from the current step. */
  exits: ChoiceView<ExitKind>[];
  /** Which decision fields to ask (the caller picks them from the current step). */
  decisions: {
    '2A'?: { problematisch?: boolean };
    '4'?: { geprioriteerd?: boolean; datum?: string; randvoorwaarden?: string };
    '7'?: { doelenBereikt?: boolean; resterendeActiesBelegd?: boolean };
  };
  /** Required checklist items of the current step still open; non-empty shows the override reason. */
  openRequired: { id: string; text: string; ownerLabel: string }[];
  decisionTextDraft?: string;
}

// ---- Checklist ----------------------------------------------------------------------------

export interface ChecklistCardView {
  ctx: CardContext;
  aanpakName: string;
  step: StepId;
  stepName: string;
  items: ChecklistItemView[];
  refresh?: RefreshView;
}

// ---- Rounds -------------------------------------------------------------------------------

export type AnswerStatus = 'nog_niet' | 'concept' | 'verstuurd';

export interface RoundQuestionView {
  id: string;
  text: string;
  placeholder?: string;
  /** The author's saved text (draft or submitted), prefilled in the input. */
  draft?: string;
  /** Answer by role, not by name (person-level question while names are not allowed). */
  byRole?: boolean;
}

export interface RoundCardView {
  ctx: CardContext;
  roundId: string;
  aanpakName: string;
  /** "Circulair vragen", "Informatievragen" */
  kindLabel: string;
  deadlineLabel: string;
  closed: boolean;
  status: AnswerStatus;
  questions: RoundQuestionView[];
  refresh?: RefreshView;
}

export interface WhoAnsweredView {
  ctx: CardContext;
  roundId: string;
  aanpakName: string;
  kindLabel: string;
  deadlineLabel: string;
  invitees: { name: string; organisationLabel: string; status: AnswerStatus }[];
  /** Show "Ronde sluiten" (procesregisseur, round open). */
  canClose?: boolean;
}

export interface FlipoverView {
  ctx: CardContext;
  roundId: string;
  aanpakName: string;
  questionId: string;
  questionText: string;
  groups: { organisationLabel: string; items: string[] }[];
  /** Items the gate held back, without their content. */
  heldBack: { count: number; reason: string }[];
  rodeDraad?: string;
  /** Show the rode-draad input (procesregisseur during the meeting). */
  canEditRodeDraad?: boolean;
  /** Per-user refresh: the procesregisseur's client fetches the editable version. */
  refresh?: RefreshView;
}

/** One updated rode draad, posted to the channel after the procesregisseur saved it. */
export interface RodeDraadView {
  aanpakName: string;
  questionId: string;
  questionText: string;
  text: string;
}

export interface DuidingItemView {
  id: string;
  text: string;
  help?: string;
  draft?: ScaleValue;
  toelichting?: string;
}

export interface DuidingAnswerView {
  ctx: CardContext;
  roundId: string;
  aanpakName: string;
  deadlineLabel: string;
  closed: boolean;
  status: AnswerStatus;
  /** Radio buttons (expanded) or a dropdown (compact). */
  choiceStyle: 'expanded' | 'compact';
  pijlers: { name: string; items: DuidingItemView[] }[];
  refresh?: RefreshView;
}

export interface DuidingResultView {
  ctx: CardContext;
  roundId: string;
  aanpakName: string;
  pijler: string;
  items: {
    id: string;
    text: string;
    distribution: Record<ScaleValue, number>;
    disagreement: boolean;
    /** Huiswerk actions created for "onbekend" answers on this item. */
    huiswerk: number;
  }[];
}

// ---- Namenlijst, actions, participants ----------------------------------------------------

export interface NamenlijstMemberView {
  /** Needed for the management buttons (canManage). */
  id?: string;
  naam: string;
  bijnamen?: string[];
  positie?: 'kern' | 'schil';
  geboortedatum?: string;
  adres?: string;
  woonplaats?: string;
  /** "uitgereikt 3 mrt", "uitgesteld", "open" */
  briefLabel?: string;
  /** Informing status: decides which buttons a manager sees. */
  informing?: 'open' | 'uitgereikt' | 'uitgesteld';
}

export interface NamenlijstView {
  ctx: CardContext;
  aanpakName: string;
  /** NAW columns only when true (procesregisseur, named vervanger); otherwise names only. */
  showNaw: boolean;
  members: NamenlijstMemberView[];
  /** Add form and per-member buttons; only honoured together with showNaw. */
  canManage?: boolean;
  /** A Dutch notice for the viewer ("In deze stap is er geen namenlijst."). */
  notice?: string;
}

/** Rectificatie of one member (procesregisseur): a form prefilled with the current values. */
export interface MemberRectifyView {
  ctx: CardContext;
  aanpakName: string;
  memberId: string;
  naam: string;
  bijnamen: string[];
  /** YYYY-MM-DD, as stored (Input.Date value). */
  geboortedatum?: string;
  adres?: string;
  woonplaats?: string;
  positie: 'kern' | 'schil';
  informing?: 'open' | 'uitgereikt' | 'uitgesteld';
  /** "uitgereikt 3 mrt", "uitgesteld", "open" */
  briefLabel?: string;
}

export interface ActionItemView {
  id: string;
  text: string;
  ownerLabel: string;
  dueLabel?: string;
  spoorLabel: string;
  status: 'open' | 'gedaan' | 'vervallen';
  result?: string;
  overdue?: boolean;
  /** The viewer may mark it done / record a result (owner or procesregisseur). */
  canUpdate?: boolean;
}

export interface ActionCardView {
  ctx: CardContext;
  aanpakName: string;
  /** "Acties", "Mijn taken" */
  title: string;
  actions: ActionItemView[];
}

export interface WeighingConfirmView {
  ctx: CardContext;
  /** What the weighing is for (answer/round id), echoed back in the action data. */
  subjectRef: string;
  /** Content-free description: "Je antwoord op vraag CV-4 (Circulair vragen)". */
  subjectLabel: string;
  draft?: { doelmatigheid?: string; subsidiariteit?: string; proportionaliteit?: string };
}

export interface DeelnemersView {
  ctx: CardContext;
  aanpakName: string;
  participants: {
    id: string;
    name: string;
    organisationLabel: string;
    roleLabel: string;
    functie?: string;
    /** "getekend 3 mrt 2026"; absent = not recorded. */
    geheimhoudingLabel?: string;
    /** Offer a date input to record the geheimhoudingsverklaring (manager view, incidenteel, none yet). */
    canRecordGeheimhouding?: boolean;
    /** The bot has no 1:1 chat with this participant yet (shown to managers only). */
    unreachable?: boolean;
    /** An incidentele deelnemer: the geheimhoudingsverklaring is required (R-X-21) and shown. */
    needsGeheimhouding?: boolean;
    /** Show "Verwijderen" (manager view; not for yourself). */
    canRemove?: boolean;
  }[];
  /** Show the add form and remove buttons (procesregisseur/vervanger). */
  canManage: boolean;
  organisations: ChoiceView[];
  roles: ChoiceView[];
}

// ---- Misc ---------------------------------------------------------------------------------

/** A short confirmation ("Vastgelegd."), no aanpak content. */
export interface NoticeView {
  title?: string;
  message: string;
}

export interface ErrorView {
  message: string;
  ruleIds?: string[];
}

export interface HelpView {
  /** "procesregisseur" — shown so users know why they see these commands. */
  roleLabel?: string;
  commands: { command: string; description: string }[];
}

export interface StatusView {
  ctx: CardContext;
  aanpakName: string;
  stepLabel: string;
  stepName: string;
  sinceLabel?: string;
  participants: number;
  openChecklist: number;
  openRounds: { label: string; deadlineLabel: string }[];
  openActions: number;
  overdueActions: number;
  nextMomentLabel?: string;
}

export interface ReminderView {
  ctx: CardContext;
  reminderId: string;
  title: string;
  text: string;
  whenLabel?: string;
  late: boolean;
  /** Opens the related card (round, action, namenlijst …). */
  open?: ActionRef;
}

export interface OverviewView {
  gemeente: string;
  /** Already sorted by urgency by the caller. */
  rows: {
    aanpakId: string;
    name: string;
    stepLabel: string;
    nextMomentLabel?: string;
    overdueActions: number;
    openRounds: number;
  }[];
}

export interface GateDeniedView {
  /** Content-free: "Je antwoord op vraag CV-2". */
  subjectLabel: string;
  aanpakName?: string;
  /** The fragments screening found, shown only to their author. */
  fragments: { kindLabel: string; fragment: string }[];
  reasons: { ruleId: string; message: string }[];
  edit?: ActionRef;
}
