// Question rounds (PRODUCT.md §3): circulair vragen (Bijlage F), duiding (Bijlage G),
// informatievragen (Bijlage B). Pure functions: state in, new state + content-free audit events out.
import {
  DomainError,
  INCIDENTELE_ORGS,
  LEVELS,
  SCALE,
  STEPS,
  type Aanpak,
  type Action,
  type Answer,
  type AnswerItem,
  type AuditEvent,
  type Env,
  type GateContent,
  type Level,
  type Organisation,
  type Participant,
  type Recipient,
  type Round,
  type RoundKind,
  type RoundQuestion,
  type ScaleValue,
  type StepId,
} from './types.js';
import { CIRCULAIR_QUESTIONS, PIJLERS, duidingItemsForStep, informatievragenForStep } from './catalog/index.js';
import { isRegisseur } from './aanpak.js';
import { levelRank, maxLevel } from './levels.js';
import { decide, filterForAudience, gateAuditEvent, recipientKey } from './gate.js';
import { addDays, localDate } from './time.js';
import type { Screener } from './screening.js';

export const MAX_ANSWER_TEXT = 4000;
export const MAX_TOELICHTING = 2000;
/** Suffix on person-level circulair questions while they must be answered by role (R-F-1, R-3-6, R-1-1). */
export const BY_ROLE_SUFFIX = ' (benoem rollen, geen namen)';
/** Huiswerk from 'onbekend' is due this many days after the round deadline (R-G-2). */
export const HUISWERK_DAYS = 14;

const ROUND_KINDS: readonly RoundKind[] = ['circulair', 'duiding', 'informatievragen'];
const DUIDING_STEPS: readonly StepId[] = ['1', '2A', '2B', '3'];

// ---- small private helpers ------------------------------------------------------------------

function activeParticipant(aanpak: Aanpak, id: string): Participant | undefined {
  return aanpak.participants.find((p) => p.id === id && !p.removedAt);
}

function isIncidenteel(p: Participant): boolean {
  return p.role === 'incidenteel' || (INCIDENTELE_ORGS as readonly string[]).includes(p.organisation);
}

function isStep(state: string): state is StepId {
  return (STEPS as readonly string[]).includes(state);
}

function requireRegisseur(aanpak: Aanpak, by: string, what: string): void {
  if (!isRegisseur(aanpak, by)) {
    throw new DomainError('not_regisseur', `Alleen de procesregisseur of de vervanger kan ${what}.`);
  }
}

function requireSameAanpak(round: Round, aanpak: Aanpak): void {
  if (round.aanpakId !== aanpak.id) {
    throw new DomainError('round_mismatch', 'Deze ronde hoort niet bij deze aanpak.');
  }
}

function parseInstant(value: string): Date | undefined {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(value)) return undefined;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

// ---- openRound ------------------------------------------------------------------------------

export interface OpenRoundCommand {
  kind: RoundKind;
  invitees: string[];
  /** ISO-8601 instant. */
  deadline: string;
  by: string;
}

function circulairQuestions(step: StepId, answerByRole: boolean): RoundQuestion[] {
  const namesAllowed = step !== '1' && step !== '2A';
  return CIRCULAIR_QUESTIONS.map((q) => {
    if (!q.personLevel) {
      return { id: q.id, text: q.text, level: 'groep', answerType: 'open' };
    }
    // Person-level questions (spilfiguren, sleutelfiguren): by role while names may not be shared.
    if (answerByRole || !namesAllowed) {
      return { id: q.id, text: q.text + BY_ROLE_SUFFIX, level: 'groep', answerType: 'open', byRole: true };
    }
    return { id: q.id, text: q.text, level: 'persoon', answerType: 'open', byRole: true };
  });
}

function questionsFor(kind: RoundKind, step: StepId, answerByRole: boolean): RoundQuestion[] {
  switch (kind) {
    case 'circulair':
      return circulairQuestions(step, answerByRole);
    case 'duiding':
      if (!DUIDING_STEPS.includes(step)) {
        throw new DomainError('duiding_wrong_step', 'De duiding hoort bij stap 1 tot en met 3.', ['R-G-1']);
      }
      // Cumulative: the catalog returns the items of this step and all earlier ones (R-G-1).
      return duidingItemsForStep(step).map((item) => ({
        id: item.id,
        text: item.text,
        level: item.level,
        answerType: 'scale',
        pijler: item.pijler,
      }));
    case 'informatievragen':
      // 'kenmerken' lines describe the kind of information of the step; they are not questions.
      return informatievragenForStep(step)
        .filter((q) => q.group !== 'kenmerken')
        .map((q) => ({ id: q.id, text: q.text, level: q.level, answerType: 'open' }));
  }
}

