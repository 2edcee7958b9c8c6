import { describe, expect, it } from 'vitest';
import {
  BY_ROLE_SUFFIX,
  aggregateDuiding,
  buildFlipover,
  closeRound,
  huiswerkFromDuiding,
  openRound,
  publishFlipover,
  recordRodeDraad,
  saveDraft,
  submitAnswer,
  whoHasAnswered,
  type OpenRoundCommand,
} from '../../src/workflow/rounds.js';
import { duidingItemsForStep } from '../../src/workflow/catalog/index.js';
import { createScreener } from '../../src/workflow/screening.js';
import {
  DomainError,
  type Aanpak,
  type AanpakState,
  type Answer,
  type AnswerItem,
  type Member,
  type Recipient,
  type Round,
  type ScaleValue,
} from '../../src/workflow/types.js';
import { DAY, testEnv } from '../helpers/env.js';
import { aanpakFixture, participantFixture } from '../helpers/fixtures.js';

const T0 = '2026-03-02T09:00:00.000Z';
const DEADLINE = '2026-03-09T17:00:00.000Z';
const SIGNED = { date: '2026-03-01', recordedBy: 'pr', recordedAt: T0 };


function aanpak(state: AanpakState, extra: Partial<Aanpak> = {}): Aanpak {
  return aanpakFixture(
    state,
    [
      participantFixture('pr', 'procesregisseur', 'gemeente'),
      participantFixture('vv', 'vervanger', 'gemeente'),
      participantFixture('wa', 'partner', 'politie'),
      participantFixture('jw', 'partner', 'jongerenwerk'),
      participantFixture('om', 'partner', 'om'),
      participantFixture('lp', 'incidenteel', 'leerplicht', { geheimhouding: SIGNED }),
      participantFixture('sc', 'incidenteel', 'school'),
      participantFixture('ex', 'partner', 'boa', { removedAt: T0 }),
    ],
    extra,
    T0,
  );
}

const jan: Member = {
  id: 'm1',
  aanpakId: 'a1',
  naam: 'Jan de Vries',
  bijnamen: ['Jantje'],
  positie: 'kern',
  bron: 'groepsscan',
  addedAt: T0,
  addedBy: 'pr',
  informing: { status: 'open' },
};
const screener = createScreener([jan]);

const PARTNERS = ['wa', 'jw', 'om'];
const open = (over: Partial<OpenRoundCommand> = {}): OpenRoundCommand => ({ kind: 'circulair', invitees: PARTNERS, deadline: DEADLINE, by: 'pr', ...over });

