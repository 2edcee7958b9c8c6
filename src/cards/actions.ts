// Universal Actions plumbing shared by all cards: verbs, input ids, action data, Action.Submit fallbacks.

import { EXIT_KINDS, SCALE, type AanpakState, type ExitKind, type ScaleValue } from '../workflow/types.js';
import type { CardContext } from './views.js';

export const VERBS = {
  refresh: 'card.refresh',
  open: 'card.open',
  transitionApply: 'transition.apply',
  transitionCancel: 'transition.cancel',
  checklistTick: 'checklist.tick',
  roundDraft: 'round.draft',
  roundSubmit: 'round.submit',
  roundClose: 'round.close',
  rodeDraadSave: 'rodedraad.save',
  actionDone: 'action.done',
  actionResult: 'action.result',
  weighingConfirm: 'weighing.confirm',
  weighingCancel: 'weighing.cancel',
  participantAdd: 'participant.add',
  participantRemove: 'participant.remove',
  participantGeheimhouding: 'participant.geheimhouding',
  memberAdd: 'member.add',
  memberInforming: 'member.informing',
  memberRemove: 'member.remove',
  memberRectify: 'member.rectify',
  reminderDone: 'reminder.done',
  reminderSnooze: 'reminder.snooze',
} as const;
export type Verb = (typeof VERBS)[keyof typeof VERBS];

export type ActionData = Record<string, string | number | boolean>;

/** The ids every action carries. */
export function baseData(ctx: CardContext, extra: ActionData = {}): ActionData {
  return { aanpakId: ctx.aanpakId, version: ctx.version, nonce: ctx.nonce, ...extra };
}

// ---- Input ids (the bot reads them from the action's data) --------------------------------

export const answerInputId = (questionId: string): string => `answer.${questionId}`;
export const scaleInputId = (itemId: string): string => `scale.${itemId}`;
export const toelichtingInputId = (itemId: string): string => `toelichting.${itemId}`;
export const resultInputId = (actionId: string): string => `result.${actionId}`;

export const TRANSITION_INPUTS = {
  to: 'to',
  decisionText: 'decisionText',
  overrideReason: 'overrideReason',
  problematisch: 'problematisch',
  geprioriteerd: 'geprioriteerd',
  datum: 'datum',
  randvoorwaarden: 'randvoorwaarden',
  doelenBereikt: 'doelenBereikt',
  resterendeActiesBelegd: 'resterendeActiesBelegd',
} as const;

export const WEIGHING_INPUTS = {
  doelmatigheid: 'doelmatigheid',
  subsidiariteit: 'subsidiariteit',
  proportionaliteit: 'proportionaliteit',
} as const;

export const PARTICIPANT_INPUTS = {
  naam: 'naam',
  aad: 'aad',
  organisation: 'organisation',
  role: 'role',
  functie: 'functie',
  geheimhouding: 'geheimhouding',
} as const;

export const RODE_DRAAD_INPUT = 'rodeDraad';

/** The namenlijst add form (and, suffixed per member, the rectify form). */
export const MEMBER_INPUTS = {
  naam: 'memberNaam',
  bijnamen: 'memberBijnamen',
  geboortedatum: 'memberGeboortedatum',
  adres: 'memberAdres',
  woonplaats: 'memberWoonplaats',
  positie: 'memberPositie',
  bron: 'memberBron',
} as const;
export type MemberField = keyof typeof MEMBER_INPUTS;

/** Per-member inputs: ids must be unique in the card, so they carry the member id. */
export const informingDateInputId = (memberId: string): string => `briefDatum.${memberId}`;
export const informingReasonInputId = (memberId: string): string => `uitstelReden.${memberId}`;
export const removeReasonInputId = (memberId: string): string => `verwijderReden.${memberId}`;
export const rectifyInputId = (field: MemberField, memberId: string): string => `${MEMBER_INPUTS[field]}.${memberId}`;
/** Per-participant geheimhouding date on the deelnemers card. */
export const geheimhoudingInputId = (participantId: string): string => `geheimhouding.${participantId}`;

