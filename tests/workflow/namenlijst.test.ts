import { describe, expect, it } from 'vitest';
import {
  addMember,
  namenlijstView,
  pendingInforming,
  recordInforming,
  removeMember,
  updateMember,
  type AddMemberCommand,
} from '../../src/workflow/namenlijst.js';
import { DomainError, type Aanpak, type AanpakState, type Member } from '../../src/workflow/types.js';
import { DAY, testEnv } from '../helpers/env.js';
import { aanpakFixture, participantFixture } from '../helpers/fixtures.js';

const T0 = '2026-03-02T09:00:00.000Z';


function aanpak(state: AanpakState, extra: Partial<Aanpak> = {}): Aanpak {
  return aanpakFixture(
    state,
    [
      participantFixture('pr', 'procesregisseur', 'gemeente'),
      participantFixture('vv', 'vervanger', 'gemeente'),
      participantFixture('wa', 'partner', 'politie'),
      participantFixture('jw', 'partner', 'jongerenwerk'),
      participantFixture('lp', 'incidenteel', 'leerplicht', { geheimhouding: { date: '2026-03-01', recordedBy: 'pr', recordedAt: T0 } }),
      participantFixture('ex', 'partner', 'om', { removedAt: T0 }),
    ],
    extra,
    T0,
  );
}

const base: AddMemberCommand = {
  naam: 'Jan de Vries',
  bijnamen: ['JD'],
  geboortedatum: '2009-05-12',
  adres: 'Dorpsstraat 1',
  woonplaats: 'Beesel',
  positie: 'kern',
  bron: 'groepsscan',
  by: 'pr',
};

function codeOf(fn: () => unknown): { code: string; ruleIds: string[]; message: string } {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return { code: e.code, ruleIds: e.ruleIds, message: e.userMessage };
    throw e;
  }
  throw new Error('expected a DomainError');
}

function seeded(state: AanpakState = '2B') {
  const env = testEnv(T0);
  const a = aanpak(state);
  const m1 = addMember(a, [], base, env).member;
  const m2 = addMember(a, [m1], { ...base, naam: 'Mo Yilmaz', bijnamen: [], geboortedatum: '2008-01-02', positie: 'schil', bron: 'partner', bronOrganisation: 'jongerenwerk' }, env).member;
  return { env, a, members: [m1, m2], m1, m2 };
}