export function openRound(aanpak: Aanpak, cmd: OpenRoundCommand, env: Env): { round: Round; events: AuditEvent[] } {
  requireRegisseur(aanpak, cmd.by, 'een ronde openen');
  if (!isStep(aanpak.state)) {
    throw new DomainError('aanpak_not_active', 'Deze aanpak is niet actief; er kan geen ronde worden geopend.');
  }
  const step = aanpak.state;
  if (!ROUND_KINDS.includes(cmd.kind)) {
    throw new DomainError('invalid_round_kind', 'Kies circulair vragen, duiding of informatievragen.');
  }
  const invitees = [...new Set(cmd.invitees ?? [])];
  if (invitees.length === 0) {
    throw new DomainError('no_invitees', 'Nodig minstens één deelnemer uit.');
  }
  const invited: Participant[] = [];
  for (const id of invitees) {
    const p = activeParticipant(aanpak, id);
    if (!p) {
      throw new DomainError('invitee_unknown', 'Een uitgenodigde deelnemer hoort niet (meer) bij deze aanpak.');
    }
    if (isIncidenteel(p) && !p.geheimhouding) {
      throw new DomainError(
        'invitee_no_geheimhouding',
        `${p.displayName} kan pas worden uitgenodigd als de geheimhoudingsverklaring is vastgelegd.`,
        ['R-X-21'],
      );
    }
    invited.push(p);
  }
  const now = env.now();
  const deadline = parseInstant(cmd.deadline);
  if (!deadline) {
    throw new DomainError('invalid_deadline', 'De deadline is geen geldige datum.');
  }
  if (deadline.getTime() <= now.getTime()) {
    throw new DomainError('deadline_in_past', 'De deadline moet in de toekomst liggen.');
  }
  const withIncidenteel = invited.some(isIncidenteel);
  const answerByRole = step === '1' || step === '2A' || withIncidenteel;
  const questions = questionsFor(cmd.kind, step, answerByRole);

  const round: Round = {
    id: env.newId(),
    aanpakId: aanpak.id,
    kind: cmd.kind,
    step,
    questions,
    invitees,
    deadline: deadline.toISOString(),
    openedBy: cmd.by,
    openedAt: now.toISOString(),
    status: 'open',
    answerByRole,
    rodeDraad: [],
  };
  const ruleIds: string[] = [];
  if (cmd.kind === 'duiding') ruleIds.push('R-G-1');
  if (answerByRole && cmd.kind === 'circulair') {
    if (step === '1') ruleIds.push('R-1-1');
    if (step === '2A') ruleIds.push('R-2A-1');
    if (withIncidenteel) ruleIds.push('R-F-1', 'R-3-6');
  }
  const event: AuditEvent = {
    aanpakId: aanpak.id,
    type: 'round.opened',
    actor: cmd.by,
    at: round.openedAt,
    audience: invitees,
    data: {
      roundId: round.id,
      kind: round.kind,
      step,
      invitees: invitees.length,
      questions: questions.length,
      answerByRole,
    },
  };
  if (ruleIds.length > 0) event.ruleIds = ruleIds;
  return { round, events: [event] };
}

// ---- answers --------------------------------------------------------------------------------

export interface AnswerCommand {
  participantId: string;
  items: AnswerItem[];
}

