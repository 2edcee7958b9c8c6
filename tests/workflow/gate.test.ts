import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  blockedRecipients,
  decide,
  filterForAudience,
  gateAuditEvent,
  recipientKey,
  type GateContext,
} from '../../src/workflow/gate.js';
import { levelRank } from '../../src/workflow/levels.js';
import { createScreener } from '../../src/workflow/screening.js';
import {
  LEVELS,
  type Aanpak,
  type AanpakState,
  type GateContent,
  type Member,
  type Organisation,
  type Participant,
  type Recipient,
  type Role,
} from '../../src/workflow/types.js';
import { aanpakFixture, participantFixture } from '../helpers/fixtures.js';

const AT = '2025-01-01T00:00:00.000Z';

function participant(id: string, organisation: Organisation, role: Role, extra: Partial<Participant> = {}): Participant {
  return participantFixture(id, role, organisation, { displayName: id, addedBy: 'regie', ...extra }, AT);
}

const signed = { geheimhouding: { date: '2025-01-02', recordedBy: 'regie', recordedAt: AT } };

/** An aanpak with a participant of every kind the gate distinguishes. */
function makeAanpak(state: AanpakState, extra: Partial<Aanpak> = {}): Aanpak {
  return aanpakFixture(
    state,
    [
      participant('regie', 'gemeente', 'procesregisseur'),
      participant('verv', 'gemeente', 'vervanger'),
      participant('pol', 'politie', 'partner', { functie: 'wijkagent' }),
      participant('om', 'om', 'partner'),
      participant('jw', 'jongerenwerk', 'partner'),
      participant('boa', 'boa', 'partner'),
      participant('school', 'school', 'incidenteel', signed),
      participant('lp', 'leerplicht', 'incidenteel'),
      participant('oud', 'politie', 'partner', { removedAt: AT }),
    ],
    { gemeente: 'Voorbeeld', channelId: 'chan', ...extra },
    AT,
  );
}

function member(id: string, naam: string): Member {
  return { id, aanpakId: 'a1', naam, bijnamen: [], positie: 'kern', bron: 'partner', addedAt: AT, addedBy: 'regie', informing: { status: 'open' } };
}

const screener = createScreener([member('m1', 'Jöran de Vries'), member('m2', 'Ali Yilmaz')]);
const ctx = (aanpak: Aanpak): GateContext => ({ aanpak, screener, purpose: 'channel' });
const to = (...ids: string[]): Recipient[] => ids.map((participantId) => ({ kind: 'participant', participantId }));
const DRIEHOEK: Recipient = { kind: 'driehoek' };
const PARTNERS = to('regie', 'verv', 'pol', 'om', 'jw', 'boa');

function content(extra: Partial<GateContent> = {}): GateContent {
  return { ref: 'ans-1:CV-1', kind: 'answer', level: 'groep', authorId: 'pol', ...extra };
}

/** Recipient keys a rule applies to in a decision. */
function hit(d: ReturnType<typeof decide>, ruleId: string): string[] {
  return d.reasons.filter((r) => r.ruleId === ruleId).flatMap((r) => r.recipients).sort();
}

describe('gate: steps 1 and 2A', () => {
  it('R-1-1: in stap 1 a name in an answer reaches nobody but its author', () => {
    const c = content({ text: 'Ali is de leider van de groep' });
    const d = decide(c, ctx(makeAanpak('1')), [...to('pol'), ...PARTNERS]);
    expect(d.outcome).toBe('deny');
    expect(d.level).toBe('persoon');
    expect(hit(d, 'R-1-1')).toEqual(['boa', 'jw', 'om', 'regie', 'verv']);
    expect(d.reasons.find((r) => r.ruleId === 'R-1-1')!.message).toBe('In stap 1 alleen informatie op groepsniveau: geen namen of andere persoonsgegevens (R-1-1).');
    expect(d.findings.map((f) => f.fragment)).toEqual(['Ali']);
  });

  it('R-G-3: in stap 1 group-level signals reach all partners, a declared persoon level does not', () => {
    const a = makeAanpak('1');
    expect(decide(content({ text: 'Veel overlast bij de sporthal op vrijdag' }), ctx(a), PARTNERS).outcome).toBe('allow');
    expect(decide(content({ level: 'persoon', text: 'de leider van de groep' }), ctx(a), PARTNERS).outcome).toBe('deny');
  });

  it('R-2A-1: a name in a 2A answer does not reach partners', () => {
    const d = decide(content({ text: 'Jöran de Vries neemt jongeren mee' }), ctx(makeAanpak('2A')), PARTNERS);
    expect(d.outcome).toBe('deny');
    expect(hit(d, 'R-2A-1')).toEqual(['boa', 'jw', 'om', 'regie', 'verv']);
    expect(d.reasons.every((r) => !r.message.includes('Jöran'))).toBe(true);
  });

  it('R-2A-1: a phone number or BSN in a 2A answer is held back too', () => {
    expect(decide(content({ text: 'bel 06-12345678' }), ctx(makeAanpak('2A')), to('regie')).outcome).toBe('deny');
    expect(decide(content({ text: 'bsn 123456782' }), ctx(makeAanpak('2A')), to('om')).outcome).toBe('deny');
  });

  it('the author always receives their own content', () => {
    const d = decide(content({ level: 'opsporing', text: 'Ali' }), ctx(makeAanpak('1')), to('pol'));
    expect(d).toMatchObject({ outcome: 'allow', level: 'opsporing', reasons: [] });
  });
});

