// Plan van aanpak as structured data (PRODUCT.md §5; template seed 004, digest §6): one entry per
// section of PLAN_SECTIONS, plus the beleidsadvies afspraken of stap 4 and the evaluation of stap 7,
// all kept in PlanVersion.sections. Versions are append-only: every save adds a version with who and
// when; 'vastgesteld' (stap 5, with date) and 'bijgesteld' (stap 6) mark the effective plan.
// Pure: clock and ids come from Env.
import { isRegisseur } from './aanpak.js';
import {
  BELEIDSADVIES_AFSPRAKEN,
  EVALUATION_ASPECTS,
  PIJLERS,
  PLAN_RISICO_DUIDINGEN,
  PLAN_SECTIONS,
  PLAN_TRACK_SPOOR,
  type PlanRisicoDuiding,
} from './catalog/index.js';
import { isAtLeast, maxLevel } from './levels.js';
import type { DuidingAggregate } from './rounds.js';
import { localDate } from './time.js';
import {
  CONVENANT_ORGS,
  DomainError,
  LEVELS,
  type Aanpak,
  type Action,
  type AuditEvent,
  type Env,
  type Level,
  type Member,
  type PlanStatus,
  type PlanVersion,
  type RodeDraad,
  type StepId,
} from './types.js';

export const MAX_SECTION_TEXT = 8000;
export const MAX_GOALS = 20;
export const MAX_GOAL_FIELD = 500;

// ---- Section ids --------------------------------------------------------------------------

export const BELEIDSADVIES_PREFIX = 'beleidsadvies.';
export const EVALUATIE_PREFIX = 'evaluatie.';
/** Stap 7 evaluation: per SMART goal, the 7 aspects, lessons and remaining actions. */
export const EVALUATIE_SECTIONS = {
  doelen: 'evaluatie.doelen',
  leerpunten: 'evaluatie.leerpunten',
  resterendeActies: 'evaluatie.resterende_acties',
  perspectief: 'evaluatie.perspectief',
} as const;
export const evaluatieAspectId = (index: number): string => `evaluatie.aspect.${index + 1}`;
export const beleidsadviesId = (afspraakId: string): string => `${BELEIDSADVIES_PREFIX}${afspraakId}`;

export interface SectionDef {
  id: string;
  title: string;
  parent?: string;
  guidance: string[];
  group: 'plan' | 'beleidsadvies' | 'evaluatie';
}

/** Every editable section: the plan template, the beleidsadvies afspraken, the evaluation. */
export const ALL_SECTIONS: SectionDef[] = [
  ...PLAN_SECTIONS.map((s) => ({ ...s, group: 'plan' as const })),
  ...BELEIDSADVIES_AFSPRAKEN.map((a) => ({ id: beleidsadviesId(a.id), title: a.title, guidance: [a.text], group: 'beleidsadvies' as const })),
  {
    id: EVALUATIE_SECTIONS.doelen,
    title: 'Doelen bereikt?',
    guidance: ['Is de jeugdgroep afdoende aangepakt? Zijn de doelen bereikt?'],
    group: 'evaluatie' as const,
  },
  ...EVALUATION_ASPECTS.map((text, i) => ({ id: evaluatieAspectId(i), title: text, guidance: [text], group: 'evaluatie' as const })),
  {
    id: EVALUATIE_SECTIONS.leerpunten,
    title: 'Leer- en verbeterpunten',
    guidance: ['Wat zijn de leer- en verbeterpunten uit de aanpak?', 'Wat zijn de leer- en verbeterpunten uit de online aanpak?'],
    group: 'evaluatie' as const,
  },
  {
    id: EVALUATIE_SECTIONS.resterendeActies,
    title: 'Resterende acties',
    guidance: ['Welke resterende acties worden bij wie belegd?', 'Welke resterende online acties worden bij wie belegd?'],
    group: 'evaluatie' as const,
  },
  {
    id: EVALUATIE_SECTIONS.perspectief,
    title: 'Perspectief van jongeren en ouders',
    guidance: ['Eventueel: het perspectief van jongeren en ouders op de aanpak.'],
    group: 'evaluatie' as const,
  },
];