function err(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

const cv = (round: Round, id: string) => round.questions.find((q) => q.id === id)!;
const toAudience = (...ids: string[]): Recipient[] => ids.map((participantId) => ({ kind: 'participant', participantId }));

/** Opens, answers (submitted) and closes a round; returns everything a test needs. */
function answered(state: AanpakState, answersBy: Record<string, AnswerItem[]>, over: Partial<OpenRoundCommand> = {}, extra: Partial<Aanpak> = {}) {
  const env = testEnv(T0);
  const a = aanpak(state, extra);
  let round = openRound(a, open({ invitees: Object.keys(answersBy), ...over }), env).round;
  const answers: Answer[] = [];
  for (const [participantId, items] of Object.entries(answersBy)) {
    env.advance(60_000);
    answers.push(submitAnswer(round, undefined, { participantId, items }, env, a).answer);
  }
  round = closeRound(round, 'pr', env, a).round;
  return { env, a, round, answers };
}

// ---- openRound ------------------------------------------------------------------------------

describe('openRound', () => {
  it('circulair: CV-1..CV-5 as open questions with a content-free event', () => {
    const { round, events } = openRound(aanpak('3'), open(), testEnv(T0));
    expect(round.questions.map((q) => q.id)).toEqual(['CV-1', 'CV-2', 'CV-3', 'CV-4', 'CV-5']);
    expect(round.questions.every((q) => q.answerType === 'open')).toBe(true);
    expect(round).toMatchObject({ aanpakId: 'a1', kind: 'circulair', step: '3', status: 'open', openedBy: 'pr', openedAt: T0, deadline: DEADLINE, invitees: PARTNERS, rodeDraad: [] });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'round.opened', data: { roundId: round.id, kind: 'circulair', invitees: 3, questions: 5 } });
    expect(JSON.stringify(events)).not.toContain('spilfiguren');
  });

  it('from 2B with only convenantpartners, CV-4/CV-5 are person-level and asked as is', () => {
    const { round } = openRound(aanpak('2B'), open(), testEnv(T0));
    expect(round.answerByRole).toBe(false);
    expect(cv(round, 'CV-4')).toMatchObject({ level: 'persoon', byRole: true, text: 'de belangrijkste spilfiguren in de groep' });
    expect(cv(round, 'CV-5').level).toBe('persoon');
    expect(cv(round, 'CV-1').level).toBe('groep');
  });

  it.each(['1', '2A'] as const)('R-1-1: person questions are answered by role in step %s', (state) => {
    const { round, events } = openRound(aanpak(state), open(), testEnv(T0));
    expect(round.answerByRole).toBe(true);
    for (const id of ['CV-4', 'CV-5']) {
      expect(cv(round, id).level).toBe('groep');
      expect(cv(round, id).text.endsWith(BY_ROLE_SUFFIX)).toBe(true);
      expect(BY_ROLE_SUFFIX).toBe(' (benoem rollen, geen namen)');
    }
    expect(cv(round, 'CV-1').text).not.toContain(BY_ROLE_SUFFIX);
    expect(events[0]!.ruleIds).toContain(state === '1' ? 'R-1-1' : 'R-2A-1');
  });

  it('R-F-1 / R-3-6: with an incidentele deelnemer invited, person questions are answered by role, even in step 3', () => {
    const { round, events } = openRound(aanpak('3'), open({ invitees: ['wa', 'lp'] }), testEnv(T0));
    expect(round.answerByRole).toBe(true);
    expect(cv(round, 'CV-4')).toMatchObject({ level: 'groep', byRole: true });
    expect(cv(round, 'CV-5').text).toBe(`de belangrijkste sleutelfiguren buiten de groep${BY_ROLE_SUFFIX}`);
    expect(events[0]!.ruleIds).toEqual(expect.arrayContaining(['R-F-1', 'R-3-6']));
  });

  it('R-X-21: an incidentele deelnemer without geheimhoudingsverklaring cannot be invited', () => {
    const e = err(() => openRound(aanpak('3'), open({ invitees: ['wa', 'sc'] }), testEnv(T0)));
    expect(e.code).toBe('invitee_no_geheimhouding');
    expect(e.ruleIds).toEqual(['R-X-21']);
    expect(e.userMessage).toBe('Naam sc kan pas worden uitgenodigd als de geheimhoudingsverklaring is vastgelegd.');
  });

  it('only the procesregisseur or vervanger opens, in steps 1..7, with active invitees and a future deadline', () => {
    const env = testEnv(T0);
    expect(openRound(aanpak('3'), open({ by: 'vv' }), env).round.openedBy).toBe('vv');
    expect(err(() => openRound(aanpak('3'), open({ by: 'wa' }), env)).code).toBe('not_regisseur');
    for (const state of ['gesloten', 'inactief', 'vernietigd'] as const) {
      expect(err(() => openRound(aanpak(state), open(), env)).code).toBe('aanpak_not_active');
    }
    expect(err(() => openRound(aanpak('3'), open({ invitees: ['wa', 'ex'] }), env)).code).toBe('invitee_unknown');
    expect(err(() => openRound(aanpak('3'), open({ invitees: ['wa', 'nobody'] }), env)).code).toBe('invitee_unknown');
    expect(err(() => openRound(aanpak('3'), open({ invitees: [] }), env)).code).toBe('no_invitees');
    expect(err(() => openRound(aanpak('3'), open({ deadline: T0 }), env)).userMessage).toBe('De deadline moet in de toekomst liggen.');
    expect(err(() => openRound(aanpak('3'), open({ deadline: 'volgende week' }), env)).code).toBe('invalid_deadline');
    expect(openRound(aanpak('3'), open({ invitees: ['wa', 'wa'] }), env).round.invitees).toEqual(['wa']);
  });

  it('R-G-1: duiding questions are cumulative per step and answered on the scale', () => {
    const env = testEnv(T0);
    const ids = (state: AanpakState) => openRound(aanpak(state), open({ kind: 'duiding' }), env).round.questions.map((q) => q.id);
    const [s1, s2A, s2B, s3] = [ids('1'), ids('2A'), ids('2B'), ids('3')];
    expect(s1).toHaveLength(6);
    expect(s1.every((id) => id.startsWith('DI-1-'))).toBe(true);
    expect(s2A).toHaveLength(13);
    expect(s2B).toHaveLength(24);
    expect(s3).toHaveLength(42);
    expect(s2A).toEqual(expect.arrayContaining(s1));
    expect(s3).toEqual(expect.arrayContaining([...s2B, 'DI-3-18']));
    const round = openRound(aanpak('3'), open({ kind: 'duiding' }), env).round;
    expect(round.questions.every((q) => q.answerType === 'scale' && !!q.pijler)).toBe(true);
    expect(round.questions.find((q) => q.id === 'DI-3-07')!.level).toBe('opsporing');
    expect(s3).toEqual(duidingItemsForStep('3').map((i) => i.id));
  });

  it('R-G-1: duiding only in steps 1 to 3', () => {
    const e = err(() => openRound(aanpak('4'), open({ kind: 'duiding' }), testEnv(T0)));
    expect(e.userMessage).toBe('De duiding hoort bij stap 1 tot en met 3.');
  });

  it('informatievragen: the step’s questions (incl. online) as open questions; person questions declare persoon', () => {
    const r1 = openRound(aanpak('1'), open({ kind: 'informatievragen' }), testEnv(T0)).round;
    expect(r1.questions.map((q) => q.text)).toEqual([
      'Wat zien en merken we aan problematisch groepsgedrag?',
      'Zijn er online signalen die duiden op problematisch groepsgedrag?',
    ]);
    expect(r1.questions.every((q) => q.answerType === 'open')).toBe(true);
    const r2B = openRound(aanpak('2B'), open({ kind: 'informatievragen' }), testEnv(T0)).round;
    expect(r2B.questions.find((q) => q.text.includes('wie zitten daar in?'))!.level).toBe('persoon');
  });
});

