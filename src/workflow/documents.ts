// Document models for the exports (PRODUCT.md §5, §7): the plan for the convenantpartners, the
// beleidsadvies with the anonymised concept plan for the driehoek (R-3-5, R-4-1, R-4-3, R-X-13),
// the evaluation report of stap 7 and the inzage export for one betrokkene (R-X-90 … R-X-92, T-18).
// A document is a list of sections; every paragraph is GateContent, so `gateDocument` can check
// each one for the export's audience, audit every decision and list what was withheld (counts and
// reasons only). Rendering (.docx, Markdown) lives in src/docs and sees only gated models.
// Pure: no clock, no ids of its own.
import { BELEIDSADVIES_AFSPRAKEN, EVALUATION_ASPECTS, organisationLabel, PLAN_SECTIONS } from './catalog/index.js';
import { decide, gateAuditEvent, type GateContext } from './gate.js';
import { maxLevel } from './levels.js';
import {
  beleidsadviesId,
  EVALUATIE_SECTIONS,
  evaluatieAspectId,
  PLAN_TRACKS,
  readSections,
  type PlanSection,
  type PlanSections,
} from './plan.js';
import type { DuidingAggregate } from './rounds.js';
import { INZAGE_TERM_WEEKS, type InzageRequest } from './schedule.js';
import type { Screener } from './screening.js';
import { addWeeks, localDate } from './time.js';
import type {
  Aanpak,
  Action,
  Answer,
  AuditEvent,
  FindingKind,
  GateContent,
  GateDecision,
  Level,
  Member,
  PlanVersion,
  Recipient,
  Round,
} from './types.js';

export type { InzageRequest } from './schedule.js';

export type DocumentKind = 'plan' | 'beleidsadvies' | 'evaluatie' | 'inzage';

export interface DocParagraph {
  content: GateContent & { text: string };
  style: 'text' | 'bullet' | 'note';
}

export interface DocSection {
  id: string;
  title: string;
  /** Heading depth: 1 for a chapter, 2 for a subsection. */
  depth: 1 | 2;
  paragraphs: DocParagraph[];
}

export interface WithheldReason {
  ruleId: string;
  /** Dutch, content-free. */
  message: string;
  count: number;
}

export interface DocumentModel {
  kind: DocumentKind;
  /** Fixed Dutch title (no aanpak content: the aanpak name is a paragraph, so it is gated too). */
  title: string;
  /** Dutch label of the audience, e.g. "Voor de lokale driehoek". */
  audienceLabel: string;
  sections: DocSection[];
}

export interface GatedDocument {
  model: DocumentModel;
  /** Paragraphs left out (not the content: counts per reason). */
  withheld: { count: number; reasons: WithheldReason[] };
  /** Paragraphs shared with names and personal data replaced (driehoek only). */
  anonymised: number;
  /** Highest level among the paragraphs that were kept. */
  level: Level;
  /** Every gate decision, content-free, with the member ids the paragraph concerned. */
  events: AuditEvent[];
}

const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

/** '12 maart 2026' for a date or an instant (Amsterdam calendar). */
export function dutchDay(value: string): string {
  const [y, m, d] = localDate(value).split('-').map(Number);
  return `${d} ${MONTHS[(m ?? 1) - 1]} ${y}`;
}

const EMPTY = '(nog niet ingevuld)';

// ---- Paragraph helpers --------------------------------------------------------------------

class Builder {
  private n = 0;
  readonly sections: DocSection[] = [];
  constructor(
    private readonly refPrefix: string,
    private readonly actor: string,
  ) {}

  section(id: string, title: string, depth: 1 | 2 = 1): DocSection {
    const s: DocSection = { id, title, depth, paragraphs: [] };
    this.sections.push(s);
    return s;
  }

  /** A paragraph made by the export itself (labels, counts): groep, authored by the requester. */
  own(s: DocSection, text: string, style: DocParagraph['style'] = 'text', memberIds?: string[]): void {
    this.add(s, text, { level: 'groep', authorId: this.actor, ...(memberIds ? { memberIds } : {}) }, style);
  }

  add(
    s: DocSection,
    text: string,
    meta: { level: Level; authorId: string; memberIds?: string[]; ref?: string },
    style: DocParagraph['style'] = 'text',
  ): void {
    const t = text.trim();
    if (!t) return;
    const content: DocParagraph['content'] = {
      ref: meta.ref ?? `${this.refPrefix}:${++this.n}`,
      kind: 'export_paragraph',
      level: meta.level,
      text: t,
      authorId: meta.authorId || this.actor,
      ...(meta.memberIds?.length ? { memberIds: meta.memberIds } : {}),
    };
    s.paragraphs.push({ content, style });
  }