describe('gate: from 2B', () => {
  it('R-2B-1: from 2B persoon-content goes to all convenantpartners incl. procesregisseur and vervanger', () => {
    for (const state of ['2B', '3', '5', '6', '7'] as const) {
      const d = decide(content({ text: 'Ali Yilmaz was erbij', memberIds: ['m2'] }), ctx(makeAanpak(state)), PARTNERS);
      expect(d.outcome, state).toBe('allow');
      expect(d.level).toBe('persoon');
    }
  });

  it('R-X-11: opsporingsindicaties reach only politie and OM', () => {
    const d = decide(content({ level: 'opsporing' }), ctx(makeAanpak('3')), [...PARTNERS, ...to('school')]);
    expect(d.outcome).toBe('deny');
    expect(hit(d, 'R-X-11')).toEqual(['boa', 'jw', 'regie', 'school', 'verv']);
    expect(decide(content({ level: 'opsporing', authorId: 'om' }), ctx(makeAanpak('3')), to('pol', 'om')).outcome).toBe('allow');
  });

  it('R-2B-4: opsporingsindicaties from the politie do not reach the procesregisseur in 2B', () => {
    const d = decide(content({ level: 'opsporing' }), ctx(makeAanpak('2B')), to('regie'));
    expect(d.reasons.map((r) => r.ruleId)).toEqual(['R-X-11']);
    expect(d.reasons[0]!.message).toContain('R-2B-4');
  });

  it('R-X-14: a BSN reaches only organisations with a recorded basis', () => {
    const text = 'bsn 123 456 782';
    const without = decide(content({ text, authorId: 'regie' }), ctx(makeAanpak('3')), to('verv', 'jw', 'pol'));
    expect(without.level).toBe('bijzonder');
    expect(hit(without, 'R-X-14')).toEqual(['jw', 'pol', 'verv']);

    const withBasis = makeAanpak('3', {
      bijzonderBases: [{ organisation: 'gemeente', basis: 'art. 5.3 convenant', recordedBy: 'regie', recordedAt: AT }],
    });
    const d = decide(content({ text, authorId: 'regie' }), ctx(withBasis), to('verv', 'jw'));
    expect(hit(d, 'R-X-14')).toEqual(['jw']);
  });

  it('R-X-14: politie and OM receive bijzonder from politie or OM without a recorded basis, not from others', () => {
    const a = makeAanpak('3');
    expect(decide(content({ level: 'bijzonder', authorId: 'pol' }), ctx(a), to('om')).outcome).toBe('allow');
    expect(decide(content({ level: 'bijzonder', authorId: 'om' }), ctx(a), to('pol')).outcome).toBe('allow');
    expect(hit(decide(content({ level: 'bijzonder', authorId: 'regie' }), ctx(a), to('pol', 'om')), 'R-X-14')).toEqual(['om', 'pol']);
    expect(decide(content({ level: 'bijzonder', authorId: 'pol' }), ctx(a), to('regie')).outcome).toBe('deny');
  });

  it('R-X-53: PGA information needs the contributor consent for this forum', () => {
    const c = content({ level: 'pga', authorId: 'regie', pgaContributorId: 'jw', ref: 'pga-1' });
    const a = makeAanpak('5');
    expect(hit(decide(c, ctx(a), to('pol', 'jw')), 'R-X-53')).toEqual(['pol']);

    const otherForum = makeAanpak('5', { pgaConsents: [{ contentRef: 'pga-1', contributorId: 'jw', forum: 'driehoek', recordedAt: AT }] });
    expect(decide(c, ctx(otherForum), to('pol')).outcome).toBe('deny');

    const otherContent = makeAanpak('5', { pgaConsents: [{ contentRef: 'pga-2', contributorId: 'jw', forum: 'a1', recordedAt: AT }] });
    expect(decide(c, ctx(otherContent), to('pol')).outcome).toBe('deny');

    const consented = makeAanpak('5', { pgaConsents: [{ contentRef: 'pga-1', contributorId: 'jw', forum: 'a1', recordedAt: AT }] });
    expect(decide(c, ctx(consented), to('pol', 'om', 'boa')).outcome).toBe('allow');
    expect(decide(content({ level: 'pga', authorId: 'regie', ref: 'pga-1' }), ctx(consented), to('pol')).outcome).toBe('deny');
  });
});