describe('addMember', () => {
  it.each(['1', '2A'] as const)('R-2B-1: no namenlijst before 2B (step %s)', (state) => {
    const err = codeOf(() => addMember(aanpak(state), [], base, testEnv(T0)));
    expect(err.code).toBe('namenlijst_not_yet');
    expect(err.ruleIds).toContain('R-2B-1');
    expect(err.message).toBe('Namen komen pas op de lijst in stap 2B, als de groep problematisch is bevonden.');
  });

  it('R-2B-1: not in a closed aanpak either', () => {
    expect(codeOf(() => addMember(aanpak('gesloten'), [], base, testEnv(T0))).code).toBe('namenlijst_not_yet');
  });

  it('adds a member in 2B with informing open and a content-free event', () => {
    const env = testEnv(T0);
    const { member, events } = addMember(aanpak('2B'), [], { ...base, naam: '  Jan   de Vries ' }, env);
    expect(member).toMatchObject({ naam: 'Jan de Vries', aanpakId: 'a1', positie: 'kern', informing: { status: 'open' }, addedAt: T0, addedBy: 'pr' });
    expect(member.geboortedatum).toBe('2009-05-12');
    expect(events).toHaveLength(1);
    expect(events[0]!.type).toBe('member.added');
    const serialised = JSON.stringify(events);
    for (const secret of ['Jan', 'Vries', 'JD', '2009-05-12', 'Dorpsstraat', 'Beesel']) expect(serialised).not.toContain(secret);
  });

  it('only the procesregisseur or vervanger adds members', () => {
    const env = testEnv(T0);
    expect(addMember(aanpak('3'), [], { ...base, by: 'vv' }, env).member.addedBy).toBe('vv');
    expect(codeOf(() => addMember(aanpak('3'), [], { ...base, by: 'wa' }, env)).code).toBe('not_regisseur');
    expect(codeOf(() => addMember(aanpak('3'), [], { ...base, by: 'lp' }, env)).code).toBe('not_regisseur');
  });

  it('validates naam, geboortedatum, positie and bron with Dutch messages', () => {
    const env = testEnv(T0);
    const a = aanpak('2B');
    expect(codeOf(() => addMember(a, [], { ...base, naam: '   ' }, env)).message).toBe('Vul een naam in.');
    expect(codeOf(() => addMember(a, [], { ...base, naam: 'x'.repeat(201) }, env)).code).toBe('field_too_long');
    expect(addMember(a, [], { ...base, naam: 'x'.repeat(200) }, env).member.naam).toHaveLength(200);
    expect(codeOf(() => addMember(a, [], { ...base, geboortedatum: '12-05-2009' }, env)).code).toBe('invalid_geboortedatum');
    expect(codeOf(() => addMember(a, [], { ...base, geboortedatum: '2009-02-30' }, env)).code).toBe('invalid_geboortedatum');
    expect(codeOf(() => addMember(a, [], { ...base, geboortedatum: '2027-01-01' }, env)).code).toBe('implausible_geboortedatum');
    expect(codeOf(() => addMember(a, [], { ...base, geboortedatum: '1900-01-01' }, env)).code).toBe('implausible_geboortedatum');
    expect(codeOf(() => addMember(a, [], { ...base, positie: 'midden' as never }, env)).code).toBe('invalid_positie');
    expect(codeOf(() => addMember(a, [], { ...base, bron: 'krant' as never }, env)).code).toBe('invalid_bron');
    expect(codeOf(() => addMember(a, [], { ...base, bronOrganisation: 'fbi' as never }, env)).code).toBe('invalid_organisation');
  });

  it('rejects a duplicate active member (same naam, case- and accent-insensitive, same geboortedatum)', () => {
    const { env, a, members, m1 } = seeded();
    expect(codeOf(() => addMember(a, members, { ...base, naam: 'JAN DE VRÏES' }, env)).code).toBe('duplicate_member');
    // Same name, other birth date: a different person.
    expect(addMember(a, members, { ...base, geboortedatum: '2010-01-01' }, env).member.naam).toBe('Jan de Vries');
    // A removed member does not block re-adding.
    const removed = removeMember(m1, 'niet meer in de groep', 'pr', env, a).member;
    expect(addMember(a, [removed], base, env).member.id).not.toBe(m1.id);
  });
});

describe('R-2B-9 informing per member', () => {
  it('R-2B-9: a member added later starts with its own open informing status', () => {
    const { env, a, members, m1 } = seeded();
    const informed = recordInforming(m1, { status: 'uitgereikt', date: '2026-03-02' }, 'pr', env, a).member;
    env.advance(20 * DAY);
    const { member: late, events } = addMember(a, [informed, members[1]!], { ...base, naam: 'Sem Bakker', geboortedatum: '2010-07-07' }, env);
    expect(late.informing).toEqual({ status: 'open' });
    expect(events[0]!.ruleIds).toContain('R-2B-9');
    env.advance(15 * DAY);
    expect(pendingInforming([informed, late], env.now()).map((m) => m.id)).toEqual([late.id]);
  });
});

describe('updateMember (rectificatie)', () => {
  it('changes fields and audits only the names of changed fields', () => {
    const { env, a, members, m1 } = seeded();
    const { member, events } = updateMember(a, members, { memberId: m1.id, changes: { adres: 'Kerkstraat 2', woonplaats: null, positie: 'kern' }, by: 'pr' }, env);
    expect(member.adres).toBe('Kerkstraat 2');
    expect(member.woonplaats).toBeUndefined();
    expect(events).toHaveLength(1);
    expect(events[0]!.type).toBe('member.rectified');
    expect(events[0]!.data).toEqual({ memberId: m1.id, fields: 'adres,woonplaats' });
    expect(JSON.stringify(events)).not.toContain('Kerkstraat');
  });

  it('no change → no event; a duplicate via rectificatie is refused', () => {
    const { env, a, members, m1, m2 } = seeded();
    expect(updateMember(a, members, { memberId: m1.id, changes: { naam: 'Jan de Vries' }, by: 'pr' }, env).events).toEqual([]);
    const err = codeOf(() => updateMember(a, members, { memberId: m2.id, changes: { naam: 'Jan de Vries', geboortedatum: '2009-05-12' }, by: 'pr' }, env));
    expect(err.code).toBe('duplicate_member');
  });

  it('only the procesregisseur or vervanger rectifies', () => {
    const { env, a, members, m1 } = seeded();
    expect(codeOf(() => updateMember(a, members, { memberId: m1.id, changes: { adres: 'x' }, by: 'jw' }, env)).code).toBe('not_regisseur');
  });
});

