// Card rendering: view model → binding (escaped texts, action data) → template expansion → fallbacks.
// Templates live in ./templates/*.json (Adaptive Cards 1.5, adaptivecards-templating syntax).

import { Template } from 'adaptivecards-templating';
import type { ScaleValue } from '../workflow/types.js';
import {
  addSubmitFallbacks,
  answerInputId,
  baseData,
  geheimhoudingInputId,
  informingDateInputId,
  informingReasonInputId,
  NO,
  rectifyInputId,
  removeReasonInputId,
  resultInputId,
  scaleInputId,
  toelichtingInputId,
  transitionChoiceValue,
  YES,
  type ActionData,
} from './actions.js';
import { escapeMarkdown } from './escape.js';
import type {
  ActionCardView,
  AnswerStatus,
  CardContext,
  ChecklistCardView,
  DeelnemersView,
  DuidingAnswerView,
  DuidingResultView,
  ErrorView,
  FlipoverView,
  GateDeniedView,
  HelpView,
  MemberRectifyView,
  NamenlijstView,
  NoticeView,
  OverviewView,
  RefreshView,
  ReminderView,
  RodeDraadView,
  RoundCardView,
  StatusView,
  StepCardView,
  TransitionCardView,
  WeighingConfirmView,
  WhoAnsweredView,
} from './views.js';

import actionsTemplate from './templates/actions.json' with { type: 'json' };
import checklistTemplate from './templates/checklist.json' with { type: 'json' };
import deelnemersTemplate from './templates/deelnemers.json' with { type: 'json' };
import duidingAnswerTemplate from './templates/duiding-answer.json' with { type: 'json' };
import duidingResultTemplate from './templates/duiding-result.json' with { type: 'json' };
import errorTemplate from './templates/error.json' with { type: 'json' };
import flipoverTemplate from './templates/flipover.json' with { type: 'json' };
import gateDeniedTemplate from './templates/gate-denied.json' with { type: 'json' };
import helpTemplate from './templates/help.json' with { type: 'json' };
import memberRectifyTemplate from './templates/member-rectify.json' with { type: 'json' };
import namenlijstNamenTemplate from './templates/namenlijst-namen.json' with { type: 'json' };
import namenlijstNawTemplate from './templates/namenlijst-naw.json' with { type: 'json' };
import noticeTemplate from './templates/notice.json' with { type: 'json' };
import overviewTemplate from './templates/overview.json' with { type: 'json' };
import reminderTemplate from './templates/reminder.json' with { type: 'json' };
import rodeDraadTemplate from './templates/rode-draad.json' with { type: 'json' };
import roundTemplate from './templates/round.json' with { type: 'json' };
import statusTemplate from './templates/status.json' with { type: 'json' };
import stepTemplate from './templates/step.json' with { type: 'json' };
import transitionTemplate from './templates/transition.json' with { type: 'json' };
import weighingTemplate from './templates/weighing.json' with { type: 'json' };
import whoAnsweredTemplate from './templates/who-answered.json' with { type: 'json' };

export * from './views.js';
export * from './actions.js';
export { escapeMarkdown, unescapeMarkdown } from './escape.js';

export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

/** What botbuilder's `Attachment` expects for an Adaptive Card. */
export interface CardAttachment {
  contentType: typeof ADAPTIVE_CARD_CONTENT_TYPE;
  content: Record<string, unknown>;
}

/** Parsed once at module load; expand() does not mutate the prepared template. */
function compile(json: object): (binding: object) => CardAttachment {
  const template = new Template(json);
  return (binding) => {
    const expanded = template.expand({ $root: binding }) as Record<string, unknown>;
    return { contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: addSubmitFallbacks(expanded) as Record<string, unknown> };
  };
}

const md = escapeMarkdown;

/** Binding fields for an optional per-user refresh. */
function refreshBinding(ctx: CardContext, card: string, refresh: RefreshView | undefined, extra: ActionData = {}) {
  return {
    hasRefresh: refresh !== undefined && refresh.userIds.length > 0,
    refreshData: baseData(ctx, { card, ...extra }),
    refreshUserIds: refresh?.userIds ?? [],
  };
}