/** Validates and normalises items; drops empty ones. Throws a Dutch DomainError on bad input. */
function normaliseItems(round: Round, items: AnswerItem[]): AnswerItem[] {
  if (!Array.isArray(items)) {
    throw new DomainError('invalid_items', 'Het antwoord is niet goed doorgekomen. Probeer het opnieuw.');
  }
  const byId = new Map(round.questions.map((q) => [q.id, q]));
  const seen = new Set<string>();
  const out: AnswerItem[] = [];
  for (const raw of items) {
    const question = raw && typeof raw.questionId === 'string' ? byId.get(raw.questionId) : undefined;
    if (!question) {
      throw new DomainError('unknown_question', 'Het antwoord noemt een vraag die niet in deze ronde staat.');
    }
    if (seen.has(question.id)) {
      throw new DomainError('duplicate_question', 'Elke vraag kan maar één keer worden beantwoord.');
    }
    seen.add(question.id);
    const text = typeof raw.text === 'string' ? raw.text.trim() : undefined;
    const toelichting = typeof raw.toelichting === 'string' ? raw.toelichting.trim() : undefined;
    if (raw.text !== undefined && typeof raw.text !== 'string') {
      throw new DomainError('invalid_text', 'Een antwoord moet tekst zijn.');
    }
    if (text && text.length > MAX_ANSWER_TEXT) {
      throw new DomainError('text_too_long', `Een antwoord mag maximaal ${MAX_ANSWER_TEXT} tekens hebben.`);
    }
    if (toelichting && toelichting.length > MAX_TOELICHTING) {
      throw new DomainError('toelichting_too_long', `Een toelichting mag maximaal ${MAX_TOELICHTING} tekens hebben.`);
    }
    if (raw.scale !== undefined && !(SCALE as readonly string[]).includes(raw.scale)) {
      throw new DomainError('invalid_scale', 'Kies niet, 1, 2, 3, sterk of onbekend.');
    }
    if (question.answerType === 'scale' && text) {
      throw new DomainError('text_on_scale', 'Bij deze vraag kies je een waarde; een toelichting is mogelijk.');
    }
    if (question.answerType === 'open' && raw.scale !== undefined) {
      throw new DomainError('scale_on_open', 'Deze vraag heeft een open antwoord, geen schaal.');
    }
    if (raw.declaredLevel !== undefined && !(LEVELS as readonly string[]).includes(raw.declaredLevel)) {
      throw new DomainError('invalid_level', 'Het gekozen niveau bestaat niet.');
    }
    const hasContent = question.answerType === 'scale' ? raw.scale !== undefined || !!toelichting : !!text;
    if (!hasContent) continue;
    const item: AnswerItem = { questionId: question.id };
    if (text) item.text = text;
    if (raw.scale !== undefined) item.scale = raw.scale;
    if (toelichting) item.toelichting = toelichting;
    // The author may only raise the level a question declares, never lower it.
    if (raw.declaredLevel !== undefined && levelRank(raw.declaredLevel) > levelRank(question.level)) {
      item.declaredLevel = raw.declaredLevel;
    }
    out.push(item);
  }
  return out;
}

function writeAnswer(
  mode: 'draft' | 'submit',
  round: Round,
  existing: Answer | undefined,
  cmd: AnswerCommand,
  env: Env,
  aanpak: Aanpak,
): { answer: Answer; events: AuditEvent[] } {
  requireSameAanpak(round, aanpak);
  if (round.status !== 'open') {
    throw new DomainError('round_closed', 'Deze ronde is gesloten; je antwoord kan niet meer worden gewijzigd.');
  }
  const participant = activeParticipant(aanpak, cmd.participantId);
  if (!participant || !round.invitees.includes(cmd.participantId)) {
    throw new DomainError('not_invited', 'Je bent niet uitgenodigd voor deze ronde.');
  }
  if (existing && (existing.roundId !== round.id || existing.participantId !== cmd.participantId)) {
    throw new DomainError('answer_mismatch', 'Dit antwoord hoort niet bij jou of bij deze ronde.');
  }
  if (mode === 'draft' && existing?.status === 'submitted') {
    // Turning a submitted answer back into a draft would silently drop it from the flipover.
    throw new DomainError('already_submitted', 'Je antwoord is al verstuurd. Pas het aan en verstuur het opnieuw.');
  }
  const items = normaliseItems(round, cmd.items);
  if (mode === 'submit' && items.length === 0) {
    throw new DomainError('empty_answer', 'Beantwoord minstens één vraag voordat je verstuurt.');
  }
  const at = env.now().toISOString();
  const answer: Answer = {
    roundId: round.id,
    aanpakId: round.aanpakId,
    participantId: cmd.participantId,
    organisation: existing?.organisation ?? participant.organisation,
    status: mode === 'submit' ? 'submitted' : 'draft',
    items,
    updatedAt: at,
  };
  if (mode === 'submit') answer.submittedAt = at;
  const type =
    mode === 'draft' ? 'answer.draft_saved' : existing?.status === 'submitted' ? 'answer.resubmitted' : 'answer.submitted';
  const level = items.reduce<Level>((acc, item) => {
    const q = round.questions.find((x) => x.id === item.questionId);
    return maxLevel(acc, q?.level ?? 'groep', item.declaredLevel ?? 'groep');
  }, 'groep');
  return {
    answer,
    events: [
      {
        aanpakId: round.aanpakId,
        type,
        actor: cmd.participantId,
        at,
        level,
        data: { roundId: round.id, items: items.length },
      },
    ],
  };
}

