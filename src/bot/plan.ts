// Bot plugin for the plan van aanpak, the exports and the rights of betrokkenen (issue 6):
// `plan`, `beleidsadvies`, `evaluatie`, `inzage <naam>`, `corrigeer <naam>`, `sluit aanpak`,
// `heropen <naam aanpak>` and their card verbs. Translates and renders only: the workflow decides,
// the outbox sends (behind the gate). Documents go to the requester's 1:1 chat only.
import {
  CORRIGEER_INPUTS,
  PLAN_INPUTS,
  PLAN_VERBS,
  goalInputId,
  goalResultInputId,
  renderCorrigeerCard,
  renderDocumentReadyCard,
  renderHeropenenCard,
  renderInzageCard,
  renderPlanDiffCard,
  renderPlanOverviewCard,
  renderPlanSectionCard,
  renderSluitenCard,
} from '../cards/plan/index.js';
import { renderErrorCard, type CardAttachment } from '../cards/index.js';
import type { Feature, FeatureContext } from '../compose.js';
import { renderFile } from '../docs/index.js';
import { ConflictError, type Store } from '../store/port.js';
import { activeParticipants, isConvenantOrg, isRegisseur, participantByAad, reopen, tickChecklist, transition } from '../workflow/aanpak.js';
import {
  buildBeleidsadvies,
  buildEvaluatie,
  buildInzage,
  buildPlanDocument,
  documentContents,
  dutchDay,
  gateDocument,
  inzageAnsweredEvent,
  inzageDeadline,
  inzageRequestedEvent,
  inzageRequestsFromAudit,
  mentionsOf,
  type DocumentModel,
  type GatedDocument,
} from '../workflow/documents.js';
import { updateMember } from '../workflow/namenlijst.js';
import {
  ALL_SECTIONS,
  EVALUATIE_PREFIX,
  EVALUATIE_SECTIONS,
  PLAN_TRACKS,
  bijstellenPlan,
  diffPlans,
  effectiveVersion,
  latestVersion,
  mayEditPlan,
  readSections,
  savePlanSection,
  sectionDef,
  startPlan,
  vaststellenPlan,
  type PlanFacts,
  type SectionInput,
} from '../workflow/plan.js';
import { canReopen } from '../workflow/retention.js';
import { aggregateDuiding } from '../workflow/rounds.js';
import { recipientKey } from '../workflow/gate.js';
import { createScreener } from '../workflow/screening.js';
import { localDate } from '../workflow/time.js';
import {
  DomainError,
  type Aanpak,
  type AuditEvent,
  type Env,
  type GateContent,
  type Level,
  type Member,
  type Participant,
  type PlanVersion,
  type Recipient,
} from '../workflow/types.js';
import type { BotPlugin } from './app.js';
import { DownloadStore, FileConsentFlow, downloadUrl, registerDownloadRoute, type FileConsentResponse } from './downloads.js';
import { AanpakHandlerBase } from './base.js';
import { UserError, errorResult, reply } from './results.js';
import type { FileAttachment, HandlerResult, Outgoing, Turn } from './types.js';

export interface PlanPluginDeps {
  store: Store;
  env: Env;
  downloads: DownloadStore;
  /** Base URL of this bot for download links (PUBLIC_URL, or http://host:port locally). */
  baseUrl: string;
  afterChange?: (aanpakId: string) => Promise<void>;
  /** Production: documents go out as a Teams file consent card instead of download links. */
  consent?: FileConsentFlow;
}

const LEVEL_CHOICES: readonly Level[] = ['groep', 'persoon', 'bijzonder'];

function direct(aanpak: Aanpak, p: Participant, card: CardAttachment, label: string, contents: GateContent[]): Outgoing {
  return { to: { kind: 'direct', aanpakId: aanpak.id, participantId: p.id }, card, label, contents, aanpakId: aanpak.id };
}