// ---- answers --------------------------------------------------------------------------------

describe('answers', () => {
  it('draft → submit → edit until close → locked after close', () => {
    const env = testEnv(T0);
    const a = aanpak('3');
    let round = openRound(a, open(), env).round;
    const draft = saveDraft(round, undefined, { participantId: 'wa', items: [{ questionId: 'CV-1', text: 'Hangen bij de snackbar' }] }, env, a);
    expect(draft.answer).toMatchObject({ status: 'draft', organisation: 'politie', participantId: 'wa', roundId: round.id });
    expect(draft.answer.submittedAt).toBeUndefined();
    expect(draft.events[0]!.type).toBe('answer.draft_saved');

    const draft2 = saveDraft(round, draft.answer, { participantId: 'wa', items: [{ questionId: 'CV-1', text: 'Hangen bij de snackbar, ook overdag' }] }, env, a);
    expect(draft2.answer.items[0]!.text).toBe('Hangen bij de snackbar, ook overdag');

    env.advance(DAY);
    const sub = submitAnswer(round, draft2.answer, { participantId: 'wa', items: draft2.answer.items }, env, a);
    expect(sub.answer).toMatchObject({ status: 'submitted', submittedAt: '2026-03-03T09:00:00.000Z' });
    expect(sub.events[0]!.type).toBe('answer.submitted');

    // Past the deadline but not closed: still editable.
    env.set('2026-03-10T09:00:00.000Z');
    const edit = submitAnswer(round, sub.answer, { participantId: 'wa', items: [{ questionId: 'CV-2', text: 'Vuurwerk' }] }, env, a);
    expect(edit.answer.items).toEqual([{ questionId: 'CV-2', text: 'Vuurwerk' }]);
    expect(edit.events[0]!.type).toBe('answer.resubmitted');
    // A submitted answer is not turned back into a draft.
    expect(err(() => saveDraft(round, edit.answer, { participantId: 'wa', items: [] }, env, a)).code).toBe('already_submitted');

    round = closeRound(round, 'pr', env, a).round;
    expect(round.status).toBe('gesloten');
    expect(err(() => submitAnswer(round, edit.answer, { participantId: 'wa', items: [{ questionId: 'CV-2', text: 'x' }] }, env, a)).code).toBe('round_closed');
    expect(err(() => saveDraft(round, undefined, { participantId: 'jw', items: [] }, env, a)).code).toBe('round_closed');
  });

  it('only invitees answer, for themselves', () => {
    const env = testEnv(T0);
    const a = aanpak('3');
    const round = openRound(a, open(), env).round;
    expect(err(() => saveDraft(round, undefined, { participantId: 'lp', items: [] }, env, a)).userMessage).toBe('Je bent niet uitgenodigd voor deze ronde.');
    const mine = saveDraft(round, undefined, { participantId: 'wa', items: [] }, env, a).answer;
    expect(err(() => saveDraft(round, mine, { participantId: 'jw', items: [] }, env, a)).code).toBe('answer_mismatch');
  });

  it('validates items with Dutch messages', () => {
    const env = testEnv(T0);
    const a = aanpak('3');
    const circ = openRound(a, open(), env).round;
    const duid = openRound(a, open({ kind: 'duiding' }), env).round;
    const sub = (round: Round, items: AnswerItem[]) => submitAnswer(round, undefined, { participantId: 'wa', items }, env, a);
    expect(err(() => sub(circ, [{ questionId: 'CV-9', text: 'x' }])).code).toBe('unknown_question');
    expect(err(() => sub(circ, [{ questionId: 'CV-1', text: 'x' }, { questionId: 'CV-1', text: 'y' }])).code).toBe('duplicate_question');
    expect(err(() => sub(circ, [{ questionId: 'CV-1', text: 'x'.repeat(4001) }])).userMessage).toBe('Een antwoord mag maximaal 4000 tekens hebben.');
    expect(sub(circ, [{ questionId: 'CV-1', text: 'x'.repeat(4000) }]).answer.items).toHaveLength(1);
    expect(err(() => sub(circ, [{ questionId: 'CV-1', scale: '2' }])).code).toBe('scale_on_open');
    expect(err(() => sub(circ, [{ questionId: 'CV-1', text: '   ' }])).code).toBe('empty_answer');
    expect(err(() => sub(duid, [{ questionId: 'DI-1-01', scale: '5' as ScaleValue }])).userMessage).toBe('Kies niet, 1, 2, 3, sterk of onbekend.');
    expect(err(() => sub(duid, [{ questionId: 'DI-1-01', scale: '2', toelichting: 'x'.repeat(2001) }])).code).toBe('toelichting_too_long');
    expect(err(() => sub(duid, [{ questionId: 'DI-1-01', text: 'veel' }])).code).toBe('text_on_scale');
    expect(err(() => sub(circ, [{ questionId: 'CV-1', text: 'x', declaredLevel: 'geheim' as never }])).code).toBe('invalid_level');
    expect(sub(duid, [{ questionId: 'DI-1-01', scale: 'onbekend', toelichting: ' navragen ' }]).answer.items).toEqual([
      { questionId: 'DI-1-01', scale: 'onbekend', toelichting: 'navragen' },
    ]);
  });

  it('author-declared levels may only raise the question level', () => {
    const env = testEnv(T0);
    const a = aanpak('2B');
    const round = openRound(a, open(), env).round;
    const { answer, events } = submitAnswer(
      round,
      undefined,
      {
        participantId: 'wa',
        items: [
          { questionId: 'CV-1', text: 'x', declaredLevel: 'bijzonder' },
          { questionId: 'CV-4', text: 'y', declaredLevel: 'groep' },
        ],
      },
      env,
      a,
    );
    expect(answer.items[0]!.declaredLevel).toBe('bijzonder');
    expect(answer.items[1]!.declaredLevel).toBeUndefined();
    expect(events[0]!.level).toBe('bijzonder');
    const closed = closeRound(round, 'pr', env, a).round;
    const flip = buildFlipover(closed, [answer], a);
    expect(flip.find((q) => q.questionId === 'CV-4')!.entries[0]!.content.level).toBe('persoon');
    expect(flip.find((q) => q.questionId === 'CV-1')!.entries[0]!.content.level).toBe('bijzonder');
  });
});