const SECTION_BY_ID = new Map(ALL_SECTIONS.map((s) => [s.id, s]));

export function sectionDef(id: string): SectionDef | undefined {
  return SECTION_BY_ID.get(id);
}

/** The plan tracks ("1 Informatiepositie versterken" …) whose actions come from the action list. */
export const PLAN_TRACKS = Object.keys(PLAN_TRACK_SPOOR);

// ---- Content --------------------------------------------------------------------------------

export interface SmartGoal {
  id: string;
  /** Specifiek: what the goal is. */
  text: string;
  /** Meetbaar: how it is measured. */
  indicator: string;
  /** The target value (e.g. "minder dan 5 meldingen per maand"). */
  target: string;
  /** Tijdgebonden: YYYY-MM-DD. */
  date: string;
}

export type GoalOutcome = 'bereikt' | 'deels' | 'niet';

export interface GoalResult {
  goalId: string;
  outcome: GoalOutcome;
  toelichting?: string;
}

/** One section's content. Only the fields that fit the section are set. */
export interface PlanSection {
  text: string;
  /** Declared level of the text (the author's; screening may raise it when shared). */
  level: Level;
  /** Duiding van de groep: midden-risico or hoog risico. */
  risico?: PlanRisicoDuiding;
  /** Doelstellingen: the SMART goals. */
  goals?: SmartGoal[];
  /** Plan tracks: linked actions from the action list. */
  actionIds?: string[];
  /** Evaluatie doelen: the outcome per goal. */
  goalResults?: GoalResult[];
  updatedBy: string;
  updatedAt: string;
}

export type PlanSections = Record<string, PlanSection>;

function isLevel(v: unknown): v is Level {
  return typeof v === 'string' && (LEVELS as readonly string[]).includes(v);
}

/** Reads a stored version's sections back, dropping anything that does not fit (stored data is untrusted). */
export function readSections(version: Pick<PlanVersion, 'sections'> | undefined): PlanSections {
  const out: PlanSections = {};
  if (!version) return out;
  for (const [id, raw] of Object.entries(version.sections ?? {})) {
    if (!SECTION_BY_ID.has(id) || !raw || typeof raw !== 'object') continue;
    const r = raw as Record<string, unknown>;
    const s: PlanSection = {
      text: typeof r.text === 'string' ? r.text : '',
      level: isLevel(r.level) ? r.level : 'groep',
      updatedBy: typeof r.updatedBy === 'string' ? r.updatedBy : '',
      updatedAt: typeof r.updatedAt === 'string' ? r.updatedAt : '',
    };
    if (typeof r.risico === 'string' && (PLAN_RISICO_DUIDINGEN as readonly string[]).includes(r.risico)) {
      s.risico = r.risico as PlanRisicoDuiding;
    }
    if (Array.isArray(r.goals)) s.goals = r.goals.filter(isGoal).map((g) => ({ ...g }));
    if (Array.isArray(r.actionIds)) s.actionIds = r.actionIds.filter((x): x is string => typeof x === 'string');
    if (Array.isArray(r.goalResults)) s.goalResults = r.goalResults.filter(isGoalResult).map((g) => ({ ...g }));
    out[id] = s;
  }
  return out;
}

function isGoal(g: unknown): g is SmartGoal {
  if (!g || typeof g !== 'object') return false;
  const o = g as Record<string, unknown>;
  return ['id', 'text', 'indicator', 'target', 'date'].every((k) => typeof o[k] === 'string');
}

function isGoalResult(g: unknown): g is GoalResult {
  if (!g || typeof g !== 'object') return false;
  const o = g as Record<string, unknown>;
  return typeof o.goalId === 'string' && (o.outcome === 'bereikt' || o.outcome === 'deels' || o.outcome === 'niet');
}

// ---- Versions -------------------------------------------------------------------------------

