import { describe, expect, it } from 'vitest';
import type { Aanpak, Member } from '../../src/workflow/types.js';
import {
  canReopen,
  destroyAnnouncement,
  dueNow,
  retentionClass,
  retentionDecisions,
} from '../../src/workflow/retention.js';
import { DEFAULT_CONVENANT, RETENTION_PROFILES, validateConvenantConfig } from '../../src/workflow/convenant.js';
import { aanpakFixture, participantFixture } from '../helpers/fixtures.js';

// Created Monday 2 March 2026 10:00 CET; closed Thursday 12 March 2026 11:00 CET.
const CREATED = '2026-03-02T09:00:00.000Z';
const CLOSED = '2026-03-12T10:00:00.000Z';

function aanpak(over: Partial<Aanpak> = {}): Aanpak {
  const regisseur = participantFixture('p-rs', 'procesregisseur', 'gemeente', { aadObjectId: 'aad-rs', displayName: 'Regisseur', addedBy: 'system' }, CREATED);
  return aanpakFixture('6', [regisseur], { name: 'Stationsplein', channelId: 'chan-1', ...over }, CREATED);
}

function closed(over: Partial<Aanpak> = {}): Aanpak {
  return aanpak({
    state: 'gesloten',
    lastStep: '7',
    closedAt: CLOSED,
    planVastgesteldAt: '2026-03-05T09:00:00.000Z',
    transitions: [{ from: '7', to: 'gesloten', by: 'p-rs', at: CLOSED, decisionText: 'Doelen bereikt' }],
    ...over,
  });
}

function exited(retention: 'geen_aanpak' | 'geen_aanpak_herbeoordeling', over: Partial<Aanpak> = {}): Aanpak {
  return aanpak({
    state: 'gesloten',
    lastStep: '2A',
    closedAt: CLOSED,
    exit: { kind: 'geen_problematische_jeugdgroep', retention, at: CLOSED, by: 'p-rs' },
    ...over,
  });
}

function member(id: string, over: Partial<Member> = {}): Member {
  return {
    id,
    aanpakId: 'a1',
    naam: 'Fictief',
    bijnamen: [],
    positie: 'kern',
    bron: 'groepsscan',
    addedAt: CREATED,
    addedBy: 'p-rs',
    informing: { status: 'open' },
    ...over,
  };
}

const NOW = '2026-03-12T10:00:00.000Z';

