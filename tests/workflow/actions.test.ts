import { describe, expect, it } from 'vitest';
import { actionsFor, createAction, overdueActions, updateActionStatus, type CreateActionCommand } from '../../src/workflow/actions.js';
import { createScreener } from '../../src/workflow/screening.js';
import { DomainError, type Aanpak, type AanpakState, type Action, type Member } from '../../src/workflow/types.js';
import { DAY, testEnv } from '../helpers/env.js';
import { aanpakFixture, participantFixture } from '../helpers/fixtures.js';

const T0 = '2026-03-02T09:00:00.000Z';


function aanpak(state: AanpakState = '5'): Aanpak {
  return aanpakFixture(
    state,
    [
      participantFixture('pr', 'procesregisseur', 'gemeente'),
      participantFixture('wa', 'partner', 'politie'),
      participantFixture('wa2', 'partner', 'politie'),
      participantFixture('jw', 'partner', 'jongerenwerk'),
      participantFixture('gone', 'partner', 'politie', { removedAt: T0 }),
    ],
    {},
    T0,
  );
}

const member: Member = {
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
const screener = createScreener([member]);

const cmd: CreateActionCommand = {
  text: 'Extra toezicht bij het winkelcentrum op vrijdagavond',
  ownerOrganisation: 'politie',
  ownerParticipantId: 'wa',
  due: '2026-04-01',
  spoor: 'gebied',
  by: 'pr',
};

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
  throw new Error('expected a DomainError');
}

describe('createAction', () => {
  it('creates an open group-level action with a content-free event', () => {
    const { action, events } = createAction(aanpak(), cmd, screener, testEnv(T0));
    expect(action).toMatchObject({ aanpakId: 'a1', status: 'open', level: 'groep', ownerOrganisation: 'politie', ownerParticipantId: 'wa', due: '2026-04-01', spoor: 'gebied', createdBy: 'pr' });
    expect(events).toHaveLength(1);
    expect(events[0]!.type).toBe('action.created');
    expect(JSON.stringify(events)).not.toContain('toezicht');
  });

  it('level is the highest of declared and screened: a name raises it, a declaration cannot lower it', () => {
    const env = testEnv(T0);
    const named = createAction(aanpak(), { ...cmd, text: 'Gesprek met Jan de Vries en ouders', spoor: 'persoon_gezin', level: 'groep' }, screener, env);
    expect(named.action.level).toBe('persoon');
    const declared = createAction(aanpak(), { ...cmd, level: 'opsporing' }, screener, env);
    expect(declared.action.level).toBe('opsporing');
  });

  it('only the procesregisseur or vervanger creates actions', () => {
    expect(codeOf(() => createAction(aanpak(), { ...cmd, by: 'wa' }, screener, testEnv(T0)))).toBe('not_regisseur');
  });

  it('validates owner, due date, spoor and text', () => {
    const env = testEnv(T0);
    const a = aanpak();
    expect(codeOf(() => createAction(a, { ...cmd, ownerParticipantId: 'jw' }, screener, env))).toBe('owner_wrong_organisation');
    expect(codeOf(() => createAction(a, { ...cmd, ownerParticipantId: 'gone' }, screener, env))).toBe('owner_unknown');
    expect(codeOf(() => createAction(a, { ...cmd, ownerParticipantId: 'nobody' }, screener, env))).toBe('owner_unknown');
    expect(codeOf(() => createAction(a, { ...cmd, ownerOrganisation: 'nasa' as never }, screener, env))).toBe('invalid_owner');
    expect(codeOf(() => createAction(a, { ...cmd, due: '2026-02-30' }, screener, env))).toBe('invalid_due');
    expect(codeOf(() => createAction(a, { ...cmd, due: '1-4-2026' }, screener, env))).toBe('invalid_due');
    expect(codeOf(() => createAction(a, { ...cmd, due: '2026-03-01' }, screener, env))).toBe('due_in_past');
    expect(createAction(a, { ...cmd, due: '2026-03-02' }, screener, env).action.due).toBe('2026-03-02');
    expect(codeOf(() => createAction(a, { ...cmd, spoor: 'lucht' as never }, screener, env))).toBe('invalid_spoor');
    expect(codeOf(() => createAction(a, { ...cmd, text: ' ' }, screener, env))).toBe('text_required');
    expect(codeOf(() => createAction(a, { ...cmd, text: 'x'.repeat(2001) }, screener, env))).toBe('field_too_long');
    expect(codeOf(() => createAction(aanpak('gesloten'), cmd, screener, env))).toBe('aanpak_not_active');
  });
});