/** The catalog's privacy line may already start with "In deze stap:"; the card adds it itself. */
function stripInDezeStap(line: string): string {
  return line.replace(/^\s*in deze stap:\s*/i, '');
}

// ---- Step ---------------------------------------------------------------------------------

const stepCard = compile(stepTemplate);

export function renderStepCard(view: StepCardView): CardAttachment {
  return stepCard({
    ...refreshBinding(view.ctx, 'step', view.refresh),
    title: md(`Stap ${view.step} · ${view.stepName}`),
    aanpakName: md(view.aanpakName),
    goal: md(view.goal),
    privacyLine: md(stripInDezeStap(view.privacyLine)),
    hasChecklist: view.checklist.length > 0,
    checklist: view.checklist.map((item) => ({
      icon: item.done ? '✔' : '☐',
      text: md(item.text),
      ownerLabel: md(item.ownerLabel),
      requiredMark: item.required ? ' (verplicht)' : '',
    })),
    hasQuestions: view.questions.length > 0,
    questions: view.questions.map((q) => ({ text: md(q) })),
    checklistData: baseData(view.ctx, { card: 'checklist' }),
    canManage: view.canManage === true,
    transitionData: baseData(view.ctx, { card: 'transition' }),
  });
}

// ---- Transition ---------------------------------------------------------------------------

const transitionCard = compile(transitionTemplate);

const yesNo = (b: boolean | undefined): string => (b === undefined ? '' : b ? YES : NO);

export function renderTransitionCard(view: TransitionCardView): CardAttachment {
  const d = view.decisions;
  return transitionCard({
    aanpakName: md(view.aanpakName),
    fromLabel: md(view.fromLabel),
    // ChoiceSet titles are plain text, not markdown: no escaping.
    choices: [
      ...view.targets.map((t) => ({ title: t.label, value: transitionChoiceValue({ to: t.value }) })),
      ...view.exits.map((e) => ({ title: `Exit: ${e.label}`, value: transitionChoiceValue({ exit: e.value }) })),
    ],
    has2A: d['2A'] !== undefined,
    problematisch: yesNo(d['2A']?.problematisch),
    has4: d['4'] !== undefined,
    geprioriteerd: yesNo(d['4']?.geprioriteerd),
    datum: d['4']?.datum ?? '',
    randvoorwaarden: d['4']?.randvoorwaarden ?? '',
    has7: d['7'] !== undefined,
    doelenBereikt: yesNo(d['7']?.doelenBereikt),
    resterendeActiesBelegd: yesNo(d['7']?.resterendeActiesBelegd),
    decisionText: view.decisionTextDraft ?? '',
    hasOpenRequired: view.openRequired.length > 0,
    openRequired: view.openRequired.map((i) => ({ text: md(i.text), ownerLabel: md(i.ownerLabel) })),
    applyData: baseData(view.ctx, { from: view.from, openRequired: view.openRequired.map((i) => i.id).join(',') }),
    cancelData: baseData(view.ctx),
  });
}

// ---- Checklist ----------------------------------------------------------------------------

const checklistCard = compile(checklistTemplate);

export function renderChecklistCard(view: ChecklistCardView): CardAttachment {
  return checklistCard({
    ...refreshBinding(view.ctx, 'checklist', view.refresh),
    title: md(`Checklist stap ${view.step} · ${view.stepName}`),
    aanpakName: md(view.aanpakName),
    doneCount: view.items.filter((i) => i.done).length,
    total: view.items.length,
    items: view.items.map((item) => ({
      icon: item.done ? '✔' : '☐',
      text: md(item.text),
      detail: md(
        [item.ownerLabel, item.required ? 'verplicht' : undefined, item.done ? item.doneLabel : undefined]
          .filter((x): x is string => x !== undefined && x !== '')
          .join(' · '),
      ),
      canTick: item.canTick === true,
      tickTitle: item.done ? 'Terugzetten' : 'Afvinken',
      // The step lets the bot refuse a tick from a card of an earlier step.
      tickData: baseData(view.ctx, { itemId: item.id, done: !item.done, step: view.step }),
    })),
  });
}

// ---- Rounds -------------------------------------------------------------------------------