  /** Free text of a section: one paragraph per blank-line block, list lines as bullets. */
  text(s: DocSection, section: PlanSection | undefined, refBase: string): void {
    if (!section?.text) return;
    let i = 0;
    for (const block of section.text.split(/\n\s*\n/)) {
      for (const line of block.split('\n')) {
        const bullet = /^\s*[-*•·]\s+/.test(line);
        this.add(
          s,
          line.replace(/^\s*[-*•·]\s+/, ''),
          { level: section.level, authorId: section.updatedBy, ref: `${refBase}:${++i}` },
          bullet ? 'bullet' : 'text',
        );
      }
    }
  }
}

const STATUS_LABELS: Record<Action['status'], string> = { open: 'open', gedaan: 'gedaan', vervallen: 'vervallen' };

function actionLine(a: Action): string {
  const parts = [organisationLabel(a.ownerOrganisation)];
  if (a.due) parts.push(`uiterlijk ${dutchDay(a.due)}`);
  parts.push(STATUS_LABELS[a.status]);
  return `${a.text} (${parts.join(', ')})`;
}

function goalLine(g: { text: string; indicator: string; target: string; date: string }, i: number): string {
  const parts: string[] = [];
  if (g.indicator) parts.push(`indicator: ${g.indicator}`);
  if (g.target) parts.push(`streefwaarde: ${g.target}`);
  if (g.date) parts.push(`uiterlijk ${dutchDay(g.date)}`);
  return `Doel ${i + 1}: ${g.text}${parts.length ? ` (${parts.join('; ')})` : ''}`;
}

function versionLabel(v: PlanVersion | undefined): string {
  if (!v) return 'Nog geen versie opgeslagen.';
  const status =
    v.status === 'vastgesteld'
      ? `vastgesteld op ${dutchDay(v.vastgesteldOp ?? v.at)}`
      : v.status === 'bijgesteld'
        ? `bijgesteld op ${dutchDay(v.at)}`
        : `concept van ${dutchDay(v.at)}`;
  return `Versie ${v.number}, ${status}.`;
}

/** The plan sections (template order) into the builder, chapters at `depth`. */
function planSections(b: Builder, sections: PlanSections, actions: readonly Action[], versionId: string, prefix = ''): void {
  const byId = new Map(actions.map((a) => [a.id, a]));
  for (const def of PLAN_SECTIONS) {
    const s = sections[def.id];
    const sec = b.section(`${prefix}${def.id}`, def.title, def.parent ? 2 : 1);
    const refBase = `plan:${versionId}:${def.id}`;
    if (def.id === 'probleemanalyse.duiding' && s?.risico) {
      b.add(sec, `De gemeente, politie en het OM duiden deze groep op dit moment als ${s.risico}.`, {
        level: 'groep',
        authorId: s.updatedBy,
        ref: `${refBase}:risico`,
      });
    }
    b.text(sec, s, refBase);
    if (def.id === 'doelstellingen') {
      (s?.goals ?? []).forEach((g, i) =>
        b.add(sec, goalLine(g, i), { level: s!.level, authorId: s!.updatedBy, ref: `${refBase}:goal:${g.id}` }, 'bullet'),
      );
    }
    if (PLAN_TRACKS.includes(def.id)) {
      const linked = (s?.actionIds ?? []).flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
      if (linked.length) b.own(sec, 'Acties:', 'note');
      for (const a of linked) {
        b.add(sec, actionLine(a), { level: a.level, authorId: a.createdBy, ref: `action:${a.id}` }, 'bullet');
      }
    }
    if (!def.parent && sec.paragraphs.length === 0 && !PLAN_SECTIONS.some((c) => c.parent === def.id)) b.own(sec, EMPTY, 'note');
    if (def.parent && sec.paragraphs.length === 0) b.own(sec, EMPTY, 'note');
  }
}

// ---- (a) Plan van aanpak ----------------------------------------------------------------------

export interface PlanDocumentInput {
  aanpak: Aanpak;
  version: PlanVersion | undefined;
  actions: readonly Action[];
  actor: string;
}