/** Saves a private draft. `aanpak` supplies the participant's organisation and active status. */
export function saveDraft(
  round: Round,
  existing: Answer | undefined,
  cmd: AnswerCommand,
  env: Env,
  aanpak: Aanpak,
): { answer: Answer; events: AuditEvent[] } {
  return writeAnswer('draft', round, existing, cmd, env, aanpak);
}

/** Submits (or re-submits, until the round closes) an answer; the items replace earlier ones. */
export function submitAnswer(
  round: Round,
  existing: Answer | undefined,
  cmd: AnswerCommand,
  env: Env,
  aanpak: Aanpak,
): { answer: Answer; events: AuditEvent[] } {
  return writeAnswer('submit', round, existing, cmd, env, aanpak);
}

// ---- progress and closing -------------------------------------------------------------------

export interface AnswerProgress {
  participantId: string;
  displayName: string;
  organisation: Organisation | null;
  status: 'submitted' | 'draft' | 'none';
}

/** Who has answered — never what (PRODUCT.md §3: not what, until publication). */
export function whoHasAnswered(round: Round, answers: Answer[], aanpak: Aanpak): AnswerProgress[] {
  return round.invitees.map((id) => {
    const p = aanpak.participants.find((x) => x.id === id);
    const a = answers.find((x) => x.roundId === round.id && x.participantId === id);
    return {
      participantId: id,
      displayName: p?.displayName ?? 'onbekende deelnemer',
      organisation: p?.organisation ?? null,
      status: a ? a.status : 'none',
    };
  });
}

export function closeRound(round: Round, by: string, env: Env, aanpak: Aanpak): { round: Round; events: AuditEvent[] } {
  requireSameAanpak(round, aanpak);
  requireRegisseur(aanpak, by, 'een ronde sluiten');
  if (round.status !== 'open') {
    throw new DomainError('round_already_closed', 'Deze ronde is al gesloten.');
  }
  const at = env.now().toISOString();
  return {
    round: { ...round, status: 'gesloten', closedAt: at },
    events: [{ aanpakId: round.aanpakId, type: 'round.closed', actor: by, at, data: { roundId: round.id } }],
  };
}

// ---- rode draad -----------------------------------------------------------------------------

export interface RodeDraadCommand {
  questionId: string;
  text: string;
  by: string;
}

/** Records (or replaces) the rode draad of one question, as the procesregisseur notes it in the meeting. */
export function recordRodeDraad(
  round: Round,
  cmd: RodeDraadCommand,
  screener: Screener,
  env: Env,
  aanpak: Aanpak,
): { round: Round; events: AuditEvent[] } {
  requireSameAanpak(round, aanpak);
  requireRegisseur(aanpak, cmd.by, 'de rode draad vastleggen');
  const question = round.questions.find((q) => q.id === cmd.questionId);
  if (!question) {
    throw new DomainError('unknown_question', 'Deze vraag staat niet in deze ronde.');
  }
  const text = typeof cmd.text === 'string' ? cmd.text.trim() : '';
  if (!text) throw new DomainError('empty_rode_draad', 'Vul de rode draad in.');
  if (text.length > MAX_ANSWER_TEXT) {
    throw new DomainError('text_too_long', `De rode draad mag maximaal ${MAX_ANSWER_TEXT} tekens hebben.`);
  }
  const level = maxLevel('groep', question.level, screener.screen(text).level);
  const at = env.now().toISOString();
  const rodeDraad = [
    ...round.rodeDraad.filter((r) => r.questionId !== question.id),
    { questionId: question.id, text, level, by: cmd.by, at },
  ];
  return {
    round: { ...round, rodeDraad },
    events: [
      {
        aanpakId: round.aanpakId,
        type: 'round.rode_draad_recorded',
        actor: cmd.by,
        at,
        level,
        data: { roundId: round.id, questionId: question.id },
      },
    ],
  };
}