const STATUS_LABELS: Record<AnswerStatus, string> = {
  nog_niet: 'nog niet ingevuld',
  concept: 'concept opgeslagen',
  verstuurd: 'verstuurd',
};

const roundCard = compile(roundTemplate);

export function renderRoundCard(view: RoundCardView): CardAttachment {
  const editable = !view.closed;
  return roundCard({
    ...refreshBinding(view.ctx, 'round', view.refresh, { roundId: view.roundId }),
    title: md(view.kindLabel),
    aanpakName: md(view.aanpakName),
    statusLabel: STATUS_LABELS[view.status],
    deadlineLabel: md(view.deadlineLabel),
    closed: view.closed,
    questions: view.questions.map((q) => ({
      id: md(q.id),
      text: md(q.text),
      byRole: q.byRole === true,
      editable,
      inputId: answerInputId(q.id),
      placeholder: q.placeholder ?? (q.byRole ? 'Je antwoord, in rollen' : 'Je antwoord'),
      // Input values are plain text: never escaped, or drafts would collect backslashes.
      draft: q.draft ?? '',
      answerText: q.draft !== undefined && q.draft.trim() !== '' ? md(q.draft) : '—',
    })),
    draftData: baseData(view.ctx, { roundId: view.roundId }),
    submitData: baseData(view.ctx, { roundId: view.roundId }),
  });
}

const whoAnsweredCard = compile(whoAnsweredTemplate);

const WHO_LABELS: Record<AnswerStatus, { label: string; color: string }> = {
  verstuurd: { label: '✔ verstuurd', color: 'Good' },
  concept: { label: 'concept', color: 'Warning' },
  nog_niet: { label: 'nog niet', color: 'Default' },
};

/** Who has answered: names and status only, never content. */
export function renderWhoAnsweredCard(view: WhoAnsweredView): CardAttachment {
  return whoAnsweredCard({
    kindLabel: md(view.kindLabel),
    aanpakName: md(view.aanpakName),
    deadlineLabel: md(view.deadlineLabel),
    submitted: view.invitees.filter((i) => i.status === 'verstuurd').length,
    total: view.invitees.length,
    invitees: view.invitees.map((i) => ({
      name: md(i.name),
      organisationLabel: md(i.organisationLabel),
      statusLabel: WHO_LABELS[i.status].label,
      statusColor: WHO_LABELS[i.status].color,
    })),
    canClose: view.canClose === true,
    closeData: baseData(view.ctx, { roundId: view.roundId }),
  });
}

const flipoverCard = compile(flipoverTemplate);

export function renderFlipoverCard(view: FlipoverView): CardAttachment {
  const groups = view.groups.filter((g) => g.items.length > 0);
  const rodeDraad = view.rodeDraad?.trim() ?? '';
  return flipoverCard({
    ...refreshBinding(view.ctx, 'flipover', view.refresh, { roundId: view.roundId, questionId: view.questionId }),
    questionId: md(view.questionId),
    aanpakName: md(view.aanpakName),
    questionText: md(view.questionText),
    hasGroups: groups.length > 0,
    groups: groups.map((g) => ({
      organisationLabel: md(g.organisationLabel),
      items: g.items.map((text) => ({ text: md(text) })),
    })),
    heldBack: view.heldBack
      .filter((h) => h.count > 0)
      .map((h) => ({ line: md(`${h.count} ${h.count === 1 ? 'item' : 'items'} achtergehouden: ${h.reason}`) })),
    rodeDraadText: rodeDraad !== '' ? md(rodeDraad) : 'Nog niet vastgelegd.',
    canEdit: view.canEditRodeDraad === true,
    rodeDraadValue: view.rodeDraad ?? '',
    saveData: baseData(view.ctx, { roundId: view.roundId, questionId: view.questionId }),
  });
}

const rodeDraadCard = compile(rodeDraadTemplate);

/** One rode draad as a channel line, after the procesregisseur saved it. */
export function renderRodeDraadCard(view: RodeDraadView): CardAttachment {
  return rodeDraadCard({
    questionId: md(view.questionId),
    aanpakName: md(view.aanpakName),
    questionText: md(view.questionText),
    text: md(view.text),
  });
}

// ---- Duiding ------------------------------------------------------------------------------