export function buildPlanDocument(input: PlanDocumentInput): DocumentModel {
  const { aanpak, version } = input;
  const b = new Builder(`export:plan:${version?.id ?? aanpak.id}`, input.actor);
  const intro = b.section('intro', 'Integraal plan van aanpak');
  b.own(intro, `Groep: ${aanpak.name} (${aanpak.gemeente}).`);
  b.own(intro, versionLabel(version));
  planSections(b, readSections(version), input.actions.filter((a) => a.aanpakId === aanpak.id), version?.id ?? 'none');
  return { kind: 'plan', title: 'Integraal plan van aanpak', audienceLabel: 'Voor de convenantpartners', sections: b.sections };
}

// ---- (b) Beleidsadvies for the driehoek ----------------------------------------------------

export interface BeleidsadviesInput {
  aanpak: Aanpak;
  version: PlanVersion | undefined;
  actions: readonly Action[];
  members: readonly Member[];
  duiding?: DuidingAggregate;
  actor: string;
  /** Reference date for ages (the export moment). */
  at: string;
}

function ageOn(birth: string, on: string): number {
  const [y, m, d] = birth.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = localDate(on).split('-').map(Number) as [number, number, number];
  return ty - y - (tm < m || (tm === m && td < d) ? 1 : 0);
}

/** Counts only: how many members, kern/schil, the age range. Never a name. */
export function namenlijstCounts(members: readonly Member[], at: string): string[] {
  const active = members.filter((m) => !m.removedAt);
  if (active.length === 0) return [];
  const kern = active.filter((m) => m.positie === 'kern').length;
  const lines = [`De groep telt ${active.length} ${active.length === 1 ? 'jongere' : 'jongeren'}: ${kern} in de kern en ${active.length - kern} in de schil.`];
  const ages = active.flatMap((m) => (m.geboortedatum ? [ageOn(m.geboortedatum, at)] : []));
  if (ages.length >= 2) lines.push(`Leeftijden van ${Math.min(...ages)} tot en met ${Math.max(...ages)} jaar.`);
  return lines;
}

export function buildBeleidsadvies(input: BeleidsadviesInput): DocumentModel {
  const { aanpak, version } = input;
  const sections = readSections(version);
  const b = new Builder(`export:beleidsadvies:${version?.id ?? aanpak.id}`, input.actor);
  const intro = b.section('intro', 'Beleidsadvies');
  b.own(intro, `Groepsaanpak ${aanpak.name} (${aanpak.gemeente}).`);
  b.own(
    intro,
    'Advies van de procesregisseur namens de convenantpartners over prioritering, met het geanonimiseerde concept plan van aanpak. Informatie over individuele jongeren is weggelaten of vervangen door aantallen.',
    'note',
  );

  const kar = b.section('karakterisering', 'Karakterisering van de groep');
  for (const line of namenlijstCounts(input.members.filter((m) => m.aanpakId === aanpak.id), input.at)) b.own(kar, line);
  b.text(kar, sections['probleemanalyse.aanleiding'], `ba:${version?.id}:aanleiding`);
  b.text(kar, sections['probleemanalyse.jeugdgroep'], `ba:${version?.id}:jeugdgroep`);
  if (kar.paragraphs.length === 0) b.own(kar, EMPTY, 'note');

  const ernst = b.section('ernst', 'Ernst van het gedrag');
  const duiding = sections['probleemanalyse.duiding'];
  if (duiding?.risico) {
    b.add(ernst, `De gemeente, politie en het OM duiden deze groep op dit moment als ${duiding.risico}.`, {
      level: 'groep',
      authorId: duiding.updatedBy,
    });
  }
  b.text(ernst, duiding, `ba:${version?.id}:duiding`);
  b.text(ernst, sections['probleemanalyse.strafrecht'], `ba:${version?.id}:strafrecht`);
  if (ernst.paragraphs.length === 0) b.own(ernst, EMPTY, 'note');

  b.section('afspraken', 'Afspraken');
  for (const a of BELEIDSADVIES_AFSPRAKEN) {
    const sec = b.section(`afspraak.${a.id}`, a.title, 2);
    const s = sections[beleidsadviesId(a.id)];
    b.text(sec, s, `ba:${version?.id}:${a.id}`);
    if (sec.paragraphs.length === 0) b.own(sec, EMPTY, 'note');
  }

  const concept = b.section('concept', 'Concept plan van aanpak (geanonimiseerd)');
  b.own(concept, versionLabel(version));
  planSections(b, sections, input.actions.filter((a) => a.aanpakId === aanpak.id), version?.id ?? 'none', 'concept.');
  return { kind: 'beleidsadvies', title: 'Beleidsadvies aan de driehoek', audienceLabel: 'Voor de lokale driehoek', sections: b.sections };
}