export function sortVersions(versions: readonly PlanVersion[]): PlanVersion[] {
  return [...versions].sort((a, b) => a.number - b.number);
}

/** The newest version (the working copy). */
export function latestVersion(versions: readonly PlanVersion[]): PlanVersion | undefined {
  return sortVersions(versions).at(-1);
}

/** The plan in force: the newest vastgesteld or bijgesteld version. */
export function effectiveVersion(versions: readonly PlanVersion[]): PlanVersion | undefined {
  return sortVersions(versions)
    .filter((v) => v.status === 'vastgesteld' || v.status === 'bijgesteld')
    .at(-1);
}

export function findVersion(versions: readonly PlanVersion[], number: number): PlanVersion | undefined {
  return versions.find((v) => v.number === number);
}

const PLAN_STEPS: readonly StepId[] = ['3', '4', '5', '6', '7'];

function requirePlanStep(aanpak: Aanpak): StepId {
  const s = aanpak.state;
  if (!(PLAN_STEPS as readonly string[]).includes(s)) {
    throw new DomainError(
      'plan_wrong_step',
      s === 'gesloten' || s === 'inactief' || s === 'vernietigd'
        ? 'Deze aanpak is gesloten; het plan is alleen nog in te zien.'
        : 'Het plan van aanpak begint in stap 3 (concept plan).',
      ['R-0-1'],
    );
  }
  return s as StepId;
}

/** Who writes the plan: the procesregisseur with the convenantpartners (not incidentele deelnemers). */
export function mayEditPlan(aanpak: Aanpak, participantId: string): boolean {
  if (isRegisseur(aanpak, participantId)) return true;
  const p = aanpak.participants.find((x) => x.id === participantId && !x.removedAt);
  return !!p && p.role === 'partner' && (CONVENANT_ORGS as readonly string[]).includes(p.organisation);
}

function cleanText(v: unknown, max: number, label: string): string {
  if (v === undefined || v === null) return '';
  if (typeof v !== 'string') throw new DomainError('invalid_input', `${label} is niet goed ingevuld.`);
  const t = v.replace(/\r\n?/g, '\n').trim();
  if (t.length > max) throw new DomainError('text_too_long', `${label} mag maximaal ${max} tekens hebben.`);
  return t;
}

function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

function event(aanpak: Aanpak, type: string, actor: string, at: string, data: AuditEvent['data'], ruleIds?: string[]): AuditEvent {
  return { aanpakId: aanpak.id, type, actor, at, data, ...(ruleIds ? { ruleIds } : {}) };
}

function newVersion(
  aanpak: Aanpak,
  versions: readonly PlanVersion[],
  sections: PlanSections,
  status: PlanStatus,
  by: string,
  env: Env,
  vastgesteldOp?: string,
): PlanVersion {
  const last = latestVersion(versions);
  return {
    id: env.newId(),
    aanpakId: aanpak.id,
    number: (last?.number ?? 0) + 1,
    status,
    sections: sections as Record<string, unknown>,
    by,
    at: env.now().toISOString(),
    ...(vastgesteldOp ? { vastgesteldOp } : {}),
  };
}

export interface SectionInput {
  sectionId: string;
  text?: string;
  /** Raise the declared level of the text (never lowers what is stored by screening later). */
  level?: Level;
  risico?: string;
  goals?: { id?: string; text?: string; indicator?: string; target?: string; date?: string }[];
  actionIds?: string[];
  goalResults?: { goalId: string; outcome: string; toelichting?: string }[];
  by: string;
}