const duidingAnswerCard = compile(duidingAnswerTemplate);

export function renderDuidingAnswerCard(view: DuidingAnswerView): CardAttachment {
  const editable = !view.closed;
  return duidingAnswerCard({
    ...refreshBinding(view.ctx, 'duiding', view.refresh, { roundId: view.roundId }),
    aanpakName: md(view.aanpakName),
    statusLabel: STATUS_LABELS[view.status],
    deadlineLabel: md(view.deadlineLabel),
    closed: view.closed,
    choiceStyle: view.choiceStyle,
    pijlers: view.pijlers
      .filter((p) => p.items.length > 0)
      .map((p) => ({
        name: md(p.name),
        items: p.items.map((item) => ({
          id: md(item.id),
          text: md(item.text),
          hasHelp: item.help !== undefined && item.help !== '',
          help: md(item.help ?? ''),
          editable,
          scaleId: scaleInputId(item.id),
          toelichtingId: toelichtingInputId(item.id),
          draft: item.draft ?? '',
          toelichtingValue: item.toelichting ?? '',
          answerLabel: item.draft ?? '—',
          hasToelichting: item.toelichting !== undefined && item.toelichting.trim() !== '',
          toelichtingText: md(item.toelichting ?? ''),
        })),
      })),
    draftData: baseData(view.ctx, { roundId: view.roundId }),
    submitData: baseData(view.ctx, { roundId: view.roundId }),
  });
}

/** "niet 1 · 1: 0 · 2: 2 · 3: 1 · sterk 0 · onbekend 1" */
export function distributionLine(d: Record<ScaleValue, number>): string {
  return `niet ${d.niet} · 1: ${d['1']} · 2: ${d['2']} · 3: ${d['3']} · sterk ${d.sterk} · onbekend ${d.onbekend}`;
}

const duidingResultCard = compile(duidingResultTemplate);

export function renderDuidingResultCard(view: DuidingResultView): CardAttachment {
  const huiswerkTotal = view.items.reduce((n, i) => n + i.huiswerk, 0);
  return duidingResultCard({
    pijler: md(view.pijler),
    aanpakName: md(view.aanpakName),
    hasItems: view.items.length > 0,
    items: view.items.map((i) => ({
      id: md(i.id),
      text: md(i.text),
      distribution: distributionLine(i.distribution),
      disagreement: i.disagreement,
      huiswerk: i.huiswerk,
      huiswerkLabel: `Huiswerk: ${i.huiswerk} × onbekend`,
    })),
    huiswerkTotal,
    huiswerkNoun: huiswerkTotal === 1 ? 'actie' : 'acties',
  });
}

// ---- Namenlijst ---------------------------------------------------------------------------

const namenlijstNawCard = compile(namenlijstNawTemplate);
const namenlijstNamenCard = compile(namenlijstNamenTemplate);

/**
 * Two separate templates: without showNaw, NAW fields are not even put into the binding, so a
 * view that accidentally carries them cannot leak them. Management (canManage) needs showNaw.
 */
export function renderNamenlijstCard(view: NamenlijstView): CardAttachment {
  const naamMetBijnamen = (m: { naam: string; bijnamen?: string[] }): string =>
    md(m.bijnamen && m.bijnamen.length > 0 ? `${m.naam} (${m.bijnamen.join(', ')})` : m.naam);
  const notice = view.notice?.trim() ?? '';
  const common = {
    aanpakName: md(view.aanpakName),
    hasNotice: notice !== '',
    notice: md(notice),
    hasMembers: view.members.length > 0,
  };
  if (!view.showNaw) {
    return namenlijstNamenCard({ ...common, members: view.members.map((m) => ({ naam: naamMetBijnamen(m) })) });
  }
  const canManage = view.canManage === true;
  return namenlijstNawCard({
    ...common,
    canManage,
    addData: baseData(view.ctx),
    // One picker + one button instead of buttons per member keeps the card small (Teams caps a
    // message at ~28 KB); the member card holds correcting, informing and removing.
    manageData: baseData(view.ctx, { card: 'member' }),
    members: view.members.map((m) => {
      const id = m.id ?? '';
      return {
        naam: naamMetBijnamen(m),
        geboortedatum: md(m.geboortedatum ?? '—'),
        adres: md([m.adres, m.woonplaats].filter((x) => x !== undefined && x !== '').join(', ') || '—'),
        positie: m.positie ?? '—',
        brief: md(m.briefLabel ?? '—'),
        // Choice titles are plain text in Adaptive Cards: no markdown escaping there.
        id,
        choiceTitle: m.naam,
      };
    }),
  });
}

