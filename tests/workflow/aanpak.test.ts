import { describe, expect, it } from 'vitest';
import {
  addParticipant,
  allowedTargets,
  createAanpak,
  missingRequired,
  recordBijzonderBasis,
  recordGeheimhouding,
  recordLegalBasis,
  recordPgaConsent,
  recordWeighing,
  removeParticipant,
  reopen,
  setSettings,
  stepSummary,
  tickChecklist,
  transition,
  type Changed,
} from '../../src/workflow/aanpak.js';
import { STEP_DEFS } from '../../src/workflow/catalog/index.js';
import { DomainError, STEPS, type Aanpak, type StepId } from '../../src/workflow/types.js';
import { testEnv } from '../helpers/env.js';

function setup() {
  const env = testEnv();
  let { aanpak } = createAanpak(
    { name: 'Stationsplein', gemeente: 'Voorbeeldstad', channelId: 'chan-1', by: { aadObjectId: 'aad-regie', displayName: 'Priya' } },
    env,
  );
  const regie = aanpak.participants[0]!.id;
  const add = (aad: string, organisation: Parameters<typeof addParticipant>[1]['organisation'], role: Parameters<typeof addParticipant>[1]['role']) => {
    aanpak = addParticipant(aanpak, { aadObjectId: aad, displayName: aad, organisation, role, by: regie }, env).aanpak;
    return aanpak.participants.at(-1)!.id;
  };
  const politie = add('aad-politie', 'politie', 'partner');
  const jw = add('aad-jw', 'jongerenwerk', 'partner');
  const school = add('aad-school', 'school', 'incidenteel');
  return { env, get aanpak() { return aanpak; }, set aanpak(a: Aanpak) { aanpak = a; }, regie, politie, jw, school };
}

function expectDomainError(fn: () => unknown, code: string, ruleId?: string) {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    expect((e as DomainError).code).toBe(code);
    if (ruleId) expect((e as DomainError).ruleIds).toContain(ruleId);
    expect((e as DomainError).userMessage.length).toBeGreaterThan(5);
    return;
  }
  throw new Error(`expected DomainError ${code}`);
}

/** Tick every required item of the current step as the regisseur. */
function completeStep(s: ReturnType<typeof setup>) {
  const step = s.aanpak.state as StepId;
  for (const item of STEP_DEFS[step].checklist.filter((i) => i.required)) {
    s.aanpak = tickChecklist(s.aanpak, { itemId: item.id, done: true, by: s.regie }, s.env).aanpak;
  }
}

function move(s: ReturnType<typeof setup>, to: Aanpak['state'], extra: Partial<Parameters<typeof transition>[1]> = {}): Changed {
  const r = transition(s.aanpak, { to, by: s.regie, decisionText: 'besluit', ...extra }, s.env);
  s.aanpak = r.aanpak;
  return r;
}

