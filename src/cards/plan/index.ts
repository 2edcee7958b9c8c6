// Cards of the plan van aanpak, the exports and the rights of betrokkenen (issue 6).
// Same conventions as ../index.ts: view → escaped binding → template → Action.Submit fallbacks.
import { Template } from 'adaptivecards-templating';
import { addSubmitFallbacks, baseData, type ActionData } from '../actions.js';
import { escapeMarkdown as md } from '../escape.js';
import type { CardAttachment } from '../index.js';
import type { CardContext } from '../views.js';

import corrigeerTemplate from './corrigeer.json' with { type: 'json' };
import documentReadyTemplate from './document-ready.json' with { type: 'json' };
import heropenenTemplate from './heropenen.json' with { type: 'json' };
import inzageTemplate from './inzage.json' with { type: 'json' };
import planDiffTemplate from './plan-diff.json' with { type: 'json' };
import planOverviewTemplate from './plan-overview.json' with { type: 'json' };
import planSectionTemplate from './plan-section.json' with { type: 'json' };
import sluitenTemplate from './sluiten.json' with { type: 'json' };

export const PLAN_VERBS = {
  open: 'plan.open',
  sectionOpen: 'plan.section.open',
  sectionSave: 'plan.section.save',
  vaststellen: 'plan.vaststellen',
  bijstellen: 'plan.bijstellen',
  diff: 'plan.diff',
  export: 'plan.export',
  inzageRecord: 'inzage.record',
  inzageExport: 'inzage.export',
  corrigeer: 'rechten.corrigeer',
  sluiten: 'aanpak.sluiten',
  heropenen: 'aanpak.heropenen',
} as const;

export const PLAN_INPUTS = {
  text: 'planText',
  level: 'planLevel',
  risico: 'planRisico',
  actions: 'planActions',
  inzageReceived: 'inzageReceived',
  closeInformed: 'closeInformed',
  closeActies: 'closeActies',
  closeEvaluatie: 'closeEvaluatie',
  closeDoelen: 'closeDoelen',
  closeDecision: 'closeDecision',
  reopenReason: 'reopenReason',
  reopenRole: 'reopenRole',
} as const;

export const CORRIGEER_INPUTS = {
  naam: 'fixNaam',
  bijnamen: 'fixBijnamen',
  geboortedatum: 'fixGeboortedatum',
  adres: 'fixAdres',
  woonplaats: 'fixWoonplaats',
  positie: 'fixPositie',
} as const;

export const goalInputId = (field: 'text' | 'indicator' | 'target' | 'date', index: number): string => `goal.${field}.${index}`;
export const goalResultInputId = (goalId: string): string => `goalResult.${goalId}`;
/** Empty goal rows offered on the doelstellingen card besides the existing goals. */
export const EXTRA_GOAL_ROWS = 2;

const ADAPTIVE = 'application/vnd.microsoft.card.adaptive' as const;

function compile(json: object): (binding: object) => CardAttachment {
  const template = new Template(json);
  return (binding) => {
    const expanded = template.expand({ $root: binding }) as Record<string, unknown>;
    return { contentType: ADAPTIVE, content: addSubmitFallbacks(expanded) as Record<string, unknown> };
  };
}

const overviewCard = compile(planOverviewTemplate);
const sectionCard = compile(planSectionTemplate);
const diffCard = compile(planDiffTemplate);
const readyCard = compile(documentReadyTemplate);
const inzageCard = compile(inzageTemplate);
const corrigeerCard = compile(corrigeerTemplate);
const sluitenCard = compile(sluitenTemplate);
const heropenenCard = compile(heropenenTemplate);

// ---- Plan overview ------------------------------------------------------------------------

export interface PlanOverviewView {
  ctx: CardContext;
  aanpakName: string;
  versionLabel: string;
  hint: string;
  sections: { id: string; title: string; status: string; depth: 1 | 2; canEdit: boolean }[];
  canVaststellen: boolean;
  canBijstellen: boolean;
  canDiff: boolean;
}