describe('retention decisions', () => {
  it('R-7-1: a gesloten aanpak becomes inactief at its closing moment', () => {
    const ds = retentionDecisions(closed(), [], '2022', NOW);
    expect(ds[0]).toEqual({ kind: 'inactief', aanpakId: 'a1', dueAt: CLOSED, ruleId: 'R-7-1' });
    // Once inactief, the decision has been carried out and is not returned again.
    const inactief = closed({ state: 'inactief', inactiefAt: CLOSED });
    expect(retentionDecisions(inactief, [], '2022', NOW).map((d) => d.kind)).toEqual(['destroy_aanpak']);
  });

  it('R-7-1: closing without a recorded moment falls back to the last transition to gesloten', () => {
    const a = closed({ closedAt: undefined });
    expect(retentionDecisions(a, [], '2022', NOW)[0]?.dueAt).toBe(CLOSED);
  });

  it('R-7-3, T-12: 2022 archives and destroys 1 year after inactief (R-X-70)', () => {
    const a = closed({ state: 'inactief', inactiefAt: '2026-03-13T10:00:00.000Z' });
    const d = retentionDecisions(a, [], '2022', NOW).find((x) => x.kind === 'destroy_aanpak');
    expect(d).toEqual({ kind: 'destroy_aanpak', aanpakId: 'a1', dueAt: '2027-03-13T10:00:00.000Z', archiveFirst: true, ruleId: 'R-7-3' });
  });

  it('R-X-70: while still gesloten, the 2022 term counts from the closing moment', () => {
    const d = retentionDecisions(closed(), [], '2022', NOW).find((x) => x.kind === 'destroy_aanpak');
    expect(d?.dueAt).toBe('2027-03-12T10:00:00.000Z');
  });

  it('R-X-72, T-13: Beesel destroys 2 years after closing, without archive', () => {
    const a = closed({ settings: { overlegCadenceWeeks: 6, retentionProfile: 'beesel' } });
    const d = retentionDecisions(a, [], 'beesel', NOW).find((x) => x.kind === 'destroy_aanpak');
    expect(d).toEqual({ kind: 'destroy_aanpak', aanpakId: 'a1', dueAt: '2028-03-12T10:00:00.000Z', archiveFirst: false, ruleId: 'R-X-72' });
  });

  it('R-X-73, T-14: an exit without aanpak is destroyed at the latest 4 weeks after that decision (both profiles)', () => {
    for (const profile of ['2022', 'beesel'] as const) {
      const d = retentionDecisions(exited('geen_aanpak'), [], profile, NOW).find((x) => x.kind === 'destroy_aanpak');
      expect(d?.dueAt).toBe('2026-04-09T09:00:00.000Z'); // 12 March 11:00 CET + 4 weeks = 9 April 11:00 CEST
      expect(d?.ruleId).toBe('R-X-73');
    }
  });

  it('R-X-74, T-15: with reassessment plausible, kept at most 1 year from the aanmelding', () => {
    const d = retentionDecisions(exited('geen_aanpak_herbeoordeling'), [], 'beesel', NOW).find((x) => x.kind === 'destroy_aanpak');
    expect(d?.dueAt).toBe('2027-03-02T09:00:00.000Z');
    expect(d?.ruleId).toBe('R-X-74');
    // The aanpak setting alone also turns the exception on.
    const viaSetting = exited('geen_aanpak', { settings: { overlegCadenceWeeks: 6, retentionProfile: 'beesel', herbeoordelingAannemelijk: true } });
    expect(retentionClass(viaSetting)).toBe('geen_aanpak_herbeoordeling');
  });

  it('R-X-74: a year already passed since the aanmelding means destroy at the exit, never before it', () => {
    const late = '2027-06-01T10:00:00.000Z';
    const a = exited('geen_aanpak_herbeoordeling', { closedAt: late, exit: { kind: 'niet_geprioriteerd', retention: 'geen_aanpak_herbeoordeling', at: late, by: 'p-rs' } });
    const d = retentionDecisions(a, [], 'beesel', late).find((x) => x.kind === 'destroy_aanpak');
    expect(d?.dueAt).toBe(late);
  });

  it('R-X-74: when an aanpak was vastgesteld after all, the R-X-72 term applies', () => {
    const a = exited('geen_aanpak_herbeoordeling', { planVastgesteldAt: '2026-03-10T09:00:00.000Z' });
    expect(retentionClass(a)).toBe('aanpak_vastgesteld');
    const d = retentionDecisions(a, [], 'beesel', NOW).find((x) => x.kind === 'destroy_aanpak');
    expect(d?.ruleId).toBe('R-X-72');
  });

  it('R-7-4: a member who left the group is destroyed after the same term, counted from the removal', () => {
    const removedAt = '2026-05-20T12:00:00.000Z';
    const members = [member('m1', { removedAt }), member('m2')];
    const open2022 = retentionDecisions(aanpak(), members, '2022', NOW);
    expect(open2022).toEqual([{ kind: 'destroy_member', aanpakId: 'a1', memberId: 'm1', dueAt: '2027-05-20T12:00:00.000Z', ruleId: 'R-7-4' }]);
    const openBeesel = retentionDecisions(aanpak(), members, 'beesel', NOW);
    expect(openBeesel[0]?.dueAt).toBe('2028-05-20T12:00:00.000Z');
  });

  it('R-7-4: a member destroy later than the aanpak destroy is covered by the aanpak destroy', () => {
    // The exit destroys the whole aanpak on 9 April 2026; 'late' would only be due in March 2027.
    const members = [member('early', { removedAt: '2025-03-01T10:00:00.000Z' }), member('late', { removedAt: '2026-03-05T10:00:00.000Z' })];
    const ds = retentionDecisions(exited('geen_aanpak'), members, '2022', NOW);
    expect(ds.map((d) => (d.kind === 'destroy_member' ? d.memberId : d.kind))).toEqual(['early', 'inactief', 'destroy_aanpak']);
    // Members of another aanpak never appear.
    expect(retentionDecisions(aanpak(), [member('x', { aanpakId: 'other', removedAt: NOW })], '2022', NOW)).toEqual([]);
  });

  it('R-7-1: a vernietigd aanpak has no decisions left', () => {
    expect(retentionDecisions(closed({ state: 'vernietigd' }), [member('m', { removedAt: NOW })], '2022', NOW)).toEqual([]);
  });

  it('dueNow returns only what is due at that instant', () => {
    const ds = retentionDecisions(closed(), [], '2022', NOW);
    expect(dueNow(ds, '2026-03-12T09:59:59.000Z')).toEqual([]);
    expect(dueNow(ds, NOW).map((d) => d.kind)).toEqual(['inactief']);
    expect(dueNow(ds, new Date('2027-03-12T10:00:00.000Z')).map((d) => d.kind)).toEqual(['inactief', 'destroy_aanpak']);
  });

  it('destroyAnnouncement is 2 weeks before a destroy, none for inactief', () => {
    const [inactief, destroy] = retentionDecisions(closed(), [], '2022', NOW);
    expect(destroyAnnouncement(inactief!)).toBeUndefined();
    expect(destroyAnnouncement(destroy!)).toBe('2027-02-26T10:00:00.000Z');
  });
});