describe('whoHasAnswered', () => {
  it('per invitee: name, organisation and status — never the content', () => {
    const env = testEnv(T0);
    const a = aanpak('3');
    const round = openRound(a, open(), env).round;
    const d = saveDraft(round, undefined, { participantId: 'jw', items: [{ questionId: 'CV-1', text: 'GEHEIM-ANTWOORD-1' }] }, env, a).answer;
    const s = submitAnswer(round, undefined, { participantId: 'wa', items: [{ questionId: 'CV-2', text: 'GEHEIM-ANTWOORD-2' }] }, env, a).answer;
    const other = { ...s, roundId: 'other-round', participantId: 'om' };
    const progress = whoHasAnswered(round, [d, s, other], a);
    expect(progress).toEqual([
      { participantId: 'wa', displayName: 'Naam wa', organisation: 'politie', status: 'submitted' },
      { participantId: 'jw', displayName: 'Naam jw', organisation: 'jongerenwerk', status: 'draft' },
      { participantId: 'om', displayName: 'Naam om', organisation: 'om', status: 'none' },
    ]);
    expect(JSON.stringify(progress)).not.toContain('GEHEIM');
  });
});

describe('closeRound', () => {
  it('only the procesregisseur or vervanger closes, once', () => {
    const env = testEnv(T0);
    const a = aanpak('3');
    const round = openRound(a, open(), env).round;
    expect(err(() => closeRound(round, 'wa', env, a)).code).toBe('not_regisseur');
    const { round: closed, events } = closeRound(round, 'vv', env, a);
    expect(closed).toMatchObject({ status: 'gesloten', closedAt: T0 });
    expect(events[0]).toMatchObject({ type: 'round.closed', actor: 'vv', data: { roundId: round.id } });
    expect(err(() => closeRound(closed, 'pr', env, a)).code).toBe('round_already_closed');
  });
});