// ---- (c) Evaluation report (stap 7) --------------------------------------------------------

export interface EvaluatieInput {
  aanpak: Aanpak;
  /** The newest version (holds the evaluation sections). */
  version: PlanVersion | undefined;
  /** The plan in force (holds the SMART goals); falls back to `version`. */
  effective: PlanVersion | undefined;
  actions: readonly Action[];
  actor: string;
}

const OUTCOME_LABELS = { bereikt: 'bereikt', deels: 'deels bereikt', niet: 'niet bereikt' } as const;

export function buildEvaluatie(input: EvaluatieInput): DocumentModel {
  const { aanpak } = input;
  const latest = readSections(input.version);
  const goalsFrom = readSections(input.effective ?? input.version);
  const b = new Builder(`export:evaluatie:${input.version?.id ?? aanpak.id}`, input.actor);
  const intro = b.section('intro', 'Evaluatie');
  b.own(intro, `Groepsaanpak ${aanpak.name} (${aanpak.gemeente}).`);
  if (input.effective) b.own(intro, `Plan van aanpak: ${versionLabel(input.effective)}`);
  const decision = aanpak.decisions['7'];
  if (decision) {
    b.own(intro, `Besluit bij sluiten: doelen ${decision.doelenBereikt ? 'bereikt' : 'niet (geheel) bereikt'}; resterende acties ${decision.resterendeActiesBelegd ? 'belegd' : 'nog niet belegd'}.`);
  }

  const doelen = b.section('doelen', 'Doelen');
  const goals = goalsFrom.doelstellingen?.goals ?? [];
  const results = latest[EVALUATIE_SECTIONS.doelen];
  const goalLevel = maxLevel(goalsFrom.doelstellingen?.level ?? 'groep', results?.level ?? 'groep');
  goals.forEach((g, i) => {
    const r = results?.goalResults?.find((x) => x.goalId === g.id);
    const outcome = r ? OUTCOME_LABELS[r.outcome] : 'nog niet beoordeeld';
    b.add(
      doelen,
      `${goalLine(g, i)}: ${outcome}.${r?.toelichting ? ` ${r.toelichting}` : ''}`,
      { level: goalLevel, authorId: results?.updatedBy ?? goalsFrom.doelstellingen!.updatedBy },
      'bullet',
    );
  });
  b.text(doelen, results, `eval:${input.version?.id}:doelen`);
  if (doelen.paragraphs.length === 0) b.own(doelen, 'Er zijn geen SMART-doelen vastgelegd.', 'note');

  b.section('aspecten', 'Evaluatie van de samenwerking');
  EVALUATION_ASPECTS.forEach((title, i) => {
    const sec = b.section(`aspect.${i + 1}`, title, 2);
    b.text(sec, latest[evaluatieAspectId(i)], `eval:${input.version?.id}:aspect:${i + 1}`);
    if (sec.paragraphs.length === 0) b.own(sec, EMPTY, 'note');
  });

  const lessen = b.section('leerpunten', 'Leer- en verbeterpunten');
  b.text(lessen, latest[EVALUATIE_SECTIONS.leerpunten], `eval:${input.version?.id}:leerpunten`);
  if (lessen.paragraphs.length === 0) b.own(lessen, EMPTY, 'note');

  const rest = b.section('resterende_acties', 'Resterende acties');
  b.text(rest, latest[EVALUATIE_SECTIONS.resterendeActies], `eval:${input.version?.id}:rest`);
  const open = input.actions.filter((a) => a.aanpakId === aanpak.id && a.status === 'open');
  if (open.length === 0) b.own(rest, 'Er staan geen acties meer open.');
  for (const a of open) b.add(rest, actionLine(a), { level: a.level, authorId: a.createdBy, ref: `action:${a.id}` }, 'bullet');

  const persp = latest[EVALUATIE_SECTIONS.perspectief];
  if (persp?.text) b.text(b.section('perspectief', 'Perspectief van jongeren en ouders'), persp, `eval:${input.version?.id}:perspectief`);
  return { kind: 'evaluatie', title: 'Evaluatieverslag', audienceLabel: 'Voor de convenantpartners', sections: b.sections };
}

// ---- (d) Inzage for one betrokkene ---------------------------------------------------------