export function renderPlanOverviewCard(view: PlanOverviewView): CardAttachment {
  return overviewCard({
    aanpakName: md(view.aanpakName),
    versionLabel: md(view.versionLabel),
    hint: md(view.hint),
    sections: view.sections.map((s) => ({
      title: md(s.depth === 2 ? `· ${s.title}` : s.title),
      weight: s.depth === 1 ? 'Bolder' : 'Default',
      status: md(s.status),
      canEdit: s.canEdit,
      openData: baseData(view.ctx, { sectionId: s.id }),
    })),
    canVaststellen: view.canVaststellen,
    canBijstellen: view.canBijstellen,
    canDiff: view.canDiff,
    vaststellenData: baseData(view.ctx),
    bijstellenData: baseData(view.ctx),
    diffData: baseData(view.ctx),
    exportData: baseData(view.ctx, { document: 'plan' }),
  });
}

// ---- Section editor -------------------------------------------------------------------------

export interface PlanSectionView {
  ctx: CardContext;
  aanpakName: string;
  versionLabel: string;
  sectionId: string;
  title: string;
  guidance: string[];
  text: string;
  level: string;
  risico?: { value: string };
  goals?: { id: string; text: string; indicator: string; target: string; date: string }[];
  actions?: { choices: { id: string; label: string }[]; selected: string[] };
  goalResults?: { goalId: string; label: string; value: string }[];
}

export function renderPlanSectionCard(view: PlanSectionView): CardAttachment {
  const goals = view.goals
    ? [...view.goals, ...Array.from({ length: EXTRA_GOAL_ROWS }, () => ({ id: '', text: '', indicator: '', target: '', date: '' }))]
    : [];
  const data: ActionData = { sectionId: view.sectionId };
  if (view.goals) data.goalIds = goals.map((g) => g.id).join(',');
  return sectionCard({
    aanpakName: md(view.aanpakName),
    versionLabel: md(view.versionLabel),
    title: md(view.title),
    guidance: view.guidance.map(md),
    // Input values are not Markdown: shown as typed.
    textValue: view.text,
    levelValue: view.level,
    hasRisico: !!view.risico,
    risicoValue: view.risico?.value ?? '',
    hasGoals: !!view.goals,
    goals: goals.map((g, i) => ({
      label: `Doel ${i + 1}`,
      textId: goalInputId('text', i),
      indicatorId: goalInputId('indicator', i),
      targetId: goalInputId('target', i),
      dateId: goalInputId('date', i),
      text: g.text,
      indicator: g.indicator,
      target: g.target,
      date: g.date,
    })),
    hasActions: !!view.actions && view.actions.choices.length > 0,
    actionsValue: view.actions?.selected.join(',') ?? '',
    actionChoices: (view.actions?.choices ?? []).map((c) => ({ title: c.label, value: c.id })),
    hasGoalResults: !!view.goalResults?.length,
    goalResults: (view.goalResults ?? []).map((g) => ({ id: goalResultInputId(g.goalId), label: md(g.label), value: g.value })),
    saveData: baseData(view.ctx, data),
    backData: baseData(view.ctx),
  });
}

// ---- Diff -----------------------------------------------------------------------------------

export interface PlanDiffView {
  aanpakName: string;
  fromLabel: string;
  toLabel: string;
  changes: { title: string; statusLabel: string; fieldsLabel?: string; lines: string[] }[];
  withheldLabel?: string;
}

export function renderPlanDiffCard(view: PlanDiffView): CardAttachment {
  return diffCard({
    aanpakName: md(view.aanpakName),
    fromLabel: md(view.fromLabel),
    toLabel: md(view.toLabel),
    empty: view.changes.length === 0,
    changes: view.changes.map((c) => ({
      title: md(c.title),
      statusLabel: md(c.statusLabel),
      hasFields: !!c.fieldsLabel,
      fieldsLabel: md(c.fieldsLabel ?? ''),
      lines: c.lines.map(md),
    })),
    hasWithheld: !!view.withheldLabel,
    withheldLabel: md(view.withheldLabel ?? ''),
  });
}

