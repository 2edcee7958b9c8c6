// Privacy-leak suite, domain path: adversarial posts (from the namenlijst fixture) as every content
// kind, at every step, to every audience, through decide / filterForAudience / publishFlipover.
// The oracle below is the sharing rule written out independently of gate.ts; it uses the TRUE
// level of the post, so a screening miss shows up as a leak.
import { describe, expect, it } from 'vitest';
import { decide, filterForAudience, type GateContext } from '../../src/workflow/gate.js';
import { isAbove, isAtLeast, maxLevel } from '../../src/workflow/levels.js';
import { publishFlipover } from '../../src/workflow/rounds.js';
import { createScreener } from '../../src/workflow/screening.js';
import {
  STEPS,
  type Aanpak,
  type Answer,
  type ContentKind,
  type GateContent,
  type Level,
  type Organisation,
  type Participant,
  type Recipient,
  type Role,
  type Round,
  type StepId,
} from '../../src/workflow/types.js';
import { testEnv } from '../helpers/env.js';
import { INNOCENT, LEAKS, MEMBERS, posts, squash, stringsOf, type Post } from './fixtures.js';

const AT = '2026-03-01T00:00:00.000Z';
const signed = { geheimhouding: { date: '2026-03-01', recordedBy: 'regie', recordedAt: AT } };

function participant(id: string, organisation: Organisation, role: Role, extra: Partial<Participant> = {}): Participant {
  return { id, aadObjectId: `aad-${id}`, displayName: id, organisation, role, addedAt: AT, addedBy: 'regie', ...extra };
}

const PARTICIPANTS: Participant[] = [
  participant('regie', 'gemeente', 'procesregisseur'),
  participant('verv', 'gemeente', 'vervanger'),
  participant('pol', 'politie', 'partner'),
  participant('om', 'om', 'partner'),
  participant('jw', 'jongerenwerk', 'partner'),
  participant('boa', 'boa', 'partner'),
  participant('lp', 'leerplicht', 'incidenteel'), // no geheimhouding
  participant('school', 'school', 'incidenteel', signed), // geheimhouding, no legal basis
  participant('woco', 'woningcorporatie', 'incidenteel', signed), // geheimhouding + basis for m1
];

function aanpakIn(state: StepId): Aanpak {
  return {
    id: 'a1',
    name: 'Groep Centrum',
    gemeente: 'Voorbeeld',
    channelId: 'chan',
    state,
    version: 1,
    createdAt: AT,
    createdBy: 'regie',
    participants: PARTICIPANTS,
    checklist: {},
    decisions: {},
    transitions: [],
    reopenings: [],
    legalBases: [{ participantId: 'woco', memberId: 'm1', basis: 'art. 5 convenant', recordedBy: 'regie', recordedAt: AT }],
    bijzonderBases: [{ organisation: 'gemeente', basis: 'Wpg art. 19', recordedBy: 'regie', recordedAt: AT }],
    weighings: [],
    pgaConsents: [],
    settings: { overlegCadenceWeeks: 6, retentionProfile: '2022' },
  };
}

/** Audiences the product sends to. */
const AUDIENCES: Record<string, Recipient[]> = {
  convenantpartners: ['regie', 'verv', 'pol', 'om', 'jw', 'boa'].map((p) => ({ kind: 'participant', participantId: p })),
  incidenteelZonderGeheimhouding: [{ kind: 'participant', participantId: 'lp' }],
  incidenteelZonderGrondslag: [{ kind: 'participant', participantId: 'school' }],
  incidenteelMetGrondslag: [{ kind: 'participant', participantId: 'woco' }],
  driehoek: [{ kind: 'driehoek' }],
  justitie: [
    { kind: 'participant', participantId: 'pol' },
    { kind: 'participant', participantId: 'om' },
  ],
  kanaal: PARTICIPANTS.map((p) => ({ kind: 'participant', participantId: p.id })),
};