// ---- flipover -------------------------------------------------------------------------------

describe('flipover', () => {
  it('buildFlipover: submitted items per question as gate content; drafts never appear', () => {
    const env = testEnv(T0);
    const a = aanpak('3');
    const round = openRound(a, open(), env).round;
    const s = submitAnswer(round, undefined, { participantId: 'wa', items: [{ questionId: 'CV-1', text: 'Jantje is de leider' }] }, env, a).answer;
    const d = saveDraft(round, undefined, { participantId: 'jw', items: [{ questionId: 'CV-1', text: 'concept' }] }, env, a).answer;
    const flip = buildFlipover(round, [s, d], a, screener);
    const entries = flip.find((q) => q.questionId === 'CV-1')!.entries;
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      participantId: 'wa',
      organisation: 'politie',
      content: { ref: `${round.id}:wa:CV-1`, kind: 'flipover_item', level: 'groep', text: 'Jantje is de leider', authorId: 'wa', memberIds: ['m1'] },
    });
    expect(flip.find((q) => q.questionId === 'CV-2')!.entries).toEqual([]);
  });

  it('R-1-1: in step 1 an answer naming a member is withheld and the summary says so', () => {
    // The aanpak came back to step 1 from 2B, so the namenlijst is known to the screener.
    const { env, a, round, answers } = answered('1', {
      wa: [{ questionId: 'CV-1', text: 'Jan de Vries stookt de groep op' }, { questionId: 'CV-2', text: 'Overlast bij het station' }],
      jw: [{ questionId: 'CV-1', text: 'Vooral 15- tot 17-jarigen' }],
    });
    const { round: published, published: pub, events } = publishFlipover(round, answers, a, screener, toAudience('pr', 'wa', 'jw', 'om'), env, 'pr');
    expect(published.status).toBe('gepubliceerd');
    expect(published.publishedAt).toBeDefined();
    const q1 = pub.find((q) => q.questionId === 'CV-1')!;
    expect(q1.byOrganisation).toEqual([{ organisation: 'jongerenwerk', items: ['Vooral 15- tot 17-jarigen'] }]);
    expect(q1.withheldSummary).toMatch(/^1 item achtergehouden: .*R-1-1/);
    const q2 = pub.find((q) => q.questionId === 'CV-2')!;
    expect(q2.byOrganisation).toEqual([{ organisation: 'politie', items: ['Overlast bij het station'] }]);
    expect(q2.withheldSummary).toBeNull();
    // Nothing withheld leaks into the published text or the audit.
    expect(JSON.stringify(pub)).not.toMatch(/Vries|stookt/);
    expect(JSON.stringify(events)).not.toMatch(/Vries|stookt|station|jarigen/);
    const summary = events.find((e) => e.type === 'round.published')!;
    expect(summary).toMatchObject({ outcome: 'deny', ruleIds: ['R-1-1'], data: { allowed: 2, withheld: 1 } });
    const gate = events.filter((e) => e.type === 'gate.decision');
    expect(gate).toHaveLength(3);
    expect(gate.filter((e) => e.outcome === 'deny')).toHaveLength(1);
  });

  it('R-1-1: other personal data (a phone number) is withheld in step 1 too', () => {
    const { env, a, round, answers } = answered('1', { wa: [{ questionId: 'CV-3', text: 'Bel de trainer op 06-12345678' }] });
    const pub = publishFlipover(round, answers, a, createScreener([]), toAudience('wa', 'jw'), env, 'pr').published;
    const q = pub.find((x) => x.questionId === 'CV-3')!;
    expect(q.byOrganisation).toEqual([]);
    expect(q.withheldSummary).toContain('achtergehouden');
  });

  it('R-X-22: from 2B names go to convenantpartners, but not to an incidentele deelnemer without a legal basis', () => {
    const items = { wa: [{ questionId: 'CV-4', text: 'Jan de Vries' }] };
    const partners = answered('2B', items);
    const toPartners = publishFlipover(partners.round, partners.answers, partners.a, screener, toAudience('pr', 'wa', 'om'), partners.env, 'pr');
    expect(toPartners.published.find((q) => q.questionId === 'CV-4')!.byOrganisation).toEqual([{ organisation: 'politie', items: ['Jan de Vries'] }]);

    const withLp = answered('2B', { ...items, lp: [{ questionId: 'CV-1', text: 'Spijbelen veel' }] });
    const cv4 = withLp.round.questions.find((q) => q.id === 'CV-4')!;
    expect(cv4.level).toBe('groep'); // answered by role (R-F-1) …
    const out = publishFlipover(withLp.round, withLp.answers, withLp.a, screener, toAudience('pr', 'wa', 'lp'), withLp.env, 'pr');
    const q4 = out.published.find((q) => q.questionId === 'CV-4')!;
    expect(q4.byOrganisation).toEqual([]); // … and a name anyway is caught by screening and the gate
    expect(q4.withheldSummary).toContain('R-X-22');
  });

  it('R-X-31: a jongerenwerker’s named answer is held back until the weighing is recorded', () => {
    const { env, a, round, answers } = answered('3', { jw: [{ questionId: 'CV-4', text: 'Jantje' }] });
    const held = publishFlipover(round, answers, a, screener, toAudience('pr', 'wa'), env, 'pr');
    expect(held.published.find((q) => q.questionId === 'CV-4')!.byOrganisation).toEqual([]);
    const weighed: Aanpak = {
      ...a,
      weighings: [{ id: 'w1', participantId: 'jw', subjectRef: `${round.id}:jw:CV-4`, doelmatigheid: 'd', subsidiariteit: 's', proportionaliteit: 'p', recordedAt: T0 }],
    };
    const shared = publishFlipover(round, answers, weighed, screener, toAudience('pr', 'wa'), env, 'pr');
    expect(shared.published.find((q) => q.questionId === 'CV-4')!.byOrganisation).toEqual([{ organisation: 'jongerenwerk', items: ['Jantje'] }]);
  });

  it('publishing needs a closed round and the procesregisseur', () => {
    const env = testEnv(T0);
    const a = aanpak('3');
    const round = openRound(a, open(), env).round;
    expect(err(() => publishFlipover(round, [], a, screener, toAudience('wa'), env, 'pr')).code).toBe('round_still_open');
    const closed = closeRound(round, 'pr', env, a).round;
    expect(err(() => publishFlipover(closed, [], a, screener, toAudience('wa'), env, 'wa')).code).toBe('not_regisseur');
  });
});