// ---- flipover -------------------------------------------------------------------------------

export interface FlipoverEntry {
  participantId: string;
  organisation: Organisation;
  content: GateContent;
}

export interface FlipoverDraft {
  questionId: string;
  text: string;
  entries: FlipoverEntry[];
}

function itemText(item: AnswerItem): string | undefined {
  if (item.text) return item.text;
  if (item.scale !== undefined) return item.toelichting ? `${item.scale}: ${item.toelichting}` : item.scale;
  return undefined;
}

/** The submitted answer items per question, each as content for the gate. Drafts never appear. */
export function buildFlipover(round: Round, answers: Answer[], aanpak: Aanpak, screener?: Screener): FlipoverDraft[] {
  requireSameAanpak(round, aanpak);
  const submitted = answers
    .filter((a) => a.roundId === round.id && a.status === 'submitted' && round.invitees.includes(a.participantId))
    .sort((a, b) => (a.submittedAt ?? '').localeCompare(b.submittedAt ?? ''));
  return round.questions.map((q) => {
    const entries: FlipoverEntry[] = [];
    for (const answer of submitted) {
      const item = answer.items.find((i) => i.questionId === q.id);
      const text = item && itemText(item);
      if (!item || !text) continue;
      const content: GateContent = {
        ref: `${round.id}:${answer.participantId}:${q.id}`,
        kind: 'flipover_item',
        level: maxLevel(q.level, item.declaredLevel ?? 'groep'),
        text,
        authorId: answer.participantId,
      };
      if (screener) {
        const memberIds = [
          ...new Set(screener.screen(text).findings.flatMap((f) => (f.memberId ? [f.memberId] : []))),
        ];
        if (memberIds.length > 0) content.memberIds = memberIds;
      }
      entries.push({ participantId: answer.participantId, organisation: answer.organisation, content });
    }
    return { questionId: q.id, text: q.text, entries };
  });
}

export interface PublishedQuestion {
  questionId: string;
  text: string;
  byOrganisation: { organisation: Organisation; items: string[] }[];
  /** Content-free note on what was held back and why; null when nothing was. */
  withheldSummary: string | null;
  rodeDraad?: string;
  /** The allowed items (and rode draad) as gate content, so the sender can gate them again. */
  allowed: GateContent[];
}

/**
 * Publishes the flipover: every item (and the rode draad) passes the gate for this audience;
 * only allowed items are returned. Withheld items are counted, never shown.
 */