/** Validates one section's input into content (throws a Dutch DomainError on bad input). */
export function buildSection(input: SectionInput, actions: readonly Action[], env: Env, previous?: PlanSection): PlanSection {
  const def = sectionDef(input.sectionId);
  if (!def) throw new DomainError('unknown_section', 'Dit onderdeel hoort niet bij het plan van aanpak.');
  const text = cleanText(input.text, MAX_SECTION_TEXT, 'De tekst');
  const section: PlanSection = {
    text,
    level: isLevel(input.level) ? input.level : 'groep',
    updatedBy: input.by,
    updatedAt: env.now().toISOString(),
  };
  if (def.id === 'probleemanalyse.duiding' && input.risico !== undefined && input.risico !== '') {
    if (!(PLAN_RISICO_DUIDINGEN as readonly string[]).includes(input.risico)) {
      throw new DomainError('invalid_risico', 'Kies midden-risico of hoog risico.');
    }
    section.risico = input.risico as PlanRisicoDuiding;
  }
  if (def.id === 'doelstellingen' && input.goals) {
    if (input.goals.length > MAX_GOALS) throw new DomainError('too_many_goals', `Maximaal ${MAX_GOALS} doelen.`);
    const goals: SmartGoal[] = [];
    input.goals.forEach((g, i) => {
      const goalText = cleanText(g.text, MAX_GOAL_FIELD, `Doel ${i + 1}`);
      const indicator = cleanText(g.indicator, MAX_GOAL_FIELD, `De indicator van doel ${i + 1}`);
      const target = cleanText(g.target, MAX_GOAL_FIELD, `De streefwaarde van doel ${i + 1}`);
      const date = cleanText(g.date, 10, `De datum van doel ${i + 1}`);
      if (!goalText && !indicator && !target && !date) return; // an empty row on the card
      if (!goalText) throw new DomainError('goal_incomplete', `Beschrijf doel ${i + 1}.`, ['A-5-1']);
      if (date && !isIsoDate(date)) throw new DomainError('invalid_date', `Geef de datum van doel ${i + 1} als JJJJ-MM-DD.`);
      goals.push({ id: g.id?.trim() || `doel-${i + 1}`, text: goalText, indicator, target, date });
    });
    const ids = new Set(goals.map((g) => g.id));
    if (ids.size !== goals.length) throw new DomainError('duplicate_goal', 'Twee doelen hebben hetzelfde nummer.');
    section.goals = goals;
  } else if (previous?.goals && def.id === 'doelstellingen') {
    section.goals = previous.goals;
  }
  if (PLAN_TRACKS.includes(def.id)) {
    const ids = input.actionIds ?? previous?.actionIds ?? [];
    const own = new Set(actions.map((a) => a.id));
    const unknown = ids.filter((id) => !own.has(id));
    if (unknown.length) throw new DomainError('unknown_action', 'Een gekoppelde actie staat niet in de actielijst.');
    section.actionIds = [...new Set(ids)];
  }
  if (def.id === EVALUATIE_SECTIONS.doelen && input.goalResults) {
    section.goalResults = input.goalResults.map((r, i) => {
      if (r.outcome !== 'bereikt' && r.outcome !== 'deels' && r.outcome !== 'niet') {
        throw new DomainError('invalid_outcome', `Kies bij doel ${i + 1}: bereikt, deels of niet.`);
      }
      const toelichting = cleanText(r.toelichting, MAX_GOAL_FIELD, `De toelichting bij doel ${i + 1}`);
      return { goalId: r.goalId, outcome: r.outcome, ...(toelichting ? { toelichting } : {}) };
    });
  } else if (previous?.goalResults && def.id === EVALUATIE_SECTIONS.doelen) {
    section.goalResults = previous.goalResults;
  }
  return section;
}

/**
 * Saves one section as a new version. Before the first vaststelling versions are 'concept';
 * afterwards a save is a concept of a bijstelling until `bijstellen` marks it.
 */
