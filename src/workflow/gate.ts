// The sharing gate (PRODUCT.md §4): decides per (content, aanpak state, audience) whether content
// may leave its author. Every outbound message passes here; every decision is audited.
//
// Decisions where the digest is silent (documented here once):
// - The author always receives their own content (it does not "leave" them).
// - Steps 1 and 2A: nothing above 'groep' goes to anyone else, the procesregisseur included.
// - 'gesloten': read-only. Only group-level status, reminder and step cards reach everyone (so the
//   channel can be told the aanpak is closed); anything else goes only to the procesregisseur and
//   vervanger (who keep the dossier, e.g. for inzage). The step rules of `lastStep` still apply.
//   'inactief' and 'vernietigd' share nothing at all.
// - 'bijzonder' needs a BijzonderBasis for the recipient's organisation. Politie and OM may also
//   receive it from a politie or OM author without one (criminal-law data within the justice
//   chain, Wpg/Wjsg); otherwise they need a recorded basis like everyone else.
// - 'pga' goes to the partner who contributed it without consent; to anyone else only with a
//   PgaConsent for this content and forum. It is personal data, so the 'persoon' rules apply too.
// - The members an item is about are `content.memberIds` plus the members screening found: an
//   incidentele deelnemer needs a LegalBasis for every one of them (none known → no basis).
//   Personal data screening cannot tie to a member (a phone number, an e-mail address, a first
//   name from the lexicon, a street address) may be about anyone: with such a finding no legal
//   basis covers the item ("Jöran, bel 06-…": the basis for Jöran does not cover whose number it is).
// - Unknown and removed participants receive nothing (R-X-16: only authorised people receive data).
import { isAbove, isAtLeast, maxLevel } from './levels.js';
import type { Screener } from './screening.js';
import {
  CONVENANT_ORGS,
  type Aanpak,
  type AuditEvent,
  type GateContent,
  type GateDecision,
  type GateOutcome,
  type GateReason,
  type Level,
  type Organisation,
  type Participant,
  type Recipient,
  type ScreeningFinding,
  type StepId,
} from './types.js';

export interface GateContext {
  aanpak: Aanpak;
  screener: Screener;
  /**
   * Why the content is sent. 'inzage' and 'retention' let the dossier keeper (procesregisseur,
   * vervanger) still receive content of an inactief dossier: answering a betrokkene's request
   * (R-X-92) and hearing about its retention must remain possible while it is read-only.
   */
  purpose?: 'channel' | 'direct' | 'export' | 'inzage' | 'retention';
}

export const DRIEHOEK = 'driehoek';

export function recipientKey(r: Recipient): string {
  if (r.kind === 'driehoek') return DRIEHOEK;
  if (r.kind === 'observer') return `observer:${r.aadObjectId}`;
  return r.participantId;
}

// ---- Reasons ------------------------------------------------------------------------------

type ReasonId =
  | 'step1'
  | 'step2A'
  | 'geheimhouding'
  | 'legalBasis'
  | 'opsporing'
  | 'bijzonder'
  | 'pga'
  | 'driehoek'
  | 'weighing'
  | 'gesloten'
  | 'inactief'
  | 'vernietigd'
  | 'notParticipant'
  | 'observer'
  | 'rosterUnknown';

interface ReasonDef {
  ruleId: string;
  /** Full Dutch line for the sender. */
  message: string;
  /** Short Dutch phrase for the "achtergehouden" summary in the channel. */
  short: string;
}