/** R-X-92: the answer is due 4 weeks after the request was received. */
export function inzageDeadline(request: Pick<InzageRequest, 'receivedAt'>): string {
  return addWeeks(request.receivedAt, INZAGE_TERM_WEEKS);
}

export interface Disclosure {
  /** Participant id, or 'driehoek'. */
  recipient: string;
  first: string;
  last: string;
  count: number;
}

/** Comma-joined member ids an audit event says its content concerned (see `withMemberIds`). */
function auditMemberIds(e: AuditEvent): string[] {
  const v = e.data?.memberIds;
  return typeof v === 'string' && v ? v.split(',') : [];
}

/**
 * R-X-91: every recipient the member's data reached, from the gate decisions in the audit log.
 * A decision concerns the member when its content was the member's record (`member:<id>`), when
 * it names the member in `data.memberIds`, or when its content ref is one of `refs` (stored texts
 * that mention the member, found by screening).
 */
export function disclosuresOf(audit: readonly AuditEvent[], memberId: string, refs: ReadonlySet<string> = new Set()): Disclosure[] {
  const out = new Map<string, Disclosure>();
  for (const e of audit) {
    if (e.type !== 'gate.decision' || e.outcome !== 'allow') continue;
    // Allowed, but part of a message the outbox did not send (another item was refused).
    if (e.data?.released === false) continue;
    const ref = typeof e.data?.contentRef === 'string' ? e.data.contentRef : '';
    const concerns =
      ref === `member:${memberId}` || ref.startsWith(`member:${memberId}:`) || refs.has(ref) || auditMemberIds(e).includes(memberId);
    if (!concerns) continue;
    for (const r of e.audience ?? []) {
      const d = out.get(r);
      if (!d) out.set(r, { recipient: r, first: e.at, last: e.at, count: 1 });
      else {
        d.count += 1;
        if (e.at < d.first) d.first = e.at;
        if (e.at > d.last) d.last = e.at;
      }
    }
  }
  return [...out.values()].sort((a, b) => a.first.localeCompare(b.first) || a.recipient.localeCompare(b.recipient));
}

/** A stored text that mentions the member, with its content ref. */
export interface Mention {
  ref: string;
  /** Dutch label of where it is stored, e.g. "Antwoord in een ronde". */
  where: string;
  text: string;
  level: Level;
  authorId: string;
  at: string;
}

const PLACEHOLDER: Partial<Record<FindingKind, string>> = {
  naam: '[groepslid]',
  bijnaam: '[groepslid]',
  geboortedatum: '[datum]',
  datum: '[datum]',
  bsn: '[nummer]',
  postcode_huisnummer: '[adres]',
  adres: '[adres]',
  telefoon: '[telefoon]',
  email: '[e-mail]',
};

/** Replaces findings of `screen` in the text (all, or all but one member's) with placeholders. */
export function redact(text: string, screener: Screener, keepMemberId?: string): string {
  let out = text;
  for (let round = 0; round < 3; round++) {
    const findings = screener.screen(out).findings.filter((f) => !(keepMemberId && f.memberId === keepMemberId));
    if (findings.length === 0) break;
    // Longest first, so "Jan de Vries" goes before "Jan".
    for (const f of [...findings].sort((a, b) => b.fragment.length - a.fragment.length)) {
      if (f.fragment) out = out.split(f.fragment).join(PLACEHOLDER[f.kind] ?? '[verwijderd]');
    }
  }
  return out;
}

/** Every stored text (answers, rode draad, actions, plan) in which screening finds the member. */
export function mentionsOf(
  memberId: string,
  screener: Screener,
  sources: { rounds: readonly Round[]; answers: readonly Answer[]; actions: readonly Action[]; version?: PlanVersion },
): Mention[] {
  const out: Mention[] = [];
  const about = (text: string) => screener.screen(text).findings.some((f) => f.memberId === memberId);
  for (const a of sources.answers) {
    if (a.status !== 'submitted') continue;
    for (const item of a.items) {
      const text = [item.text, item.toelichting].filter(Boolean).join(' — ');
      if (text && about(text)) {
        out.push({
          ref: `${a.roundId}:${a.participantId}:${item.questionId}`,
          where: 'Antwoord in een ronde',
          text,
          level: item.declaredLevel ?? 'persoon',
          authorId: a.participantId,
          at: a.submittedAt ?? a.updatedAt,
        });
      }
    }
  }
  for (const r of sources.rounds) {
    for (const d of r.rodeDraad) {
      if (about(d.text)) out.push({ ref: `${r.id}:rode_draad:${d.questionId}`, where: 'Rode draad', text: d.text, level: d.level, authorId: d.by, at: d.at });
    }
  }
  for (const a of sources.actions) {
    const text = [a.text, a.result].filter(Boolean).join(' — ');
    if (about(text)) out.push({ ref: `action:${a.id}`, where: 'Actie', text, level: a.level, authorId: a.createdBy, at: a.createdAt });
  }
  const sections = readSections(sources.version);
  for (const [id, s] of Object.entries(sections)) {
    if (s.text && about(s.text)) {
      out.push({ ref: `plan:${sources.version!.id}:${id}`, where: 'Plan van aanpak', text: s.text, level: s.level, authorId: s.updatedBy, at: s.updatedAt });
    }
  }
  return out;
}

