// Translates commands and card actions into workflow commands, and workflow results into cards.
// No rule lives here (the workflow decides) and nothing is sent from here (the outbox sends,
// behind the gate). No Teams SDK import: handlers are tested without Teams.
import { createHash } from 'node:crypto';
import {
  MEMBER_INPUTS,
  NO,
  OPEN_CARDS,
  RODE_DRAAD_INPUT,
  VERBS,
  YES,
  answerInputId,
  geheimhoudingInputId,
  informingDateInputId,
  informingReasonInputId,
  rectifyInputId,
  removeReasonInputId,
  renderMemberRectifyCard,
  renderNoticeCard,
  renderRodeDraadCard,
  parseTransitionChoice,
  renderActionCard,
  renderChecklistCard,
  renderDeelnemersCard,
  renderDuidingAnswerCard,
  renderDuidingResultCard,
  renderErrorCard,
  renderFlipoverCard,
  renderGateDeniedCard,
  renderHelpCard,
  renderNamenlijstCard,
  renderRoundCard,
  renderStatusCard,
  renderStepCard,
  renderTransitionCard,
  renderWeighingConfirmCard,
  renderWhoAnsweredCard,
  resultInputId,
  scaleInputId,
  toelichtingInputId,
  type CardAttachment,
  type ChecklistItemView,
  type MemberField,
  type OpenCard,
} from '../cards/index.js';
import { ConflictError, type Store } from '../store/port.js';
import { actionsFor, createAction, overdueActions, updateActionStatus } from '../workflow/actions.js';
import {
  activeParticipants,
  addParticipant,
  allowedTargets,
  createAanpak,
  findParticipant,
  isRegisseur,
  isStep,
  mayTick,
  missingRequired,
  participantByAad,
  recordGeheimhouding,
  recordWeighing,
  removeParticipant,
  stepSummary,
  tickChecklist,
  transition,
  type Changed,
} from '../workflow/aanpak.js';
import { ORGANISATIONS, ROLE_DEFS, STEP_DEFS, exitsFromStep } from '../workflow/catalog/index.js';
import { addMember, namenlijstView, recordInforming, removeMember, updateMember, type InformingCommand, type MemberChanges } from '../workflow/namenlijst.js';
import {
  aggregateDuiding,
  closeRound,
  huiswerkFromDuiding,
  openRound,
  publishFlipover,
  recordRodeDraad,
  saveDraft,
  submitAnswer,
  whoHasAnswered,
  type PublishedQuestion,
} from '../workflow/rounds.js';
import { createScreener } from '../workflow/screening.js';
import { decide } from '../workflow/gate.js';
import { maxLevel } from '../workflow/levels.js';
import {
  DomainError,
  SCALE,
  type Aanpak,
  type Answer,
  type AnswerItem,
  type AuditEvent,
  type DecisionFields,
  type Env,
  type GateContent,
  type Member,
  type Organisation,
  type Participant,
  type Recipient,
  type Role,
  type Round,
  type RoundKind,
  type ScaleValue,
} from '../workflow/types.js';
import {
  ROUND_KIND_LABELS,
  SPOOR_LABELS,
  dateLabel,
  dateTimeLabel,
  organisationLabel,
  roleLabel,
  stateLabel,
  stepName,
} from './labels.js';
import { AanpakHandlerBase } from './base.js';
import { UserError, errorResult, reply } from './results.js';
import type { Actor, HandlerResult, Outgoing, Turn } from './types.js';

export interface BotDeps {
  store: Store;
  env: Env;
  /** The gemeente this installation serves (convenant configuration). */
  gemeente: string;
  /** Default round deadline in days. */
  roundDays?: number;
  /** Called after an aanpak changed, e.g. to reschedule its reminders. */
  afterChange?: (aanpakId: string) => Promise<void>;
}

export interface RosterMember {
  aadObjectId: string;
  name: string;
  email?: string;
  /** Teams user id (29:…), the id per-user card refresh needs. */
  teamsUserId?: string;
}

/** Who gets the procesregisseur's view of a shared card (per-user refresh, max 60 ids). */
export function regisseurRefreshIds(aanpak: Aanpak): string[] {
  return activeParticipants(aanpak)
    .filter((p) => isRegisseur(aanpak, p.id) && p.teamsUserId)
    .map((p) => p.teamsUserId!)
    .slice(0, 60);
}

export { UserError, errorResult } from './results.js';

const MAX_COMMAND = 2000;
const MAX_ID = 200;
const BAD_INPUT = 'Deze kaart stuurde onverwachte gegevens. Open de kaart opnieuw (typ bijvoorbeeld status).';

// ---- card input (every data[...] read is type-checked: cards can be forged or stale) ----------

type Data = Record<string, unknown>;