export function savePlanSection(
  aanpak: Aanpak,
  versions: readonly PlanVersion[],
  actions: readonly Action[],
  input: SectionInput,
  env: Env,
): { version: PlanVersion; events: AuditEvent[] } {
  const step = requirePlanStep(aanpak);
  if (!mayEditPlan(aanpak, input.by)) {
    throw new DomainError('forbidden', 'Alleen de procesregisseur en de convenantpartners schrijven aan het plan.');
  }
  const def = sectionDef(input.sectionId);
  if (def?.group === 'evaluatie' && step !== '7') {
    throw new DomainError('plan_wrong_step', 'De evaluatie hoort bij stap 7.');
  }
  const current = readSections(latestVersion(versions));
  const section = buildSection(input, actions.filter((a) => a.aanpakId === aanpak.id), env, current[input.sectionId]);
  const sections = { ...current, [input.sectionId]: section };
  const version = newVersion(aanpak, versions, sections, 'concept', input.by, env);
  return {
    version,
    events: [
      event(aanpak, 'plan.section_saved', input.by, version.at, {
        versionId: version.id,
        number: version.number,
        sectionId: input.sectionId,
        level: section.level,
      }),
    ],
  };
}

/** A.5-1: a goal is SMART enough to monitor when it has an indicator, a target and a date. */
export function incompleteGoals(sections: PlanSections): SmartGoal[] {
  return (sections.doelstellingen?.goals ?? []).filter((g) => !g.indicator || !g.target || !g.date);
}

/** D-5-1: the plan is vastgesteld in stap 5, with the date of the vaststelling. */
export function vaststellenPlan(
  aanpak: Aanpak,
  versions: readonly PlanVersion[],
  input: { by: string; date?: string },
  env: Env,
): { version: PlanVersion; events: AuditEvent[] } {
  if (aanpak.state !== '5') {
    throw new DomainError('plan_wrong_step', 'Het plan van aanpak wordt vastgesteld in stap 5.', ['D-5-1']);
  }
  if (!isRegisseur(aanpak, input.by)) throw new DomainError('forbidden', 'Alleen de procesregisseur stelt het plan vast.');
  const last = latestVersion(versions);
  if (!last) throw new DomainError('plan_empty', 'Er is nog geen plan om vast te stellen.');
  const sections = readSections(last);
  const goals = sections.doelstellingen?.goals ?? [];
  if (goals.length === 0 || incompleteGoals(sections).length > 0) {
    throw new DomainError(
      'plan_not_smart',
      'Werk eerst de doelen SMART uit: elk doel met een indicator, een streefwaarde en een datum.',
      ['A-5-1'],
    );
  }
  const today = localDate(env.now().toISOString());
  const date = input.date?.trim() || today;
  if (!isIsoDate(date)) throw new DomainError('invalid_date', 'Geef de datum van vaststelling als JJJJ-MM-DD.');
  if (date > today) throw new DomainError('invalid_date', 'De datum van vaststelling ligt in de toekomst.');
  const version = newVersion(aanpak, versions, sections, 'vastgesteld', input.by, env, date);
  return {
    version,
    events: [event(aanpak, 'plan.vastgesteld', input.by, version.at, { versionId: version.id, number: version.number, date }, ['D-5-1'])],
  };
}

/** D-6-1: in stap 6 the plan is bijgesteld; the newest version becomes the plan in force. */
export function bijstellenPlan(
  aanpak: Aanpak,
  versions: readonly PlanVersion[],
  input: { by: string },
  env: Env,
): { version: PlanVersion; events: AuditEvent[] } {
  if (aanpak.state !== '6') {
    throw new DomainError('plan_wrong_step', 'Bijstellen van het plan hoort bij stap 6.', ['D-6-1']);
  }
  if (!isRegisseur(aanpak, input.by)) throw new DomainError('forbidden', 'Alleen de procesregisseur stelt het plan bij.');
  const effective = effectiveVersion(versions);
  if (!effective) throw new DomainError('plan_not_vastgesteld', 'Het plan is nog niet vastgesteld.', ['D-5-1']);
  const last = latestVersion(versions)!;
  if (last.number === effective.number) {
    throw new DomainError('plan_unchanged', 'Er is niets gewijzigd sinds de laatste vaststelling.');
  }
  const diff = diffPlans(effective, last).filter((d) => d.status !== 'same' && sectionDef(d.sectionId)?.group === 'plan');
  if (diff.length === 0) throw new DomainError('plan_unchanged', 'Er is niets aan het plan gewijzigd sinds de laatste vaststelling.');
  const version = newVersion(aanpak, versions, readSections(last), 'bijgesteld', input.by, env);
  return {
    version,
    events: [
      event(
        aanpak,
        'plan.bijgesteld',
        input.by,
        version.at,
        { versionId: version.id, number: version.number, from: effective.number, sections: diff.length },
        ['D-6-1'],
      ),
    ],
  };
}