export interface InzageInput {
  aanpak: Aanpak;
  member: Member;
  request: InzageRequest;
  audit: readonly AuditEvent[];
  mentions: readonly Mention[];
  /** Screener of the whole namenlijst: other members in mentions are redacted. */
  screener: Screener;
  actor: string;
}

const AUDIT_LABELS: Record<string, string> = {
  'member.added': 'Op de namenlijst gezet',
  'member.rectified': 'Gegevens gecorrigeerd',
  'member.informing_recorded': 'Informeren vastgelegd',
  'member.removed': 'Van de namenlijst gehaald',
  'legal_basis.recorded': 'Grondslag voor een incidentele deelnemer vastgelegd',
  'inzage.requested': 'Verzoek om inzage ontvangen',
  'inzage.answered': 'Verzoek om inzage beantwoord',
};

function recipientLabel(aanpak: Aanpak, key: string): string {
  if (key === 'driehoek') return 'Lokale driehoek';
  const p = aanpak.participants.find((x) => x.id === key);
  if (!p) return 'Onbekende ontvanger';
  return `${organisationLabel(p.organisation)}: ${p.displayName}${p.functie ? ` (${p.functie})` : ''}`;
}

export function buildInzage(input: InzageInput): { model: DocumentModel; disclosures: Disclosure[] } {
  const { aanpak, member: m, request } = input;
  const b = new Builder(`export:inzage:${request.id}`, input.actor);
  const ids = [m.id];
  const own = (s: DocSection, text: string, style: DocParagraph['style'] = 'text') =>
    b.add(s, text, { level: 'persoon', authorId: input.actor, memberIds: ids }, style);

  const verzoek = b.section('verzoek', 'Verzoek');
  b.own(verzoek, `Groepsaanpak ${aanpak.name} (${aanpak.gemeente}).`);
  b.own(verzoek, `Verzoek ontvangen op ${dutchDay(request.receivedAt)}; uiterlijk beantwoorden op ${dutchDay(inzageDeadline(request))} (binnen 4 weken).`);
  if (request.answeredAt) b.own(verzoek, `Beantwoord op ${dutchDay(request.answeredAt)}.`);

  const gegevens = b.section('gegevens', 'Vastgelegde gegevens');
  own(gegevens, `Naam: ${m.naam}`, 'bullet');
  own(gegevens, `Bijnamen: ${m.bijnamen.length ? m.bijnamen.join(', ') : 'geen'}`, 'bullet');
  own(gegevens, `Geboortedatum: ${m.geboortedatum ? dutchDay(m.geboortedatum) : 'niet vastgelegd'}`, 'bullet');
  own(gegevens, `Adres: ${[m.adres, m.woonplaats].filter(Boolean).join(', ') || 'niet vastgelegd'}`, 'bullet');
  own(gegevens, `Positie in de groep: ${m.positie}`, 'bullet');
  own(gegevens, `Op de namenlijst sinds ${dutchDay(m.addedAt)}`, 'bullet');
  const inf = m.informing;
  own(
    gegevens,
    inf.status === 'uitgereikt'
      ? `Geïnformeerd: brief uitgereikt op ${dutchDay(inf.date)}`
      : inf.status === 'uitgesteld'
        ? `Informeren uitgesteld: ${inf.reason}`
        : 'Informeren: nog niet gedaan',
    'bullet',
  );
  if (m.removedAt) own(gegevens, `Van de namenlijst gehaald op ${dutchDay(m.removedAt)}${m.removalReason ? `: ${m.removalReason}` : ''}`, 'bullet');

  const herkomst = b.section('herkomst', 'Herkomst');
  b.own(
    herkomst,
    m.bron === 'groepsscan'
      ? 'Bron: groepsscan van de politie.'
      : `Bron: ingebracht door een partner${m.bronOrganisation ? ` (${organisationLabel(m.bronOrganisation)})` : ''}.`,
    'text',
    ids,
  );

  const bases = aanpak.legalBases.filter((x) => x.memberId === m.id);
  if (bases.length) {
    const s = b.section('grondslagen', 'Grondslagen voor incidentele deelnemers');
    for (const g of bases) own(s, `${recipientLabel(aanpak, g.participantId)}: ${g.basis} (${dutchDay(g.recordedAt)})`, 'bullet');
  }

  const vermeldingen = b.section('vermeldingen', 'Vermeldingen in het dossier');
  if (input.mentions.length === 0) b.own(vermeldingen, 'Geen andere vermeldingen gevonden.', 'note', ids);
  for (const x of input.mentions) {
    // Other members' names and data are replaced: inzage covers this betrokkene only.
    b.add(
      vermeldingen,
      `${x.where} (${dutchDay(x.at)}): ${redact(x.text, input.screener, m.id)}`,
      { level: maxLevel('persoon', x.level), authorId: x.authorId, memberIds: ids },
      'bullet',
    );
  }

  const refs = new Set(input.mentions.map((x) => x.ref));
  const disclosures = disclosuresOf(input.audit, m.id, refs);
  const ontvangers = b.section('ontvangers', 'Ontvangers');
  b.own(ontvangers, 'Aan wie gegevens over deze persoon zijn verstrekt (uit het logboek van de groepsaanpak):', 'note', ids);
  if (disclosures.length === 0) b.own(ontvangers, 'Niemand.', 'bullet', ids);
  for (const d of disclosures) {
    own(
      ontvangers,
      `${recipientLabel(aanpak, d.recipient)}: ${d.count}× tussen ${dutchDay(d.first)} en ${dutchDay(d.last)}`,
      'bullet',
    );
  }

  const verwerkingen = b.section('verwerkingen', 'Verwerkingen');
  const own_events = input.audit.filter((e) => e.data?.memberId === m.id && AUDIT_LABELS[e.type]);
  if (own_events.length === 0) b.own(verwerkingen, 'Geen.', 'note', ids);
  for (const e of own_events) {
    const fields = e.type === 'member.rectified' && typeof e.data?.fields === 'string' ? ` (${e.data.fields})` : '';
    own(verwerkingen, `${dutchDay(e.at)}: ${AUDIT_LABELS[e.type]}${fields}`, 'bullet');
  }
  return {
    model: { kind: 'inzage', title: 'Inzage betrokkene', audienceLabel: 'Voor de procesregisseur (beantwoorden van het verzoek)', sections: b.sections },
    disclosures,
  };
}