const REASONS: Record<ReasonId, ReasonDef> = {
  step1: {
    ruleId: 'R-1-1',
    message: 'In stap 1 alleen informatie op groepsniveau: geen namen of andere persoonsgegevens (R-1-1).',
    short: 'persoonsgegevens (zoals namen en nummers) zijn in stap 1 niet toegestaan (R-1-1)',
  },
  step2A: {
    ruleId: 'R-2A-1',
    message: "In stap 2A alleen informatie op 'algemeen niveau': geen namen of andere persoonsgegevens (R-2A-1).",
    short: 'persoonsgegevens (zoals namen en nummers) zijn in stap 2A niet toegestaan (R-2A-1)',
  },
  geheimhouding: {
    ruleId: 'R-X-21',
    message: 'Een incidentele deelnemer krijgt pas iets na een getekende geheimhoudingsverklaring (R-X-21).',
    short: 'een incidentele deelnemer heeft nog geen geheimhoudingsverklaring (R-X-21)',
  },
  legalBasis: {
    ruleId: 'R-X-22',
    message: 'Persoonsgegevens naar een incidentele deelnemer alleen met een vastgelegde grondslag voor elke genoemde jongere (R-X-22).',
    short: 'geen vastgelegde grondslag voor een incidentele deelnemer (R-X-22)',
  },
  opsporing: {
    ruleId: 'R-X-11',
    message: 'Opsporingsindicaties alleen voor politie en OM (R-X-11, R-2B-4).',
    short: 'opsporingsindicaties alleen voor politie en OM (R-X-11)',
  },
  bijzonder: {
    ruleId: 'R-X-14',
    message: 'Strafrechtelijke en bijzondere gegevens en BSN alleen voor partners met een vastgelegde grondslag (R-X-14).',
    short: 'bijzondere gegevens zonder vastgelegde grondslag (R-X-14)',
  },
  pga: {
    ruleId: 'R-X-53',
    message: 'PGA-informatie alleen met toestemming van de partner die haar inbracht (R-X-53).',
    short: 'geen toestemming voor PGA-informatie (R-X-53)',
  },
  driehoek: {
    ruleId: 'R-4-1',
    message: 'Naar de driehoek geen informatie over individuele jongeren (R-4-1, R-X-13).',
    short: 'de driehoek krijgt geen informatie over individuele jongeren (R-4-1)',
  },
  weighing: {
    ruleId: 'R-X-31',
    message: 'Jongerenwerk: leg eerst je afweging vast (doelmatigheid, subsidiariteit, proportionaliteit) (R-X-31).',
    short: 'de afweging van het jongerenwerk ontbreekt (R-X-31)',
  },
  gesloten: {
    ruleId: 'R-7-1',
    message: 'Deze aanpak is gesloten: alleen de procesregisseur ontvangt nog inhoud (R-7-1).',
    short: 'de aanpak is gesloten (R-7-1)',
  },
  inactief: {
    ruleId: 'R-7-1',
    message: 'Dit dossier is inactief: er wordt niets meer gedeeld (R-7-1).',
    short: 'het dossier is inactief (R-7-1)',
  },
  vernietigd: {
    ruleId: 'R-7-1',
    message: 'Dit dossier is vernietigd: er wordt niets gedeeld (R-7-1).',
    short: 'het dossier is vernietigd (R-7-1)',
  },
  observer: {
    ruleId: 'R-X-16',
    message: 'In dit kanaal zit iemand die niet aan de aanpak deelneemt: hier alleen informatie op groepsniveau (R-X-16). Voeg die persoon toe als deelnemer of gebruik je persoonlijke chat.',
    short: 'in het kanaal zit iemand die niet deelneemt (R-X-16)',
  },
  rosterUnknown: {
    ruleId: 'R-X-16',
    message: 'Ik kan niet nagaan wie in dit kanaal meeleest: hier alleen informatie op groepsniveau (R-X-16). Gebruik je persoonlijke chat.',
    short: 'onbekend wie in het kanaal meeleest (R-X-16)',
  },
  notParticipant: {
    ruleId: 'R-X-16',
    message: 'Alleen actieve deelnemers van deze aanpak ontvangen informatie (R-X-16).',
    short: 'een ontvanger is geen actieve deelnemer (R-X-16)',
  },
};

const CONFIRM_REASONS: ReadonlySet<ReasonId> = new Set(['weighing']);
const SHORT_BY_MESSAGE = new Map(Object.values(REASONS).map((r) => [r.message, r.short]));

// ---- Rules --------------------------------------------------------------------------------

const GESLOTEN_BROADCAST_KINDS: ReadonlySet<GateContent['kind']> = new Set(['status', 'reminder', 'step_card']);
const JUSTICE: ReadonlySet<Organisation> = new Set(['politie', 'om']);

function isConvenant(org: Organisation): boolean {
  return (CONVENANT_ORGS as readonly string[]).includes(org);
}

function isIncidenteel(p: Participant): boolean {
  return p.role === 'incidenteel' || !isConvenant(p.organisation);
}

function isRegisseurRole(p: Participant): boolean {
  return p.role === 'procesregisseur' || p.role === 'vervanger';
}

/** The step whose sharing rules apply: the current step, or the last step of a closed aanpak. */
function ruleStep(aanpak: Aanpak): StepId | undefined {
  const s = aanpak.state;
  if (s === 'gesloten' || s === 'inactief' || s === 'vernietigd') return aanpak.lastStep;
  return s;
}