/** Cards that `card.open` can return. */
export const OPEN_CARDS = ['checklist', 'transition', 'actions', 'status', 'namenlijst', 'deelnemers', 'member', 'round'] as const;
export type OpenCard = (typeof OPEN_CARDS)[number];

/** Yes/no choice values used by decision fields. */
export const YES = 'ja';
export const NO = 'nee';

const EXIT_PREFIX = 'exit:';

/** Value of the transition card's "to" choice: a state, or "exit:<kind>". */
export function transitionChoiceValue(choice: { to: AanpakState } | { exit: ExitKind }): string {
  return 'exit' in choice ? `${EXIT_PREFIX}${choice.exit}` : choice.to;
}

export type TransitionChoice = { kind: 'state'; to: string } | { kind: 'exit'; exit: ExitKind };

/** Decodes the "to" choice; the bot still validates the state with the workflow. */
export function parseTransitionChoice(value: unknown): TransitionChoice | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  if (value.startsWith(EXIT_PREFIX)) {
    const exit = value.slice(EXIT_PREFIX.length);
    return (EXIT_KINDS as readonly string[]).includes(exit) ? { kind: 'exit', exit: exit as ExitKind } : undefined;
  }
  return { kind: 'state', to: value };
}

// ---- Fallbacks ----------------------------------------------------------------------------

type Json = unknown;

/**
 * Gives every Action.Execute (anywhere: actions, ActionSets, ShowCards, selectActions) an
 * Action.Submit fallback with the same data plus the verb, for clients without Universal Actions.
 * The card's `refresh.action` is left alone: refresh has no fallback in the schema.
 * Also drops nulls left by `$when: false` on object properties.
 */
export function addSubmitFallbacks(node: Json, isRefresh = false): Json {
  // `$when: false` on an object property leaves a null behind: drop it (the parser rejects null elements).
  if (Array.isArray(node)) return node.filter((n) => n !== null).map((n) => addSubmitFallbacks(n, isRefresh));
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, Json> = {};
  for (const [key, value] of Object.entries(node)) {
    if (value === null) continue;
    out[key] = addSubmitFallbacks(value, isRefresh || key === 'refresh');
  }
  if (out.type === 'Action.Execute' && !isRefresh && out.fallback === undefined) {
    const data = (out.data ?? {}) as Record<string, Json>;
    const fallback: Record<string, Json> = { type: 'Action.Submit', data: { ...data, verb: out.verb } };
    if (out.title !== undefined) fallback.title = out.title;
    if (out.style !== undefined) fallback.style = out.style;
    if (out.associatedInputs !== undefined) fallback.associatedInputs = out.associatedInputs;
    out.fallback = fallback;
  }
  return out;
}

// ---- Reading inputs back (the bot gets inputs merged into the action data) -----------------

const SCALE_VALUES: readonly string[] = SCALE;

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** Open answers from a round card submit: one entry per question, text as typed ('' when empty). */
export function readAnswerInputs(value: Record<string, unknown>, questionIds: string[]): { questionId: string; text: string }[] {
  return questionIds.map((questionId) => ({ questionId, text: str(value[answerInputId(questionId)]) ?? '' }));
}

/** Duiding answers: scale (only valid scale values) and optional toelichting per item. */
export function readDuidingInputs(
  value: Record<string, unknown>,
  itemIds: string[],
): { questionId: string; scale?: ScaleValue; toelichting?: string }[] {
  return itemIds.map((questionId) => {
    const scale = str(value[scaleInputId(questionId)]);
    const toelichting = str(value[toelichtingInputId(questionId)])?.trim();
    return {
      questionId,
      ...(scale !== undefined && SCALE_VALUES.includes(scale) ? { scale: scale as ScaleValue } : {}),
      ...(toelichting ? { toelichting } : {}),
    };
  });
}