const JUSTICE = new Set<Organisation>(['politie', 'om']);
const CONVENANT = new Set<Organisation>(['gemeente', 'politie', 'om', 'jongerenwerk', 'boa']);

/**
 * May this recipient receive content of this TRUE level about these members (PRODUCT.md §4,
 * R-1-1, R-2A-1, R-4-1, R-X-11, R-X-14, R-X-21, R-X-22, R-X-31)? Written from the rules, not from gate.ts.
 */
function mayReceive(step: StepId, r: Recipient, level: Level, memberIds: string[], authorId: string): boolean {
  if (r.kind === 'participant' && r.participantId === authorId) return true;
  if (level === 'groep') {
    const p = r.kind === 'participant' ? PARTICIPANTS.find((x) => x.id === r.participantId)! : undefined;
    return !p || CONVENANT.has(p.organisation) || !!p.geheimhouding;
  }
  if (step === '1' || step === '2A') return false;
  if (r.kind !== 'participant') return false; // the driehoek and channel observers get group level only
  const p = PARTICIPANTS.find((x) => x.id === r.participantId)!;
  const author = PARTICIPANTS.find((x) => x.id === authorId)!;
  if (author.organisation === 'jongerenwerk') return false; // no weighing recorded in this fixture
  if (!CONVENANT.has(p.organisation)) {
    if (!p.geheimhouding || memberIds.length === 0) return false;
    if (!memberIds.every((m) => m === 'm1' && p.id === 'woco')) return false;
  }
  if (level === 'opsporing') return JUSTICE.has(p.organisation);
  if (level === 'bijzonder') return p.organisation === 'gemeente' || (JUSTICE.has(p.organisation) && JUSTICE.has(author.organisation));
  return true;
}

const KINDS: ContentKind[] = ['answer', 'flipover_item', 'rode_draad', 'action', 'export_paragraph'];
const AUTHORS = ['pol', 'om', 'jw', 'boa', 'school', 'regie'];
const withNames = createScreener(MEMBERS);
const withoutNames = createScreener([]);
/** Steps 1 and 2A have no namenlijst yet: only the lexicon and the number patterns can see anything. */
const screenerFor = (step: StepId) => (step === '1' || step === '2A' ? withoutNames : withNames);

const ALL_POSTS: Post[] = posts(2);
/** Posts about an opsporing indication, declared as such by the author. */
const OPSPORING: Post[] = ['Mohammed Yilmaz', 'Kleine J', 'Priscilla'].map((n) => ({
  text: `Vermoedelijk handelt ${n} in drugs (opsporingsindicatie).`,
  leak: { label: `opsporing ${n}`, fragment: n, level: 'opsporing', needsNamenlijst: n !== 'Priscilla' },
}));

function contentFor(post: Post, kind: ContentKind, i: number): GateContent {
  return {
    ref: `ref-${i}`,
    kind,
    level: post.leak.level === 'opsporing' ? 'opsporing' : 'groep',
    text: post.text,
    authorId: AUTHORS[i % AUTHORS.length]!,
  };
}

/** The leak cases the screener can see at this step (the others are measured, not asserted). */
const detectable = (post: Post, step: StepId) => !(post.leak.needsNamenlijst && (step === '1' || step === '2A'));