const memberRectifyCard = compile(memberRectifyTemplate);

/** Rectificatie form; input values are plain text (not escaped). */
export function renderMemberRectifyCard(view: MemberRectifyView): CardAttachment {
  const id = view.memberId;
  return memberRectifyCard({
    naam: md(view.naam),
    aanpakName: md(view.aanpakName),
    naamId: rectifyInputId('naam', id),
    naamValue: view.naam,
    bijnamenId: rectifyInputId('bijnamen', id),
    bijnamenValue: view.bijnamen.join(', '),
    geboortedatumId: rectifyInputId('geboortedatum', id),
    geboortedatumValue: view.geboortedatum ?? '',
    adresId: rectifyInputId('adres', id),
    adresValue: view.adres ?? '',
    woonplaatsId: rectifyInputId('woonplaats', id),
    woonplaatsValue: view.woonplaats ?? '',
    positieId: rectifyInputId('positie', id),
    positieValue: view.positie,
    saveData: baseData(view.ctx, { memberId: id }),
    backData: baseData(view.ctx, { card: 'namenlijst' }),
    brief: md(view.briefLabel ?? 'open'),
    canInform: view.informing !== 'uitgereikt',
    dateId: informingDateInputId(id),
    postponeId: informingReasonInputId(id),
    removeId: removeReasonInputId(id),
    informedData: baseData(view.ctx, { memberId: id, status: 'uitgereikt' }),
    postponeData: baseData(view.ctx, { memberId: id, status: 'uitgesteld' }),
    removeData: baseData(view.ctx, { memberId: id }),
  });
}

// ---- Actions ------------------------------------------------------------------------------

const actionsCard = compile(actionsTemplate);

const ACTION_STATUS_LABELS: Record<ActionCardView['actions'][number]['status'], string> = {
  open: 'open',
  gedaan: 'gedaan',
  vervallen: 'vervallen',
};

export function renderActionCard(view: ActionCardView): CardAttachment {
  return actionsCard({
    title: md(view.title),
    aanpakName: md(view.aanpakName),
    hasActions: view.actions.length > 0,
    actions: view.actions.map((a) => {
      const facts = [
        { title: 'Eigenaar', value: md(a.ownerLabel) },
        ...(a.dueLabel ? [{ title: 'Deadline', value: md(a.dueLabel) }] : []),
        { title: 'Spoor', value: md(a.spoorLabel) },
        { title: 'Status', value: ACTION_STATUS_LABELS[a.status] },
        ...(a.result ? [{ title: 'Resultaat', value: md(a.result) }] : []),
      ];
      return {
        text: md(a.text),
        overdue: a.overdue === true && a.status === 'open',
        facts,
        canUpdate: a.canUpdate === true && a.status === 'open',
        doneData: baseData(view.ctx, { actionId: a.id }),
        resultId: resultInputId(a.id),
        resultValue: a.result ?? '',
        resultData: baseData(view.ctx, { actionId: a.id }),
      };
    }),
  });
}

// ---- Weighing (jongerenwerker, R-X-31) ----------------------------------------------------

/** The three questions of R-X-31, verbatim from the source (Bijlage E), including its "vertrekken". */
export const WEIGHING_QUESTIONS = {
  doelmatigheid:
    'doelmatigheid: draagt het verstrekken van de informatie bij aan het doel van het jongerenwerk en de rol die het jongerenwerk heeft?',
  subsidiariteit: 'subsidiariteit: is het vertrekken van informatie de enige manier om het doel te bereiken?',
  proportionaliteit: 'proportionaliteit: hoeveel informatie en met welk detail is nodig om het doel te bereiken?',
} as const;

const weighingCard = compile(weighingTemplate);