interface Prepared {
  content: GateContent;
  level: Level;
  memberIds: string[];
  /** Screening found personal data it could not tie to a member. */
  unattributed: boolean;
  author: Participant | undefined;
}

/** Why one recipient may not receive the content (empty: allowed). */
function check(prep: Prepared, ctx: GateContext, r: Recipient): ReasonId[] {
  const { aanpak } = ctx;
  const { content, level } = prep;
  if (r.kind === 'participant' && r.participantId === content.authorId) return [];

  const state = aanpak.state;
  if (state === 'vernietigd') return [state];
  if (state === 'inactief') {
    const keeper = r.kind === 'participant' && aanpak.participants.some((p) => p.id === r.participantId && !p.removedAt && isRegisseurRole(p));
    const kept = keeper && (ctx.purpose === 'inzage' || (ctx.purpose === 'retention' && level === 'groep'));
    if (!kept) return [state];
  }

  const out: ReasonId[] = [];
  const step = ruleStep(aanpak);
  const aboveGroep = isAbove(level, 'groep');
  if (aboveGroep && step === '1') out.push('step1');
  if (aboveGroep && step === '2A') out.push('step2A');

  if (r.kind === 'driehoek') {
    if (state === 'gesloten' && !(level === 'groep' && GESLOTEN_BROADCAST_KINDS.has(content.kind))) out.push('gesloten');
    if (aboveGroep) out.push('driehoek');
    return out;
  }

  // A channel member who is not a participant sees what the channel may show at group level
  // (step cards, counts, group-level answers) and nothing above it (R-X-16).
  if (r.kind === 'observer') {
    if (state === 'gesloten' && !(level === 'groep' && GESLOTEN_BROADCAST_KINDS.has(content.kind))) out.push('gesloten');
    // An empty id: the channel's members could not be read (fail closed: treat as an outsider).
    if (aboveGroep) out.push(r.aadObjectId ? 'observer' : 'rosterUnknown');
    return out;
  }

  const p = aanpak.participants.find((x) => x.id === r.participantId);
  if (!p || p.removedAt) return ['notParticipant'];
  if (state === 'gesloten' && !isRegisseurRole(p) && !(level === 'groep' && GESLOTEN_BROADCAST_KINDS.has(content.kind))) {
    out.push('gesloten');
  }

  const incidenteel = isIncidenteel(p);
  if (incidenteel && !p.geheimhouding) return [...out, 'geheimhouding'];

  if (isAtLeast(level, 'persoon') && incidenteel) {
    const ok =
      prep.memberIds.length > 0 &&
      !prep.unattributed &&
      prep.memberIds.every((m) => aanpak.legalBases.some((b) => b.participantId === p.id && b.memberId === m));
    if (!ok) out.push('legalBasis');
  }
  if (level === 'opsporing' && !JUSTICE.has(p.organisation)) out.push('opsporing');
  if (level === 'bijzonder') {
    const recorded = aanpak.bijzonderBases.some((b) => b.organisation === p.organisation);
    const justiceChain = JUSTICE.has(p.organisation) && !!prep.author && JUSTICE.has(prep.author.organisation);
    if (!recorded && !justiceChain) out.push('bijzonder');
  }
  if (level === 'pga' && content.pgaContributorId !== p.id) {
    const consent =
      !!content.pgaContributorId &&
      aanpak.pgaConsents.some(
        (c) => c.contentRef === content.ref && c.contributorId === content.pgaContributorId && c.forum === aanpak.id,
      );
    if (!consent) out.push('pga');
  }

  if (out.length === 0 && isAtLeast(level, 'persoon') && prep.author?.organisation === 'jongerenwerk') {
    const weighed = aanpak.weighings.some((w) => w.subjectRef === content.ref && w.participantId === prep.author!.id);
    if (!weighed) out.push('weighing');
  }
  return out;
}

function prepare(content: GateContent, ctx: GateContext, findings: ScreeningFinding[], level: Level): Prepared {
  const ids = new Set(content.memberIds ?? []);
  let unattributed = false;
  for (const f of findings) {
    if (f.memberId) ids.add(f.memberId);
    else if (f.level !== 'groep') unattributed = true;
  }
  return {
    content,
    level,
    memberIds: [...ids],
    unattributed,
    author: ctx.aanpak.participants.find((p) => p.id === content.authorId),
  };
}