describe('gate: incidentele deelnemers', () => {
  it('R-X-21: an incidentele deelnemer without geheimhoudingsverklaring receives nothing', () => {
    const d = decide(content({ text: 'Overlast bij de sporthal' }), ctx(makeAanpak('3')), to('lp', 'school', 'pol'));
    expect(d.outcome).toBe('deny');
    expect(d.level).toBe('groep');
    expect(d.reasons).toEqual([
      {
        ruleId: 'R-X-21',
        message: 'Een incidentele deelnemer krijgt pas iets na een getekende geheimhoudingsverklaring (R-X-21).',
        recipients: ['lp'],
      },
    ]);
  });

  it('R-X-22: school sees a named item only with a recorded legal basis for that member', () => {
    const c = content({ text: 'Ali verzuimt veel', memberIds: ['m2'] });
    expect(hit(decide(c, ctx(makeAanpak('3')), to('school', 'pol')), 'R-X-22')).toEqual(['school']);

    const basisM1 = makeAanpak('3', { legalBases: [{ participantId: 'school', memberId: 'm1', basis: 'leerplicht', recordedBy: 'regie', recordedAt: AT }] });
    expect(decide(c, ctx(basisM1), to('school')).outcome).toBe('deny');

    const basisM2 = makeAanpak('3', { legalBases: [{ participantId: 'school', memberId: 'm2', basis: 'leerplicht', recordedBy: 'regie', recordedAt: AT }] });
    expect(decide(c, ctx(basisM2), to('school')).outcome).toBe('allow');
  });

  it('R-X-22: a member found by screening needs a basis too, even when memberIds lists another', () => {
    const a = makeAanpak('3', { legalBases: [{ participantId: 'school', memberId: 'm2', basis: 'leerplicht', recordedBy: 'regie', recordedAt: AT }] });
    const d = decide(content({ text: 'Ali en Jöran verzuimen', memberIds: ['m2'] }), ctx(a), to('school'));
    expect(hit(d, 'R-X-22')).toEqual(['school']);
  });

  it('R-X-22: persoon-content without known members never reaches an incidentele deelnemer', () => {
    const d = decide(content({ text: 'bel hem op 06-12345678' }), ctx(makeAanpak('3')), to('school', 'pol'));
    expect(d.level).toBe('persoon');
    expect(hit(d, 'R-X-22')).toEqual(['school']);
  });

  it('R-X-22: personal data screening cannot tie to a member is not covered by the basis for a named member', () => {
    const a = makeAanpak('3', { legalBases: [{ participantId: 'school', memberId: 'm2', basis: 'leerplicht', recordedBy: 'regie', recordedAt: AT }] });
    expect(decide(content({ text: 'Ali verzuimt veel', memberIds: ['m2'] }), ctx(a), to('school')).outcome).toBe('allow');
    // Found by the privacy-leak suite: whose number or e-mail address this is, is unknown.
    for (const extra of ['bel 06-12345678', 'mail ali.y@example.nl', 'woont Dorpsstraat 4', 'met Kevin']) {
      const d = decide(content({ text: `Ali verzuimt veel, ${extra}`, memberIds: ['m2'] }), ctx(a), to('school', 'pol'));
      expect(hit(d, 'R-X-22'), extra).toEqual(['school']);
    }
  });

  it('R-X-22: group-level content reaches an incidentele deelnemer with a geheimhoudingsverklaring', () => {
    expect(decide(content({ text: 'Overlast bij de sporthal' }), ctx(makeAanpak('3')), to('school')).outcome).toBe('allow');
  });
});