describe('updateActionStatus', () => {
  function created(extra: Partial<CreateActionCommand> = {}): Action {
    return createAction(aanpak(), { ...cmd, ...extra }, screener, testEnv(T0)).action;
  }

  it('the named owner ticks it as gedaan with a result; reopening clears doneAt', () => {
    const env = testEnv(T0);
    env.advance(DAY);
    const done = updateActionStatus(created(), { status: 'gedaan', result: 'Drie avonden gelopen', by: 'wa' }, aanpak(), env);
    expect(done.action).toMatchObject({ status: 'gedaan', result: 'Drie avonden gelopen', doneAt: '2026-03-03T09:00:00.000Z' });
    expect(done.events[0]).toMatchObject({ type: 'action.status_changed', data: { from: 'open', to: 'gedaan' } });
    expect(JSON.stringify(done.events)).not.toContain('avonden');
    const reopened = updateActionStatus(done.action, { status: 'open', by: 'pr' }, aanpak(), env);
    expect(reopened.action.status).toBe('open');
    expect(reopened.action.doneAt).toBeUndefined();
  });

  it('only the owner or the procesregisseur: a colleague of a named owner may not', () => {
    const a = aanpak();
    const env = testEnv(T0);
    expect(codeOf(() => updateActionStatus(created(), { status: 'gedaan', by: 'wa2' }, a, env))).toBe('not_owner');
    expect(codeOf(() => updateActionStatus(created(), { status: 'gedaan', by: 'jw' }, a, env))).toBe('not_owner');
    expect(updateActionStatus(created(), { status: 'vervallen', by: 'pr' }, a, env).action.status).toBe('vervallen');
    // Without a named person, anyone of the owner organisation is the owner.
    const orgOwned = created({ ownerParticipantId: undefined });
    expect(updateActionStatus(orgOwned, { status: 'gedaan', by: 'wa2' }, a, env).action.status).toBe('gedaan');
    expect(codeOf(() => updateActionStatus(created(), { status: 'klaar' as never, by: 'wa' }, a, env))).toBe('invalid_status');
  });

  it('a result naming a member raises the level when a screener is given', () => {
    const out = updateActionStatus(created(), { status: 'gedaan', result: 'Jantje was er niet', by: 'wa' }, aanpak(), testEnv(T0), screener);
    expect(out.action.level).toBe('persoon');
  });
});

describe('overdueActions and actionsFor', () => {
  const base = createAction(aanpak(), cmd, screener, testEnv(T0)).action;
  const list: Action[] = [
    { ...base, id: 'x1', due: '2026-03-10' },
    { ...base, id: 'x2', due: '2026-03-05' },
    { ...base, id: 'x3', due: '2026-03-11' },
    { ...base, id: 'x4', due: '2026-03-01', status: 'gedaan' },
    { ...base, id: 'x5', due: undefined },
    { ...base, id: 'x6', ownerParticipantId: undefined, due: '2026-03-20' },
    { ...base, id: 'x7', ownerOrganisation: 'jongerenwerk', ownerParticipantId: 'jw', due: '2026-03-02' },
  ];

  it('overdue: open actions with a due date before today, earliest first', () => {
    expect(overdueActions(list, '2026-03-11').map((a) => a.id)).toEqual(['x7', 'x2', 'x1']);
    expect(overdueActions(list, '2026-03-02')).toEqual([]);
  });

  it('actionsFor: own named actions plus unnamed ones of the organisation; open only unless asked', () => {
    const wa = aanpak().participants.find((p) => p.id === 'wa')!;
    const wa2 = aanpak().participants.find((p) => p.id === 'wa2')!;
    expect(actionsFor(list, wa).map((a) => a.id)).toEqual(['x2', 'x1', 'x3', 'x6', 'x5']);
    expect(actionsFor(list, wa, { includeClosed: true }).map((a) => a.id)).toContain('x4');
    expect(actionsFor(list, wa2).map((a) => a.id)).toEqual(['x6']);
  });
});