export function decide(content: GateContent, ctx: GateContext, audience: Recipient[]): GateDecision {
  const screened = content.text ? ctx.screener.screen(content.text) : { level: 'groep' as Level, findings: [] };
  const level = maxLevel(content.level, screened.level);
  const prep = prepare(content, ctx, screened.findings, level);

  const byReason = new Map<ReasonId, string[]>();
  for (const r of audience) {
    const key = recipientKey(r);
    for (const id of check(prep, ctx, r)) {
      const list = byReason.get(id);
      if (!list) byReason.set(id, [key]);
      else if (!list.includes(key)) list.push(key);
    }
  }

  let outcome: GateOutcome = 'allow';
  const reasons: GateReason[] = [];
  for (const [id, recipients] of byReason) {
    const def = REASONS[id];
    reasons.push({ ruleId: def.ruleId, message: def.message, recipients });
    if (!CONFIRM_REASONS.has(id)) outcome = 'deny';
    else if (outcome === 'allow') outcome = 'confirm';
  }
  return { outcome, level, reasons, findings: screened.findings };
}

/** Recipient keys that may not receive the content (deny or confirm pending). */
export function blockedRecipients(decision: GateDecision): string[] {
  const out = new Set<string>();
  for (const r of decision.reasons) for (const k of r.recipients) out.add(k);
  return [...out];
}

// ---- Published aggregates -----------------------------------------------------------------

export interface FilterResult {
  allowed: GateContent[];
  withheld: { ref: string; ruleIds: string[] }[];
  /** Dutch, content-free line for the channel; null when nothing was held back. */
  summary: string | null;
}

/**
 * Filters a published aggregate item by item. An item that would need a weighing is withheld too:
 * the publisher cannot weigh on the jongerenwerker's behalf.
 */
export function filterForAudience(items: GateContent[], ctx: GateContext, audience: Recipient[]): FilterResult {
  const allowed: GateContent[] = [];
  const withheld: { ref: string; ruleIds: string[] }[] = [];
  const phrases: string[] = [];
  for (const item of items) {
    const d = decide(item, ctx, audience);
    if (d.outcome === 'allow') {
      allowed.push(item);
      continue;
    }
    withheld.push({ ref: item.ref, ruleIds: [...new Set(d.reasons.map((r) => r.ruleId))] });
    // The channel line names what matters: when one reason already holds the item back from
    // everyone (e.g. R-1-1 in step 1), the narrower reasons add nothing for the reader.
    const others = new Set(audience.map(recipientKey).filter((k) => k !== item.authorId)).size;
    const everyone = d.reasons.filter((r) => r.recipients.length >= others);
    for (const r of everyone.length ? everyone : d.reasons) {
      const phrase = SHORT_BY_MESSAGE.get(r.message) ?? r.ruleId;
      if (!phrases.includes(phrase)) phrases.push(phrase);
    }
  }
  const n = withheld.length;
  const summary = n === 0 ? null : `${n} ${n === 1 ? 'item' : 'items'} achtergehouden: ${phrases.join('; ')}.`;
  return { allowed, withheld, summary };
}

// ---- Audit --------------------------------------------------------------------------------

/**
 * The audit record of one gate decision: outcome, level, rule ids, audience keys and the content
 * reference. Never the text or the screening fragments (only how many findings there were).
 */
function memberIdsOf(content: GateContent, decision: GateDecision): string {
  const ids = new Set(content.memberIds ?? []);
  for (const f of decision.findings) if (f.memberId) ids.add(f.memberId);
  return [...ids].sort().join(',');
}

export function gateAuditEvent(
  decision: GateDecision,
  content: GateContent,
  actor: string,
  audience: Recipient[],
  at: string,
  aanpakId: string,
): AuditEvent {
  const blocked = blockedRecipients(decision);
  return {
    aanpakId,
    type: 'gate.decision',
    actor,
    at,
    level: decision.level,
    audience: audience.map(recipientKey),
    ruleIds: [...new Set(decision.reasons.map((r) => r.ruleId))],
    outcome: decision.outcome,
    data: {
      contentRef: content.ref,
      contentKind: content.kind,
      declaredLevel: content.level,
      findings: decision.findings.length,
      blockedRecipients: blocked.length,
      // Opaque ids of the members the content is about (declared or found): for inzage (R-X-91).
      memberIds: memberIdsOf(content, decision),
    },
  };
}