export function renderWeighingConfirmCard(view: WeighingConfirmView): CardAttachment {
  return weighingCard({
    subjectLabel: md(view.subjectLabel),
    labelDoelmatigheid: WEIGHING_QUESTIONS.doelmatigheid,
    labelSubsidiariteit: WEIGHING_QUESTIONS.subsidiariteit,
    labelProportionaliteit: WEIGHING_QUESTIONS.proportionaliteit,
    doelmatigheid: view.draft?.doelmatigheid ?? '',
    subsidiariteit: view.draft?.subsidiariteit ?? '',
    proportionaliteit: view.draft?.proportionaliteit ?? '',
    confirmData: baseData(view.ctx, { subjectRef: view.subjectRef }),
    cancelData: baseData(view.ctx, { subjectRef: view.subjectRef }),
  });
}

// ---- Error, help, status ------------------------------------------------------------------

const errorCard = compile(errorTemplate);

export function renderErrorCard(view: ErrorView): CardAttachment {
  const rules = view.ruleIds ?? [];
  return errorCard({
    message: md(view.message),
    hasRules: rules.length > 0,
    rulesLine: md(`${rules.length === 1 ? 'Regel' : 'Regels'}: ${rules.join(', ')}`),
  });
}

const noticeCard = compile(noticeTemplate);

/** A short confirmation for the user who acted. */
export function renderNoticeCard(view: NoticeView): CardAttachment {
  return noticeCard({ hasTitle: !!view.title, title: md(view.title ?? ''), message: md(view.message) });
}

const helpCard = compile(helpTemplate);

/** Lists exactly the commands in the view: the bot passes only what the user's role may do. */
export function renderHelpCard(view: HelpView): CardAttachment {
  return helpCard({
    hasRole: view.roleLabel !== undefined && view.roleLabel !== '',
    roleLabel: md(view.roleLabel ?? ''),
    hasCommands: view.commands.length > 0,
    commands: view.commands.map((c) => ({ command: md(c.command), description: md(c.description) })),
  });
}

const statusCard = compile(statusTemplate);

export function renderStatusCard(view: StatusView): CardAttachment {
  const facts: { title: string; value: string }[] = [
    { title: 'Stap', value: md(`${view.stepLabel} · ${view.stepName}`) },
  ];
  if (view.sinceLabel) facts.push({ title: 'Sinds', value: md(view.sinceLabel) });
  facts.push(
    { title: 'Deelnemers', value: String(view.participants) },
    { title: 'Checklist open', value: String(view.openChecklist) },
    { title: 'Acties open', value: String(view.openActions) },
  );
  if (view.overdueActions > 0) facts.push({ title: 'Te laat', value: `⚠ ${view.overdueActions}` });
  if (view.nextMomentLabel) facts.push({ title: 'Volgend moment', value: md(view.nextMomentLabel) });
  return statusCard({
    aanpakName: md(view.aanpakName),
    facts,
    hasRounds: view.openRounds.length > 0,
    openRounds: view.openRounds.map((r) => ({ label: md(r.label), deadlineLabel: md(r.deadlineLabel) })),
    checklistData: baseData(view.ctx, { card: 'checklist' }),
    actionsData: baseData(view.ctx, { card: 'actions' }),
  });
}

// ---- Deelnemers ---------------------------------------------------------------------------

const deelnemersCard = compile(deelnemersTemplate);