// ---- Document ready -------------------------------------------------------------------------

export interface DocumentReadyView {
  title: string;
  audienceLabel: string;
  withheldLabel: string;
  expiryLabel: string;
  links: { title: string; url: string }[];
}

export function renderDocumentReadyCard(view: DocumentReadyView): CardAttachment {
  return readyCard({
    title: md(view.title),
    audienceLabel: md(view.audienceLabel),
    withheldLabel: md(view.withheldLabel),
    expiryLabel: md(view.expiryLabel),
    links: view.links.map((l) => ({ title: l.title, url: l.url })),
  });
}

// ---- Rights ---------------------------------------------------------------------------------

export interface InzageView {
  ctx: CardContext;
  aanpakName: string;
  memberId: string;
  naam: string;
  today: string;
  requests: { title: string; value: string }[];
  /** The open request the export answers. */
  openRequestId?: string;
}

export function renderInzageCard(view: InzageView): CardAttachment {
  return inzageCard({
    aanpakName: md(view.aanpakName),
    naam: md(view.naam),
    today: view.today,
    hasRequests: view.requests.length > 0 && !!view.openRequestId,
    requests: view.requests.map((r) => ({ title: md(r.title), value: md(r.value) })),
    recordData: baseData(view.ctx, { memberId: view.memberId }),
    exportData: baseData(view.ctx, { memberId: view.memberId, requestId: view.openRequestId ?? '' }),
  });
}

export interface CorrigeerView {
  ctx: CardContext;
  aanpakName: string;
  memberId: string;
  naam: string;
  bijnamen: string[];
  geboortedatum?: string;
  adres?: string;
  woonplaats?: string;
  positie: 'kern' | 'schil';
}

export function renderCorrigeerCard(view: CorrigeerView): CardAttachment {
  return corrigeerCard({
    aanpakName: md(view.aanpakName),
    naam: md(view.naam),
    naamValue: view.naam,
    bijnamenValue: view.bijnamen.join(', '),
    geboortedatumValue: view.geboortedatum ?? '',
    adresValue: view.adres ?? '',
    woonplaatsValue: view.woonplaats ?? '',
    positieValue: view.positie,
    saveData: baseData(view.ctx, { memberId: view.memberId }),
  });
}

export interface SluitenView {
  ctx: CardContext;
  aanpakName: string;
  openActions: number;
  evaluatieDone: boolean;
  informed: boolean;
}

export function renderSluitenCard(view: SluitenView): CardAttachment {
  return sluitenCard({
    aanpakName: md(view.aanpakName),
    informedValue: view.informed ? 'ja' : 'nee',
    actiesTitle:
      view.openActions === 0
        ? 'Resterende acties zijn belegd (er staan geen acties meer open)'
        : `Resterende acties zijn belegd (${view.openActions} nog open: overgedragen aan de staande organisatie)`,
    actiesValue: view.openActions === 0 ? 'ja' : 'nee',
    evaluatieTitle: view.evaluatieDone ? 'Evaluatie is gedaan (evaluatieverslag ingevuld)' : 'Evaluatie is gedaan (het evaluatieverslag is nog leeg)',
    evaluatieValue: view.evaluatieDone ? 'ja' : 'nee',
    closeData: baseData(view.ctx),
  });
}

export interface HeropenenView {
  ctx: CardContext;
  aanpakName: string;
  termLabel: string;
}

export function renderHeropenenCard(view: HeropenenView): CardAttachment {
  return heropenenCard({ aanpakName: md(view.aanpakName), termLabel: md(view.termLabel), reopenData: baseData(view.ctx) });
}
