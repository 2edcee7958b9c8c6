// Scenario: the fictitious group "Stationsplein" from a signal in step 1 to closing and retention,
// asserting the gate outcome of concrete posts along the way.
import { describe, expect, it } from 'vitest';
import {
  activeParticipants,
  addParticipant,
  createAanpak,
  recordGeheimhouding,
  recordLegalBasis,
  recordPgaConsent,
  recordWeighing,
  transition,
} from '../../src/workflow/aanpak.js';
import { decide } from '../../src/workflow/gate.js';
import { addMember, namenlijstView, removeMember } from '../../src/workflow/namenlijst.js';
import { retentionDecisions, dueNow } from '../../src/workflow/retention.js';
import { closeRound, openRound, publishFlipover, submitAnswer } from '../../src/workflow/rounds.js';
import { createScreener } from '../../src/workflow/screening.js';
import type { Aanpak, AanpakState, GateContent, GateOutcome, Member, Recipient } from '../../src/workflow/types.js';
import { DAY, testEnv } from '../helpers/env.js';

describe('scenario Stationsplein: from signal to retention', () => {
  const env = testEnv('2026-01-12T09:00:00.000Z');
  let aanpak: Aanpak;
  let members: Member[] = [];
  const ids: Record<string, string> = {};
  let gateCount = 0;

  const everyone = (): Recipient[] => activeParticipants(aanpak).map((p) => ({ kind: 'participant', participantId: p.id }));
  const to = (...names: string[]): Recipient[] => names.map((n) => ({ kind: 'participant', participantId: ids[n]! }));
  const post = (author: string, text: string, level: GateContent['level'] = 'groep', extra: Partial<GateContent> = {}) =>
    ({ ref: `post-${++gateCount}`, kind: 'message', level, text, authorId: ids[author]!, ...extra }) satisfies GateContent;
  function gate(content: GateContent, audience: Recipient[]) {
    return decide(content, { aanpak, screener: createScreener(members) }, audience);
  }
  function expectGate(content: GateContent, audience: Recipient[], outcome: GateOutcome, ruleId?: string, blocked?: string[]) {
    const d = gate(content, audience);
    expect(d.outcome, `${content.text} → ${outcome}`).toBe(outcome);
    if (ruleId) expect(d.reasons.map((r) => r.ruleId)).toContain(ruleId);
    if (blocked) {
      const keys = [...new Set(d.reasons.flatMap((r) => r.recipients))].sort();
      expect(keys).toEqual(blocked.map((b) => ids[b]!).sort());
    }
    return d;
  }
  const move = (toState: AanpakState, extra: Partial<Parameters<typeof transition>[1]> = {}) => {
    aanpak = transition(aanpak, { to: toState, by: ids.regie!, decisionText: 'besluit overleg', overrideReason: 'scenario', ...extra }, env).aanpak;
  };

  it('sets up the aanpak with six participants', () => {
    aanpak = createAanpak(
      { name: 'Stationsplein', gemeente: 'Voorbeeldstad', channelId: 'chan-stationsplein', by: { aadObjectId: 'aad-regie', displayName: 'Priya' } },
      env,
    ).aanpak;
    ids.regie = aanpak.participants[0]!.id;
    for (const [name, organisation, role] of [
      ['wijkagent', 'politie', 'partner'],
      ['om', 'om', 'partner'],
      ['jw', 'jongerenwerk', 'partner'],
      ['boa', 'boa', 'partner'],
      ['school', 'school', 'incidenteel'],
    ] as const) {
      aanpak = addParticipant(aanpak, { aadObjectId: `aad-${name}`, displayName: name, organisation, role, by: ids.regie }, env).aanpak;
      ids[name] = aanpak.participants.at(-1)!.id;
    }
    expect(activeParticipants(aanpak)).toHaveLength(6);
  });

  it('R-X-21: the school receives nothing, not even group level, before its geheimhoudingsverklaring', () => {
    expectGate(post('wijkagent', 'Overlast bij het Stationsplein in de avonduren.'), everyone(), 'deny', 'R-X-21', ['school']);
    aanpak = recordGeheimhouding(aanpak, { participantId: ids.school!, date: '2026-01-10', by: ids.regie! }, env).aanpak;
    expectGate(post('wijkagent', 'Overlast bij het Stationsplein in de avonduren.'), everyone(), 'allow');
  });

  it('R-1-1: in step 1 a circulair round publishes group-level answers and holds back personal data', () => {
    const open = openRound(aanpak, { kind: 'circulair', invitees: [ids.wijkagent!, ids.jw!, ids.boa!, ids.school!], deadline: new Date(env.now().getTime() + 7 * DAY).toISOString(), by: ids.regie! }, env);
    let round = open.round;
    expect(round.answerByRole).toBe(true);
    const answer = (who: string, text: string) =>
      submitAnswer(round, undefined, { participantId: ids[who]!, items: [{ questionId: 'CV-1', text }] }, env, aanpak).answer;
    const answers = [
      answer('wijkagent', 'Groep van ongeveer acht jongeren, vaste hangplek bij de fietsenstalling.'),
      answer('jw', 'Ze zijn te bereiken via 06-12345678, dat is de leider.'),
      answer('boa', 'Vernielingen en intimidatie van reizigers na 21 uur.'),
      answer('school', 'Een deel zit op onze school, klas 3.'),
    ];
    round = closeRound(round, ids.regie!, env, aanpak).round;
    const pub = publishFlipover(round, answers, aanpak, createScreener(members), everyone(), env, ids.regie!);
    const q = pub.published.find((p) => p.questionId === 'CV-1')!;
    const texts = q.byOrganisation.flatMap((g) => g.items);
    expect(texts).toContain('Groep van ongeveer acht jongeren, vaste hangplek bij de fietsenstalling.');
    expect(texts).toContain('Vernielingen en intimidatie van reizigers na 21 uur.');
    expect(texts.join(' ')).not.toContain('06-12345678');
    expect(q.allowed.map((c) => c.text).sort()).toEqual([...texts].sort());
    expect(q.allowed.every((c) => c.ref.startsWith(`${round.id}:`))).toBe(true);
    expect(q.withheldSummary).toMatch(/^1 item achtergehouden: .*R-1-1/);
    expect(pub.events.filter((e) => e.type === 'gate.decision')).toHaveLength(4);
    expect(JSON.stringify(pub.events)).not.toContain('12345678');
  });

  it('R-1-1: a BSN does not even reach the procesregisseur in step 1', () => {
    expectGate(post('wijkagent', 'BSN 111 222 333 is bekend bij ons.'), to('regie'), 'deny', 'R-1-1', ['regie']);
    // The author always keeps their own text.
    expectGate(post('wijkagent', 'BSN 111 222 333 is bekend bij ons.'), to('wijkagent'), 'allow');
  });

  it('R-2A-1: in 2A a declared personal item does not leave its author', () => {
    move('2A');
    expectGate(post('wijkagent', 'Een van de jongeren is eerder aangehouden.', 'persoon'), to('om', 'regie'), 'deny', 'R-2A-1');
    expectGate(post('boa', 'Ze komen vooral op vrijdag- en zaterdagavond.'), everyone(), 'allow');
  });

  it('R-2B-1: names come on the namenlijst only from 2B, after "problematisch: ja"', () => {
    expect(() =>
      addMember(aanpak, members, { naam: 'Kevin de Vries', positie: 'kern', bron: 'partner', by: ids.regie! }, env),
    ).toThrow(/2B/);
    move('2B', { decisions: { '2A': { problematisch: true } } });
    for (const m of [
      { naam: 'Kevin de Vries', bijnamen: ['Kef'], geboortedatum: '2009-03-12', adres: 'Dorpsstraat 4', woonplaats: 'Voorbeeldstad', positie: 'kern' as const },
      { naam: 'Mohammed El Amrani', bijnamen: ['Mo'], geboortedatum: '2008-11-02', positie: 'kern' as const },
      { naam: 'Lisa Jansen', bijnamen: [], geboortedatum: '2010-06-30', positie: 'schil' as const },
    ]) {
      members = [...members, addMember(aanpak, members, { ...m, bron: 'groepsscan', by: ids.regie! }, env).member];
    }
    expect(members).toHaveLength(3);
  });

  it('R-2B-1: from 2B a name reaches the convenantpartners', () => {
    expectGate(post('wijkagent', 'Kevin de Vries is de kopstuk van de kern.'), to('om', 'jw', 'boa', 'regie'), 'allow');
  });

  it('R-X-22: the school never sees a name without a legal basis for that member', () => {
    expectGate(post('wijkagent', 'Kevin de Vries is de kopstuk van de kern.'), everyone(), 'deny', 'R-X-22', ['school']);
    expectGate(post('boa', 'KEF was er gisteren weer.'), to('school'), 'deny', 'R-X-22');
    expectGate(post('boa', 'Geboren 12 maart 2009, woont aan de Dorpsstraat.'), to('school'), 'deny', 'R-X-22');
    expect(namenlijstView(members, aanpak.participants.find((p) => p.id === ids.school)!, aanpak).entries).toEqual([]);
  });

  it('R-X-22: with a recorded basis for Kevin, the school receives items about Kevin only', () => {
    const kevin = members.find((m) => m.naam === 'Kevin de Vries')!;
    aanpak = recordLegalBasis(aanpak, { participantId: ids.school!, memberId: kevin.id, basis: 'Leerplichtwet art. 16', by: ids.regie! }, env).aanpak;
    expectGate(post('wijkagent', 'Kevin is deze week drie dagen niet op school geweest.'), to('school'), 'allow');
    expectGate(post('wijkagent', 'Kevin en Mo spijbelen samen.'), to('school'), 'deny', 'R-X-22');
    expect(namenlijstView(members, aanpak.participants.find((p) => p.id === ids.school)!, aanpak).entries.map((e) => e.naam)).toEqual(['Kevin de Vries']);
  });

  it('R-X-11: police opsporing text reaches only politie and OM', () => {
    const text = post('wijkagent', 'Aanwijzingen voor betrokkenheid bij drugshandel.', 'opsporing');
    expectGate(text, to('om'), 'allow');
    expectGate(text, everyone(), 'deny', 'R-X-11', ['regie', 'jw', 'boa', 'school']);
  });

  it('R-X-14, R-3-4: a BSN (bijzonder) goes from politie to OM, not to jongerenwerk', () => {
    const bsn = post('wijkagent', 'BSN 111222333 hoort bij de nieuwe aanmelding.');
    expectGate(bsn, to('om'), 'allow');
    expectGate(bsn, to('jw'), 'deny', 'R-X-14', ['jw']);
  });

  it('R-X-31: the jongerenwerker confirms a weighing before sharing a name', () => {
    const content = post('jw', 'Mo zoekt zelf contact met het jongerenwerk.');
    expectGate(content, to('wijkagent', 'regie'), 'confirm', 'R-X-31');
    aanpak = recordWeighing(aanpak, { participantId: ids.jw!, subjectRef: content.ref, doelmatigheid: 'draagt bij', subsidiariteit: 'enige manier', proportionaliteit: 'alleen de naam' }, env).aanpak;
    expectGate(content, to('wijkagent', 'regie'), 'allow');
  });

  it('R-X-53: PGA information needs the contributor\'s consent for this forum', () => {
    const pga = post('om', 'Stand van zaken ZVH-traject: gestart.', 'pga', { pgaContributorId: ids.om! });
    expectGate(pga, to('wijkagent'), 'deny', 'R-X-53');
    aanpak = recordPgaConsent(aanpak, { contentRef: pga.ref, contributorId: ids.om!, forum: aanpak.id, by: ids.om! }, env).aanpak;
    expectGate(pga, to('wijkagent'), 'allow');
  });

  it('R-4-1, R-X-13: the driehoek export contains no name, but group-level text passes', () => {
    move('3');
    move('4');
    const driehoek: Recipient[] = [{ kind: 'driehoek' }];
    expectGate(post('regie', 'Kern van de groep: Kevin de Vries en Lisa Jansen.'), driehoek, 'deny', 'R-4-1');
    expectGate(post('regie', 'Groep van 8 jongeren, 3 in de kern, overlast rond het station.'), driehoek, 'allow');
    expectGate(post('regie', 'Eén groepslid (geboren 30-06-2010) is leerplichtig.'), driehoek, 'deny', 'R-4-1');
  });

  it('R-6-3: going back to 2A re-applies the rules of 2A', () => {
    move('2A');
    expectGate(post('wijkagent', 'Kevin de Vries is de kopstuk van de kern.'), to('om'), 'deny', 'R-2A-1');
    move('2B', { decisions: { '2A': { problematisch: true } } });
    expectGate(post('wijkagent', 'Kevin de Vries is de kopstuk van de kern.'), to('om'), 'allow');
  });

  it('R-7-4: a member who leaves the group gets a destroy decision of their own', () => {
    const lisa = members.find((m) => m.naam === 'Lisa Jansen')!;
    const removed = removeMember(lisa, 'Verhuisd, geen deel meer van de groep', ids.regie!, env, aanpak);
    members = members.map((m) => (m.id === lisa.id ? removed.member : m));
    const d = retentionDecisions(aanpak, members, '2022', env.now());
    expect(d).toEqual([expect.objectContaining({ kind: 'destroy_member', memberId: lisa.id })]);
  });

  it('R-7-1: after closing only the procesregisseur receives content; inactief shares nothing', () => {
    for (const s of ['3', '4'] as const) move(s);
    move('5', { decisions: { '4': { geprioriteerd: true, datum: '2026-02-01', randvoorwaarden: 'Inzet politie en jongerenwerk' } } });
    move('6');
    move('7');
    move('gesloten', { decisions: { '7': { doelenBereikt: true, resterendeActiesBelegd: true } } });
    expect(aanpak.state).toBe('gesloten');
    expectGate({ ...post('regie', 'De aanpak Stationsplein is gesloten.'), kind: 'status' }, everyone(), 'allow');
    expectGate(post('wijkagent', 'Kevin de Vries is verhuisd.'), to('om'), 'deny', 'R-7-1');
    expectGate(post('wijkagent', 'Kevin de Vries is verhuisd.'), to('regie'), 'allow');

    const due = dueNow(retentionDecisions(aanpak, members, '2022', env.now()), env.now());
    expect(due.map((x) => x.kind)).toEqual(['inactief']);
    aanpak = { ...aanpak, state: 'inactief', inactiefAt: env.now().toISOString() };
    expectGate({ ...post('wijkagent', 'Status'), kind: 'status' }, to('regie', 'om'), 'deny', 'R-7-1', ['regie', 'om']);
  });

  it('R-X-70: the 2022 profile destroys (after archiving) one year after the dossier went inactief', () => {
    const later = new Date(env.now().getTime() + 366 * DAY);
    const due = dueNow(retentionDecisions(aanpak, members, '2022', later), later);
    expect(due).toContainEqual(expect.objectContaining({ kind: 'destroy_aanpak', archiveFirst: true }));
    expect(gateCount).toBeGreaterThanOrEqual(20);
  });
});