describe('aanpak creation and participants', () => {
  it('a new aanpak starts in step 1 with its creator as procesregisseur', () => {
    const s = setup();
    expect(s.aanpak.state).toBe('1');
    expect(s.aanpak.participants[0]).toMatchObject({ role: 'procesregisseur', organisation: 'gemeente' });
    expect(s.aanpak.settings.overlegCadenceWeeks).toBe(6);
  });

  it('rejects an empty name with a Dutch message', () => {
    const env = testEnv();
    expectDomainError(
      () => createAanpak({ name: '  ', gemeente: 'X', channelId: 'c', by: { aadObjectId: 'a', displayName: 'A' } }, env),
      'invalid_input',
    );
  });

  it('R-X-20, R-2A-6: a non-convenantpartner joins only as incidentele deelnemer', () => {
    const s = setup();
    expectDomainError(
      () => addParticipant(s.aanpak, { aadObjectId: 'x', displayName: 'x', organisation: 'woningcorporatie', role: 'partner', by: s.regie }, s.env),
      'invalid_role',
      'R-X-20',
    );
  });

  it('only the procesregisseur adds participants', () => {
    const s = setup();
    expectDomainError(
      () => addParticipant(s.aanpak, { aadObjectId: 'x', displayName: 'x', organisation: 'om', role: 'partner', by: s.politie }, s.env),
      'forbidden',
    );
  });

  it('the same Teams user cannot be added twice; the last procesregisseur cannot be removed', () => {
    const s = setup();
    expectDomainError(
      () => addParticipant(s.aanpak, { aadObjectId: 'aad-politie', displayName: 'x', organisation: 'politie', role: 'partner', by: s.regie }, s.env),
      'duplicate',
    );
    expectDomainError(() => removeParticipant(s.aanpak, { participantId: s.regie, by: s.regie }, s.env), 'last_regisseur');
  });

  it('R-X-21: records the geheimhoudingsverklaring with date and by whom', () => {
    const s = setup();
    expectDomainError(() => recordGeheimhouding(s.aanpak, { participantId: s.school, date: '31-12-2025', by: s.regie }, s.env), 'invalid_input');
    expectDomainError(() => recordGeheimhouding(s.aanpak, { participantId: s.school, date: '2030-01-01', by: s.regie }, s.env), 'invalid_input');
    const r = recordGeheimhouding(s.aanpak, { participantId: s.school, date: '2026-02-20', by: s.regie }, s.env);
    const school = r.aanpak.participants.find((p) => p.id === s.school)!;
    expect(school.geheimhouding).toMatchObject({ date: '2026-02-20', recordedBy: s.regie });
    expect(r.events[0]!.type).toBe('participant.geheimhouding_recorded');
  });

  it('R-X-22: a legal basis per member is recorded only for incidentele deelnemers', () => {
    const s = setup();
    expectDomainError(
      () => recordLegalBasis(s.aanpak, { participantId: s.politie, memberId: 'm1', basis: 'x', by: s.regie }, s.env),
      'invalid_input',
    );
    const r = recordLegalBasis(s.aanpak, { participantId: s.school, memberId: 'm1', basis: 'Leerplichtwet art. 16', by: s.regie }, s.env);
    expect(r.aanpak.legalBases).toEqual([expect.objectContaining({ participantId: s.school, memberId: 'm1' })]);
    // A removed participant's bases lapse.
    const removed = removeParticipant(r.aanpak, { participantId: s.school, by: s.regie }, s.env).aanpak;
    expect(removed.legalBases).toEqual([]);
  });

  it('R-X-14: a bijzonder basis is recorded per organisation', () => {
    const s = setup();
    const r = recordBijzonderBasis(s.aanpak, { organisation: 'om', basis: 'Wjsg', by: s.regie }, s.env);
    expect(r.aanpak.bijzonderBases.map((b) => b.organisation)).toEqual(['om']);
  });

  it('R-X-31: only the jongerenwerker records a weighing, with all three parts', () => {
    const s = setup();
    const w = { subjectRef: 'r1:q1', doelmatigheid: 'a', subsidiariteit: 'b', proportionaliteit: 'c' };
    expectDomainError(() => recordWeighing(s.aanpak, { participantId: s.politie, ...w }, s.env), 'forbidden', 'R-X-31');
    expectDomainError(() => recordWeighing(s.aanpak, { participantId: s.jw, ...w, proportionaliteit: ' ' }, s.env), 'invalid_input');
    const r = recordWeighing(s.aanpak, { participantId: s.jw, ...w }, s.env);
    expect(r.aanpak.weighings).toHaveLength(1);
  });

  it('R-X-53: only the contributor gives consent for PGA information', () => {
    const s = setup();
    expectDomainError(
      () => recordPgaConsent(s.aanpak, { contentRef: 'x', contributorId: s.politie, forum: s.aanpak.id, by: s.regie }, s.env),
      'forbidden',
      'R-X-53',
    );
    const r = recordPgaConsent(s.aanpak, { contentRef: 'x', contributorId: s.politie, forum: s.aanpak.id, by: s.politie }, s.env);
    expect(r.aanpak.pgaConsents).toHaveLength(1);
  });

  it('audit events carry no names', () => {
    const s = setup();
    const r = addParticipant(s.aanpak, { aadObjectId: 'aad-om', displayName: 'Otto Officier', organisation: 'om', role: 'partner', by: s.regie }, s.env);
    expect(JSON.stringify(r.events)).not.toContain('Otto');
  });
});