// ---- Diff -----------------------------------------------------------------------------------

export interface LineChange {
  op: 'add' | 'remove';
  line: string;
}

export interface SectionDiff {
  sectionId: string;
  title: string;
  status: 'added' | 'removed' | 'changed' | 'same';
  /** Which fields differ: text, level, risico, goals, actionIds, goalResults. */
  fields: string[];
  lines: LineChange[];
}

const FIELDS: (keyof PlanSection)[] = ['text', 'level', 'risico', 'goals', 'actionIds', 'goalResults'];

/** Line diff (LCS) of two texts: the removed and added lines, in order. */
export function diffLines(a: string, b: string): LineChange[] {
  const x = a ? a.split('\n') : [];
  const y = b ? b.split('\n') : [];
  const n = x.length;
  const m = y.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i]![j] = x[i] === y[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const out: LineChange[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (x[i] === y[j]) {
      i++;
      j++;
    } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) out.push({ op: 'remove', line: x[i++]! });
    else out.push({ op: 'add', line: y[j++]! });
  }
  while (i < n) out.push({ op: 'remove', line: x[i++]! });
  while (j < m) out.push({ op: 'add', line: y[j++]! });
  return out;
}

/** Per section (template order): what changed from version `a` to version `b`. */
export function diffPlans(a: Pick<PlanVersion, 'sections'> | undefined, b: Pick<PlanVersion, 'sections'>): SectionDiff[] {
  const sa = readSections(a);
  const sb = readSections(b);
  const out: SectionDiff[] = [];
  for (const def of ALL_SECTIONS) {
    const x = sa[def.id];
    const y = sb[def.id];
    if (!x && !y) continue;
    if (!x || !y) {
      out.push({
        sectionId: def.id,
        title: def.title,
        status: x ? 'removed' : 'added',
        fields: FIELDS.filter((f) => (x ?? y)![f] !== undefined && (f !== 'text' || (x ?? y)!.text !== '')),
        lines: diffLines(x?.text ?? '', y?.text ?? ''),
      });
      continue;
    }
    const fields = FIELDS.filter((f) => JSON.stringify(x[f] ?? null) !== JSON.stringify(y[f] ?? null));
    out.push({
      sectionId: def.id,
      title: def.title,
      status: fields.length ? 'changed' : 'same',
      fields,
      lines: fields.includes('text') ? diffLines(x.text, y.text) : [],
    });
  }
  return out;
}

// ---- Prefill --------------------------------------------------------------------------------

export interface PlanFacts {
  aanpak: Aanpak;
  members: readonly Member[];
  actions: readonly Action[];
  /** The newest published duiding round, aggregated (counts only). */
  duiding?: DuidingAggregate;
  /** Rode draad lines of published rounds. */
  rodeDraad?: readonly RodeDraad[];
}

const nl = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function formatMean(mean: number): string {
  return mean.toFixed(1).replace('.', ',');
}

/** Where an action of a spoor goes in the plan: online actions strengthen the informatiepositie. */
export function trackForSpoor(spoor: Action['spoor']): string {
  const hit = Object.entries(PLAN_TRACK_SPOOR).find(([, s]) => s === spoor);
  return hit ? hit[0] : 'plan_van_aanpak.informatiepositie';
}

/**
 * Prefills empty sections from what the aanpak already holds: namenlijst counts (never names),
 * the duiding per pijler, rode draad lines at groep level, the overleg cadence and the actions
 * per track. Sections that already have content are left alone.
 */