describe('recordInforming', () => {
  it('R-2B-8, R-X-60: records the date the letter was handed over', () => {
    const { env, a, m1 } = seeded();
    env.advance(3 * DAY);
    const { member, events } = recordInforming(m1, { status: 'uitgereikt', date: '2026-03-04' }, 'pr', env, a);
    expect(member.informing).toEqual({ status: 'uitgereikt', date: '2026-03-04', recordedBy: 'pr' });
    expect(events[0]).toMatchObject({ type: 'member.informing_recorded', data: { memberId: m1.id, status: 'uitgereikt' } });
  });

  it('R-X-64: uitgesteld needs a reason, kept as aantekening in het bestand (not in the audit)', () => {
    const { env, a, m1 } = seeded();
    const err = codeOf(() => recordInforming(m1, { status: 'uitgesteld', reason: '  ' }, 'pr', env, a));
    expect(err.code).toBe('reason_required');
    expect(err.ruleIds).toContain('R-X-64');
    const { member, events } = recordInforming(m1, { status: 'uitgesteld', reason: 'Lopend onderzoek, art. 6.2' }, 'pr', env, a);
    expect(member.informing).toEqual({ status: 'uitgesteld', reason: 'Lopend onderzoek, art. 6.2', recordedBy: 'pr', at: T0 });
    expect(events[0]!.ruleIds).toContain('R-X-64');
    expect(JSON.stringify(events)).not.toContain('onderzoek');
  });

  it('R-X-65: a postponed letter can be handed over later, but not the other way round', () => {
    const { env, a, m1 } = seeded();
    const postponed = recordInforming(m1, { status: 'uitgesteld', reason: 'reden' }, 'pr', env, a).member;
    env.advance(10 * DAY);
    const handed = recordInforming(postponed, { status: 'uitgereikt', date: '2026-03-10' }, 'pr', env, a);
    expect(handed.member.informing.status).toBe('uitgereikt');
    expect(handed.events[0]!.ruleIds).toContain('R-X-65');
    expect(codeOf(() => recordInforming(handed.member, { status: 'uitgesteld', reason: 'x' }, 'pr', env, a)).code).toBe('already_informed');
  });

  it('rejects dates in the future or before the member was added', () => {
    const { env, a, m1 } = seeded();
    expect(codeOf(() => recordInforming(m1, { status: 'uitgereikt', date: '2026-03-03' }, 'pr', env, a)).code).toBe('date_in_future');
    expect(codeOf(() => recordInforming(m1, { status: 'uitgereikt', date: '2026-03-01' }, 'pr', env, a)).code).toBe('date_before_added');
    expect(codeOf(() => recordInforming(m1, { status: 'uitgereikt', date: '3 maart' }, 'pr', env, a)).code).toBe('invalid_date');
    expect(codeOf(() => recordInforming(m1, { status: 'uitgereikt', date: '2026-03-02' }, 'wa', env, a)).code).toBe('not_regisseur');
  });
});

describe('removeMember', () => {
  it('R-2B-10 / R-7-4: removal sets removedAt and emits member.removed for the retention procedure', () => {
    const { env, a, m1 } = seeded();
    env.advance(DAY);
    const { member, events } = removeMember(m1, 'Verhuisd, niet meer in de groep', 'vv', env, a);
    expect(member.removedAt).toBe('2026-03-03T09:00:00.000Z');
    expect(member.removalReason).toBe('Verhuisd, niet meer in de groep');
    expect(events).toEqual([
      { aanpakId: 'a1', type: 'member.removed', actor: 'vv', at: member.removedAt, level: 'persoon', ruleIds: ['R-2B-10', 'R-7-4'], data: { memberId: m1.id } },
    ]);
  });

  it('R-7-4: a removed member cannot be removed or changed again and no longer shows', () => {
    const { env, a, members, m1 } = seeded();
    const removed = removeMember(m1, 'weg', 'pr', env, a).member;
    expect(codeOf(() => removeMember(removed, 'weg', 'pr', env, a)).code).toBe('member_removed');
    expect(codeOf(() => updateMember(a, [removed, members[1]!], { memberId: m1.id, changes: { adres: 'x' }, by: 'pr' }, env)).code).toBe('member_removed');
    const view = namenlijstView([removed, members[1]!], a.participants[0]!, a);
    expect(view.entries.map((e) => e.memberId)).toEqual([members[1]!.id]);
  });

  it('needs a reason and the procesregisseur', () => {
    const { env, a, m1 } = seeded();
    expect(codeOf(() => removeMember(m1, ' ', 'pr', env, a)).code).toBe('reason_required');
    expect(codeOf(() => removeMember(m1, 'weg', 'wa', env, a)).code).toBe('not_regisseur');
  });
});