describe('gate: jongerenwerk', () => {
  it('R-X-31: jongerenwerker persoon-content needs a weighing (confirm)', () => {
    const c = content({ authorId: 'jw', text: 'Jöran heeft het thuis zwaar', memberIds: ['m1'], ref: 'ans-7:IV-3-1' });
    const d = decide(c, ctx(makeAanpak('3')), PARTNERS);
    expect(d.outcome).toBe('confirm');
    expect(hit(d, 'R-X-31')).toEqual(['boa', 'om', 'pol', 'regie', 'verv']);

    const weighed = makeAanpak('3', {
      weighings: [{ id: 'w1', participantId: 'jw', subjectRef: 'ans-7:IV-3-1', doelmatigheid: 'ja', subsidiariteit: 'ja', proportionaliteit: 'beperkt', recordedAt: AT }],
    });
    expect(decide(c, ctx(weighed), PARTNERS).outcome).toBe('allow');

    const otherRef = makeAanpak('3', {
      weighings: [{ id: 'w1', participantId: 'jw', subjectRef: 'ans-8', doelmatigheid: 'ja', subsidiariteit: 'ja', proportionaliteit: 'ja', recordedAt: AT }],
    });
    expect(decide(c, ctx(otherRef), PARTNERS).outcome).toBe('confirm');
  });

  it('R-X-31: group-level content of the jongerenwerker needs no weighing; a deny outranks confirm', () => {
    expect(decide(content({ authorId: 'jw', text: 'De groep is onrustig' }), ctx(makeAanpak('3')), PARTNERS).outcome).toBe('allow');
    const d = decide(content({ authorId: 'jw', text: 'Ali', memberIds: ['m2'] }), ctx(makeAanpak('3')), to('pol', 'school'));
    expect(d.outcome).toBe('deny');
    expect(hit(d, 'R-X-22')).toEqual(['school']);
    expect(hit(d, 'R-X-31')).toEqual(['pol']);
    expect(blockedRecipients(d).sort()).toEqual(['pol', 'school']);
  });
});

describe('gate: driehoek', () => {
  it('R-4-1: driehoek receives nothing above groep', () => {
    const a = makeAanpak('4');
    for (const level of ['persoon', 'bijzonder', 'opsporing', 'pga'] as const) {
      const d = decide(content({ kind: 'export_paragraph', level, authorId: 'regie' }), { aanpak: a, screener, purpose: 'export' }, [DRIEHOEK]);
      expect(d.outcome, level).toBe('deny');
      expect(hit(d, 'R-4-1')).toEqual(['driehoek']);
    }
    const named = decide(content({ kind: 'export_paragraph', text: 'Kern: Jöran de Vries', authorId: 'regie' }), ctx(a), [DRIEHOEK]);
    expect(named.reasons.map((r) => r.ruleId)).toEqual(['R-4-1']);
    expect(named.reasons[0]!.message).toContain('R-X-13');
    expect(decide(content({ kind: 'export_paragraph', text: 'De groep telt 12 jongeren.', authorId: 'regie' }), ctx(a), [DRIEHOEK]).outcome).toBe('allow');
  });
});