/** An optional text input: absent → undefined; anything but a string is refused. */
function optText(data: Data, key: string): string | undefined {
  const v = data[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw new UserError(BAD_INPUT);
  return v;
}

/** An id the card itself carries (memberId, roundId …): a short non-empty string. */
function reqId(data: Data, key: string): string {
  const v = data[key];
  if (typeof v !== 'string' || !v.trim() || v.length > MAX_ID) throw new UserError(BAD_INPUT);
  return v;
}

/** "JB, Jantje" → ['JB', 'Jantje']. */
function splitList(text: string | undefined): string[] {
  return (text ?? '')
    .split(',')
    .map((b) => b.trim())
    .filter(Boolean);
}

/** Canonical JSON (sorted keys) for the dedupe key; hashed so no typed text is stored in the key. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Data)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

function submissionDigest(data: Data): string {
  const rest = { ...data };
  delete rest.nonce;
  return createHash('sha256').update(canonical(rest)).digest('hex').slice(0, 32);
}


// ---- results ------------------------------------------------------------------------------


/** Group-level content carried by a card whose texts come from the catalog or counts. */
function groupContent(aanpak: Aanpak, ref: string, kind: GateContent['kind'], authorId: string): GateContent {
  return { ref, kind, level: 'groep', authorId };
}

function informingLabel(i: Member['informing'] | undefined): string {
  return !i || i.status === 'open' ? 'open' : i.status === 'uitgereikt' ? `uitgereikt ${dateLabel(i.date)}` : 'uitgesteld';
}

export class Handlers extends AanpakHandlerBase {
  constructor(private readonly deps: BotDeps) {
    super(deps);
  }

  // ---- persistence --------------------------------------------------------------------------

  /** Saves a changed aanpak with optimistic concurrency, then audits its events. */
  private async commit(before: Aanpak, changed: Changed): Promise<Aanpak> {
    let saved: Aanpak;
    try {
      // The change and its audit events are stored in one transaction.
      saved = await this.store.saveAanpak(changed.aanpak, before.version, changed.events);
    } catch (err) {
      if (err instanceof ConflictError) {
        throw new UserError('Iemand anders heeft deze aanpak net gewijzigd. Open de kaart opnieuw en probeer het nog eens.');
      }
      throw err;
    }
    await this.deps.afterChange?.(saved.id);
    return saved;
  }

  /** The actor as participant; a non-participant gets a short explanation and nothing else. */
  private member(aanpak: Aanpak, actor: Actor): Participant {
    const p = participantByAad(aanpak, actor.aadObjectId);
    if (!p) {
      throw new UserError(`Je doet niet mee aan de aanpak ${aanpak.name}. Vraag de procesregisseur om je toe te voegen.`);
    }
    return p;
  }

  private regisseur(aanpak: Aanpak, actor: Actor): Participant {
    const p = this.member(aanpak, actor);
    if (!isRegisseur(aanpak, p.id)) throw new UserError('Dit kan alleen de procesregisseur.');
    return p;
  }

  /** Which aanpak a command is about: by name, or the only one here. */
  private async resolve(turn: Turn, name: string | undefined): Promise<Aanpak> {
    const all =
      turn.conversationType === 'personal'
        ? await this.store.findAanpakkenByParticipant(turn.actor.aadObjectId)
        : await this.store.listAanpakkenByChannel(turn.conversationId);
    const live = all.filter((a) => a.state !== 'vernietigd');
    const wanted = name?.trim().toLowerCase();
    if (wanted) {
      const hit = live.find((a) => a.name.toLowerCase() === wanted) ?? live.find((a) => a.name.toLowerCase().startsWith(wanted));
      if (hit) return hit;
      throw new UserError(`Geen aanpak "${name!.trim()}" gevonden${live.length ? `. Wel: ${live.map((a) => a.name).join(', ')}` : ''}.`);
    }
    if (live.length === 1) return live[0]!;
    if (live.length === 0) {
      throw new UserError(
        turn.conversationType === 'personal'
          ? 'Je doet nog niet mee aan een aanpak.'
          : 'Hier loopt nog geen aanpak. Start er een met: nieuwe aanpak <naam>.',
      );
    }
    throw new UserError(`Hier lopen meerdere aanpakken: ${live.map((a) => a.name).join(', ')}. Noem de naam, bijvoorbeeld: status ${live[0]!.name}.`);
  }

  // ---- messages ---------------------------------------------------------------------------

  async handleMessage(turn: Turn, rawText: string, roster: RosterMember[] = []): Promise<HandlerResult> {
    const text = (rawText ?? '').replace(/\s+/g, ' ').trim();
    if (!text) return this.help(turn);
    if (text.length > MAX_COMMAND) return errorResult('Dat bericht is te lang voor een opdracht. Typ help voor wat ik kan.');
    const lower = text.toLowerCase();
    const arg = (cmd: string) => text.slice(cmd.length).trim() || undefined;
    try {
      if (/^(help|hulp|\?)$/.test(lower)) return await this.help(turn);
      if (lower.startsWith('nieuwe aanpak')) return await this.newAanpak(turn, arg('nieuwe aanpak'));
      if (lower === 'status' || lower.startsWith('status ')) return await this.status(turn, arg('status'));
      if (lower === 'stap' || lower.startsWith('stap ')) return await this.transitionCard(turn, arg('stap'));
      if (lower === 'checklist' || lower.startsWith('checklist ')) return await this.checklist(turn, arg('checklist'));
      if (lower === 'deelnemers' || lower.startsWith('deelnemers ')) return await this.deelnemers(turn, arg('deelnemers'));
      if (lower === 'rondvraag' || lower.startsWith('rondvraag ')) return await this.openRound(turn, 'circulair', arg('rondvraag'), roster);
      if (lower === 'duiding' || lower.startsWith('duiding ')) return await this.openRound(turn, 'duiding', arg('duiding'), roster);
      if (lower === 'informatievragen' || lower.startsWith('informatievragen ')) {
        return await this.openRound(turn, 'informatievragen', arg('informatievragen'), roster);
      }
      if (lower === 'ronde' || lower.startsWith('ronde ')) return await this.roundProgress(turn, arg('ronde'));
      if (lower === 'namenlijst' || lower.startsWith('namenlijst ')) return await this.namenlijst(turn, arg('namenlijst'));
      if (lower === 'acties' || lower.startsWith('acties ')) return await this.acties(turn, arg('acties'));
      if (lower === 'mijn taken') return await this.mijnTaken(turn);
      return errorResult(`Dat ken ik niet: "${text.slice(0, 60)}". Typ help voor wat ik kan.`);
    } catch (err) {
      return this.fail(err);
    }
  }

  fail(err: unknown): HandlerResult {
    if (err instanceof UserError) return errorResult(err.userMessage, err.ruleIds);
    if (err instanceof DomainError) return errorResult(err.userMessage, err.ruleIds);
    throw err;
  }

  async help(turn: Turn): Promise<HandlerResult> {
    const mine =
      turn.conversationType === 'personal'
        ? await this.store.findAanpakkenByParticipant(turn.actor.aadObjectId)
        : (await this.store.listAanpakkenByChannel(turn.conversationId)).filter((a) => participantByAad(a, turn.actor.aadObjectId));
    const roles = new Set(mine.flatMap((a) => (participantByAad(a, turn.actor.aadObjectId) ? [participantByAad(a, turn.actor.aadObjectId)!.role] : [])));
    const regie = roles.has('procesregisseur') || roles.has('vervanger');
    const commands: { command: string; description: string }[] = [
      { command: 'help', description: 'Wat ik kan.' },
      { command: 'status', description: 'Waar staat de aanpak: stap, open punten, rondes.' },
      { command: 'checklist', description: 'Wie doet wat in deze stap; vink je eigen punten af.' },
      { command: 'acties', description: 'De acties van de aanpak.' },
      { command: 'mijn taken', description: 'Jouw rondes en acties (in je persoonlijke chat).' },
    ];
    if (mine.length === 0 || regie) {
      commands.push({ command: 'nieuwe aanpak <naam>', description: 'Start een aanpak voor een groep in dit kanaal.' });
    }
    if (regie) {
      commands.push(
        { command: 'deelnemers', description: 'Deelnemers toevoegen of verwijderen, geheimhouding vastleggen.' },
        { command: 'stap', description: 'De aanpak naar een andere stap zetten.' },
        { command: 'rondvraag', description: 'Circulair vragen openen (vijf vragen).' },
        { command: 'duiding', description: 'Duidingsinstrument (Beke) openen, stap 1 tot en met 3.' },
        { command: 'informatievragen', description: 'De informatievragen van deze stap openen.' },
        { command: 'ronde', description: 'Wie heeft geantwoord; ronde sluiten en delen.' },
      );
    }
    if (roles.size > 0 && [...roles].some((r) => r !== 'incidenteel')) {
      commands.push({ command: 'namenlijst', description: 'De namenlijst (vanaf stap 2B).' });
    }
    const roleText = regie ? 'procesregisseur' : roles.has('partner') ? 'convenantpartner' : roles.has('incidenteel') ? 'incidentele deelnemer' : undefined;
    return { out: [reply(renderHelpCard({ commands, ...(roleText ? { roleLabel: roleText } : {}) }), 'help')] };
  }

  private async newAanpak(turn: Turn, name: string | undefined): Promise<HandlerResult> {
    if (turn.conversationType === 'personal') {
      throw new UserError('Start een aanpak in het kanaal van het jeugdgroepenoverleg: @Groepsaanpak nieuwe aanpak <naam>.');
    }
    if (!name) throw new UserError('Geef de aanpak een naam, bijvoorbeeld: nieuwe aanpak Stationsplein.');
    const existing = await this.store.listAanpakkenByChannel(turn.conversationId);
    if (existing.some((a) => a.state !== 'vernietigd' && a.name.toLowerCase() === name.toLowerCase())) {
      throw new UserError(`Er loopt hier al een aanpak ${name}.`);
    }
    const created = createAanpak(
      { name, gemeente: this.deps.gemeente, channelId: turn.conversationId, by: { aadObjectId: turn.actor.aadObjectId, displayName: turn.actor.name, ...(turn.actor.teamsUserId ? { teamsUserId: turn.actor.teamsUserId } : {}) } },
      this.deps.env,
    );
    const saved = await this.store.createAanpak(created.aanpak, created.events);
    await this.deps.afterChange?.(saved.id);
    return { out: [this.stepCard(saved, saved.participants[0]!.id, { kind: 'reply' })] };
  }

  /** The step card, for the channel or as reply; its texts come from the catalog (groep). */
  stepCard(aanpak: Aanpak, authorId: string, to: Outgoing['to'], viewer?: Participant): Outgoing {
    const sum = stepSummary(aanpak);
    if (!sum) throw new UserError('Deze aanpak is gesloten.');
    const checklist: ChecklistItemView[] = sum.checklist.map((i) => ({
      id: i.id,
      text: i.text,
      ownerLabel: i.owner,
      required: i.required,
      done: i.done,
      ...(viewer ? { canTick: mayTick(aanpak, STEP_DEFS[sum.step].checklist.find((c) => c.id === i.id)!, viewer.id) } : {}),
    }));
    const card = renderStepCard({
      ctx: this.ctx(aanpak),
      aanpakName: aanpak.name,
      step: sum.step,
      stepName: sum.name,
      goal: sum.goal,
      checklist,
      questions: sum.questions,
      privacyLine: sum.privacyLine,
      canManage: !!viewer && isRegisseur(aanpak, viewer.id),
      // The shared version refreshes into the procesregisseur's view (management buttons). A
      // viewer-specific card carries no refresh: Teams would then replace the card for everyone.
      ...(!viewer && regisseurRefreshIds(aanpak).length ? { refresh: { userIds: regisseurRefreshIds(aanpak) } } : {}),
    });
    return { to, card, aanpakId: aanpak.id, label: `step card ${sum.step}`, contents: [groupContent(aanpak, `step:${aanpak.id}:${sum.step}`, 'step_card', authorId)] };
  }

  private async status(turn: Turn, name: string | undefined): Promise<HandlerResult> {
    const aanpak = await this.resolve(turn, name);
    return this.statusFor(aanpak, this.member(aanpak, turn.actor));
  }

  private async statusFor(aanpak: Aanpak, me: Participant): Promise<HandlerResult> {
    const rounds = (await this.store.listRounds(aanpak.id)).filter((r) => r.status === 'open');
    const actions = await this.store.listActions(aanpak.id);
    const open = actions.filter((a) => a.status === 'open');
    const today = this.now().slice(0, 10);
    const last = aanpak.transitions.at(-1);
    const card = renderStatusCard({
      ctx: this.ctx(aanpak),
      aanpakName: aanpak.name,
      stepLabel: stateLabel(aanpak.state),
      stepName: stepName(aanpak.state),
      ...(last ? { sinceLabel: dateLabel(last.at) } : { sinceLabel: dateLabel(aanpak.createdAt) }),
      participants: activeParticipants(aanpak).length,
      openChecklist: isStep(aanpak.state) ? missingRequired(aanpak, aanpak.state).length : 0,
      openRounds: rounds.map((r) => ({ label: ROUND_KIND_LABELS[r.kind], deadlineLabel: dateTimeLabel(r.deadline) })),
      openActions: open.length,
      overdueActions: overdueActions(actions, today).length,
    });
    return { out: [reply(card, 'status', aanpak.id, [{ ...groupContent(aanpak, `status:${aanpak.id}`, 'status', me.id) }])] };
  }

  // ---- transitions --------------------------------------------------------------------------

  private async transitionCard(turn: Turn, name: string | undefined): Promise<HandlerResult> {
    const aanpak = await this.resolve(turn, name);
    return this.transitionFor(aanpak, this.regisseur(aanpak, turn.actor));
  }

  private transitionFor(aanpak: Aanpak, me: Participant): HandlerResult {
    if (!isStep(aanpak.state)) throw new UserError('Deze aanpak is gesloten. Heropenen kan binnen de bewaartermijn.', ['R-7-2']);
    const step = aanpak.state;
    const targets = allowedTargets(aanpak);
    const card = renderTransitionCard({
      ctx: this.ctx(aanpak),
      aanpakName: aanpak.name,
      from: step,
      fromLabel: `Stap ${step}: ${STEP_DEFS[step].name}`,
      targets: targets.filter((t) => t.kind !== 'exit').map((t) => ({ value: t.to, label: t.label })),
      exits: exitsFromStep(step).map((e) => ({ value: e.kind, label: e.label })),
      decisions: {
        ...(step === '2A' ? { '2A': {} } : {}),
        ...(step === '4' ? { '4': {} } : {}),
        ...(step === '7' ? { '7': {} } : {}),
      },
      openRequired: missingRequired(aanpak, step).map((i) => ({ id: i.id, text: i.text, ownerLabel: i.owner })),
    });
    return { out: [reply(card, 'transition card', aanpak.id, [groupContent(aanpak, `transition:${aanpak.id}`, 'step_card', me.id)])] };
  }

  private async applyTransition(turn: Turn, data: Record<string, unknown>): Promise<HandlerResult> {
    const aanpak = await this.load(data.aanpakId);
    const me = this.regisseur(aanpak, turn.actor);
    this.requireSameStep(aanpak, data, 'from', 'Typ stap voor een nieuwe kaart.');
    const choice = parseTransitionChoice(data.to);
    if (!choice) throw new UserError('Kies waar de aanpak naartoe gaat.');
    const yesNo = (v: unknown) => (v === YES ? true : v === NO ? false : undefined);
    const decisions: DecisionFields = {};
    const p2a = yesNo(data.problematisch);
    if (p2a !== undefined) decisions['2A'] = { problematisch: p2a };
    const g4 = yesNo(data.geprioriteerd);
    if (g4 !== undefined) decisions['4'] = { geprioriteerd: g4, datum: optText(data, 'datum') ?? '', randvoorwaarden: optText(data, 'randvoorwaarden') ?? '' };
    const d7 = yesNo(data.doelenBereikt);
    const r7 = yesNo(data.resterendeActiesBelegd);
    if (d7 !== undefined || r7 !== undefined) decisions['7'] = { doelenBereikt: d7 ?? false, resterendeActiesBelegd: r7 ?? false };
    const changed = transition(
      aanpak,
      {
        to: choice.kind === 'exit' ? 'gesloten' : (choice.to as Aanpak['state']),
        ...(choice.kind === 'exit' ? { exit: choice.exit } : {}),
        by: me.id,
        decisionText: optText(data, 'decisionText') ?? '',
        decisions,
        ...(optText(data, 'overrideReason')?.trim() ? { overrideReason: optText(data, 'overrideReason') } : {}),
      },
      this.deps.env,
    );
    const saved = await this.commit(aanpak, changed);
    const out: Outgoing[] = [];
    if (isStep(saved.state)) {
      out.push(this.stepCard(saved, me.id, { kind: 'channel', aanpakId: saved.id }));
    } else {
      out.push({
        to: { kind: 'channel', aanpakId: saved.id },
        card: renderStatusCard({
          ctx: this.ctx(saved),
          aanpakName: saved.name,
          stepLabel: stateLabel(saved.state),
          stepName: 'De aanpak is gesloten; het dossier is alleen nog in te zien.',
          participants: activeParticipants(saved).length,
          openChecklist: 0,
          openRounds: [],
          openActions: 0,
          overdueActions: 0,
        }),
        aanpakId: saved.id,
        label: 'closed status',
        contents: [groupContent(saved, `status:${saved.id}:closed`, 'status', me.id)],
      });
    }
    // The clicker gets the real status of the aanpak after the move (rounds, actions, checklist).
    const status = (await this.statusFor(saved, me)).out[0]!;
    return { out, invoke: { ...status, label: 'transition applied' } };
  }

  // ---- checklist --------------------------------------------------------------------------

  private checklistCard(aanpak: Aanpak, viewer: Participant): CardAttachment {
    const sum = stepSummary(aanpak);
    if (!sum) throw new UserError('Deze aanpak is gesloten.');
    const items = STEP_DEFS[sum.step].checklist.map((i) => {
      const tick = aanpak.checklist[i.id];
      const by = tick?.done ? aanpak.participants.find((p) => p.id === tick.by) : undefined;
      return {
        id: i.id,
        text: i.text,
        ownerLabel: i.owner,
        required: i.required,
        done: !!tick?.done,
        ...(tick?.done && by ? { doneLabel: `${by.displayName} (${organisationLabel(by.organisation)}), ${dateLabel(tick.at)}` } : {}),
        canTick: mayTick(aanpak, i, viewer.id),
      };
    });
    return renderChecklistCard({ ctx: this.ctx(aanpak), aanpakName: aanpak.name, step: sum.step, stepName: sum.name, items });
  }

  private async checklist(turn: Turn, name: string | undefined): Promise<HandlerResult> {
    const aanpak = await this.resolve(turn, name);
    return this.checklistFor(aanpak, this.member(aanpak, turn.actor));
  }

  private checklistFor(aanpak: Aanpak, me: Participant): HandlerResult {
    return { out: [reply(this.checklistCard(aanpak, me), 'checklist', aanpak.id, [groupContent(aanpak, `checklist:${aanpak.id}`, 'step_card', me.id)])] };
  }

  private async tick(turn: Turn, data: Record<string, unknown>): Promise<HandlerResult> {
    const aanpak = await this.load(data.aanpakId);
    const me = this.member(aanpak, turn.actor);
    this.requireSameStep(aanpak, data, 'step', 'Typ checklist voor de lijst van de huidige stap.');
    const itemId = reqId(data, 'itemId');
    const current = aanpak.checklist[itemId]?.done ?? false;
    const raw = data.done;
    if (raw !== undefined && typeof raw !== 'boolean' && raw !== 'true' && raw !== 'false') throw new UserError(BAD_INPUT);
    const done = typeof raw === 'boolean' ? raw : raw === 'true' ? true : raw === 'false' ? false : !current;
    const saved = await this.commit(aanpak, tickChecklist(aanpak, { itemId, done, by: me.id }, this.deps.env));
    return { out: [], invoke: reply(this.checklistCard(saved, me), 'checklist', saved.id, [groupContent(saved, `checklist:${saved.id}`, 'step_card', me.id)]) };
  }

  // ---- participants -----------------------------------------------------------------------

  /** For the procesregisseur: who has no 1:1 chat with the bot yet (no stored conversation reference). */
  private async unreachable(aanpak: Aanpak): Promise<Set<string>> {
    const out = new Set<string>();
    for (const p of activeParticipants(aanpak)) if (!(await this.store.getConversationRef(p.aadObjectId))) out.add(p.id);
    return out;
  }

  private async deelnemersCard(aanpak: Aanpak, viewer: Participant): Promise<CardAttachment> {
    const canManage = isRegisseur(aanpak, viewer.id);
    const unreachable = canManage ? await this.unreachable(aanpak) : new Set<string>();
    return renderDeelnemersCard({
      ctx: this.ctx(aanpak),
      aanpakName: aanpak.name,
      participants: activeParticipants(aanpak).map((p) => ({
        id: p.id,
        name: p.displayName,
        organisationLabel: organisationLabel(p.organisation),
        roleLabel: roleLabel(p.role),
        ...(p.functie ? { functie: p.functie } : {}),
        ...(p.geheimhouding ? { geheimhoudingLabel: `getekend ${dateLabel(p.geheimhouding.date)}` } : {}),
        canRecordGeheimhouding: canManage && p.role === 'incidenteel' && !p.geheimhouding,
        needsGeheimhouding: p.role === 'incidenteel',
        canRemove: p.id !== viewer.id,
        unreachable: unreachable.has(p.id),
      })),
      canManage,
      organisations: ORGANISATIONS.map((o) => ({ value: o.id, label: o.label })),
      roles: ROLE_DEFS.map((r) => ({ value: r.id, label: r.label })),
    });
  }

  private async deelnemers(turn: Turn, name: string | undefined): Promise<HandlerResult> {
    const aanpak = await this.resolve(turn, name);
    return this.deelnemersFor(aanpak, this.member(aanpak, turn.actor));
  }

  private async deelnemersFor(aanpak: Aanpak, me: Participant): Promise<HandlerResult> {
    return { out: [reply(await this.deelnemersCard(aanpak, me), 'deelnemers', aanpak.id, [groupContent(aanpak, `deelnemers:${aanpak.id}`, 'status', me.id)])] };
  }

  private async recordGeheimhoudingFor(turn: Turn, data: Data): Promise<HandlerResult> {
    const aanpak = await this.load(data.aanpakId);
    const me = this.regisseur(aanpak, turn.actor);
    const participantId = reqId(data, 'participantId');
    const date = optText(data, geheimhoudingInputId(participantId))?.trim();
    if (!date) throw new UserError('Kies de datum waarop de geheimhoudingsverklaring is getekend.', ['R-X-21']);
    const saved = await this.commit(aanpak, recordGeheimhouding(aanpak, { participantId, date, by: me.id }, this.deps.env));
    const r = await this.deelnemersFor(saved, me);
    return { out: [], invoke: r.out[0]! };
  }

  private async addDeelnemer(turn: Turn, data: Record<string, unknown>, roster: RosterMember[]): Promise<HandlerResult> {
    const aanpak = await this.load(data.aanpakId);
    const me = this.regisseur(aanpak, turn.actor);
    const who = (optText(data, 'aad') ?? '').trim();
    const wanted = who.toLowerCase();
    const hit = roster.find(
      (r) => r.aadObjectId.toLowerCase() === wanted || r.email?.toLowerCase() === wanted || r.name.toLowerCase() === wanted,
    );
    if (!hit && !/^[0-9a-f-]{36}$/i.test(who)) {
      throw new UserError('Die persoon vind ik niet in dit team. Gebruik het Teams-account (e-mail) of de naam zoals in het team.');
    }
    const organisation = (optText(data, 'organisation') ?? '') as Organisation;
    if (!ORGANISATIONS.some((o) => o.id === organisation)) throw new UserError('Kies een organisatie.');
    const role = (optText(data, 'role') ?? '') as Role;
    if (!ROLE_DEFS.some((r) => r.id === role)) throw new UserError('Kies een rol.');
    let changed = addParticipant(
      aanpak,
      {
        aadObjectId: hit?.aadObjectId ?? who,
        ...(hit?.teamsUserId ? { teamsUserId: hit.teamsUserId } : {}),
        displayName: (optText(data, 'naam') ?? '').trim() || hit?.name || who,
        organisation,
        role,
        ...(optText(data, 'functie')?.trim() ? { functie: optText(data, 'functie') } : {}),
        by: me.id,
      },
      this.deps.env,
    );
    const added = changed.aanpak.participants.at(-1)!;
    const geheimhouding = optText(data, 'geheimhouding')?.trim();
    if (geheimhouding) {
      const g = recordGeheimhouding(changed.aanpak, { participantId: added.id, date: geheimhouding, by: me.id }, this.deps.env);
      changed = { aanpak: g.aanpak, events: [...changed.events, ...g.events] };
    }
    const saved = await this.commit(aanpak, changed);
    return { out: [], invoke: (await this.deelnemersFor(saved, me)).out[0]! };
  }

  private async removeDeelnemer(turn: Turn, data: Record<string, unknown>): Promise<HandlerResult> {
    const aanpak = await this.load(data.aanpakId);
    const me = this.regisseur(aanpak, turn.actor);
    const saved = await this.commit(aanpak, removeParticipant(aanpak, { participantId: reqId(data, 'participantId'), by: me.id }, this.deps.env));
    return { out: [], invoke: (await this.deelnemersFor(saved, me)).out[0]! };
  }

  // ---- rounds -----------------------------------------------------------------------------

  private deadline(daysArg: string | undefined): string {
    const days = daysArg && /^\d{1,2}$/.test(daysArg) ? Number(daysArg) : (this.deps.roundDays ?? 7);
    if (days < 1 || days > 60) throw new UserError('Kies een termijn tussen 1 en 60 dagen.');
    const d = new Date(this.deps.env.now().getTime() + days * 86_400_000);
    return d.toISOString();
  }

  private async openRound(turn: Turn, kind: RoundKind, arg: string | undefined, _roster: RosterMember[]): Promise<HandlerResult> {
    // "rondvraag", "rondvraag 5", "rondvraag Stationsplein 5"
    const m = arg?.match(/^(.*?)\s*(\d{1,2})?$/);
    const aanpak = await this.resolve(turn, m?.[1] || undefined);
    const me = this.regisseur(aanpak, turn.actor);
    const candidates = activeParticipants(aanpak).filter((p) => p.role !== 'procesregisseur' && p.role !== 'vervanger');
    const invitees = candidates.filter((p) => p.role !== 'incidenteel' || p.geheimhouding);
    const skipped = candidates.filter((p) => !invitees.includes(p));
    if (invitees.length === 0) throw new UserError('Voeg eerst deelnemers toe (typ deelnemers).');
    const opened = openRound(aanpak, { kind, invitees: invitees.map((p) => p.id), deadline: this.deadline(m?.[2]), by: me.id }, this.deps.env);
    await this.store.saveRound(opened.round);
    await this.audit(opened.events);
    await this.deps.afterChange?.(aanpak.id);
    const out: Outgoing[] = invitees.map((p) => this.roundInvitation(aanpak, opened.round, p, undefined));
    out.push(this.progressCard(aanpak, opened.round, [], me, { kind: 'reply' }));
    if (skipped.length) {
      out.push(
        reply(
          renderErrorCard({
            message: `Niet uitgenodigd (nog geen geheimhoudingsverklaring): ${skipped.map((p) => p.displayName).join(', ')}.`,
            ruleIds: ['R-X-21'],
          }),
          'skipped invitees',
          aanpak.id,
          [groupContent(aanpak, `round:${opened.round.id}:skipped`, 'status', me.id)],
        ),
      );
    }
    return { out };
  }

  /** The answer card in the invitee's 1:1 chat; it carries only their own draft. */
  roundInvitation(aanpak: Aanpak, round: Round, p: Participant, answer: Answer | undefined, to: Outgoing['to'] = { kind: 'direct', aanpakId: aanpak.id, participantId: p.id }): Outgoing {
    const closed = round.status !== 'open';
    const status = answer?.status === 'submitted' ? 'verstuurd' : answer ? 'concept' : 'nog_niet';
    const own: GateContent[] = (answer?.items ?? []).map((i) => ({
      ref: `${round.id}:${p.id}:${i.questionId}`,
      kind: 'answer',
      level: i.declaredLevel ?? 'groep',
      text: [i.text, i.toelichting].filter(Boolean).join(' '),
      authorId: p.id,
    }));
    let card: CardAttachment;
    if (round.kind === 'duiding') {
      const pijlers = new Map<string, { id: string; text: string; draft?: ScaleValue; toelichting?: string }[]>();
      for (const q of round.questions) {
        const item = answer?.items.find((i) => i.questionId === q.id);
        const list = pijlers.get(q.pijler ?? '') ?? [];
        list.push({ id: q.id, text: q.text, ...(item?.scale ? { draft: item.scale } : {}), ...(item?.toelichting ? { toelichting: item.toelichting } : {}) });
        pijlers.set(q.pijler ?? '', list);
      }
      card = renderDuidingAnswerCard({
        ctx: this.ctx(aanpak),
        roundId: round.id,
        aanpakName: aanpak.name,
        deadlineLabel: dateTimeLabel(round.deadline),
        closed,
        status,
        choiceStyle: 'compact',
        pijlers: [...pijlers].map(([name, items]) => ({ name, items })),
      });
    } else {
      card = renderRoundCard({
        ctx: this.ctx(aanpak),
        roundId: round.id,
        aanpakName: aanpak.name,
        kindLabel: ROUND_KIND_LABELS[round.kind],
        deadlineLabel: dateTimeLabel(round.deadline),
        closed,
        status,
        questions: round.questions.map((q) => {
          const draft = answer?.items.find((i) => i.questionId === q.id)?.text;
          return { id: q.id, text: q.text, ...(draft ? { draft } : {}), ...(q.byRole ? { byRole: true } : {}) };
        }),
      });
    }
    return { to, card, aanpakId: aanpak.id, label: `round card ${round.kind}`, contents: own };
  }

  private progressCard(aanpak: Aanpak, round: Round, answers: Answer[], viewer: Participant, to: Outgoing['to']): Outgoing {
    const card = renderWhoAnsweredCard({
      ctx: this.ctx(aanpak),
      roundId: round.id,
      aanpakName: aanpak.name,
      kindLabel: ROUND_KIND_LABELS[round.kind],
      deadlineLabel: dateTimeLabel(round.deadline),
      invitees: whoHasAnswered(round, answers, aanpak).map((w) => ({
        name: w.displayName,
        organisationLabel: w.organisation ? organisationLabel(w.organisation) : '',
        status: w.status === 'submitted' ? 'verstuurd' : w.status === 'draft' ? 'concept' : 'nog_niet',
      })),
      canClose: round.status === 'open' && isRegisseur(aanpak, viewer.id),
    });
    return { to, card, aanpakId: aanpak.id, label: 'who answered', contents: [groupContent(aanpak, `progress:${round.id}`, 'status', viewer.id)] };
  }

  private async roundProgress(turn: Turn, name: string | undefined): Promise<HandlerResult> {
    const aanpak = await this.resolve(turn, name);
    const me = this.regisseur(aanpak, turn.actor);
    const rounds = await this.store.listRounds(aanpak.id);
    const round = rounds.filter((r) => r.status === 'open').at(-1) ?? rounds.at(-1);
    if (!round) throw new UserError('Er is nog geen ronde geopend. Typ rondvraag, duiding of informatievragen.');
    return { out: [this.progressCard(aanpak, round, await this.store.listAnswers(round.id), me, { kind: 'reply' })] };
  }

  private async loadRound(aanpak: Aanpak, roundId: unknown): Promise<Round> {
    const round = typeof roundId === 'string' ? await this.store.getRound(roundId) : undefined;
    if (!round || round.aanpakId !== aanpak.id) throw new UserError('Deze ronde bestaat niet (meer).');
    return round;
  }

  private answerItems(round: Round, data: Record<string, unknown>): AnswerItem[] {
    const items: AnswerItem[] = [];
    for (const q of round.questions) {
      if (q.answerType === 'scale') {
        const scale = data[scaleInputId(q.id)];
        const toelichting = data[toelichtingInputId(q.id)];
        if (scale === undefined || scale === '') continue;
        if (typeof scale !== 'string' || !(SCALE as readonly string[]).includes(scale)) {
          throw new UserError('Kies per item: niet, 1, 2, 3, sterk of onbekend.');
        }
        items.push({ questionId: q.id, scale: scale as ScaleValue, ...(typeof toelichting === 'string' && toelichting.trim() ? { toelichting } : {}) });
      } else {
        const text = data[answerInputId(q.id)];
        if (text === undefined || text === '') continue;
        if (typeof text !== 'string') throw new UserError('Een antwoord moet tekst zijn.');
        items.push({ questionId: q.id, text });
      }
    }
    return items;
  }

  private async answer(turn: Turn, data: Record<string, unknown>, submit: boolean, idempotencyKey?: string): Promise<HandlerResult> {
    const aanpak = await this.load(data.aanpakId);
    const me = this.member(aanpak, turn.actor);
    const round = await this.loadRound(aanpak, data.roundId);
    const existing = await this.store.getAnswer(round.id, me.id);
    const cmd = { participantId: me.id, items: this.answerItems(round, data) };
    const r = submit ? submitAnswer(round, existing, cmd, this.deps.env, aanpak) : saveDraft(round, existing, cmd, this.deps.env, aanpak);
    const stored = await this.store.saveAnswer(r.answer, idempotencyKey);
    if (stored) await this.audit(r.events);
    const out: Outgoing[] = [];
    // Screening feedback: the author sees, in their own chat only, what would be held back.
    const members = await this.store.listMembers(aanpak.id);
    const screener = createScreener(members);
    const step = isStep(aanpak.state) ? aanpak.state : undefined;
    const namesAllowed = step && !['1', '2A'].includes(step);
    const fragments = r.answer.items.flatMap((i) =>
      screener.screen([i.text, i.toelichting].filter(Boolean).join(' ')).findings.filter((f) => !namesAllowed || f.level !== 'persoon'),
    );
    if (fragments.length) {
      out.push({
        to: { kind: 'direct', aanpakId: aanpak.id, participantId: me.id },
        card: renderGateDeniedCard({
          subjectLabel: `Je antwoord in de ronde ${ROUND_KIND_LABELS[round.kind]}`,
          aanpakName: aanpak.name,
          fragments: fragments.map((f) => ({ kindLabel: f.kind, fragment: f.fragment })),
          reasons: step === '1' || step === '2A'
            ? [{ ruleId: step === '1' ? 'R-1-1' : 'R-2A-1', message: 'In deze stap alleen informatie op groepsniveau. Dit deel wordt bij het delen achtergehouden; je kunt je antwoord aanpassen tot de ronde sluit.' }]
            : [{ ruleId: 'R-X-14', message: 'Dit deel gaat alleen naar wie het mag ontvangen; de rest ziet "achtergehouden".' }],
        }),
        aanpakId: aanpak.id,
        label: 'screening feedback',
        // The fragments are the author's own words: the author may always see them.
        contents: fragments.map((f, n) => ({ ref: `${round.id}:${me.id}:finding:${n}`, kind: 'answer', level: f.level, text: f.fragment, authorId: me.id })),
      });
    }
    if (submit) out.push(...this.weighingRequests(aanpak, round, r.answer, me, screener));
    return { out, invoke: this.roundInvitation(aanpak, round, me, r.answer, { kind: 'reply' }) };
  }

  /**
   * R-X-31: when the gate says an answer item may only be shared after the author's weighing, the
   * author (the jongerenwerker) gets the weighing card in their own chat right away, so the item
   * is not silently held back at publication.
   */
  private weighingRequests(aanpak: Aanpak, round: Round, answer: Answer, me: Participant, screener: ReturnType<typeof createScreener>): Outgoing[] {
    const others: Recipient[] = activeParticipants(aanpak)
      .filter((p) => p.id !== me.id)
      .map((p) => ({ kind: 'participant', participantId: p.id }));
    const out: Outgoing[] = [];
    for (const item of answer.items) {
      const q = round.questions.find((x) => x.id === item.questionId);
      const content: GateContent = {
        ref: `${round.id}:${me.id}:${item.questionId}`,
        kind: 'answer',
        level: maxLevel(q?.level ?? 'groep', item.declaredLevel ?? 'groep'),
        text: [item.text, item.toelichting].filter(Boolean).join(' '),
        authorId: me.id,
      };
      // The gate names the missing weighing (for the recipients that may otherwise receive it).
      if (!decide(content, { aanpak, screener }, others).reasons.some((r) => r.ruleId === 'R-X-31')) continue;
      out.push({
        to: { kind: 'direct', aanpakId: aanpak.id, participantId: me.id },
        card: this.weighingCard(aanpak, content.ref, `Je antwoord op vraag ${item.questionId} (${ROUND_KIND_LABELS[round.kind]})`),
        aanpakId: aanpak.id,
        label: 'weighing request',
        contents: [groupContent(aanpak, `weighing-request:${content.ref}`, 'status', me.id)],
      });
    }
    return out;
  }

  private async closeAndPublish(turn: Turn, data: Record<string, unknown>): Promise<HandlerResult> {
    const aanpak = await this.load(data.aanpakId);
    const me = this.regisseur(aanpak, turn.actor);
    let round = await this.loadRound(aanpak, data.roundId);
    const answers = await this.store.listAnswers(round.id);
    if (round.status === 'open') {
      const closed = closeRound(round, me.id, this.deps.env, aanpak);
      round = closed.round;
      await this.store.saveRound(round);
      await this.audit(closed.events);
    }
    const members = await this.store.listMembers(aanpak.id);
    const screener = createScreener(members);
    const audience: Recipient[] = activeParticipants(aanpak).map((p) => ({ kind: 'participant', participantId: p.id }));
    const out: Outgoing[] = [];
    if (round.kind === 'duiding') {
      const agg = aggregateDuiding(round, answers);
      const huiswerk = huiswerkFromDuiding(round, answers, aanpak, this.deps.env);
      for (const a of huiswerk.actions) await this.store.saveAction(a);
      await this.audit(huiswerk.events);
      round = { ...round, status: 'gepubliceerd', publishedAt: this.now() };
      await this.store.saveRound(round);
      for (const p of agg.pijlers) {
        out.push({
          to: { kind: 'channel', aanpakId: aanpak.id },
          card: renderDuidingResultCard({
            ctx: this.ctx(aanpak),
            roundId: round.id,
            aanpakName: aanpak.name,
            pijler: p.pijler,
            items: agg.items
              .filter((i) => i.pijler === p.pijler)
              .map((i) => ({
                id: i.questionId,
                text: i.text,
                distribution: i.distribution,
                disagreement: i.disagreement,
                huiswerk: huiswerk.actions.filter((a) => a.source?.questionId === i.questionId).length,
              })),
          }),
          aanpakId: aanpak.id,
          label: `duiding result ${p.pijler}`,
          // Scale counts per item: group level, no answer texts.
          contents: [groupContent(aanpak, `duiding:${round.id}:${p.pijler}`, 'duiding_result', me.id)],
        });
      }
    } else {
      const pub = publishFlipover(round, answers, aanpak, screener, audience, this.deps.env, me.id);
      await this.store.saveRound(pub.round);
      await this.audit(pub.events);
      round = pub.round;
      // The regisseurs' clients refresh the channel card into the version with the rode-draad input.
      const regie = regisseurRefreshIds(aanpak);
      for (const q of pub.published) {
        out.push(this.flipoverOutgoing(aanpak, round, q, answers, me, { kind: 'channel', aanpakId: aanpak.id }, { refreshUserIds: regie }));
      }
    }
    await this.deps.afterChange?.(aanpak.id);
    return { out, invoke: this.progressCard(aanpak, round, answers, me, { kind: 'reply' }) };
  }

  /** One flipover card per question; every shown item and the rode draad are gated contents. */
  private flipoverOutgoing(
    aanpak: Aanpak,
    round: Round,
    q: PublishedQuestion,
    answers: Answer[],
    me: Participant,
    to: Outgoing['to'],
    opts: { canEdit?: boolean; refreshUserIds?: string[] },
  ): Outgoing {
    const held = q.withheldSummary?.match(/^(\d+) items? achtergehouden: (.*?)\.?$/);
    const groups = q.byOrganisation.map((g) => ({ organisationLabel: organisationLabel(g.organisation), items: g.items }));
    // Exactly the items the workflow let through, with their own refs, levels and authors.
    const allowedContents: GateContent[] = q.allowed;
    return {
      to,
      card: renderFlipoverCard({
        ctx: this.ctx(aanpak),
        roundId: round.id,
        aanpakName: aanpak.name,
        questionId: q.questionId,
        questionText: q.text,
        groups,
        heldBack: held ? [{ count: Number(held[1]), reason: held[2]! }] : [],
        ...(q.rodeDraad ? { rodeDraad: q.rodeDraad } : {}),
        canEditRodeDraad: opts.canEdit === true,
        ...(opts.refreshUserIds?.length ? { refresh: { userIds: opts.refreshUserIds.slice(0, 60) } } : {}),
      }),
      aanpakId: aanpak.id,
      label: `flipover ${q.questionId}`,
      contents: allowedContents,
    };
  }

  /** The regisseur's refreshed flipover: recomputed for the channel audience, with the rode-draad input. */
  private async flipoverForRegisseur(aanpak: Aanpak, me: Participant, data: Data): Promise<HandlerResult> {
    const round = await this.loadRound(aanpak, data.roundId);
    const questionId = reqId(data, 'questionId');
    if (round.status === 'open') throw new UserError('Deze ronde is nog open.');
    const answers = await this.store.listAnswers(round.id);
    const audience: Recipient[] = activeParticipants(aanpak).map((p) => ({ kind: 'participant', participantId: p.id }));
    // Only the view is used: the round is not saved again and the outbox gates (and audits) the card.
    const pub = publishFlipover(round, answers, aanpak, createScreener(await this.store.listMembers(aanpak.id)), audience, this.deps.env, me.id);
    const q = pub.published.find((x) => x.questionId === questionId);
    if (!q) throw new UserError('Deze vraag staat niet in deze ronde.');
    return { out: [], invoke: this.flipoverOutgoing(aanpak, round, q, answers, me, { kind: 'reply' }, { canEdit: true }) };
  }

  /** Rode draad (procesregisseur, in the meeting): saved on the round, posted to the channel through the gate. */
  private async saveRodeDraad(turn: Turn, data: Data): Promise<HandlerResult> {
    const aanpak = await this.load(data.aanpakId);
    const me = this.regisseur(aanpak, turn.actor);
    const round = await this.loadRound(aanpak, data.roundId);
    const questionId = reqId(data, 'questionId');
    const screener = createScreener(await this.store.listMembers(aanpak.id));
    const r = recordRodeDraad(round, { questionId, text: optText(data, RODE_DRAAD_INPUT) ?? '', by: me.id }, screener, this.deps.env, aanpak);
    await this.store.saveRound(r.round);
    await this.audit(r.events);
    const rode = r.round.rodeDraad.find((x) => x.questionId === questionId)!;
    const question = r.round.questions.find((x) => x.id === questionId)!;
    const line: Outgoing = {
      to: { kind: 'channel', aanpakId: aanpak.id },
      card: renderRodeDraadCard({ aanpakName: aanpak.name, questionId, questionText: question.text, text: rode.text }),
      aanpakId: aanpak.id,
      label: `rode draad ${questionId}`,
      contents: [{ ref: `${round.id}:rode_draad:${questionId}`, kind: 'rode_draad', level: rode.level, text: rode.text, authorId: me.id }],
    };
    const notice = renderNoticeCard({
      title: `Rode draad · ${questionId}`,
      message: 'Opgeslagen en naar het kanaal gestuurd. Houden de deelregels hem tegen, dan hoor je waarom.',
    });
    return { out: [line], invoke: reply(notice, 'rode draad saved') };
  }

  // ---- namenlijst and actions -------------------------------------------------------------

  private async namenlijst(turn: Turn, name: string | undefined): Promise<HandlerResult> {
    const aanpak = await this.resolve(turn, name);
    return { out: [await this.namenlijstFor(turn, aanpak, this.member(aanpak, turn.actor))] };
  }

  /** The namenlijst as this viewer may see it here; one GateContent per shown member (persoon). */
  private async namenlijstFor(turn: Turn, aanpak: Aanpak, me: Participant, notice?: string): Promise<Outgoing> {
    const members = await this.store.listMembers(aanpak.id);
    const view = namenlijstView(members, me, aanpak);
    // NAW and management only in the regisseur's own 1:1 chat: a reply in the channel reaches everyone.
    const personal = turn.conversationType === 'personal';
    const showNaw = view.scope === 'naw' && personal;
    const shown = members.filter((m) => view.entries.some((e) => e.memberId === m.id));
    const briefLabel = informingLabel;
    const noticeText =
      notice ?? view.notice ?? (view.scope === 'naw' && !personal ? 'Adresgegevens en beheer vind je in je persoonlijke chat met de bot.' : undefined);
    const card = renderNamenlijstCard({
      ctx: this.ctx(aanpak),
      aanpakName: aanpak.name,
      showNaw,
      canManage: showNaw,
      ...(noticeText ? { notice: noticeText } : {}),
      members: view.entries.map((e) => ({
        id: e.memberId,
        naam: e.naam,
        ...(e.bijnamen ? { bijnamen: e.bijnamen } : {}),
        ...(e.positie ? { positie: e.positie } : {}),
        ...(showNaw && e.geboortedatum ? { geboortedatum: dateLabel(e.geboortedatum) } : {}),
        ...(showNaw && e.adres ? { adres: e.adres } : {}),
        ...(showNaw && e.woonplaats ? { woonplaats: e.woonplaats } : {}),
        ...(showNaw ? { briefLabel: briefLabel(e.informing), informing: e.informing?.status ?? 'open' } : {}),
      })),
    });
    return reply(card, 'namenlijst', aanpak.id, shown.map((m) => this.memberContent(m, this.namenlijstAuthor(aanpak, me))));
  }

  /** The author of the namenlijst is the procesregisseur: partners receive it through the gate. */
  private namenlijstAuthor(aanpak: Aanpak, fallback: Participant): string {
    return (activeParticipants(aanpak).find((p) => p.role === 'procesregisseur') ?? fallback).id;
  }

  private async loadMember(aanpak: Aanpak, data: Data): Promise<Member> {
    const member = await this.store.getMember(aanpak.id, reqId(data, 'memberId'));
    if (!member || member.removedAt) throw new UserError('Deze jongere staat niet (meer) op de namenlijst.');
    return member;
  }

  /** Saves a member change, audits it, and answers with the refreshed namenlijst for the clicker. */
  private async saveMemberChange(turn: Turn, aanpak: Aanpak, me: Participant, r: { member: Member; events: AuditEvent[] }, notice: string): Promise<HandlerResult> {
    if (r.events.length) {
      await this.store.saveMember(r.member);
      await this.audit(r.events);
      await this.deps.afterChange?.(aanpak.id);
    }
    return { out: [], invoke: await this.namenlijstFor(turn, aanpak, me, r.events.length ? notice : 'Niets gewijzigd.') };
  }

  private async memberAdd(turn: Turn, data: Data): Promise<HandlerResult> {
    const aanpak = await this.load(data.aanpakId);
    const me = this.regisseur(aanpak, turn.actor);
    const text = (field: MemberField) => optText(data, MEMBER_INPUTS[field])?.trim() || undefined;
    const r = addMember(
      aanpak,
      await this.store.listMembers(aanpak.id),
      {
        naam: text('naam') ?? '',
        bijnamen: splitList(text('bijnamen')),
        ...(text('geboortedatum') ? { geboortedatum: text('geboortedatum') } : {}),
        ...(text('adres') ? { adres: text('adres') } : {}),
        ...(text('woonplaats') ? { woonplaats: text('woonplaats') } : {}),
        positie: text('positie') as 'kern' | 'schil',
        bron: text('bron') as 'groepsscan' | 'partner',
        by: me.id,
      },
      this.deps.env,
    );
    return this.saveMemberChange(turn, aanpak, me, r, 'Toegevoegd. Vergeet de informatiebrief niet (R-2B-8).');
  }

  private async memberInforming(turn: Turn, data: Data): Promise<HandlerResult> {
    const aanpak = await this.load(data.aanpakId);
    const me = this.regisseur(aanpak, turn.actor);
    const member = await this.loadMember(aanpak, data);
    let cmd: InformingCommand;
    if (data.status === 'uitgereikt') cmd = { status: 'uitgereikt', date: optText(data, informingDateInputId(member.id))?.trim() ?? '' };
    else if (data.status === 'uitgesteld') cmd = { status: 'uitgesteld', reason: optText(data, informingReasonInputId(member.id)) ?? '' };
    else throw new UserError(BAD_INPUT);
    const r = recordInforming(member, cmd, me.id, this.deps.env, aanpak);
    return this.saveMemberChange(turn, aanpak, me, r, cmd.status === 'uitgereikt' ? 'Uitreiking van de brief vastgelegd.' : 'Uitstel vastgelegd, met de reden.');
  }

  private async memberRemove(turn: Turn, data: Data): Promise<HandlerResult> {
    const aanpak = await this.load(data.aanpakId);
    const me = this.regisseur(aanpak, turn.actor);
    const member = await this.loadMember(aanpak, data);
    const r = removeMember(member, optText(data, removeReasonInputId(member.id)) ?? '', me.id, this.deps.env, aanpak);
    return this.saveMemberChange(turn, aanpak, me, r, 'Van de namenlijst gehaald. De gegevens worden volgens de bewaartermijn vernietigd.');
  }

  /** Rectificatie: only fields present in the submitted form change; an emptied optional field is cleared. */
  private async memberRectify(turn: Turn, data: Data): Promise<HandlerResult> {
    const aanpak = await this.load(data.aanpakId);
    const me = this.regisseur(aanpak, turn.actor);
    const member = await this.loadMember(aanpak, data);
    const field = (f: MemberField) => optText(data, rectifyInputId(f, member.id));
    const changes: MemberChanges = {};
    const naam = field('naam');
    if (naam !== undefined) changes.naam = naam;
    const bijnamen = field('bijnamen');
    if (bijnamen !== undefined) changes.bijnamen = splitList(bijnamen);
    for (const f of ['geboortedatum', 'adres', 'woonplaats'] as const) {
      const v = field(f);
      if (v !== undefined) changes[f] = v.trim() ? v.trim() : null;
    }
    const positie = field('positie');
    if (positie !== undefined) changes.positie = positie as 'kern' | 'schil';
    const r = updateMember(aanpak, await this.store.listMembers(aanpak.id), { memberId: member.id, changes, by: me.id }, this.deps.env);
    return this.saveMemberChange(turn, aanpak, me, r, 'Correctie opgeslagen.');
  }

  /** The rectify form (NAW): only for the regisseur, only in their 1:1 chat. */
  private async rectifyCard(turn: Turn, aanpak: Aanpak, data: Data): Promise<Outgoing> {
    const me = this.regisseur(aanpak, turn.actor);
    if (turn.conversationType !== 'personal') throw new UserError('Corrigeren kan in je persoonlijke chat met de bot.');
    const member = await this.loadMember(aanpak, data);
    const card = renderMemberRectifyCard({
      ctx: this.ctx(aanpak),
      aanpakName: aanpak.name,
      memberId: member.id,
      naam: member.naam,
      bijnamen: member.bijnamen,
      ...(member.geboortedatum ? { geboortedatum: member.geboortedatum } : {}),
      ...(member.adres ? { adres: member.adres } : {}),
      ...(member.woonplaats ? { woonplaats: member.woonplaats } : {}),
      positie: member.positie,
      informing: member.informing.status,
      briefLabel: informingLabel(member.informing),
    });
    return reply(card, 'member rectify', aanpak.id, [this.memberContent(member, this.namenlijstAuthor(aanpak, me))]);
  }

  private actionView(aanpak: Aanpak, viewer: Participant, title: string, list: ReturnType<typeof actionsFor>) {
    const today = this.now().slice(0, 10);
    const overdue = new Set(overdueActions(list, today).map((a) => a.id));
    const card = renderActionCard({
      ctx: this.ctx(aanpak),
      aanpakName: aanpak.name,
      title,
      actions: list.map((a) => {
        const owner = a.ownerParticipantId ? findParticipant(aanpak, a.ownerParticipantId) : undefined;
        return {
          id: a.id,
          text: a.text,
          ownerLabel: owner ? `${owner.displayName} (${organisationLabel(a.ownerOrganisation)})` : organisationLabel(a.ownerOrganisation),
          ...(a.due ? { dueLabel: dateLabel(a.due) } : {}),
          spoorLabel: SPOOR_LABELS[a.spoor],
          status: a.status,
          ...(a.result ? { result: a.result } : {}),
          overdue: overdue.has(a.id),
          canUpdate: a.status === 'open' && (isRegisseur(aanpak, viewer.id) || a.ownerParticipantId === viewer.id || (!a.ownerParticipantId && a.ownerOrganisation === viewer.organisation)),
        };
      }),
    });
    const contents: GateContent[] = list.map((a) => ({ ref: `action:${a.id}`, kind: 'action', level: a.level, text: [a.text, a.result].filter(Boolean).join(' '), authorId: a.createdBy }));
    return { card, contents };
  }

  private async acties(turn: Turn, name: string | undefined): Promise<HandlerResult> {
    const aanpak = await this.resolve(turn, name);
    return this.actiesFor(aanpak, this.member(aanpak, turn.actor));
  }

  private async actiesFor(aanpak: Aanpak, me: Participant): Promise<HandlerResult> {
    const list = await this.store.listActions(aanpak.id);
    const { card, contents } = this.actionView(aanpak, me, 'Acties', list.filter((a) => a.status !== 'vervallen'));
    return { out: [reply(card, 'acties', aanpak.id, contents)] };
  }

  private async mijnTaken(turn: Turn): Promise<HandlerResult> {
    const all = (await this.store.findAanpakkenByParticipant(turn.actor.aadObjectId)).filter((a) => isStep(a.state));
    if (all.length === 0) throw new UserError('Je hebt geen open taken: je doet nog niet mee aan een lopende aanpak.');
    const out: Outgoing[] = [];
    for (const aanpak of all) {
      const me = this.member(aanpak, turn.actor);
      const rounds = (await this.store.listRounds(aanpak.id)).filter((r) => r.status === 'open' && r.invitees.includes(me.id));
      for (const r of rounds) {
        const to = { kind: 'direct' as const, aanpakId: aanpak.id, participantId: me.id };
        out.push(this.roundInvitation(aanpak, r, me, await this.store.getAnswer(r.id, me.id), to));
      }
      const mine = actionsFor(await this.store.listActions(aanpak.id), me);
      if (mine.length) {
        const { card, contents } = this.actionView(aanpak, me, 'Mijn taken', mine);
        out.push({ to: { kind: 'direct', aanpakId: aanpak.id, participantId: me.id }, card, aanpakId: aanpak.id, label: 'mijn taken', contents });
      }
    }
    if (out.length === 0) throw new UserError('Je hebt op dit moment geen open rondes of acties.');
    return { out };
  }

  private async actionUpdate(turn: Turn, data: Record<string, unknown>, done: boolean): Promise<HandlerResult> {
    const aanpak = await this.load(data.aanpakId);
    const me = this.member(aanpak, turn.actor);
    const actionId = reqId(data, 'actionId');
    const action = await this.store.getAction(aanpak.id, actionId);
    if (!action) throw new UserError('Deze actie bestaat niet (meer).');
    const result = optText(data, resultInputId(actionId));
    const r = updateActionStatus(
      action,
      { status: done ? 'gedaan' : action.status, ...(result?.trim() ? { result } : {}), by: me.id },
      aanpak,
      this.deps.env,
      createScreener(await this.store.listMembers(aanpak.id)),
    );
    await this.store.saveAction(r.action);
    await this.audit(r.events);
    await this.deps.afterChange?.(aanpak.id);
    const list = actionsFor(await this.store.listActions(aanpak.id), me, { includeClosed: true });
    const { card, contents } = this.actionView(aanpak, me, 'Mijn taken', list);
    return { out: [], invoke: reply(card, 'action updated', aanpak.id, contents) };
  }

  /** Creates an action (used by the plan and huiswerk flows; exposed for tests and later cards). */
  async createActionFor(aanpakId: string, actor: Actor, input: Omit<Parameters<typeof createAction>[1], 'by'>) {
    const aanpak = await this.load(aanpakId);
    const me = this.regisseur(aanpak, actor);
    const r = createAction(aanpak, { ...input, by: me.id }, createScreener(await this.store.listMembers(aanpak.id)), this.deps.env);
    await this.store.saveAction(r.action);
    await this.audit(r.events);
    await this.deps.afterChange?.(aanpak.id);
    return r.action;
  }

  // ---- weighing -----------------------------------------------------------------------------

  weighingCard(aanpak: Aanpak, subjectRef: string, subjectLabel: string): CardAttachment {
    return renderWeighingConfirmCard({ ctx: this.ctx(aanpak), subjectRef, subjectLabel });
  }

  private async confirmWeighing(turn: Turn, data: Record<string, unknown>): Promise<HandlerResult> {
    const aanpak = await this.load(data.aanpakId);
    const me = this.member(aanpak, turn.actor);
    const saved = await this.commit(
      aanpak,
      recordWeighing(
        aanpak,
        {
          participantId: me.id,
          subjectRef: reqId(data, 'subjectRef'),
          doelmatigheid: optText(data, 'doelmatigheid') ?? '',
          subsidiariteit: optText(data, 'subsidiariteit') ?? '',
          proportionaliteit: optText(data, 'proportionaliteit') ?? '',
        },
        this.deps.env,
      ),
    );
    return {
      out: [],
      invoke: reply(renderNoticeCard({ message: 'Je afweging is vastgelegd. Wat je deelt gaat nu door de poort.' }), 'weighing recorded', saved.id, [groupContent(saved, `weighing:${saved.id}`, 'status', me.id)]),
    };
  }

  // ---- refresh ------------------------------------------------------------------------------

  private async refresh(turn: Turn, data: Record<string, unknown>): Promise<HandlerResult> {
    const aanpak = await this.load(data.aanpakId);
    const me = this.member(aanpak, turn.actor);
    if (data.card === 'flipover') {
      if (!isRegisseur(aanpak, me.id)) throw new UserError('Deze kaart ververs ik alleen voor de procesregisseur.');
      return this.flipoverForRegisseur(aanpak, me, data);
    }
    if (data.roundId !== undefined) {
      const round = await this.loadRound(aanpak, data.roundId);
      if (isRegisseur(aanpak, me.id) && !round.invitees.includes(me.id)) {
        return { out: [], invoke: this.progressCard(aanpak, round, await this.store.listAnswers(round.id), me, { kind: 'reply' }) };
      }
      return { out: [], invoke: this.roundInvitation(aanpak, round, me, await this.store.getAnswer(round.id, me.id), { kind: 'reply' }) };
    }
    return { out: [], invoke: this.stepCard(aanpak, me.id, { kind: 'reply' }, me) };
  }

  // ---- stale cards and card.open ---------------------------------------------------------

  /**
   * A card whose action depends on the step (transition, checklist tick) carries the step it was
   * rendered in; once the aanpak moved on, the card is refused. Cards without it fall back to the
   * version (transition only: any change may alter what the card showed).
   */
  private requireSameStep(aanpak: Aanpak, data: Data, key: 'from' | 'step', again: string): void {
    const v = data[key];
    if (v === undefined) {
      if (key === 'from' && typeof data.version === 'number' && data.version !== aanpak.version) {
        throw new UserError(`Deze kaart is verouderd: de aanpak is intussen gewijzigd. ${again}`);
      }
      return;
    }
    if (typeof v !== 'string') throw new UserError(BAD_INPUT);
    if (v !== aanpak.state) {
      const now = isStep(aanpak.state) ? `staat nu in stap ${aanpak.state}` : `is nu ${stateLabel(aanpak.state).toLowerCase()}`;
      throw new UserError(`Deze kaart is verouderd: ze hoort bij stap ${v} en de aanpak ${now}. ${again}`);
    }
  }

  /** card.open: the same cards as the commands, by aanpak id, as the clicker's replacement card. */
  private async open(turn: Turn, data: Data): Promise<HandlerResult> {
    const which = data.card;
    if (typeof which !== 'string' || !(OPEN_CARDS as readonly string[]).includes(which)) {
      throw new UserError('Deze kaart ken ik niet (meer). Typ help voor wat ik kan.');
    }
    const aanpak = await this.load(data.aanpakId);
    const me = this.member(aanpak, turn.actor);
    const first = (r: HandlerResult): HandlerResult => ({ out: [], invoke: r.out[0]! });
    switch (which as OpenCard) {
      case 'checklist':
        return first(this.checklistFor(aanpak, me));
      case 'transition':
        if (!isRegisseur(aanpak, me.id)) throw new UserError('Dit kan alleen de procesregisseur.');
        return first(this.transitionFor(aanpak, me));
      case 'actions':
        return first(await this.actiesFor(aanpak, me));
      case 'status':
        return first(await this.statusFor(aanpak, me));
      case 'namenlijst':
        return { out: [], invoke: await this.namenlijstFor(turn, aanpak, me) };
      case 'deelnemers':
        return first(await this.deelnemersFor(aanpak, me));
      case 'member':
        return { out: [], invoke: await this.rectifyCard(turn, aanpak, data) };
      case 'round':
        reqId(data, 'roundId');
        return this.refresh(turn, data);
    }
  }

  // ---- card actions -----------------------------------------------------------------------

  /** Dispatches a card action (Action.Execute verb or Action.Submit data.verb). */
  async handleAction(turn: Turn, verb: string, rawData: unknown, roster: RosterMember[] = []): Promise<HandlerResult> {
    try {
      // Forged or broken payloads: anything but a plain object carries no usable data.
      const data: Data = rawData && typeof rawData === 'object' && !Array.isArray(rawData) ? (rawData as Data) : {};
      if (data.version !== undefined && typeof data.version !== 'number') throw new UserError(BAD_INPUT);
      const nonce = typeof data.nonce === 'string' ? data.nonce : undefined;
      // Double clicks and Teams retries: the same submission (same card, verb and inputs) changes
      // nothing twice; a corrected resubmission after an error has other inputs and goes through.
      const key = nonce ? `card:${nonce}:${verb}:${submissionDigest(data)}:${turn.actor.aadObjectId}` : undefined;
      switch (verb) {
        case VERBS.roundDraft:
          return await this.answer(turn, data, false);
        case VERBS.roundSubmit:
          return await this.answer(turn, data, true, key);
        case VERBS.refresh:
          return await this.refresh(turn, data);
        case VERBS.open:
          return await this.open(turn, data);
        default:
          break;
      }
      if (key && !(await this.store.markProcessed(key))) {
        return { out: [], invoke: reply(renderErrorCard({ message: 'Dit is al verwerkt.' }), 'duplicate') };
      }
      switch (verb) {
        case VERBS.transitionApply:
          return await this.applyTransition(turn, data);
        case VERBS.checklistTick:
          return await this.tick(turn, data);
        case VERBS.roundClose:
          return await this.closeAndPublish(turn, data);
        case VERBS.rodeDraadSave:
          return await this.saveRodeDraad(turn, data);
        case VERBS.participantAdd:
          return await this.addDeelnemer(turn, data, roster);
        case VERBS.participantRemove:
          return await this.removeDeelnemer(turn, data);
        case VERBS.participantGeheimhouding:
          return await this.recordGeheimhoudingFor(turn, data);
        case VERBS.memberAdd:
          return await this.memberAdd(turn, data);
        case VERBS.memberInforming:
          return await this.memberInforming(turn, data);
        case VERBS.memberRemove:
          return await this.memberRemove(turn, data);
        case VERBS.memberRectify:
          return await this.memberRectify(turn, data);
        case VERBS.actionDone:
          return await this.actionUpdate(turn, data, true);
        case VERBS.actionResult:
          return await this.actionUpdate(turn, data, false);
        case VERBS.weighingConfirm:
          return await this.confirmWeighing(turn, data);
        case VERBS.transitionCancel:
        case VERBS.weighingCancel:
          return { out: [], invoke: reply(renderNoticeCard({ message: 'Geannuleerd.' }), 'cancelled') };
        default:
          return { out: [], invoke: reply(renderErrorCard({ message: 'Deze knop ken ik niet (meer). Typ help voor wat ik kan.' }), 'error') };
      }
    } catch (err) {
      const r = this.fail(err);
      return { out: [], invoke: r.out[0]! };
    }
  }
}