describe('namenlijstView', () => {
  it('R-X-16: NAW only for the procesregisseur and the vervanger', () => {
    const { a, members } = seeded('3');
    for (const id of ['pr', 'vv']) {
      const view = namenlijstView(members, a.participants.find((p) => p.id === id)!, a);
      expect(view.scope).toBe('naw');
      const jan = view.entries.find((e) => e.naam === 'Jan de Vries')!;
      expect(jan).toMatchObject({ bijnamen: ['JD'], geboortedatum: '2009-05-12', adres: 'Dorpsstraat 1', woonplaats: 'Beesel', positie: 'kern' });
    }
  });

  it('R-X-16: other convenantpartners see naam, bijnamen and positie only', () => {
    const { a, members } = seeded('3');
    const view = namenlijstView(members, a.participants.find((p) => p.id === 'wa')!, a);
    expect(view.scope).toBe('namen');
    expect(view.entries).toHaveLength(2);
    for (const e of view.entries) {
      expect(Object.keys(e).sort()).toEqual(['bijnamen', 'memberId', 'naam', 'positie']);
    }
    expect(JSON.stringify(view)).not.toMatch(/Dorpsstraat|2009-05-12|Beesel/);
  });

  it('R-X-22: incidentele deelnemers see nothing, unless a legal basis for them is recorded for a member', () => {
    const { a, members, m2 } = seeded('3');
    const lp = a.participants.find((p) => p.id === 'lp')!;
    const none = namenlijstView(members, lp, a);
    expect(none.entries).toEqual([]);
    expect(none.notice).toBe('Als incidentele deelnemer zie je de namenlijst niet.');
    const withBasis: Aanpak = {
      ...a,
      legalBases: [
        { participantId: 'lp', memberId: m2.id, basis: 'Leerplichtwet', recordedBy: 'pr', recordedAt: T0 },
        { participantId: 'someone-else', memberId: members[0]!.id, basis: 'x', recordedBy: 'pr', recordedAt: T0 },
      ],
    };
    const view = namenlijstView(members, lp, withBasis);
    expect(view.entries).toEqual([{ memberId: m2.id, naam: 'Mo Yilmaz' }]);
  });

  it('R-2B-1: in steps 1 and 2A the list is empty, even for the procesregisseur', () => {
    const { members } = seeded('3');
    for (const state of ['1', '2A'] as const) {
      const a = aanpak(state);
      const view = namenlijstView(members, a.participants[0]!, a);
      expect(view.entries).toEqual([]);
      expect(view.notice).toBeTruthy();
    }
  });

  it('a removed participant sees nothing', () => {
    const { a, members } = seeded('3');
    expect(namenlijstView(members, a.participants.find((p) => p.id === 'ex')!, a).entries).toEqual([]);
  });
});

describe('pendingInforming', () => {
  it('lists active members whose letter is still open after 14 days', () => {
    const { env, a, m1, m2 } = seeded();
    const informed = recordInforming(m2, { status: 'uitgesteld', reason: 'r' }, 'pr', env, a).member;
    const now = new Date(new Date(T0).getTime() + 14 * DAY);
    expect(pendingInforming([m1, informed], now)).toEqual([]);
    const later = new Date(now.getTime() + 1000);
    expect(pendingInforming([m1, informed], later).map((m) => m.id)).toEqual([m1.id]);
    expect(pendingInforming([{ ...m1, removedAt: T0 } as Member], later)).toEqual([]);
  });
});