function groep(ref: string, authorId: string, kind: GateContent['kind'] = 'status'): GateContent {
  return { ref, kind, level: 'groep', authorId };
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

function matches(text: string, cmd: string): string | undefined | false {
  const lower = text.toLowerCase();
  if (lower === cmd) return undefined;
  if (lower.startsWith(`${cmd} `)) return text.slice(cmd.length).trim() || undefined;
  return false;
}

/** Case- and diacritics-insensitive key for name lookups. */
function key(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

export class PlanPlugin extends AanpakHandlerBase implements BotPlugin {
  readonly name = 'plan';
  constructor(private readonly deps: PlanPluginDeps) {
    super(deps);
  }

  // ---- plumbing -----------------------------------------------------------------------------

  async command(turn: Turn, raw: string): Promise<HandlerResult | undefined> {
    const text = (raw ?? '').replace(/\s+/g, ' ').trim();
    const run = async (fn: () => Promise<HandlerResult>): Promise<HandlerResult> => {
      try {
        return await fn();
      } catch (err) {
        return this.fail(err);
      }
    };
    let arg: string | undefined | false;
    if ((arg = matches(text, 'plan document')) !== false) {
      const a = arg;
      return run(async () => this.exportPlan(turn, await this.resolve(turn, a)));
    }
    if ((arg = matches(text, 'plan')) !== false) {
      const a = arg;
      return run(async () => this.overview(turn, await this.resolve(turn, a)));
    }
    if ((arg = matches(text, 'beleidsadvies')) !== false) {
      const a = arg;
      return run(async () => this.beleidsadvies(turn, await this.resolve(turn, a)));
    }
    if ((arg = matches(text, 'evaluatie')) !== false) {
      const a = arg;
      return run(async () => this.evaluatie(turn, await this.resolve(turn, a, true)));
    }
    if ((arg = matches(text, 'inzage')) !== false) {
      const a = arg;
      return run(async () => this.inzage(turn, a));
    }
    if ((arg = matches(text, 'corrigeer')) !== false) {
      const a = arg;
      return run(async () => this.corrigeer(turn, a));
    }
    if ((arg = matches(text, 'sluit aanpak')) !== false) {
      const a = arg;
      return run(async () => this.sluitCard(turn, await this.resolve(turn, a)));
    }
    if ((arg = matches(text, 'heropen')) !== false) {
      const a = arg;
      return run(async () => this.heropenCard(turn, a));
    }
    return undefined;
  }

  async action(turn: Turn, verb: string, data: Record<string, unknown>): Promise<HandlerResult | undefined> {
    const verbs: readonly string[] = Object.values(PLAN_VERBS);
    if (!verbs.includes(verb)) return undefined;
    try {
      const aanpak = await this.load(data.aanpakId);
      switch (verb) {
        case PLAN_VERBS.open:
          return await this.overview(turn, aanpak, true);
        case PLAN_VERBS.sectionOpen:
          return await this.sectionCard(turn, aanpak, str(data.sectionId));
        case PLAN_VERBS.sectionSave:
          return await this.saveSection(turn, aanpak, data);
        case PLAN_VERBS.vaststellen:
          return await this.version(turn, aanpak, 'vaststellen');
        case PLAN_VERBS.bijstellen:
          return await this.version(turn, aanpak, 'bijstellen');
        case PLAN_VERBS.diff:
          return await this.diff(turn, aanpak);
        case PLAN_VERBS.export:
          return await this.exportPlan(turn, aanpak);
        case PLAN_VERBS.inzageRecord:
          return await this.recordInzage(turn, aanpak, data);
        case PLAN_VERBS.inzageExport:
          return await this.exportInzage(turn, aanpak, data);
        case PLAN_VERBS.corrigeer:
          return await this.applyCorrigeer(turn, aanpak, data);
        case PLAN_VERBS.sluiten:
          return await this.sluiten(turn, aanpak, data);
        case PLAN_VERBS.heropenen:
          return await this.heropenen(turn, aanpak, data);
      }
    } catch (err) {
      return this.fail(err);
    }
    return undefined;
  }

  /** The requester accepted or declined the file consent card of a document. */
  async fileConsent(turn: Turn, response: unknown): Promise<HandlerResult | undefined> {
    if (!this.deps.consent) return undefined;
    const value = (response && typeof response === 'object' ? response : {}) as FileConsentResponse;
    const r = await this.deps.consent.respond(value, turn.actor.aadObjectId);
    const notice = (message: string) => ({ out: [reply(renderErrorCard({ message }), `file consent ${r.kind}`)] });
    switch (r.kind) {
      case 'uploaded':
        // The file card points at the requester's own OneDrive copy; it carries no content itself.
        return { out: [{ to: { kind: 'reply' }, card: r.info as FileAttachment, label: 'file info', contents: [] }] };
      case 'declined':
        return notice('Je hebt het document geweigerd; er is niets opgeslagen.');
      case 'forbidden':
        return notice('Dit document is voor iemand anders bestemd.');
      case 'expired':
        return notice('Deze aanbieding is verlopen of al gebruikt. Vraag het document opnieuw op.');
      default:
        return notice('Het opslaan van het document is mislukt. Vraag het opnieuw op.');
    }
  }

  private fail(err: unknown): HandlerResult {
    if (err instanceof UserError || err instanceof DomainError) return errorResult(err.userMessage, err.ruleIds);
    if (err instanceof ConflictError) return errorResult('Iemand anders heeft dit net gewijzigd. Open de kaart opnieuw en probeer het nog eens.');
    throw err;
  }

  private async save(before: Aanpak, after: Aanpak, events: AuditEvent[]): Promise<Aanpak> {
    // The change and its audit events in one transaction.
    const saved = await this.store.saveAanpak(after, before.version, events);
    await this.deps.afterChange?.(saved.id);
    return saved;
  }

  private async candidates(turn: Turn): Promise<Aanpak[]> {
    const all =
      turn.conversationType === 'personal'
        ? await this.store.findAanpakkenByParticipant(turn.actor.aadObjectId)
        : await this.store.listAanpakkenByChannel(turn.conversationId);
    return all.filter((a) => a.state !== 'vernietigd');
  }

  /** Which aanpak a command is about: by name, or the only (open) one here. */
  private async resolve(turn: Turn, name: string | undefined, includeClosed = false): Promise<Aanpak> {
    const all = await this.candidates(turn);
    const live = includeClosed ? all : all.filter((a) => a.state !== 'gesloten' && a.state !== 'inactief');
    const wanted = name ? key(name) : undefined;
    if (wanted) {
      const hit = all.find((a) => key(a.name) === wanted) ?? all.find((a) => key(a.name).startsWith(wanted));
      if (hit) return hit;
      throw new UserError(`Geen aanpak "${name}" gevonden.`);
    }
    if (live.length === 1) return live[0]!;
    if (live.length === 0) throw new UserError('Hier loopt geen aanpak.');
    throw new UserError(`Hier lopen meerdere aanpakken: ${live.map((a) => a.name).join(', ')}. Noem de naam.`);
  }

  private member(aanpak: Aanpak, turn: Turn): Participant {
    const p = participantByAad(aanpak, turn.actor.aadObjectId);
    if (!p) throw new UserError(`Je doet niet mee aan de aanpak ${aanpak.name}.`);
    return p;
  }

  private regisseur(aanpak: Aanpak, turn: Turn): Participant {
    const p = this.member(aanpak, turn);
    if (!isRegisseur(aanpak, p.id)) throw new UserError('Dit kan alleen de procesregisseur.');
    return p;
  }

  private async versions(aanpak: Aanpak): Promise<PlanVersion[]> {
    return this.store.listPlanVersions(aanpak.id);
  }

  private async facts(aanpak: Aanpak): Promise<PlanFacts> {
    const [members, actions, rounds] = await Promise.all([
      this.store.listMembers(aanpak.id),
      this.store.listActions(aanpak.id),
      this.store.listRounds(aanpak.id),
    ]);
    const published = rounds.filter((r) => r.status === 'gepubliceerd').sort((a, b) => (a.publishedAt ?? '').localeCompare(b.publishedAt ?? ''));
    const duidingRound = published.filter((r) => r.kind === 'duiding').at(-1);
    const duiding = duidingRound ? aggregateDuiding(duidingRound, await this.store.listAnswers(duidingRound.id)) : undefined;
    return { aanpak, members, actions, ...(duiding ? { duiding } : {}), rodeDraad: published.flatMap((r) => r.rodeDraad) };
  }

  private versionLabel(v: PlanVersion | undefined): string {
    if (!v) return 'Nog geen versie.';
    const status =
      v.status === 'vastgesteld' ? `vastgesteld op ${dutchDay(v.vastgesteldOp ?? v.at)}` : v.status === 'bijgesteld' ? 'bijgesteld' : 'concept';
    return `Versie ${v.number} (${status}), ${dutchDay(v.at)}`;
  }

  // ---- plan ---------------------------------------------------------------------------------

  private async overview(turn: Turn, aanpak: Aanpak, invoke = false): Promise<HandlerResult> {
    const me = this.member(aanpak, turn);
    let versions = await this.versions(aanpak);
    const canEdit = mayEditPlan(aanpak, me.id) && ['3', '4', '5', '6', '7'].includes(aanpak.state);
    if (versions.length === 0 && canEdit) {
      const started = startPlan(aanpak, versions, await this.facts(aanpak), me.id, this.deps.env);
      await this.store.addPlanVersion(started.version);
      await this.audit(started.events);
      versions = [started.version];
    }
    if (versions.length === 0) throw new UserError('Er is nog geen plan van aanpak (dat begint in stap 3).');
    const latest = latestVersion(versions)!;
    const effective = effectiveVersion(versions);
    const sections = readSections(latest);
    const regie = isRegisseur(aanpak, me.id);
    const shown = ALL_SECTIONS.filter((d) => d.group === 'plan' || (d.group === 'beleidsadvies' && ['3', '4'].includes(aanpak.state)) || (d.group === 'evaluatie' && aanpak.state === '7'));
    const card = renderPlanOverviewCard({
      ctx: this.ctx(aanpak),
      aanpakName: aanpak.name,
      versionLabel: `${this.versionLabel(latest)}${effective && effective.number !== latest.number ? ` · geldend: ${this.versionLabel(effective)}` : ''}`,
      hint: 'Bewerk één onderdeel tegelijk. Elke wijziging wordt een nieuwe versie, met wie en wanneer.',
      sections: shown.map((d) => {
        const s = sections[d.id];
        const filled = !!(s && (s.text || s.goals?.length || s.actionIds?.length || s.risico || s.goalResults?.length));
        const parts = [filled ? 'ingevuld' : 'nog leeg'];
        if (s?.goals?.length) parts.push(`${s.goals.length} doelen`);
        if (s?.actionIds?.length) parts.push(`${s.actionIds.length} acties`);
        if (s && s.level !== 'groep') parts.push(`bevat ${s.level}-informatie`);
        const hasChildren = ALL_SECTIONS.some((c) => c.parent === d.id);
        return { id: d.id, title: d.title, status: hasChildren && !filled ? '' : parts.join(', '), depth: d.parent ? 2 : 1, canEdit: canEdit && !hasChildren };
      }),
      canVaststellen: regie && aanpak.state === '5',
      canBijstellen: regie && aanpak.state === '6' && !!effective && effective.number !== latest.number,
      canDiff: versions.length > 1,
    });
    // Only statuses and titles: the section texts open one at a time.
    const msg = reply(card, 'plan overview', aanpak.id, [groep(`plan:${latest.id}:overview`, me.id)]);
    return invoke ? { out: [], invoke: msg } : { out: [msg] };
  }

  private async sectionCard(turn: Turn, aanpak: Aanpak, sectionId: string): Promise<HandlerResult> {
    const me = this.member(aanpak, turn);
    if (!mayEditPlan(aanpak, me.id)) throw new UserError('Alleen de procesregisseur en de convenantpartners schrijven aan het plan.');
    const def = sectionDef(sectionId);
    if (!def) throw new UserError('Dit onderdeel hoort niet bij het plan van aanpak.');
    const versions = await this.versions(aanpak);
    const latest = latestVersion(versions);
    const sections = readSections(latest);
    const s = sections[sectionId];
    const actions = PLAN_TRACKS.includes(sectionId) ? await this.store.listActions(aanpak.id) : [];
    const goals = readSections(effectiveVersion(versions) ?? latest).doelstellingen?.goals ?? [];
    const card = renderPlanSectionCard({
      ctx: this.ctx(aanpak),
      aanpakName: aanpak.name,
      versionLabel: this.versionLabel(latest),
      sectionId,
      title: def.title,
      guidance: def.guidance,
      text: s?.text ?? '',
      level: s?.level ?? 'groep',
      ...(sectionId === 'probleemanalyse.duiding' ? { risico: { value: s?.risico ?? '' } } : {}),
      ...(sectionId === 'doelstellingen' ? { goals: s?.goals ?? [] } : {}),
      ...(PLAN_TRACKS.includes(sectionId)
        ? {
            actions: {
              choices: actions.filter((a) => a.status !== 'vervallen').map((a) => ({ id: a.id, label: a.text.slice(0, 120) })),
              selected: s?.actionIds ?? [],
            },
          }
        : {}),
      ...(sectionId === EVALUATIE_SECTIONS.doelen
        ? {
            goalResults: goals.map((g, i) => ({
              goalId: g.id,
              label: `Doel ${i + 1}: ${g.text}`,
              value: s?.goalResults?.find((r) => r.goalId === g.id)?.outcome ?? '',
            })),
          }
        : {}),
    });
    // The card carries the section's text (and action texts): gated for the interactor.
    const contents: GateContent[] = [groep(`plan:section:${sectionId}`, me.id)];
    if (s?.text) contents.push({ ref: `plan:${latest!.id}:${sectionId}`, kind: 'export_paragraph', level: s.level, text: s.text, authorId: s.updatedBy });
    for (const a of actions) contents.push({ ref: `action:${a.id}`, kind: 'action', level: a.level, text: a.text, authorId: a.createdBy });
    return { out: [], invoke: reply(card, `plan section ${sectionId}`, aanpak.id, contents) };
  }

  private async saveSection(turn: Turn, aanpak: Aanpak, data: Record<string, unknown>): Promise<HandlerResult> {
    const me = this.member(aanpak, turn);
    const sectionId = str(data.sectionId);
    const level = str(data[PLAN_INPUTS.level]);
    const input: SectionInput = {
      sectionId,
      text: str(data[PLAN_INPUTS.text]),
      ...(LEVEL_CHOICES.includes(level as Level) ? { level: level as Level } : {}),
      by: me.id,
    };
    if (sectionId === 'probleemanalyse.duiding') input.risico = str(data[PLAN_INPUTS.risico]);
    if (sectionId === 'doelstellingen') {
      const ids = str(data.goalIds).split(',');
      input.goals = ids.map((id, i) => ({
        ...(id ? { id } : {}),
        text: str(data[goalInputId('text', i)]),
        indicator: str(data[goalInputId('indicator', i)]),
        target: str(data[goalInputId('target', i)]),
        date: str(data[goalInputId('date', i)]),
      }));
      // New rows get the next free number.
      const used = new Set(ids.filter(Boolean));
      let n = 1;
      for (const g of input.goals) {
        if (g.id || !g.text) continue;
        while (used.has(`doel-${n}`)) n++;
        g.id = `doel-${n}`;
        used.add(g.id);
      }
    }
    if (PLAN_TRACKS.includes(sectionId)) input.actionIds = str(data[PLAN_INPUTS.actions]).split(',').filter(Boolean);
    if (sectionId === EVALUATIE_SECTIONS.doelen) {
      input.goalResults = Object.entries(data)
        .filter(([k, v]) => k.startsWith(goalResultInputId('')) && typeof v === 'string' && v)
        .map(([k, v]) => ({ goalId: k.slice(goalResultInputId('').length), outcome: v as string }));
    }
    const versions = await this.versions(aanpak);
    const actions = await this.store.listActions(aanpak.id);
    const saved = savePlanSection(aanpak, versions, actions, input, this.deps.env);
    await this.store.addPlanVersion(saved.version);
    await this.audit(saved.events);
    return this.overview(turn, aanpak, true);
  }

  private async version(turn: Turn, aanpak: Aanpak, what: 'vaststellen' | 'bijstellen'): Promise<HandlerResult> {
    const me = this.regisseur(aanpak, turn);
    const versions = await this.versions(aanpak);
    const r =
      what === 'vaststellen'
        ? vaststellenPlan(aanpak, versions, { by: me.id }, this.deps.env)
        : bijstellenPlan(aanpak, versions, { by: me.id }, this.deps.env);
    await this.store.addPlanVersion(r.version);
    await this.audit(r.events);
    await this.deps.afterChange?.(aanpak.id);
    const result = await this.overview(turn, aanpak, true);
    const notice = renderDocumentReadyCard({
      title: what === 'vaststellen' ? `Plan van aanpak vastgesteld (versie ${r.version.number})` : `Plan van aanpak bijgesteld (versie ${r.version.number})`,
      audienceLabel: aanpak.name,
      withheldLabel: 'Typ plan document voor het plan als document in je persoonlijke chat.',
      expiryLabel: '',
      links: [],
    });
    result.out.push({ to: { kind: 'channel', aanpakId: aanpak.id }, card: notice, aanpakId: aanpak.id, label: `plan ${what}`, contents: [groep(`plan:${r.version.id}:${what}`, me.id)] });
    return result;
  }

  private async diff(turn: Turn, aanpak: Aanpak): Promise<HandlerResult> {
    const me = this.member(aanpak, turn);
    const versions = await this.versions(aanpak);
    const latest = latestVersion(versions);
    if (!latest || versions.length < 2) throw new UserError('Er is nog maar één versie van het plan.');
    const effective = effectiveVersion(versions);
    const from = effective && effective.number !== latest.number ? effective : versions.find((v) => v.number === latest.number - 1)!;
    const changes = diffPlans(from, latest).filter((d) => d.status !== 'same');
    const statusLabel = { added: 'nieuw', removed: 'verwijderd', changed: 'gewijzigd', same: '' } as const;
    const card = renderPlanDiffCard({
      aanpakName: aanpak.name,
      fromLabel: this.versionLabel(from),
      toLabel: this.versionLabel(latest),
      changes: changes.map((c) => ({
        title: c.title,
        statusLabel: statusLabel[c.status],
        ...(c.fields.length ? { fieldsLabel: `Gewijzigd: ${c.fields.join(', ')}` } : {}),
        lines: c.lines.map((l) => `${l.op === 'add' ? '+' : '−'} ${l.line}`),
      })),
    });
    const sectionsA = readSections(from);
    const sectionsB = readSections(latest);
    const contents: GateContent[] = [groep(`plan:${latest.id}:diff`, me.id)];
    for (const c of changes) {
      for (const [v, s] of [
        [from, sectionsA[c.sectionId]],
        [latest, sectionsB[c.sectionId]],
      ] as const) {
        if (s?.text) contents.push({ ref: `plan:${v.id}:${c.sectionId}`, kind: 'export_paragraph', level: s.level, text: s.text, authorId: s.updatedBy });
      }
    }
    return { out: [], invoke: reply(card, 'plan diff', aanpak.id, contents) };
  }

  // ---- exports ------------------------------------------------------------------------------

  /** Convenantpartners: the active non-incidentele participants. */
  private partners(aanpak: Aanpak): Recipient[] {
    return activeParticipants(aanpak)
      .filter((p) => p.role !== 'incidenteel' && isConvenantOrg(p.organisation))
      .map((p) => ({ kind: 'participant', participantId: p.id }));
  }

  private async gate(
    aanpak: Aanpak,
    raw: DocumentModel,
    audience: Recipient[],
    actor: string,
    anonymise = false,
    purpose: 'export' | 'inzage' = 'export',
  ): Promise<GatedDocument> {
    const screener = createScreener(await this.store.listMembers(aanpak.id));
    const gated = gateDocument(raw, { aanpak, screener, purpose }, audience, { actor, at: this.now(), anonymise });
    await this.audit(gated.events);
    await this.audit([
      {
        aanpakId: aanpak.id,
        type: 'document.exported',
        actor,
        at: this.now(),
        level: gated.level,
        audience: audience.map(recipientKey),
        ...(gated.withheld.reasons.length ? { ruleIds: gated.withheld.reasons.map((r) => r.ruleId).sort() } : {}),
        outcome: gated.withheld.count > 0 ? 'deny' : 'allow',
        data: { kind: raw.kind, withheld: gated.withheld.count, anonymised: gated.anonymised },
      },
    ]);
    return gated;
  }

  /** The document as .docx and .md in the requester's 1:1 chat (download links, single use). */
  private async deliver(turn: Turn, aanpak: Aanpak, me: Participant, gated: GatedDocument, label: string, purpose?: 'inzage'): Promise<HandlerResult> {
    const date = localDate(this.now());
    const generated = `Gemaakt op ${dutchDay(this.now())}.`;
    if (this.deps.consent) {
      // Teams asks the requester to accept the file; it is uploaded to their own OneDrive only.
      const file = await renderFile(gated.model, 'docx', date, generated);
      const offer = this.deps.consent.offer(file, turn.actor.aadObjectId, `${gated.model.title} · ${aanpak.name}`) as FileAttachment;
      const out: Outgoing[] = [
        {
          to: { kind: 'direct', aanpakId: aanpak.id, participantId: me.id },
          card: offer,
          aanpakId: aanpak.id,
          label,
          contents: documentContents(gated.model),
          ...(purpose ? { purpose } : {}),
        },
      ];
      if (turn.conversationType !== 'personal') {
        out.push(reply(renderErrorCard({ message: 'Ik heb het document in je persoonlijke chat gezet.' }), `${label} notice`, aanpak.id, [groep(`export:${gated.model.kind}:notice`, me.id)]));
      }
      return { out };
    }
    const links: { title: string; url: string }[] = [];
    let expiresAt = '';
    for (const format of ['docx', 'md'] as const) {
      const file = await renderFile(gated.model, format, date, generated);
      const put = this.deps.downloads.put(file, turn.actor.aadObjectId);
      expiresAt = put.expiresAt;
      links.push({ title: format === 'docx' ? 'Download (Word)' : 'Download (Markdown)', url: downloadUrl(this.deps.baseUrl, put.token) });
    }
    const w = gated.withheld.count;
    const card = renderDocumentReadyCard({
      title: gated.model.title,
      audienceLabel: `${gated.model.audienceLabel} · ${aanpak.name}`,
      withheldLabel:
        w === 0 && gated.anonymised === 0
          ? 'Alle onderdelen mochten naar deze ontvangers.'
          : `${w} ${w === 1 ? 'alinea' : 'alinea’s'} achtergehouden, ${gated.anonymised} geanonimiseerd; het document noemt waarom (zonder inhoud).`,
      expiryLabel: `De links werken één keer en verlopen om ${new Date(expiresAt).toLocaleTimeString('nl-NL', { timeZone: 'Europe/Amsterdam', hour: '2-digit', minute: '2-digit' })}.`,
      links,
    });
    // The document leaves through the requester's own chat only; the outbox gates it again for them.
    const out: Outgoing[] = [{ ...direct(aanpak, me, card, label, documentContents(gated.model)), ...(purpose ? { purpose } : {}) }];
    if (turn.conversationType !== 'personal') {
      out.push(
        reply(
          renderDocumentReadyCard({ title: gated.model.title, audienceLabel: aanpak.name, withheldLabel: 'Ik heb het document in je persoonlijke chat gezet.', expiryLabel: '', links: [] }),
          `${label} notice`,
          aanpak.id,
          [groep(`export:${gated.model.kind}:notice`, me.id)],
        ),
      );
    }
    return { out };
  }

  private async exportPlan(turn: Turn, aanpak: Aanpak): Promise<HandlerResult> {
    const me = this.member(aanpak, turn);
    if (me.role === 'incidenteel') throw new UserError('Het plan van aanpak is voor de convenantpartners.');
    const versions = await this.versions(aanpak);
    const raw = buildPlanDocument({ aanpak, version: latestVersion(versions), actions: await this.store.listActions(aanpak.id), actor: me.id });
    const gated = await this.gate(aanpak, raw, this.partners(aanpak), me.id);
    return this.deliver(turn, aanpak, me, gated, 'plan document');
  }

  private async beleidsadvies(turn: Turn, aanpak: Aanpak): Promise<HandlerResult> {
    const me = this.regisseur(aanpak, turn);
    if (!['3', '4'].includes(aanpak.state)) {
      throw new UserError('Het beleidsadvies met het concept plan is voor de driehoek in stap 4 (voorbereiden kan in stap 3).', ['A-4-1']);
    }
    const facts = await this.facts(aanpak);
    const raw = buildBeleidsadvies({
      aanpak,
      version: latestVersion(await this.versions(aanpak)),
      actions: facts.actions,
      members: facts.members,
      ...(facts.duiding ? { duiding: facts.duiding } : {}),
      actor: me.id,
      at: this.now(),
    });
    // R-3-5, R-4-1, R-4-3, R-X-13: every paragraph is checked for the driehoek.
    const gated = await this.gate(aanpak, raw, [{ kind: 'driehoek' }], me.id, true);
    return this.deliver(turn, aanpak, me, gated, 'beleidsadvies');
  }

  private async evaluatie(turn: Turn, aanpak: Aanpak): Promise<HandlerResult> {
    const me = this.member(aanpak, turn);
    if (me.role === 'incidenteel') throw new UserError('Het evaluatieverslag is voor de convenantpartners.');
    if (aanpak.state !== '7' && aanpak.state !== 'gesloten') throw new UserError('De evaluatie hoort bij stap 7.', ['A-7-4']);
    const versions = await this.versions(aanpak);
    const raw = buildEvaluatie({
      aanpak,
      version: latestVersion(versions),
      effective: effectiveVersion(versions),
      actions: await this.store.listActions(aanpak.id),
      actor: me.id,
    });
    const gated = await this.gate(aanpak, raw, this.partners(aanpak), me.id);
    return this.deliver(turn, aanpak, me, gated, 'evaluatie');
  }

  // ---- rights -------------------------------------------------------------------------------

  /** A member by name (or bijnaam) in an aanpak here where the actor is procesregisseur. */
  private async findMember(turn: Turn, naam: string | undefined): Promise<{ aanpak: Aanpak; member: Member; me: Participant }> {
    if (!naam) throw new UserError('Noem de naam van de jongere, bijvoorbeeld: inzage Jan de Vries.');
    const wanted = key(naam);
    const hits: { aanpak: Aanpak; member: Member; me: Participant }[] = [];
    for (const aanpak of await this.candidates(turn)) {
      const me = participantByAad(aanpak, turn.actor.aadObjectId);
      if (!me || !isRegisseur(aanpak, me.id)) continue;
      for (const m of await this.store.listMembers(aanpak.id)) {
        if (key(m.naam) === wanted || m.bijnamen.some((b) => key(b) === wanted)) hits.push({ aanpak, member: m, me });
      }
    }
    // The same answer for "unknown" and "not yours": no hint whether someone is on a list.
    if (hits.length === 0) throw new UserError('Geen jongere met die naam gevonden op een namenlijst die jij beheert.', ['R-X-16']);
    if (hits.length > 1) throw new UserError('Die naam staat meer dan eens op de namenlijsten. Open de namenlijst en kies daar.');
    return hits[0]!;
  }

  /** The card with the member's name goes to the procesregisseur's own chat, never the channel. */
  private personal(turn: Turn, aanpak: Aanpak, me: Participant, card: CardAttachment, label: string, contents: GateContent[], purpose?: 'inzage'): HandlerResult {
    const out: Outgoing[] = [{ ...direct(aanpak, me, card, label, contents), ...(purpose ? { purpose } : {}) }];
    if (turn.conversationType !== 'personal') {
      out.push(reply(renderErrorCard({ message: 'Ik heb je een persoonlijk bericht gestuurd.' }), `${label} notice`));
    }
    return { out };
  }

  private async inzageCard(aanpak: Aanpak, member: Member, me: Participant): Promise<{ card: CardAttachment; contents: GateContent[] }> {
    const requests = inzageRequestsFromAudit(await this.store.listAudit(aanpak.id)).filter((r) => r.memberId === member.id);
    const open = requests.filter((r) => !r.answeredAt).at(-1);
    const card = renderInzageCard({
      ctx: this.ctx(aanpak),
      aanpakName: aanpak.name,
      memberId: member.id,
      naam: member.naam,
      today: localDate(this.now()),
      requests: requests.map((r) => ({
        title: `Ontvangen ${dutchDay(r.receivedAt)}`,
        value: r.answeredAt ? `beantwoord ${dutchDay(r.answeredAt)}` : `uiterlijk ${dutchDay(inzageDeadline(r))}`,
      })),
      ...(open ? { openRequestId: open.id } : {}),
    });
    return { card, contents: [this.memberContent(member, member.addedBy || me.id)] };
  }

  private async inzage(turn: Turn, naam: string | undefined): Promise<HandlerResult> {
    const { aanpak, member, me } = await this.findMember(turn, naam);
    const { card, contents } = await this.inzageCard(aanpak, member, me);
    return this.personal(turn, aanpak, me, card, 'inzage', contents, 'inzage');
  }

  private async recordInzage(turn: Turn, aanpak: Aanpak, data: Record<string, unknown>): Promise<HandlerResult> {
    const me = this.regisseur(aanpak, turn);
    const member = await this.store.getMember(aanpak.id, str(data.memberId));
    if (!member) throw new UserError('Deze jongere staat niet (meer) in het dossier.');
    const received = str(data[PLAN_INPUTS.inzageReceived]);
    const today = localDate(this.now());
    if (!/^\d{4}-\d{2}-\d{2}$/.test(received) || Number.isNaN(new Date(`${received}T12:00:00Z`).getTime())) {
      throw new UserError('Vul de datum van ontvangst in als JJJJ-MM-DD.');
    }
    if (received > today) throw new UserError('De datum van ontvangst ligt in de toekomst.');
    const request = { id: this.deps.env.newId(), memberId: member.id, receivedAt: new Date(`${received}T12:00:00Z`).toISOString() };
    await this.audit([inzageRequestedEvent(aanpak.id, request, me.id, this.now())]);
    // T-18: the deadline, under the key the monitoring schedule uses for it.
    await this.store.scheduleReminder({
      id: this.deps.env.newId(),
      aanpakId: aanpak.id,
      kind: 'inzage-deadline',
      dueAt: inzageDeadline(request),
      payload: { requestId: request.id, memberId: member.id, deadline: inzageDeadline(request) },
      key: `inzage-deadline:${request.id}`,
    });
    await this.deps.afterChange?.(aanpak.id);
    const { card, contents } = await this.inzageCard(aanpak, member, me);
    return { out: [], invoke: { ...reply(card, 'inzage', aanpak.id, contents), purpose: 'inzage' } };
  }

  private async exportInzage(turn: Turn, aanpak: Aanpak, data: Record<string, unknown>): Promise<HandlerResult> {
    const me = this.regisseur(aanpak, turn);
    const member = await this.store.getMember(aanpak.id, str(data.memberId));
    if (!member) throw new UserError('Deze jongere staat niet (meer) in het dossier.');
    const audit = await this.store.listAudit(aanpak.id);
    const request = inzageRequestsFromAudit(audit).find((r) => r.id === str(data.requestId) && r.memberId === member.id);
    if (!request) throw new UserError('Leg eerst het verzoek vast (datum van ontvangst).', ['T-18']);
    const members = await this.store.listMembers(aanpak.id);
    const screener = createScreener(members);
    const rounds = await this.store.listRounds(aanpak.id);
    const answers = (await Promise.all(rounds.map((r) => this.store.listAnswers(r.id)))).flat();
    const latest = latestVersion(await this.versions(aanpak));
    const mentions = mentionsOf(member.id, screener, {
      rounds,
      answers,
      actions: await this.store.listActions(aanpak.id),
      ...(latest ? { version: latest } : {}),
    });
    const { model, disclosures } = buildInzage({ aanpak, member, request, audit, mentions, screener, actor: me.id });
    // A rights request must be answerable also for an inactief dossier (R-X-92): purpose 'inzage'.
    const gated = await this.gate(aanpak, model, [{ kind: 'participant', participantId: me.id }], me.id, false, 'inzage');
    if (!request.answeredAt) {
      await this.audit([inzageAnsweredEvent(aanpak.id, request, me.id, this.now(), disclosures.length)]);
      await this.store.cancelReminders(aanpak.id, { key: `inzage-deadline:${request.id}` });
      await this.store.cancelReminders(aanpak.id, { key: `inzage:${request.id}` });
      await this.deps.afterChange?.(aanpak.id);
    }
    return this.deliver(turn, aanpak, me, gated, 'inzage', 'inzage');
  }

  private async corrigeer(turn: Turn, naam: string | undefined): Promise<HandlerResult> {
    const { aanpak, member, me } = await this.findMember(turn, naam);
    const card = renderCorrigeerCard({
      ctx: this.ctx(aanpak),
      aanpakName: aanpak.name,
      memberId: member.id,
      naam: member.naam,
      bijnamen: member.bijnamen,
      ...(member.geboortedatum ? { geboortedatum: member.geboortedatum } : {}),
      ...(member.adres ? { adres: member.adres } : {}),
      ...(member.woonplaats ? { woonplaats: member.woonplaats } : {}),
      positie: member.positie,
    });
    return this.personal(turn, aanpak, me, card, 'corrigeer', [this.memberContent(member, member.addedBy || me.id)]);
  }

  private async applyCorrigeer(turn: Turn, aanpak: Aanpak, data: Record<string, unknown>): Promise<HandlerResult> {
    const me = this.regisseur(aanpak, turn);
    const members = await this.store.listMembers(aanpak.id);
    const opt = (v: unknown) => (str(v).trim() ? str(v) : null);
    const changes = {
      naam: str(data[CORRIGEER_INPUTS.naam]),
      bijnamen: str(data[CORRIGEER_INPUTS.bijnamen])
        .split(',')
        .map((b) => b.trim())
        .filter(Boolean),
      geboortedatum: opt(data[CORRIGEER_INPUTS.geboortedatum]),
      adres: opt(data[CORRIGEER_INPUTS.adres]),
      woonplaats: opt(data[CORRIGEER_INPUTS.woonplaats]),
      positie: str(data[CORRIGEER_INPUTS.positie]) as 'kern' | 'schil',
    };
    const r = updateMember(aanpak, members, { memberId: str(data.memberId), changes, by: me.id }, this.deps.env);
    await this.store.saveMember(r.member);
    await this.audit(r.events);
    await this.deps.afterChange?.(aanpak.id);
    const done = r.events.length ? `Gecorrigeerd: ${str(r.events[0]!.data?.fields)}.` : 'Er was niets gewijzigd.';
    return { out: [], invoke: reply(renderErrorCard({ message: done }), 'corrigeer done') };
  }

  // ---- closing and reopening ----------------------------------------------------------------

  private evaluatieDone(versions: PlanVersion[]): boolean {
    const s = readSections(latestVersion(versions));
    return Object.entries(s).some(([id, x]) => id.startsWith(EVALUATIE_PREFIX) && (x.text || x.goalResults?.length));
  }

  private async sluitCard(turn: Turn, aanpak: Aanpak): Promise<HandlerResult> {
    const me = this.regisseur(aanpak, turn);
    if (aanpak.state !== '7') throw new UserError('Sluiten kan vanuit stap 7 (afschalen en evalueren).', ['D-7-1']);
    const actions = await this.store.listActions(aanpak.id);
    const members = (await this.store.listMembers(aanpak.id)).filter((m) => !m.removedAt);
    const card = renderSluitenCard({
      ctx: this.ctx(aanpak),
      aanpakName: aanpak.name,
      openActions: actions.filter((a) => a.status === 'open').length,
      evaluatieDone: this.evaluatieDone(await this.versions(aanpak)),
      informed: !!aanpak.checklist['A-7-3']?.done || members.length === 0,
    });
    return { out: [reply(card, 'sluit aanpak', aanpak.id, [groep(`close:${aanpak.id}`, me.id, 'step_card')])] };
  }

  /** D-7-1: the closing checklist of stap 7, then the transition to 'gesloten' with decisions['7']. */
  private async sluiten(turn: Turn, aanpak: Aanpak, data: Record<string, unknown>): Promise<HandlerResult> {
    const me = this.regisseur(aanpak, turn);
    if (typeof data.version === 'number' && data.version !== aanpak.version) {
      throw new UserError('Deze kaart is verouderd. Typ sluit aanpak voor een nieuwe kaart.');
    }
    const yes = (k: string) => str(data[k]) === 'ja';
    const doelen = str(data[PLAN_INPUTS.closeDoelen]);
    if (doelen !== 'ja' && doelen !== 'nee') throw new UserError('Geef aan of de doelen zijn bereikt.', ['D-7-1']);
    if (!yes(PLAN_INPUTS.closeActies)) throw new UserError('Beleg eerst de resterende acties.', ['A-7-2', 'D-7-1']);
    if (!yes(PLAN_INPUTS.closeEvaluatie)) throw new UserError('Doe eerst de evaluatie (typ evaluatie of vul het evaluatieverslag in het plan in).', ['A-7-4']);
    if (!this.evaluatieDone(await this.versions(aanpak))) {
      throw new UserError('Het evaluatieverslag is nog leeg: vul het in via plan (onderdelen onder Evaluatie).', ['A-7-4']);
    }
    const env = this.deps.env;
    const events: AuditEvent[] = [];
    let next = aanpak;
    const tick = (itemId: string) => {
      if (next.checklist[itemId]?.done) return;
      const r = tickChecklist(next, { itemId, done: true, by: me.id }, env);
      next = r.aanpak;
      events.push(...r.events);
    };
    tick('A-7-1');
    tick('A-7-2');
    if (yes(PLAN_INPUTS.closeInformed)) tick('A-7-3');
    tick('A-7-4');
    const t = transition(
      next,
      {
        to: 'gesloten',
        by: me.id,
        decisionText: str(data[PLAN_INPUTS.closeDecision]),
        decisions: { '7': { doelenBereikt: doelen === 'ja', resterendeActiesBelegd: true } },
      },
      env,
    );
    events.push(...t.events);
    const saved = await this.save(aanpak, t.aanpak, events);
    const notice = renderDocumentReadyCard({
      title: `Aanpak ${saved.name} gesloten`,
      audienceLabel: `Gesloten op ${dutchDay(saved.closedAt ?? this.now())}`,
      withheldLabel: 'Het dossier is alleen nog in te zien. Heropenen kan binnen de bewaartermijn (heropen <naam>).',
      expiryLabel: '',
      links: [],
    });
    return {
      out: [{ to: { kind: 'channel', aanpakId: saved.id }, card: notice, aanpakId: saved.id, label: 'aanpak closed', contents: [groep(`status:${saved.id}:closed`, me.id)] }],
      invoke: reply(notice, 'aanpak closed', saved.id, [groep(`status:${saved.id}:closed`, me.id)]),
    };
  }

  private async heropenCard(turn: Turn, naam: string | undefined): Promise<HandlerResult> {
    const aanpak = await this.resolve(turn, naam, true);
    const me = this.regisseur(aanpak, turn);
    const check = canReopen(aanpak, aanpak.settings.retentionProfile, this.now());
    if (!check.ok) throw new UserError(check.reason, [check.ruleId]);
    const card = renderHeropenenCard({ ctx: this.ctx(aanpak), aanpakName: aanpak.name, termLabel: check.reason });
    return { out: [reply(card, 'heropen', aanpak.id, [groep(`reopen:${aanpak.id}`, me.id, 'step_card')])] };
  }

  /** R-7-2 / D-7-3: within the bewaartermijn, with a reason and the role that decided. */
  private async heropenen(turn: Turn, aanpak: Aanpak, data: Record<string, unknown>): Promise<HandlerResult> {
    const me = this.regisseur(aanpak, turn);
    const request = { reason: str(data[PLAN_INPUTS.reopenReason]), role: str(data[PLAN_INPUTS.reopenRole]) };
    const check = canReopen(aanpak, aanpak.settings.retentionProfile, this.now(), request);
    if (!check.ok) throw new UserError(check.reason, [check.ruleId]);
    const r = reopen(aanpak, { by: me.id, ...request, withinTerm: true }, this.deps.env);
    const saved = await this.save(aanpak, r.aanpak, r.events);
    const notice = renderDocumentReadyCard({
      title: `Aanpak ${saved.name} heropend`,
      audienceLabel: `Weer in stap ${saved.state}`,
      withheldLabel: 'De aanpak loopt weer.',
      expiryLabel: '',
      links: [],
    });
    return {
      out: [{ to: { kind: 'channel', aanpakId: saved.id }, card: notice, aanpakId: saved.id, label: 'aanpak reopened', contents: [groep(`status:${saved.id}:reopened`, me.id)] }],
      invoke: reply(notice, 'aanpak reopened', saved.id, [groep(`status:${saved.id}:reopened`, me.id)]),
    };
  }
}

// ---- Feature --------------------------------------------------------------------------------

/** Plan, exports and rights: the plugin plus the local download route. */
export function planFeature(): Feature {
  let downloads: DownloadStore | undefined;
  const store = (ctx: FeatureContext) => (downloads ??= new DownloadStore(ctx.env.now));
  return {
    plugin: (ctx) =>
      new PlanPlugin({
        store: ctx.store,
        env: ctx.env,
        downloads: store(ctx),
        baseUrl: ctx.config.publicUrl ?? `http://${ctx.config.host === '0.0.0.0' ? '127.0.0.1' : ctx.config.host}:${ctx.config.port}`,
        afterChange: ctx.afterChange,
        ...(ctx.config.mode === 'production' ? { consent: new FileConsentFlow(ctx.env.now) } : {}),
      }),
    routes: (ctx, app) => registerDownloadRoute(app, store(ctx)),
  };
}