export function publishFlipover(
  round: Round,
  answers: Answer[],
  aanpak: Aanpak,
  screener: Screener,
  audience: Recipient[],
  env: Env,
  by: string,
): { round: Round; published: PublishedQuestion[]; events: AuditEvent[] } {
  requireSameAanpak(round, aanpak);
  requireRegisseur(aanpak, by, 'de uitkomst van een ronde delen');
  if (round.status === 'open') {
    throw new DomainError('round_still_open', 'Sluit de ronde eerst; daarna kun je de uitkomst delen.');
  }
  const ctx = { aanpak, screener };
  const at = env.now().toISOString();
  const gateEvents: AuditEvent[] = [];
  const drafts = buildFlipover(round, answers, aanpak, screener);
  let allowedCount = 0;
  let withheldCount = 0;
  const ruleIds = new Set<string>();
  let maxPublished: Level = 'groep';

  const published = drafts.map((draft): PublishedQuestion => {
    const orgByRef = new Map(draft.entries.map((e) => [e.content.ref, e.organisation]));
    const contents = draft.entries.map((e) => e.content);
    const rode = round.rodeDraad.find((r) => r.questionId === draft.questionId);
    const rodeRef = `${round.id}:rode_draad:${draft.questionId}`;
    if (rode) {
      contents.push({ ref: rodeRef, kind: 'rode_draad', level: rode.level, text: rode.text, authorId: rode.by });
    }
    const result = filterForAudience(contents, ctx, audience);
    // Every gate decision is audited (content-free: ref, level, outcome, rule ids).
    for (const content of contents) {
      gateEvents.push(gateAuditEvent(decide(content, ctx, audience), content, by, audience, at, round.aanpakId));
    }
    const allowedRefs = new Set(result.allowed.map((c) => c.ref));
    const byOrganisation: { organisation: Organisation; items: string[] }[] = [];
    let rodeDraad: string | undefined;
    // Keep the entries' order; take texts from our own entries so only allowed refs are used.
    for (const content of contents) {
      if (!allowedRefs.has(content.ref) || !content.text) continue;
      maxPublished = maxLevel(maxPublished, content.level);
      if (content.ref === rodeRef) {
        rodeDraad = content.text;
        continue;
      }
      const organisation = orgByRef.get(content.ref);
      if (!organisation) continue;
      allowedCount += 1;
      let group = byOrganisation.find((g) => g.organisation === organisation);
      if (!group) {
        group = { organisation, items: [] };
        byOrganisation.push(group);
      }
      group.items.push(content.text);
    }
    withheldCount += result.withheld.length;
    for (const w of result.withheld) for (const r of w.ruleIds) ruleIds.add(r);
    const out: PublishedQuestion = {
      questionId: draft.questionId,
      text: draft.text,
      byOrganisation,
      withheldSummary: result.withheld.length > 0 ? result.summary : null,
      allowed: contents.filter((c) => allowedRefs.has(c.ref) && !!c.text),
    };
    if (rodeDraad !== undefined) out.rodeDraad = rodeDraad;
    return out;
  });

  const event: AuditEvent = {
    aanpakId: round.aanpakId,
    type: 'round.published',
    actor: by,
    at,
    level: maxPublished,
    audience: audience.map(recipientKey),
    outcome: withheldCount > 0 ? 'deny' : 'allow',
    data: { roundId: round.id, questions: published.length, allowed: allowedCount, withheld: withheldCount },
  };
  if (ruleIds.size > 0) event.ruleIds = [...ruleIds].sort();
  return {
    round: { ...round, status: 'gepubliceerd', publishedAt: at },
    published,
    events: [...gateEvents, event],
  };
}

// ---- duiding --------------------------------------------------------------------------------

/** niet=0 … sterk=4; onbekend has no numeric value. */
export const SCALE_POINTS: Record<Exclude<ScaleValue, 'onbekend'>, number> = { niet: 0, '1': 1, '2': 2, '3': 3, sterk: 4 };
/** Partners disagree when their answers lie this many scale points or more apart. */
export const DISAGREEMENT_SPREAD = 2;

export interface DuidingItemResult {
  questionId: string;
  text: string;
  pijler: string | undefined;
  distribution: Record<ScaleValue, number>;
  answered: number;
  onbekend: number;
  /** Lowest and highest numeric answer; null when nobody gave one. */
  min: number | null;
  max: number | null;
  disagreement: boolean;
}

export interface DuidingPijlerSummary {
  pijler: string;
  items: number;
  /** Mean of all numeric answers on the pijler's items; null when there are none. */
  mean: number | null;
  disagreementItems: string[];
  onbekend: number;
}

export interface DuidingAggregate {
  roundId: string;
  respondents: number;
  items: DuidingItemResult[];
  pijlers: DuidingPijlerSummary[];
}

function emptyDistribution(): Record<ScaleValue, number> {
  return { niet: 0, '1': 0, '2': 0, '3': 0, sterk: 0, onbekend: 0 };
}

function submittedFor(round: Round, answers: Answer[]): Answer[] {
  return answers
    .filter((a) => a.roundId === round.id && a.status === 'submitted' && round.invitees.includes(a.participantId))
    .sort((a, b) => (a.submittedAt ?? '').localeCompare(b.submittedAt ?? ''));
}