// ---- Gate ----------------------------------------------------------------------------------

/** Adds the member ids a decision concerned to its audit event (for inzage, R-X-91). */
export function withMemberIds(event: AuditEvent, content: GateContent, decision: GateDecision): AuditEvent {
  const ids = new Set(content.memberIds ?? []);
  for (const f of decision.findings) if (f.memberId) ids.add(f.memberId);
  if (ids.size === 0) return event;
  return { ...event, data: { ...event.data, memberIds: [...ids].sort().join(',') } };
}

export interface GateDocumentOptions {
  actor: string;
  at: string;
  /**
   * Driehoek exports: a paragraph the author declared 'groep' that was raised only by names or
   * personal data found in it is shared with those replaced, when the gate then allows it.
   */
  anonymise?: boolean;
}

/**
 * Checks every paragraph for the audience; keeps only allowed ones, audits every decision, and adds
 * a closing section that lists what was withheld (counts and reasons, no content).
 */
export function gateDocument(raw: DocumentModel, ctx: GateContext, audience: Recipient[], opts: GateDocumentOptions): GatedDocument {
  const events: AuditEvent[] = [];
  const reasons = new Map<string, WithheldReason>();
  let withheld = 0;
  let anonymised = 0;
  let level: Level = 'groep';
  const check = (content: GateContent): GateDecision => {
    const d = decide(content, ctx, audience);
    events.push(withMemberIds(gateAuditEvent(d, content, opts.actor, audience, opts.at, ctx.aanpak.id), content, d));
    return d;
  };
  const sections: DocSection[] = raw.sections.map((s) => {
    const paragraphs: DocParagraph[] = [];
    for (const p of s.paragraphs) {
      const d = check(p.content);
      if (d.outcome === 'allow') {
        paragraphs.push(p);
        level = maxLevel(level, d.level);
        continue;
      }
      const onlyFindings = p.content.level === 'groep' && d.findings.length > 0 && d.reasons.every((r) => r.ruleId === 'R-4-1');
      if (opts.anonymise && onlyFindings) {
        const text = redact(p.content.text, ctx.screener);
        // The redacted paragraph no longer carries the members' ids: that is the point.
        const { memberIds: _drop, ...rest } = p.content;
        const replaced = { ...rest, ref: `${p.content.ref}:geanonimiseerd`, text };
        if (check(replaced).outcome === 'allow') {
          paragraphs.push({ ...p, content: replaced });
          anonymised += 1;
          continue;
        }
      }
      withheld += 1;
      for (const r of d.reasons) {
        const key = r.ruleId;
        const w = reasons.get(key);
        if (w) w.count += 1;
        else reasons.set(key, { ruleId: r.ruleId, message: r.message, count: 1 });
      }
    }
    return { ...s, paragraphs };
  });

  // The closing list is made of counts and rule ids only; it passes the gate like everything else.
  const b = new Builder(`export:${raw.kind}:withheld`, opts.actor);
  const list = b.section('achtergehouden', 'Achtergehouden');
  if (withheld === 0 && anonymised === 0) b.own(list, 'Niets achtergehouden: alle onderdelen mochten naar deze ontvangers.', 'note');
  if (withheld > 0) b.own(list, `${withheld} ${withheld === 1 ? 'alinea' : 'alinea’s'} achtergehouden:`);
  for (const r of [...reasons.values()].sort((a, b) => a.ruleId.localeCompare(b.ruleId))) {
    b.own(list, `${r.count}× ${r.message}`, 'bullet');
  }
  if (anonymised > 0) {
    b.own(list, `${anonymised} ${anonymised === 1 ? 'alinea' : 'alinea’s'} geanonimiseerd: namen en persoonsgegevens vervangen door een rol of [groepslid].`);
  }
  for (const p of list.paragraphs) check(p.content);
  sections.push(list);

  return {
    model: { ...raw, sections },
    withheld: { count: withheld, reasons: [...reasons.values()] },
    anonymised,
    level,
    events,
  };
}