describe('rode draad', () => {
  it('procesregisseur only; stored with the screened level; published with its question', () => {
    const { env, a, round, answers } = answered('3', { wa: [{ questionId: 'CV-2', text: 'Messen' }] });
    expect(err(() => recordRodeDraad(round, { questionId: 'CV-2', text: 'x', by: 'wa' }, screener, env, a)).code).toBe('not_regisseur');
    expect(err(() => recordRodeDraad(round, { questionId: 'CV-9', text: 'x', by: 'pr' }, screener, env, a)).code).toBe('unknown_question');
    expect(err(() => recordRodeDraad(round, { questionId: 'CV-2', text: ' ', by: 'pr' }, screener, env, a)).code).toBe('empty_rode_draad');
    let r = recordRodeDraad(round, { questionId: 'CV-2', text: 'Wapenbezit is de grootste zorg', by: 'pr' }, screener, env, a);
    expect(r.round.rodeDraad).toEqual([{ questionId: 'CV-2', text: 'Wapenbezit is de grootste zorg', level: 'groep', by: 'pr', at: env.now().toISOString() }]);
    expect(JSON.stringify(r.events)).not.toContain('Wapenbezit');
    r = recordRodeDraad(r.round, { questionId: 'CV-1', text: 'Jantje leidt', by: 'pr' }, screener, env, a);
    expect(r.round.rodeDraad.find((x) => x.questionId === 'CV-1')!.level).toBe('persoon');
    // Recording again replaces the earlier line.
    r = recordRodeDraad(r.round, { questionId: 'CV-2', text: 'Wapens en drugs', by: 'pr' }, screener, env, a);
    expect(r.round.rodeDraad.filter((x) => x.questionId === 'CV-2').map((x) => x.text)).toEqual(['Wapens en drugs']);
    const pub = publishFlipover(r.round, answers, a, screener, toAudience('wa', 'om'), env, 'pr').published;
    expect(pub.find((q) => q.questionId === 'CV-2')!.rodeDraad).toBe('Wapens en drugs');
  });

  it('R-1-1: a rode draad naming a member is withheld in step 1', () => {
    const { env, a, round, answers } = answered('1', { wa: [{ questionId: 'CV-1', text: 'Groot' }] });
    const r = recordRodeDraad(round, { questionId: 'CV-1', text: 'Jantje is de spil', by: 'pr' }, screener, env, a).round;
    const q = publishFlipover(r, answers, a, screener, toAudience('wa'), env, 'pr').published.find((x) => x.questionId === 'CV-1')!;
    expect(q.rodeDraad).toBeUndefined();
    expect(q.byOrganisation).toEqual([{ organisation: 'politie', items: ['Groot'] }]);
    expect(q.withheldSummary).toContain('R-1-1');
  });
});