/** Counts only: distribution per item, where partners disagree, and a summary per pijler. */
export function aggregateDuiding(round: Round, answers: Answer[]): DuidingAggregate {
  if (round.kind !== 'duiding') {
    throw new DomainError('not_duiding', 'Dit is geen duidingsronde.');
  }
  const submitted = submittedFor(round, answers);
  const items: DuidingItemResult[] = round.questions
    .filter((q) => q.answerType === 'scale')
    .map((q) => {
      const distribution = emptyDistribution();
      const numeric: number[] = [];
      for (const a of submitted) {
        const value = a.items.find((i) => i.questionId === q.id)?.scale;
        if (value === undefined) continue;
        distribution[value] += 1;
        if (value !== 'onbekend') numeric.push(SCALE_POINTS[value]);
      }
      const min = numeric.length > 0 ? Math.min(...numeric) : null;
      const max = numeric.length > 0 ? Math.max(...numeric) : null;
      return {
        questionId: q.id,
        text: q.text,
        pijler: q.pijler,
        distribution,
        answered: Object.values(distribution).reduce((s, n) => s + n, 0),
        onbekend: distribution.onbekend,
        min,
        max,
        disagreement: min !== null && max !== null && max - min >= DISAGREEMENT_SPREAD,
      };
    });
  const pijlerNames = [
    ...PIJLERS.filter((p) => items.some((i) => i.pijler === p)),
    ...new Set(items.flatMap((i) => (i.pijler && !(PIJLERS as readonly string[]).includes(i.pijler) ? [i.pijler] : []))),
  ];
  const pijlers = pijlerNames.map((pijler): DuidingPijlerSummary => {
    const own = items.filter((i) => i.pijler === pijler);
    let sum = 0;
    let count = 0;
    for (const i of own) {
      for (const [value, points] of Object.entries(SCALE_POINTS)) {
        const n = i.distribution[value as ScaleValue];
        sum += n * points;
        count += n;
      }
    }
    return {
      pijler,
      items: own.length,
      mean: count > 0 ? sum / count : null,
      disagreementItems: own.filter((i) => i.disagreement).map((i) => i.questionId),
      onbekend: own.reduce((s, i) => s + i.onbekend, 0),
    };
  });
  return { roundId: round.id, respondents: submitted.length, items, pijlers };
}

export interface HuiswerkCandidate {
  participantId: string;
  organisation: Organisation;
}
/** Picks the owner among those who answered 'onbekend' (in order of submission). Default: the first. */
export type HuiswerkOwnerRule = (candidates: HuiswerkCandidate[]) => HuiswerkCandidate;

/**
 * R-G-2 "Onbekend? Dan is er huiswerk": one groep-level action per item that someone answered
 * 'onbekend', owned by (the first of) the organisations that did not know. Items that already have
 * a huiswerk action from this round (in `existing`) are skipped, so re-running is harmless.
 */
export function huiswerkFromDuiding(
  round: Round,
  answers: Answer[],
  aanpak: Aanpak,
  env: Env,
  ownerRule: HuiswerkOwnerRule = (c) => c[0] as HuiswerkCandidate,
  existing: Action[] = [],
): { actions: Action[]; events: AuditEvent[] } {
  requireSameAanpak(round, aanpak);
  if (round.kind !== 'duiding') {
    throw new DomainError('not_duiding', 'Dit is geen duidingsronde.');
  }
  const submitted = submittedFor(round, answers);
  const at = env.now().toISOString();
  const actions: Action[] = [];
  for (const q of round.questions) {
    if (existing.some((a) => a.source?.roundId === round.id && a.source.questionId === q.id)) continue;
    const candidates: HuiswerkCandidate[] = submitted
      .filter((a) => a.items.some((i) => i.questionId === q.id && i.scale === 'onbekend'))
      .map((a) => ({ participantId: a.participantId, organisation: a.organisation }));
    if (candidates.length === 0) continue;
    const owner = ownerRule(candidates);
    const action: Action = {
      id: env.newId(),
      aanpakId: round.aanpakId,
      text: `Huiswerk duiding: ${q.text}`,
      level: 'groep',
      ownerOrganisation: owner.organisation,
      ownerParticipantId: owner.participantId,
      due: addDays(localDate(round.deadline), HUISWERK_DAYS),
      spoor: 'groep_netwerk',
      status: 'open',
      createdAt: at,
      createdBy: round.openedBy,
      source: { roundId: round.id, questionId: q.id },
    };
    actions.push(action);
  }
  const events: AuditEvent[] = actions.map((a) => ({
    aanpakId: round.aanpakId,
    type: 'action.created',
    actor: round.openedBy,
    at,
    level: a.level,
    ruleIds: ['R-G-2'],
    data: { actionId: a.id, roundId: round.id, questionId: a.source?.questionId ?? null, spoor: a.spoor },
  }));
  return { actions, events };
}