describe('gate: end states and membership', () => {
  it('R-7-1: an inactief or vernietigd dossier shares nothing', () => {
    for (const state of ['inactief', 'vernietigd'] as const) {
      const d = decide(content({ kind: 'status', text: 'De aanpak is afgerond.' }), ctx(makeAanpak(state, { lastStep: '7' })), [...PARTNERS, DRIEHOEK]);
      expect(d.outcome, state).toBe('deny');
      expect(hit(d, 'R-7-1')).toEqual(['boa', 'driehoek', 'jw', 'om', 'regie', 'verv']);
    }
  });

  it('R-7-1, R-X-92: an inactief dossier still answers a rights request and retention notices, to its keeper only', () => {
    const a = makeAanpak('inactief', { lastStep: '7' });
    const named = content({ kind: 'export_paragraph', text: 'Ali is verhuisd', memberIds: ['m2'] });
    expect(decide(named, { ...ctx(a), purpose: 'inzage' }, to('regie', 'verv')).outcome).toBe('allow');
    expect(hit(decide(named, { ...ctx(a), purpose: 'inzage' }, PARTNERS), 'R-7-1')).toEqual(['boa', 'jw', 'om']);
    const notice = content({ kind: 'reminder', text: 'Het dossier wordt over 2 weken vernietigd.' });
    expect(decide(notice, { ...ctx(a), purpose: 'retention' }, to('regie')).outcome).toBe('allow');
    expect(decide(named, { ...ctx(a), purpose: 'retention' }, to('regie')).outcome).toBe('deny');
    expect(decide(notice, ctx(a), to('regie')).outcome).toBe('deny');
    expect(decide(named, { ...ctx(makeAanpak('vernietigd', { lastStep: '7' })), purpose: 'inzage' }, to('regie')).outcome).toBe('deny');
  });

  it('R-7-1: a gesloten aanpak is read-only: content only reaches the procesregisseur and vervanger', () => {
    const a = makeAanpak('gesloten', { lastStep: '7' });
    const d = decide(content({ text: 'Ali is verhuisd', memberIds: ['m2'] }), ctx(a), PARTNERS);
    expect(hit(d, 'R-7-1')).toEqual(['boa', 'jw', 'om']);
    expect(decide(content({ text: 'Ali is verhuisd', memberIds: ['m2'] }), ctx(a), to('regie', 'verv')).outcome).toBe('allow');
    expect(decide(content({ kind: 'status', authorId: 'regie', text: 'Deze aanpak is gesloten.' }), ctx(a), PARTNERS).outcome).toBe('allow');
  });

  it('R-7-1: a gesloten aanpak closed from stap 1 keeps the stap-1 rules', () => {
    const a = makeAanpak('gesloten', { lastStep: '1' });
    const d = decide(content({ text: 'Ali' }), ctx(a), to('regie'));
    expect(d.reasons.map((r) => r.ruleId)).toEqual(['R-1-1']);
  });

  it('R-X-16: removed and unknown participants receive nothing', () => {
    const d = decide(content({ authorId: 'regie', text: 'Overlast bij de sporthal' }), ctx(makeAanpak('3')), to('oud', 'onbekend', 'pol'));
    expect(d.outcome).toBe('deny');
    expect(hit(d, 'R-X-16')).toEqual(['onbekend', 'oud']);
  });

  it('an empty audience is allowed', () => {
    expect(decide(content({ level: 'opsporing' }), ctx(makeAanpak('1')), []).outcome).toBe('allow');
  });
});