export function renderDeelnemersCard(view: DeelnemersView): CardAttachment {
  const unreachable = view.canManage ? view.participants.filter((p) => p.unreachable === true) : [];
  return deelnemersCard({
    aanpakName: md(view.aanpakName),
    hasParticipants: view.participants.length > 0,
    hasUnreachable: unreachable.length > 0,
    unreachableLine: md(
      `${unreachable.length === 1 ? '1 deelnemer is' : `${unreachable.length} deelnemers zijn`} nog niet bereikbaar in een persoonlijke chat: ${unreachable.map((p) => p.name).join(', ')}.`,
    ),
    participants: view.participants.map((p) => ({
      unreachable: view.canManage && p.unreachable === true,
      canRecord: view.canManage && p.canRecordGeheimhouding === true && !p.geheimhoudingLabel,
      geheimhoudingId: geheimhoudingInputId(p.id),
      geheimhoudingData: baseData(view.ctx, { participantId: p.id }),
      name: md(p.name),
      detail: md([p.organisationLabel, p.roleLabel, p.functie].filter((x) => x !== undefined && x !== '').join(' · ')),
      geheimhouding: p.geheimhoudingLabel
        ? md(`Geheimhouding: ${p.geheimhoudingLabel}`)
        : 'Geheimhouding: nog niet vastgelegd',
      geheimhoudingColor: p.geheimhoudingLabel ? 'Default' : 'Warning',
      // Convenantpartners need no verklaring here: only show it when recorded or required.
      showGeheimhouding: !!p.geheimhoudingLabel || p.needsGeheimhouding === true,
      canRemove: view.canManage && p.canRemove !== false,
      removeData: baseData(view.ctx, { participantId: p.id }),
    })),
    canManage: view.canManage,
    organisations: view.organisations.map((o) => ({ value: o.value, label: o.label })),
    roles: view.roles.map((r) => ({ value: r.value, label: r.label })),
    addData: baseData(view.ctx),
  });
}

// ---- Reminder and overview ----------------------------------------------------------------

const reminderCard = compile(reminderTemplate);

export const SNOOZE_DAYS = { day: 1, week: 7 } as const;

export function renderReminderCard(view: ReminderView): CardAttachment {
  const ids = { reminderId: view.reminderId };
  return reminderCard({
    title: md(view.title),
    text: md(view.text),
    late: view.late,
    hasWhen: view.whenLabel !== undefined && view.whenLabel !== '',
    whenLabel: md(view.whenLabel ?? ''),
    doneData: baseData(view.ctx, ids),
    snoozeDayData: baseData(view.ctx, { ...ids, days: SNOOZE_DAYS.day }),
    snoozeWeekData: baseData(view.ctx, { ...ids, days: SNOOZE_DAYS.week }),
    hasOpen: view.open !== undefined,
    openTitle: view.open?.title ?? '',
    openVerb: view.open?.verb ?? '',
    openData: baseData(view.ctx, view.open?.data ?? {}),
  });
}

const overviewCard = compile(overviewTemplate);

/** Rows in the order given: the caller sorts by urgency. */
export function renderOverviewCard(view: OverviewView): CardAttachment {
  const overdue = view.rows.reduce((n, r) => n + r.overdueActions, 0);
  return overviewCard({
    gemeente: md(view.gemeente),
    summary: `${view.rows.length} ${view.rows.length === 1 ? 'aanpak' : 'aanpakken'} · ${overdue} ${overdue === 1 ? 'actie' : 'acties'} te laat`,
    hasRows: view.rows.length > 0,
    rows: view.rows.map((r) => ({
      name: md(r.name),
      stepLabel: md(r.stepLabel),
      nextMoment: md(r.nextMomentLabel ?? '—'),
      overdueLabel: r.overdueActions > 0 ? `⚠ ${r.overdueActions}` : '0',
      overdueColor: r.overdueActions > 0 ? 'Attention' : 'Default',
      openRounds: String(r.openRounds),
      openData: { aanpakId: r.aanpakId, card: 'status' },
    })),
  });
}

// ---- Gate denied (1:1, to the author only) ------------------------------------------------

const gateDeniedCard = compile(gateDeniedTemplate);

/** 1:1 notice for the author only: it shows the fragments screening found in their own text. */
export function renderGateDeniedCard(view: GateDeniedView): CardAttachment {
  return gateDeniedCard({
    subjectLabel: md(view.subjectLabel),
    aanpakSuffix: view.aanpakName ? md(` in ${view.aanpakName}`) : '',
    hasFragments: view.fragments.length > 0,
    fragments: view.fragments.map((f) => ({ kindLabel: md(f.kindLabel), fragment: md(f.fragment) })),
    hasReasons: view.reasons.length > 0,
    reasons: view.reasons.map((r) => ({ message: md(r.message), ruleId: md(r.ruleId) })),
    hasEdit: view.edit !== undefined,
    editTitle: view.edit?.title ?? '',
    editVerb: view.edit?.verb ?? '',
    editData: view.edit?.data ?? {},
  });
}