export function prefillSections(current: PlanSections, facts: PlanFacts, by: string, env: Env): PlanSections {
  const at = env.now().toISOString();
  const out: PlanSections = { ...current };
  const put = (id: string, text: string, extra: Partial<PlanSection> = {}) => {
    const existing = out[id];
    if (existing && (existing.text || existing.actionIds?.length || existing.goals?.length)) return;
    if (!text && !extra.actionIds?.length) return;
    out[id] = { text, level: 'groep', updatedBy: by, updatedAt: at, ...extra };
  };

  const members = facts.members.filter((m) => m.aanpakId === facts.aanpak.id && !m.removedAt);
  if (members.length > 0) {
    const kern = members.filter((m) => m.positie === 'kern').length;
    put(
      'probleemanalyse.jeugdgroep',
      `De jeugdgroep bestaat uit ${nl(members.length, 'jongere', 'jongeren')}: ${kern} in de kern en ${members.length - kern} in de schil (namenlijst).`,
    );
  }

  const duidingLines: string[] = [];
  if (facts.duiding && facts.duiding.respondents > 0) {
    duidingLines.push(`Duidingsinstrument ingevuld door ${nl(facts.duiding.respondents, 'partner', 'partners')} (schaal 0 = niet tot 4 = sterk).`);
    const order = [...PIJLERS] as string[];
    for (const p of [...facts.duiding.pijlers].sort((a, b) => order.indexOf(a.pijler) - order.indexOf(b.pijler))) {
      const parts = [p.mean === null ? 'geen score' : `gemiddeld ${formatMean(p.mean)}`];
      if (p.disagreementItems.length) parts.push(`verschil van inzicht bij ${nl(p.disagreementItems.length, 'vraag', 'vragen')}`);
      if (p.onbekend) parts.push(`${p.onbekend}× onbekend`);
      duidingLines.push(`${p.pijler}: ${parts.join(', ')}.`);
    }
  }
  for (const r of facts.rodeDraad ?? []) {
    // Only group-level lines: person-level notes stay where they were shared.
    if (r.level === 'groep' && r.text.trim()) duidingLines.push(`Rode draad: ${r.text.trim()}`);
  }
  put('probleemanalyse.duiding', duidingLines.join('\n'));

  put(
    'overlegstructuur',
    `Eens per ${nl(facts.aanpak.settings.overlegCadenceWeeks, 'week', 'weken')} vindt er een jeugdgroepenoverleg plaats.`,
  );

  const actions = facts.actions.filter((a) => a.aanpakId === facts.aanpak.id && a.status !== 'vervallen');
  for (const track of PLAN_TRACKS) {
    const ids = actions.filter((a) => trackForSpoor(a.spoor) === track).map((a) => a.id);
    if (ids.length) put(track, '', { actionIds: ids });
  }
  return out;
}

/** Creates the first concept version (stap 3), prefilled. */
export function startPlan(
  aanpak: Aanpak,
  versions: readonly PlanVersion[],
  facts: PlanFacts,
  by: string,
  env: Env,
): { version: PlanVersion; events: AuditEvent[] } {
  requirePlanStep(aanpak);
  if (!mayEditPlan(aanpak, by)) {
    throw new DomainError('forbidden', 'Alleen de procesregisseur en de convenantpartners schrijven aan het plan.');
  }
  if (versions.length > 0) throw new DomainError('plan_exists', 'Er is al een plan van aanpak.');
  const sections = prefillSections({}, facts, by, env);
  const version = newVersion(aanpak, versions, sections, 'concept', by, env);
  return {
    version,
    events: [event(aanpak, 'plan.started', by, version.at, { versionId: version.id, number: version.number, prefilled: Object.keys(sections).length })],
  };
}

/** Highest declared level in a version (for labels; the gate still screens each paragraph). */
export function declaredLevel(sections: PlanSections): Level {
  return maxLevel(...Object.values(sections).map((s) => s.level));
}

export function hasPersonLevel(sections: PlanSections): boolean {
  return isAtLeast(declaredLevel(sections), 'persoon');
}