describe('reopening', () => {
  it('R-7-2: reopen only within the term (2022: 1 year after closing)', () => {
    const a = closed({ state: 'inactief', inactiefAt: CLOSED });
    const within = canReopen(a, '2022', '2027-03-12T09:59:00.000Z');
    expect(within.ok).toBe(true);
    expect(within.reason).toBe('Heropenen kan tot 12 maart 2027.');
    const after = canReopen(a, '2022', '2027-03-12T10:00:00.000Z');
    expect(after.ok).toBe(false);
    expect(after.reason).toContain('bewaartermijn is verlopen');
    expect(after.ruleId).toBe('R-7-2');
  });

  it('R-7-2: Beesel allows reopening within its 2-year term', () => {
    const a = closed({ state: 'inactief', inactiefAt: CLOSED });
    expect(canReopen(a, 'beesel', '2027-06-01T10:00:00.000Z').ok).toBe(true);
    expect(canReopen(a, 'beesel', '2028-03-12T10:00:00.000Z').ok).toBe(false);
  });

  it('R-7-2: after an exit the term is the 4-week destroy term', () => {
    expect(canReopen(exited('geen_aanpak'), '2022', '2026-04-01T10:00:00.000Z').ok).toBe(true);
    expect(canReopen(exited('geen_aanpak'), '2022', '2026-04-10T10:00:00.000Z').ok).toBe(false);
  });

  it('R-7-2: needs a reason and the deciding role; an open or destroyed aanpak cannot be reopened', () => {
    const a = closed();
    expect(canReopen(a, '2022', NOW, { reason: ' ', role: 'manager OOV' })).toMatchObject({ ok: false, reason: 'Geef de reden om te heropenen.' });
    expect(canReopen(a, '2022', NOW, { reason: 'Nieuwe signalen', role: '' }).ok).toBe(false);
    expect(canReopen(a, '2022', NOW, { reason: 'Nieuwe signalen', role: 'manager OOV' }).ok).toBe(true);
    expect(canReopen(aanpak(), '2022', NOW)).toMatchObject({ ok: false, reason: 'Deze aanpak is niet gesloten.' });
    expect(canReopen(closed({ state: 'vernietigd' }), '2022', NOW).ok).toBe(false);
  });
});

describe('convenant configuration', () => {
  it('R-X-70/R-X-72: the two profiles carry their own terms', () => {
    expect(RETENTION_PROFILES['2022'].aanpakVastgesteld).toMatchObject({ amount: 12, unit: 'months' });
    expect(RETENTION_PROFILES['2022'].archiveFirst).toBe(true);
    expect(RETENTION_PROFILES.beesel.aanpakVastgesteld).toMatchObject({ amount: 24, unit: 'months', ruleId: 'R-X-72' });
    expect(RETENTION_PROFILES.beesel.archiveFirst).toBe(false);
  });

  it('accepts a minimal file and fills in the defaults', () => {
    const r = validateConvenantConfig({ gemeente: ' Beesel ' });
    expect(r).toEqual({ ok: true, config: { ...DEFAULT_CONVENANT, gemeente: 'Beesel' } });
  });

  it('accepts a full file', () => {
    const input = {
      gemeente: 'Beesel',
      retentionProfile: 'beesel',
      overlegCadenceWeeks: 8,
      quietHours: { start: '21:00', end: '07:30', weekends: false },
      yearlyEvaluationMonthDay: '09-30',
    };
    expect(validateConvenantConfig(input)).toEqual({ ok: true, config: input });
  });

  it('refuses bad input with Dutch messages per field', () => {
    const r = validateConvenantConfig({
      gemeente: '',
      retentionProfile: '2016',
      overlegCadenceWeeks: 0,
      quietHours: { start: '25:00', end: '08:00', weekends: 'ja', extra: 1 },
      yearlyEvaluationMonthDay: '02-29',
      typo: true,
    });
    expect(r.ok).toBe(false);
    const errors = r.ok ? [] : r.errors;
    expect(errors).toEqual(
      expect.arrayContaining([
        'Onbekend veld "typo".',
        'Vul de gemeente in (veld "gemeente").',
        'Het bewaarprofiel (veld "retentionProfile") moet "2022" of "beesel" zijn.',
        'Het overlegritme (veld "overlegCadenceWeeks") moet een heel aantal weken tussen 1 en 26 zijn.',
        'Onbekend veld "quietHours.extra".',
        'Begin van de stille uren ("quietHours.start") als UU:MM, bijv. 20:00.',
        '"quietHours.weekends" moet true of false zijn.',
        'De jaarlijkse evaluatie ("yearlyEvaluationMonthDay") als MM-DD, bijv. 01-15.',
      ]),
    );
    expect(errors).toHaveLength(8);
  });

  it('refuses a non-object and equal quiet-hour bounds', () => {
    expect(validateConvenantConfig(null)).toEqual({ ok: false, errors: ['De convenantinstellingen moeten een object zijn.'] });
    expect(validateConvenantConfig([])).toMatchObject({ ok: false });
    const r = validateConvenantConfig({ gemeente: 'X', quietHours: { start: '08:00', end: '08:00', weekends: true } });
    expect(r).toEqual({ ok: false, errors: ['Begin en einde van de stille uren mogen niet gelijk zijn.'] });
  });
});