// ---- duiding --------------------------------------------------------------------------------

describe('duiding', () => {
  const scale = (questionId: string, value: ScaleValue): AnswerItem => ({ questionId, scale: value });

  function duiding() {
    return answered(
      '1',
      {
        wa: [scale('DI-1-01', 'niet'), scale('DI-1-02', '1'), scale('DI-1-03', 'sterk'), scale('DI-1-06', 'onbekend')],
        jw: [scale('DI-1-01', '2'), scale('DI-1-02', '2'), scale('DI-1-03', 'onbekend'), scale('DI-1-06', 'onbekend')],
        om: [scale('DI-1-01', '1'), scale('DI-1-02', '2'), scale('DI-1-04', '3')],
      },
      { kind: 'duiding' },
    );
  }

  it('distribution per item and disagreement = spread of at least 2 scale points (onbekend excluded)', () => {
    const { round, answers } = duiding();
    const agg = aggregateDuiding(round, answers);
    expect(agg.respondents).toBe(3);
    const item = (id: string) => agg.items.find((i) => i.questionId === id)!;
    expect(item('DI-1-01').distribution).toEqual({ niet: 1, '1': 1, '2': 1, '3': 0, sterk: 0, onbekend: 0 });
    expect(item('DI-1-01')).toMatchObject({ min: 0, max: 2, disagreement: true, answered: 3 });
    expect(item('DI-1-02')).toMatchObject({ min: 1, max: 2, disagreement: false });
    // sterk vs onbekend: only one numeric answer, no disagreement.
    expect(item('DI-1-03')).toMatchObject({ min: 4, max: 4, disagreement: false, onbekend: 1 });
    expect(item('DI-1-05')).toMatchObject({ answered: 0, min: null, max: null, disagreement: false });
    expect(item('DI-1-06')).toMatchObject({ onbekend: 2, min: null, disagreement: false });
  });

  it('a summary per pijler: items, mean of numeric answers, disagreement items, onbekend count', () => {
    const { round, answers } = duiding();
    const agg = aggregateDuiding(round, answers);
    const impact = agg.pijlers.find((p) => p.pijler === 'Impact op de buurt')!;
    // DI-1-01..05: niet,2,1 | 1,2,2 | sterk | 3 → (0+2+1+1+2+2+4+3)/8
    expect(impact.items).toBe(5);
    expect(impact.mean).toBeCloseTo(15 / 8);
    expect(impact.disagreementItems).toEqual(['DI-1-01']);
    expect(impact.onbekend).toBe(1);
    const psy = agg.pijlers.find((p) => p.pijler === 'Psychosociale problematiek')!;
    expect(psy).toEqual({ pijler: 'Psychosociale problematiek', items: 1, mean: null, disagreementItems: [], onbekend: 2 });
    expect(agg.pijlers.map((p) => p.pijler)).toEqual(['Impact op de buurt', 'Psychosociale problematiek']);
  });

  it('drafts do not count', () => {
    const env = testEnv(T0);
    const a = aanpak('1');
    const round = openRound(a, open({ kind: 'duiding' }), env).round;
    const d = saveDraft(round, undefined, { participantId: 'wa', items: [scale('DI-1-01', 'sterk')] }, env, a).answer;
    expect(aggregateDuiding(round, [d]).items.find((i) => i.questionId === 'DI-1-01')!.answered).toBe(0);
    expect(err(() => aggregateDuiding(openRound(a, open(), env).round, [])).code).toBe('not_duiding');
  });

  it('R-G-2: huiswerk per item answered onbekend, owned by the first organisation that did not know', () => {
    const { env, a, round, answers } = duiding();
    const { actions, events } = huiswerkFromDuiding(round, answers, a, env);
    expect(actions.map((x) => x.source?.questionId)).toEqual(['DI-1-03', 'DI-1-06']);
    const first = actions.find((x) => x.source?.questionId === 'DI-1-06')!;
    expect(first).toMatchObject({
      aanpakId: 'a1',
      text: `Huiswerk duiding: ${round.questions.find((q) => q.id === 'DI-1-06')!.text}`,
      ownerOrganisation: 'politie',
      ownerParticipantId: 'wa',
      spoor: 'groep_netwerk',
      level: 'groep',
      status: 'open',
      due: '2026-03-23',
      source: { roundId: round.id, questionId: 'DI-1-06' },
    });
    expect(actions.find((x) => x.source?.questionId === 'DI-1-03')!.ownerOrganisation).toBe('jongerenwerk');
    expect(events.every((e) => e.type === 'action.created' && e.ruleIds?.includes('R-G-2'))).toBe(true);
    expect(JSON.stringify(events)).not.toContain('Huiswerk');
  });

  it('R-G-2: running it again creates no duplicates; the owner rule can pick another candidate', () => {
    const { env, a, round, answers } = duiding();
    const first = huiswerkFromDuiding(round, answers, a, env).actions;
    expect(huiswerkFromDuiding(round, answers, a, env, undefined, first).actions).toEqual([]);
    const last = huiswerkFromDuiding(round, answers, a, env, (c) => c[c.length - 1]!).actions;
    expect(last.find((x) => x.source?.questionId === 'DI-1-06')!.ownerParticipantId).toBe('jw');
  });

  it('R-G-2: huiswerk is due 14 days after the deadline, as an Amsterdam date', () => {
    // 23:30 UTC on 9 March is already 10 March in Amsterdam.
    const { env, a, round, answers } = answered('1', { wa: [scale('DI-1-01', 'onbekend')] }, { kind: 'duiding', deadline: '2026-03-09T23:30:00.000Z' });
    expect(huiswerkFromDuiding(round, answers, a, env).actions[0]!.due).toBe('2026-03-24');
  });
});