describe('gate: properties', () => {
  const arbContent = fc.record({
    level: fc.constantFrom(...LEVELS),
    text: fc.constantFrom(undefined, 'Ali', 'De groep', 'bsn 123456782', 'bel 06-12345678'),
    authorId: fc.constantFrom('regie', 'pol', 'om', 'jw', 'boa', 'school'),
  });
  const arbState = fc.constantFrom<AanpakState>('1', '2A', '2B', '3', '4', '5', '6', '7', 'gesloten', 'inactief', 'vernietigd');
  const arbAudience = fc.subarray([...to('regie', 'verv', 'pol', 'om', 'jw', 'boa', 'school', 'lp', 'oud'), DRIEHOEK]);

  it('property: the effective level is never below the declared level, and reasons name only audience members', () => {
    fc.assert(
      fc.property(arbContent, arbState, arbAudience, (c, state, audience) => {
        const d = decide(content(c), ctx(makeAanpak(state, { lastStep: '3' })), audience);
        expect(levelRank(d.level)).toBeGreaterThanOrEqual(levelRank(c.level));
        const keys = new Set(audience.map(recipientKey));
        for (const r of d.reasons) for (const k of r.recipients) expect(keys.has(k)).toBe(true);
        expect(d.outcome === 'allow').toBe(d.reasons.length === 0);
        for (const r of d.reasons) expect(r.message).toMatch(/\(R-[0-9A-Z]+-\d+/);
      }),
    );
  });

  it('property: content allowed to a larger audience is allowed to every part of it', () => {
    fc.assert(
      fc.property(arbContent, arbState, arbAudience, (c, state, audience) => {
        const a = makeAanpak(state, { lastStep: '3' });
        const whole = decide(content(c), ctx(a), audience);
        if (whole.outcome !== 'allow') return;
        for (const r of audience) expect(decide(content(c), ctx(a), [r]).outcome).toBe('allow');
      }),
    );
  });
});

describe('filterForAudience', () => {
  it('R-1-1: a published aggregate in stap 1 holds back named items and says why, without content', () => {
    const items = [
      content({ ref: 'i1', text: 'Overlast bij de sporthal' }),
      content({ ref: 'i2', text: 'Ali is de leider' }),
      content({ ref: 'i3', text: 'Jöran de Vries doet mee' }),
    ];
    const r = filterForAudience(items, ctx(makeAanpak('1')), PARTNERS);
    expect(r.allowed.map((i) => i.ref)).toEqual(['i1']);
    expect(r.withheld).toEqual([
      { ref: 'i2', ruleIds: ['R-1-1'] },
      { ref: 'i3', ruleIds: ['R-1-1'] },
    ]);
    expect(r.summary).toBe('2 items achtergehouden: persoonsgegevens (zoals namen en nummers) zijn in stap 1 niet toegestaan (R-1-1).');
    expect(r.summary).not.toMatch(/Ali|Jöran|Vries/);
    // With a school in the channel the step-1 reason already covers everyone: only it is named.
    const withSchool = filterForAudience(items, ctx(makeAanpak('1')), [...PARTNERS, ...to('school')]);
    expect(withSchool.withheld[0]!.ruleIds.sort()).toEqual(['R-1-1', 'R-X-22']);
    expect(withSchool.summary).toBe('2 items achtergehouden: persoonsgegevens (zoals namen en nummers) zijn in stap 1 niet toegestaan (R-1-1).');
  });

  it('R-X-11: a mixed aggregate is filtered per item and lists every reason once', () => {
    const items = [
      content({ ref: 'i1', text: 'De groep is onrustig' }),
      content({ ref: 'i2', level: 'opsporing' }),
      content({ ref: 'i3', authorId: 'jw', text: 'Ali heeft het zwaar', memberIds: ['m2'] }),
    ];
    const r = filterForAudience(items, ctx(makeAanpak('3')), PARTNERS);
    expect(r.allowed.map((i) => i.ref)).toEqual(['i1']);
    expect(r.withheld.map((w) => w.ref)).toEqual(['i2', 'i3']);
    expect(r.summary).toBe(
      '2 items achtergehouden: opsporingsindicaties alleen voor politie en OM (R-X-11); de afweging van het jongerenwerk ontbreekt (R-X-31).',
    );
  });

  it('returns a null summary when nothing is held back', () => {
    const r = filterForAudience([content({ ref: 'i1', text: 'De groep' })], ctx(makeAanpak('1')), PARTNERS);
    expect(r).toEqual({ allowed: [content({ ref: 'i1', text: 'De groep' })], withheld: [], summary: null });
    expect(filterForAudience([content({ ref: 'x', level: 'persoon' })], ctx(makeAanpak('1')), PARTNERS).summary).toBe(
      '1 item achtergehouden: persoonsgegevens (zoals namen en nummers) zijn in stap 1 niet toegestaan (R-1-1).',
    );
  });
});

describe('gateAuditEvent', () => {
  it('records outcome, level, rule ids, audience and ref but never text or fragments', () => {
    const c = content({ ref: 'ans-9:CV-4', text: 'Jöran de Vries, bsn 123456782, tel 06-12345678' });
    const audience = [...to('pol', 'school'), DRIEHOEK];
    const d = decide(c, ctx(makeAanpak('4')), audience);
    const e = gateAuditEvent(d, c, 'pol', audience, AT, 'a1');
    expect(e).toMatchObject({
      aanpakId: 'a1',
      type: 'gate.decision',
      actor: 'pol',
      at: AT,
      level: 'bijzonder',
      outcome: 'deny',
      audience: ['pol', 'school', 'driehoek'],
    });
    expect(e.ruleIds!.sort()).toEqual(['R-4-1', 'R-X-14', 'R-X-22'].sort());
    expect(e.data).toMatchObject({ contentRef: 'ans-9:CV-4', findings: 3, memberIds: 'm1' });
    const json = JSON.stringify(e);
    for (const secret of ['Jöran', 'Vries', '123456782', '06-12345678']) expect(json).not.toContain(secret);
  });

  it('recipientKey is the participant id or "driehoek"', () => {
    expect(recipientKey({ kind: 'participant', participantId: 'p1' })).toBe('p1');
    expect(recipientKey(DRIEHOEK)).toBe('driehoek');
  });
});