describe('privacy leaks: domain path (decide, filterForAudience, publishFlipover)', () => {
  const cases = [...ALL_POSTS, ...OPSPORING];

  it('has at least 200 adversarial posts over every content kind', () => {
    expect(cases.length).toBeGreaterThanOrEqual(200);
    console.log(`[privacy] ${cases.length} adversarial posts × ${KINDS.length} kinds × ${STEPS.length} steps × ${Object.keys(AUDIENCES).length} audiences`);
  });

  it('R-X-16: screening raises every post to at least its true level where it can see it', () => {
    const missed: string[] = [];
    for (const post of cases) {
      for (const step of STEPS) {
        if (!detectable(post, step)) continue;
        const r = screenerFor(step).screen(post.text);
        if (!isAtLeast(maxLevel(r.level, post.leak.level === 'opsporing' ? 'opsporing' : 'groep'), post.leak.level)) missed.push(`${step}: ${post.leak.label}: ${JSON.stringify(post.text)}`);
      }
    }
    expect(missed).toEqual([]);
  });

  it('R-1-1, R-2A-1, R-4-1, R-X-11, R-X-14, R-X-21, R-X-22: no decide() lets a post reach a recipient who may not have it', () => {
    const leaks: string[] = [];
    let decisions = 0;
    cases.forEach((post, i) => {
      for (const kind of KINDS) {
        const content = contentFor(post, kind, i);
        for (const step of STEPS) {
          if (!detectable(post, step)) continue;
          const ctx: GateContext = { aanpak: aanpakIn(step), screener: screenerFor(step) };
          for (const [name, audience] of Object.entries(AUDIENCES)) {
            const d = decide(content, ctx, audience);
            decisions++;
            if (d.outcome !== 'allow') continue;
            const memberIds = post.leak.memberId ? [post.leak.memberId] : [];
            for (const r of audience) {
              if (!mayReceive(step, r, post.leak.level, memberIds, content.authorId)) {
                leaks.push(`${step} ${kind} → ${name}/${r.kind === 'participant' ? r.participantId : r.kind}: ${post.leak.label}`);
              }
            }
          }
        }
      }
    });
    console.log(`[privacy] decide(): ${decisions} decisions, ${leaks.length} leaks`);
    expect(leaks).toEqual([]);
  });

  it('R-X-16: filterForAudience passes only items every recipient may have, and never their text otherwise', () => {
    const leaks: string[] = [];
    for (const step of STEPS) {
      const ctx: GateContext = { aanpak: aanpakIn(step), screener: screenerFor(step) };
      const items = cases.flatMap((post, i) => (detectable(post, step) ? [{ post, content: contentFor(post, KINDS[i % KINDS.length]!, i) }] : []));
      for (const [name, audience] of Object.entries(AUDIENCES)) {
        const res = filterForAudience(
          items.map((x) => x.content),
          ctx,
          audience,
        );
        const allowed = new Set(res.allowed.map((c) => c.ref));
        for (const { post, content } of items) {
          if (!allowed.has(content.ref)) continue;
          const memberIds = post.leak.memberId ? [post.leak.memberId] : [];
          if (audience.some((r) => !mayReceive(step, r, post.leak.level, memberIds, content.authorId))) leaks.push(`${step} → ${name}: ${post.leak.label}`);
        }
        // The summary for the channel is content-free.
        if (res.summary) for (const { post } of items) expect(squash(res.summary)).not.toContain(squash(post.leak.fragment));
      }
    }
    expect(leaks).toEqual([]);
  });

  it('R-1-1, R-X-22: a published flipover (answers and rode draad) carries no fragment to a channel that may not have it', () => {
    const env = testEnv('2026-03-10T09:00:00.000Z');
    const invitees = ['pol', 'om', 'jw', 'boa', 'school'];
    const orgOf = (id: string) => PARTICIPANTS.find((p) => p.id === id)!.organisation;
    let published = 0;
    for (const step of STEPS) {
      const aanpak = aanpakIn(step);
      const screener = screenerFor(step);
      const usable = cases.filter((p) => detectable(p, step));
      // One round per 5 questions' worth of posts: every invitee answers every question.
      for (let base = 0; base < usable.length; base += invitees.length * 5) {
        const chunk = usable.slice(base, base + invitees.length * 5);
        const questions = Array.from({ length: 5 }, (_, q) => ({ id: `CV-${q + 1}`, text: `Vraag ${q + 1}`, level: 'groep' as Level, answerType: 'open' as const }));
        const round: Round = {
          id: `r-${step}-${base}`,
          aanpakId: 'a1',
          kind: 'circulair',
          step,
          questions,
          invitees,
          deadline: '2026-03-09T09:00:00.000Z',
          openedBy: 'regie',
          openedAt: AT,
          status: 'gesloten',
          answerByRole: false,
          closedAt: '2026-03-09T09:00:00.000Z',
          // The regie's rode draad repeats a post, as a careless summary would.
          rodeDraad: chunk[0] ? [{ questionId: 'CV-1', text: `Rode draad: ${chunk[0].text}`, level: 'groep', by: 'regie', at: AT }] : [],
        };
        const answers: Answer[] = invitees.map((pid, k) => ({
          roundId: round.id,
          aanpakId: 'a1',
          participantId: pid,
          organisation: orgOf(pid),
          status: 'submitted',
          items: questions.flatMap((q, qi) => {
            const post = chunk[k * 5 + qi];
            return post ? [{ questionId: q.id, text: post.text, ...(post.leak.level === 'opsporing' ? { declaredLevel: 'opsporing' as Level } : {}) }] : [];
          }),
          updatedAt: AT,
          submittedAt: `2026-03-0${k + 1}T10:00:00.000Z`,
        }));
        const pub = publishFlipover(round, answers, aanpak, screener, AUDIENCES.kanaal!, env, 'regie');
        published++;
        const shown = squash(stringsOf(pub.published).join('\n'));
        for (const post of chunk) {
          const fragment = squash(post.leak.fragment);
          if (!shown.includes(fragment)) continue;
          // The channel includes the leerplicht (no geheimhouding): only group level may be shown.
          expect.soft(isAbove(post.leak.level, 'groep'), `${step}: ${post.leak.label} in the published flipover`).toBe(false);
        }
      }
    }
    expect(published).toBeGreaterThan(STEPS.length);
  });

  it('measures what screening cannot see without a namenlijst (steps 1 and 2A)', () => {
    const hard = LEAKS.filter((l) => l.needsNamenlijst);
    const seen = hard.filter((l) => isAbove(withoutNames.screen(`Volgens de school ${l.fragment} erbij.`).level, 'groep'));
    console.log(
      `[privacy] without a namenlijst ${seen.length}/${hard.length} namenlijst-only leaks are still found (first names by the lexicon); ` +
        `not found: ${hard.filter((l) => !seen.includes(l)).map((l) => l.label).slice(0, 8).join('; ')} …`,
    );
    // Lexicon first names capitalised are always found; lowercase names, surnames, bijnamen and birth dates need the namenlijst.
    expect(withoutNames.screen('Volgens de school zijn Mohammed en Priscilla erbij.').findings.length).toBe(2);
  });
});

describe('privacy: false positives on innocent group-level texts', () => {
  it('flags at most 10% of ≥ 100 innocent texts (rate printed)', () => {
    expect(INNOCENT.length).toBeGreaterThanOrEqual(100);
    for (const [label, s] of [
      ['without namenlijst', withoutNames],
      ['with namenlijst', withNames],
    ] as const) {
      const flagged = INNOCENT.filter((t) => s.screen(t).level !== 'groep');
      const rate = flagged.length / INNOCENT.length;
      console.log(
        `[privacy] false positives ${label}: ${flagged.length}/${INNOCENT.length} = ${(rate * 100).toFixed(1)}%` +
          (flagged.length ? ` — ${flagged.map((t) => `"${t}" (${s.screen(t).findings.map((f) => `${f.kind}:${f.fragment}`).join(', ')})`).join('; ')}` : ''),
      );
      // 10%: a false positive costs the author one "achtergehouden" and a rephrase; a miss leaks a
      // minor's data. The threshold keeps the tool usable while screening errs on the safe side.
      expect(rate).toBeLessThanOrEqual(0.1);
    }
  });
});