/** Every text in a (gated) document, for delivery as outbox contents. */
export function documentContents(model: DocumentModel): GateContent[] {
  return model.sections.flatMap((s) => s.paragraphs.map((p) => p.content));
}

// ---- Inzage requests as audit records ------------------------------------------------------
// A request holds only ids and dates, so the append-only audit log is its record: it survives
// restarts, is hash-chained, and the scheduler can feed `inzageRequests` (T-18) from it.

export function inzageRequestedEvent(aanpakId: string, request: InzageRequest, actor: string, at: string): AuditEvent {
  return {
    aanpakId,
    type: 'inzage.requested',
    actor,
    at,
    level: 'persoon',
    ruleIds: ['R-X-90', 'R-X-92', 'T-18'],
    data: { requestId: request.id, memberId: request.memberId, receivedAt: request.receivedAt, deadline: inzageDeadline(request) },
  };
}

export function inzageAnsweredEvent(aanpakId: string, request: InzageRequest, actor: string, at: string, recipients: number): AuditEvent {
  return {
    aanpakId,
    type: 'inzage.answered',
    actor,
    at,
    level: 'persoon',
    ruleIds: ['R-X-91', 'R-X-92'],
    data: { requestId: request.id, memberId: request.memberId, recipients },
  };
}

/** The inzage requests of an aanpak, rebuilt from its audit log (answered once an export was made). */
export function inzageRequestsFromAudit(audit: readonly AuditEvent[]): InzageRequest[] {
  const out = new Map<string, InzageRequest>();
  for (const e of audit) {
    const id = e.data?.requestId;
    if (typeof id !== 'string') continue;
    if (e.type === 'inzage.requested' && typeof e.data?.memberId === 'string' && typeof e.data?.receivedAt === 'string') {
      out.set(id, { id, memberId: e.data.memberId, receivedAt: e.data.receivedAt });
    } else if (e.type === 'inzage.answered') {
      const r = out.get(id);
      if (r && !r.answeredAt) r.answeredAt = e.at;
    }
  }
  return [...out.values()];
}