describe('checklist', () => {
  it('owners tick their own items; others cannot', () => {
    const s = setup();
    const partnerItem = STEP_DEFS['1'].checklist.find((i) => i.owner === 'convenantpartners');
    const regieItem = STEP_DEFS['1'].checklist.find((i) => i.owner === 'procesregisseur')!;
    if (partnerItem) {
      expect(tickChecklist(s.aanpak, { itemId: partnerItem.id, done: true, by: s.politie }, s.env).aanpak.checklist[partnerItem.id]?.done).toBe(true);
    }
    expectDomainError(() => tickChecklist(s.aanpak, { itemId: regieItem.id, done: true, by: s.politie }, s.env), 'forbidden');
    expectDomainError(() => tickChecklist(s.aanpak, { itemId: regieItem.id, done: true, by: s.school }, s.env), 'forbidden');
    expectDomainError(() => tickChecklist(s.aanpak, { itemId: 'A-9-9', done: true, by: s.regie }, s.env), 'not_found');
  });
});

describe('transitions', () => {
  it('only the procesregisseur transitions', () => {
    const s = setup();
    expectDomainError(() => transition(s.aanpak, { to: '2A', by: s.politie, decisionText: 'x', overrideReason: 'x' }, s.env), 'forbidden');
  });

  it('forward moves are guarded by required checklist items, overridable with a reason that is recorded', () => {
    const s = setup();
    expect(missingRequired(s.aanpak, '1').length).toBeGreaterThan(0);
    expectDomainError(() => transition(s.aanpak, { to: '2A', by: s.regie, decisionText: 'x' }, s.env), 'checklist_incomplete');
    const r = move(s, '2A', { overrideReason: 'Overleg was al gepland' });
    expect(r.aanpak.state).toBe('2A');
    expect(r.aanpak.transitions.at(-1)!.override).toMatchObject({ reason: 'Overleg was al gepland' });
    expect(r.events[0]).toMatchObject({ type: 'aanpak.transitioned', data: expect.objectContaining({ from: '1', to: '2A', override: true }) });
  });

  it('D-1-1: with the checklist complete the aanpak moves from 1 to 2A without override', () => {
    const s = setup();
    completeStep(s);
    const r = move(s, '2A');
    expect(r.aanpak.transitions.at(-1)!.override).toBeUndefined();
  });

  it('D-2A-1, R-G-5: to 2B only when problematische jeugdgroep = ja is recorded', () => {
    const s = setup();
    completeStep(s);
    move(s, '2A');
    completeStep(s);
    expectDomainError(() => transition(s.aanpak, { to: '2B', by: s.regie, decisionText: 'x' }, s.env), 'decision_missing', 'D-2A-1');
    expectDomainError(
      () => transition(s.aanpak, { to: '2B', by: s.regie, decisionText: 'x', decisions: { '2A': { problematisch: false } } }, s.env),
      'decision_conflict',
      'D-2A-1',
    );
    const r = move(s, '2B', { decisions: { '2A': { problematisch: true } } });
    expect(r.aanpak.decisions['2A']).toEqual({ problematisch: true });
  });

  it('D-2A-2: exit "geen problematische jeugdgroep" closes with the geen-aanpak retention class', () => {
    const s = setup();
    move(s, '2A', { overrideReason: 'x' });
    const r = move(s, 'gesloten', { exit: 'geen_problematische_jeugdgroep', decisions: { '2A': { problematisch: false } } });
    expect(r.aanpak.state).toBe('gesloten');
    expect(r.aanpak.exit).toMatchObject({ kind: 'geen_problematische_jeugdgroep', retention: 'geen_aanpak' });
    expect(r.aanpak.closedAt).toBeDefined();
    expect(r.aanpak.lastStep).toBe('2A');
  });

  it('D-1-2: exit "gerichte actie volstaat" from step 1; an exit is only offered where it belongs', () => {
    const s = setup();
    expect(allowedTargets(s.aanpak).filter((t) => t.kind === 'exit').map((t) => t.exit)).toEqual(['gerichte_actie_volstaat']);
    expectDomainError(
      () => transition(s.aanpak, { to: 'gesloten', exit: 'niet_geprioriteerd', by: s.regie, decisionText: 'x' }, s.env),
      'invalid_transition',
    );
    const r = move(s, 'gesloten', { exit: 'gerichte_actie_volstaat' });
    expect(r.aanpak.exit?.kind).toBe('gerichte_actie_volstaat');
  });

  it('R-X-74: with herbeoordeling aannemelijk an exit gets the longer retention class', () => {
    const s = setup();
    s.aanpak = setSettings(s.aanpak, { by: s.regie, settings: { herbeoordelingAannemelijk: true } }, s.env).aanpak;
    const r = move(s, 'gesloten', { exit: 'gerichte_actie_volstaat' });
    expect(r.aanpak.exit?.retention).toBe('geen_aanpak_herbeoordeling');
  });

  it('R-0-2: going back to any earlier step is always allowed, without checklist', () => {
    const s = setup();
    for (const to of ['2A', '2B', '3', '4'] as const) {
      move(s, to, {
        overrideReason: 'test',
        ...(to === '2B' ? { decisions: { '2A': { problematisch: true } } } : {}),
      });
    }
    expect(s.aanpak.state).toBe('4');
    const backs = allowedTargets(s.aanpak).filter((t) => t.kind === 'back').map((t) => t.to);
    expect(backs).toEqual(['1', '2A', '2B', '3']);
    const r = move(s, '2A');
    expect(r.aanpak.state).toBe('2A');
  });

  it('R-0-3: afschalen to 7 is allowed from every step without checklist', () => {
    for (const step of STEPS.filter((x) => x !== '7')) {
      const s = setup();
      s.aanpak = { ...s.aanpak, state: step };
      expect(allowedTargets(s.aanpak).some((t) => t.to === '7' && t.kind === 'afschalen')).toBe(true);
      expect(move(s, '7').aanpak.state).toBe('7');
    }
  });

  it('D-4-1: to step 5 only with a driehoek-besluit geprioriteerd, datum and randvoorwaarden', () => {
    const s = setup();
    s.aanpak = { ...s.aanpak, state: '4' };
    completeStep(s);
    expectDomainError(() => transition(s.aanpak, { to: '5', by: s.regie, decisionText: 'x' }, s.env), 'decision_missing', 'D-4-1');
    expectDomainError(
      () => transition(s.aanpak, { to: '5', by: s.regie, decisionText: 'x', decisions: { '4': { geprioriteerd: true, datum: '2026-03-01', randvoorwaarden: '' } } }, s.env),
      'invalid_input',
    );
    const r = move(s, '5', { decisions: { '4': { geprioriteerd: true, datum: '2026-03-01', randvoorwaarden: 'Capaciteit politie 8 uur/week' } } });
    expect(r.aanpak.decisions['4']?.geprioriteerd).toBe(true);
  });

  it('D-4-2: exit "niet geprioriteerd" needs the driehoek-besluit nee', () => {
    const s = setup();
    s.aanpak = { ...s.aanpak, state: '4' };
    expectDomainError(
      () => transition(s.aanpak, { to: 'gesloten', exit: 'niet_geprioriteerd', by: s.regie, decisionText: 'x', decisions: { '4': { geprioriteerd: true, datum: '2026-03-01', randvoorwaarden: 'x' } } }, s.env),
      'decision_conflict',
      'D-4-2',
    );
    const r = move(s, 'gesloten', { exit: 'niet_geprioriteerd', decisions: { '4': { geprioriteerd: false, datum: '2026-03-01', randvoorwaarden: '' } } });
    expect(r.aanpak.exit?.kind).toBe('niet_geprioriteerd');
  });

  it('D-3-2: exit "andere aanpak past beter" from step 3', () => {
    const s = setup();
    s.aanpak = { ...s.aanpak, state: '3' };
    expect(move(s, 'gesloten', { exit: 'andere_aanpak_past_beter' }).aanpak.exit?.kind).toBe('andere_aanpak_past_beter');
  });

  it('D-5-1: leaving step 5 forward marks the plan vastgesteld', () => {
    const s = setup();
    s.aanpak = { ...s.aanpak, state: '5' };
    completeStep(s);
    const r = move(s, '6');
    expect(r.aanpak.planVastgesteldAt).toBe(s.env.now().toISOString());
  });

  it('D-7-1: closing needs doelen bereikt and resterende acties belegd; R-7-1: a closed aanpak is read-only', () => {
    const s = setup();
    s.aanpak = { ...s.aanpak, state: '7' };
    completeStep(s);
    expectDomainError(() => transition(s.aanpak, { to: 'gesloten', by: s.regie, decisionText: 'x' }, s.env), 'decision_missing', 'D-7-1');
    expectDomainError(
      () => transition(s.aanpak, { to: 'gesloten', by: s.regie, decisionText: 'x', decisions: { '7': { doelenBereikt: true, resterendeActiesBelegd: false } } }, s.env),
      'decision_conflict',
    );
    const r = move(s, 'gesloten', { decisions: { '7': { doelenBereikt: true, resterendeActiesBelegd: true } } });
    expect(r.aanpak.state).toBe('gesloten');
    expect(allowedTargets(r.aanpak)).toEqual([]);
    const item = STEP_DEFS['7'].checklist[0]!;
    expectDomainError(() => tickChecklist(r.aanpak, { itemId: item.id, done: true, by: s.regie }, s.env), 'aanpak_closed', 'R-7-1');
    expectDomainError(
      () => addParticipant(r.aanpak, { aadObjectId: 'n', displayName: 'n', organisation: 'om', role: 'partner', by: s.regie }, s.env),
      'aanpak_closed',
    );
  });

  it('R-7-2, D-7-3: reopening needs the bewaartermijn, a reason and a named role', () => {
    const s = setup();
    s.aanpak = { ...s.aanpak, state: '6' };
    move(s, '7');
    completeStep(s);
    move(s, 'gesloten', { decisions: { '7': { doelenBereikt: true, resterendeActiesBelegd: true } } });
    expectDomainError(() => reopen(s.aanpak, { by: s.regie, reason: 'nieuwe signalen', role: 'manager OOV', withinTerm: false }, s.env), 'retention_expired', 'R-7-2');
    expectDomainError(() => reopen(s.aanpak, { by: s.regie, reason: 'nieuwe signalen', role: ' ', withinTerm: true }, s.env), 'invalid_input');
    expectDomainError(() => reopen(s.aanpak, { by: s.politie, reason: 'x', role: 'x', withinTerm: true }, s.env), 'forbidden');
    const r = reopen(s.aanpak, { by: s.regie, reason: 'nieuwe signalen', role: 'manager OOV', withinTerm: true }, s.env);
    expect(r.aanpak.state).toBe('7');
    expect(r.aanpak.closedAt).toBeUndefined();
    expect(r.aanpak.reopenings).toEqual([expect.objectContaining({ role: 'manager OOV' })]);
    expect(r.events[0]!.type).toBe('aanpak.reopened');
  });

  it('stepSummary shows goal, checklist with ticks and the privacy line of the current step', () => {
    const s = setup();
    const sum = stepSummary(s.aanpak)!;
    expect(sum.step).toBe('1');
    expect(sum.privacyLine).toBe(STEP_DEFS['1'].privacyLine);
    expect(sum.checklist.every((c) => c.done === false)).toBe(true);
  });
});
