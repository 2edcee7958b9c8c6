import { describe, expect, it } from 'vitest';
import type { Aanpak, Action, Member, Participant, Round } from '../../src/workflow/types.js';
import { DEFAULT_CONVENANT, type ConvenantConfig } from '../../src/workflow/convenant.js';
import {
  convenantSchedule,
  diffSchedule,
  monitoringSchedule,
  type ScheduleInput,
  type ScheduledItem,
} from '../../src/workflow/schedule.js';
import { atLocalTime, isQuiet, localTime } from '../../src/workflow/time.js';
import { aanpakFixture } from '../helpers/fixtures.js';

// Simulated time only: every instant below is fixed; no test reads the real clock.
// The aanpak starts Monday 2 March 2026 10:00 CET.
const CREATED = atLocalTime('2026-03-02', '10:00');
const PLAN = atLocalTime('2026-04-15', '12:00'); // Wednesday
const NOW = atLocalTime('2026-03-05', '12:00');
const CONFIG: ConvenantConfig = { ...DEFAULT_CONVENANT, gemeente: 'Beesel' };

function participant(id: string, role: Participant['role'], organisation: Participant['organisation'], over: Partial<Participant> = {}): Participant {
  return { id, aadObjectId: `aad-${id}`, displayName: id, organisation, role, addedAt: CREATED, addedBy: 'p-rs', ...over };
}

function aanpak(over: Partial<Aanpak> = {}): Aanpak {
  return aanpakFixture(
    '6',
    [
      participant('p-rs', 'procesregisseur', 'gemeente'),
      participant('p-pol', 'partner', 'politie'),
      participant('p-jw', 'partner', 'jongerenwerk'),
      participant('p-school', 'incidenteel', 'school'),
    ],
    {
      name: 'Stationsplein',
      channelId: 'chan-1',
      transitions: [{ from: '5', to: '6', by: 'p-rs', at: PLAN, decisionText: 'Plan vastgesteld' }],
      planVastgesteldAt: PLAN,
      settings: { overlegCadenceWeeks: 6, retentionProfile: '2022', driehoekMemoDate: '2026-06-10' },
      ...over,
    },
    CREATED,
  );
}

function member(id: string, over: Partial<Member> = {}): Member {
  return {
    id,
    aanpakId: 'a1',
    naam: `Fictief Persoon ${id}`,
    bijnamen: ['Bijnaam'],
    positie: 'kern',
    bron: 'groepsscan',
    addedAt: atLocalTime('2026-04-20', '12:00'),
    addedBy: 'p-rs',
    informing: { status: 'open' },
    ...over,
  };
}

function action(id: string, over: Partial<Action> = {}): Action {
  return {
    id,
    aanpakId: 'a1',
    text: 'Huisbezoek bij Fictief Persoon',
    level: 'persoon',
    ownerOrganisation: 'politie',
    ownerParticipantId: 'p-pol',
    due: '2026-05-08', // Friday
    spoor: 'persoon_gezin',
    status: 'open',
    createdAt: CREATED,
    createdBy: 'p-rs',
    ...over,
  };
}

function round(id: string, over: Partial<Round> = {}): Round {
  return {
    id,
    aanpakId: 'a1',
    kind: 'circulair',
    step: '6',
    questions: [],
    invitees: ['p-pol', 'p-jw', 'p-school'],
    deadline: atLocalTime('2026-05-13', '17:00'), // Wednesday
    openedBy: 'p-rs',
    openedAt: atLocalTime('2026-05-04', '10:00'),
    status: 'open',
    answerByRole: false,
    rodeDraad: [],
    ...over,
  };
}

function input(over: Partial<ScheduleInput> = {}): ScheduleInput {
  return {
    aanpak: aanpak(),
    members: [member('m1')],
    actions: [action('act1')],
    rounds: [round('r1')],
    answersByRound: { r1: ['p-pol'] },
    config: CONFIG,
    now: NOW,
    ...over,
  };
}

function byKey(items: ScheduledItem[], key: string): ScheduledItem | undefined {
  return items.find((i) => i.key === key);
}

function only(items: ScheduledItem[], kind: ScheduledItem['kind']): ScheduledItem[] {
  return items.filter((i) => i.kind === kind);
}

describe('monitoring moments of an active aanpak', () => {
  it('T-01: the next jeugdgroepenoverleg is announced in the channel 3 days before, group-level only', () => {
    const items = monitoringSchedule(input());
    const overleg = byKey(items, 'overleg:a1');
    expect(overleg).toMatchObject({
      kind: 'overleg',
      audience: 'channel',
      level: 'groep',
      ruleId: 'T-01',
      dueAt: atLocalTime('2026-04-10', '10:00'), // Friday before Monday 13 April
      data: { overlegAt: atLocalTime('2026-04-13', '10:00'), cadenceWeeks: 6, openActions: 1, overdueActions: 0 },
    });
  });

  it('T-01: the cadence rolls on after an overleg, counts from the last overleg and follows the aanpak setting', () => {
    const after = monitoringSchedule(input({ now: atLocalTime('2026-04-13', '12:00') }));
    expect(byKey(after, 'overleg:a1')?.data.overlegAt).toBe(atLocalTime('2026-05-25', '10:00'));
    const fromLast = monitoringSchedule(input({ lastOverlegAt: atLocalTime('2026-03-19', '14:00') }));
    expect(byKey(fromLast, 'overleg:a1')?.data.overlegAt).toBe(atLocalTime('2026-04-30', '14:00'));
    const eight = monitoringSchedule(input({ aanpak: aanpak({ settings: { overlegCadenceWeeks: 8, retentionProfile: '2022' } }) }));
    expect(byKey(eight, 'overleg:a1')?.data.overlegAt).toBe(atLocalTime('2026-04-27', '10:00'));
  });

  it('T-01: an overleg at 10:00 stays at 10:00 local across the March and October 2026 DST changes', () => {
    const march = monitoringSchedule(input({ aanpak: aanpak({ createdAt: atLocalTime('2026-03-12', '10:00') }), now: atLocalTime('2026-03-12', '11:00') }));
    const m = byKey(march, 'overleg:a1');
    expect(m?.data.overlegAt).toBe('2026-04-23T08:00:00.000Z'); // 10:00 CEST
    expect(localTime(m?.dueAt as string)).toBe('10:00');
    const october = monitoringSchedule(input({ aanpak: aanpak({ createdAt: atLocalTime('2026-09-17', '10:00') }), now: atLocalTime('2026-09-17', '11:00') }));
    expect(byKey(october, 'overleg:a1')?.data.overlegAt).toBe('2026-10-29T09:00:00.000Z'); // 10:00 CET
    // The 3-day reminder for 29 October (Thursday) is Monday 26 October, 10:00 CET.
    expect(byKey(october, 'overleg:a1')?.dueAt).toBe('2026-10-26T09:00:00.000Z');
  });

  it('T-03: tussenevaluatie 6 months after the plan was vastgesteld, to the procesregisseur', () => {
    expect(byKey(monitoringSchedule(input()), 'tussenevaluatie:a1')).toMatchObject({
      dueAt: atLocalTime('2026-10-15', '09:00'),
      audience: 'procesregisseur',
      ruleId: 'T-03',
      data: { date: '2026-10-15' },
    });
    expect(byKey(monitoringSchedule(input({ aanpak: aanpak({ planVastgesteldAt: undefined }) })), 'tussenevaluatie:a1')).toBeUndefined();
  });

  it('T-04: the driehoek memo on its date; a Saturday date moves to Monday', () => {
    expect(byKey(monitoringSchedule(input()), 'driehoek-memo:a1')?.dueAt).toBe(atLocalTime('2026-06-10', '09:00'));
    const sat = aanpak({ settings: { overlegCadenceWeeks: 6, retentionProfile: '2022', driehoekMemoDate: '2026-06-13' } });
    expect(byKey(monitoringSchedule(input({ aanpak: sat })), 'driehoek-memo:a1')).toMatchObject({
      dueAt: atLocalTime('2026-06-15', '09:00'),
      ruleId: 'T-04',
    });
  });

  it('T-05: the 12-month closing target counts from the start of the aanpak', () => {
    expect(byKey(monitoringSchedule(input()), 'closing-target:a1')).toMatchObject({
      dueAt: atLocalTime('2027-03-02', '09:00'),
      audience: 'procesregisseur',
      ruleId: 'T-05',
    });
  });

  it('T-06: an evaluatiemoment prompt the next working day at 09:00 after a step transition', () => {
    expect(byKey(monitoringSchedule(input()), 'evaluatiemoment:a1:0')).toMatchObject({
      dueAt: atLocalTime('2026-04-16', '09:00'),
      audience: 'procesregisseur',
      ruleId: 'T-06',
      data: { from: '5', to: '6' },
    });
    // A transition on Friday is evaluated on Monday.
    const friday = aanpak({ transitions: [{ from: '6', to: '7', by: 'p-rs', at: atLocalTime('2026-05-08', '16:00'), decisionText: 'Afschalen' }], state: '7' });
    expect(only(monitoringSchedule(input({ aanpak: friday })), 'evaluatiemoment')[0]?.dueAt).toBe(atLocalTime('2026-05-11', '09:00'));
  });

  it('actions: a reminder to the owner 2 working days before, an escalation the day after the due date', () => {
    const items = monitoringSchedule(input());
    expect(byKey(items, 'action-due:act1')).toMatchObject({
      kind: 'action-reminder',
      dueAt: atLocalTime('2026-05-06', '09:00'),
      audience: { participantId: 'p-pol' },
      level: 'persoon',
      data: { actionId: 'act1', due: '2026-05-08' },
    });
    // Due Friday: the day after is Saturday, so the escalation goes out Monday.
    expect(byKey(items, 'action-overdue:act1')).toMatchObject({
      kind: 'action-escalation',
      dueAt: atLocalTime('2026-05-11', '09:00'),
      audience: 'procesregisseur',
    });
  });

  it('actions: only open actions with a due date; without an active owner the procesregisseur is reminded', () => {
    const items = monitoringSchedule(
      input({
        actions: [
          action('done', { status: 'gedaan' }),
          action('void', { status: 'vervallen' }),
          action('nodue', { due: undefined }),
          action('orphan', { ownerParticipantId: undefined, level: 'groep', due: '2026-05-11' }),
        ],
      }),
    );
    expect(items.filter((i) => i.kind.startsWith('action')).map((i) => i.key)).toEqual(['action-due:orphan', 'action-overdue:orphan']);
    expect(byKey(items, 'action-due:orphan')).toMatchObject({
      audience: 'procesregisseur',
      level: 'groep',
      dueAt: atLocalTime('2026-05-07', '09:00'), // Monday due → Thursday before
      data: { noOwner: true },
    });
  });

  it('rounds: nudges 1 day and 2 hours before to invitees who have not submitted; the who-has-answered card at the deadline', () => {
    const items = monitoringSchedule(input());
    const nudges1 = only(items, 'round-nudge-1d');
    const nudges2 = only(items, 'round-nudge-2h');
    expect(nudges1.map((i) => i.key).sort()).toEqual(['round-nudge-1d:r1:p-jw', 'round-nudge-1d:r1:p-school']);
    expect(nudges2.map((i) => i.audience)).toEqual(expect.arrayContaining([{ participantId: 'p-jw' }, { participantId: 'p-school' }]));
    expect(nudges1[0]?.dueAt).toBe(atLocalTime('2026-05-12', '17:00'));
    expect(nudges2[0]?.dueAt).toBe(atLocalTime('2026-05-13', '15:00'));
    expect(byKey(items, 'round-deadline:r1')).toMatchObject({
      dueAt: atLocalTime('2026-05-13', '17:00'),
      audience: 'procesregisseur',
      data: { invited: 3, answered: 1 },
    });
  });

  it('rounds: closed rounds, removed invitees and nudges before the round opened are left out', () => {
    const a = aanpak({
      participants: [...aanpak().participants.filter((p) => p.id !== 'p-school'), participant('p-school', 'incidenteel', 'school', { removedAt: NOW })],
    });
    const items = monitoringSchedule(
      input({
        aanpak: a,
        rounds: [
          round('r1'),
          round('closed', { status: 'gesloten' }),
          round('short', { openedAt: atLocalTime('2026-05-13', '10:00') }),
        ],
        answersByRound: { r1: ['p-pol'] },
      }),
    );
    expect(items.some((i) => i.key.includes('p-school'))).toBe(false);
    expect(items.some((i) => i.key.includes(':closed'))).toBe(false);
    expect(items.filter((i) => i.key.startsWith('round-nudge-1d:short'))).toEqual([]);
    expect(items.filter((i) => i.key.startsWith('round-nudge-2h:short')).length).toBe(2);
  });

  it('T-08/T-09: a member without uitgereikt/uitgesteld 2 weeks after being added → procesregisseur (R-2B-8)', () => {
    const items = monitoringSchedule(
      input({
        members: [
          member('m1'),
          member('m2', { informing: { status: 'uitgereikt', date: '2026-04-22', recordedBy: 'p-rs' } }),
          member('m3', { informing: { status: 'uitgesteld', reason: 'art. 9 lid 1', recordedBy: 'p-rs', at: NOW } }),
        ],
      }),
    );
    expect(only(items, 'informing-letter')).toEqual([
      {
        key: 'informing:m1',
        aanpakId: 'a1',
        kind: 'informing-letter',
        dueAt: atLocalTime('2026-05-04', '09:00'),
        audience: 'procesregisseur',
        level: 'persoon',
        ruleId: 'R-2B-8',
        data: { memberId: 'm1' },
      },
    ]);
  });

  it('T-18: an inzage request is tracked to its 4-week deadline until answered', () => {
    const req = { id: 'inz1', memberId: 'm1', receivedAt: atLocalTime('2026-05-04', '11:00') };
    const items = monitoringSchedule(input({ inzageRequests: [req, { ...req, id: 'done', answeredAt: NOW }] }));
    expect(byKey(items, 'inzage:inz1')).toMatchObject({
      kind: 'inzage-reminder',
      dueAt: atLocalTime('2026-05-25', '09:00'),
      level: 'persoon',
      ruleId: 'T-18',
      data: { deadline: atLocalTime('2026-06-01', '11:00') },
    });
    expect(byKey(items, 'inzage-deadline:inz1')?.dueAt).toBe(atLocalTime('2026-06-01', '09:00'));
    expect(items.some((i) => i.key.endsWith(':done'))).toBe(false);
  });

  it('T-19: the yearly convenant evaluation is convenant-wide and rolls to next year once passed', () => {
    expect(convenantSchedule(CONFIG, NOW)).toEqual([
      {
        key: 'convenant-evaluatie:Beesel:2027',
        aanpakId: null,
        kind: 'convenant-evaluatie',
        dueAt: atLocalTime('2027-01-15', '09:00'),
        audience: 'procesregisseur',
        level: 'groep',
        ruleId: 'T-19',
        data: { gemeente: 'Beesel', date: '2027-01-15' },
      },
    ]);
    expect(convenantSchedule(CONFIG, atLocalTime('2026-01-15', '18:00'))[0]?.key).toBe('convenant-evaluatie:Beesel:2026');
    // 15 August 2026 is a Saturday.
    expect(convenantSchedule({ ...CONFIG, yearlyEvaluationMonthDay: '08-15' }, NOW)[0]?.dueAt).toBe(atLocalTime('2026-08-17', '09:00'));
  });

  it('channel items are group-level and no item carries names or action texts', () => {
    const items = monitoringSchedule(input({ members: [member('m1'), member('m2', { removedAt: NOW })] }));
    for (const i of items.filter((x) => x.audience === 'channel')) expect(i.level).toBe('groep');
    const json = JSON.stringify(items);
    expect(json).not.toContain('Fictief');
    expect(json).not.toContain('Bijnaam');
    expect(json).not.toContain('Huisbezoek');
    expect(new Set(items.map((i) => i.key)).size).toBe(items.length);
  });
});

describe('quiet hours', () => {
  it('every message of a busy aanpak falls outside 20:00–08:00 and weekends', () => {
    const items = monitoringSchedule(
      input({
        aanpak: aanpak({ createdAt: atLocalTime('2026-03-07', '21:30') }), // a Saturday night start
        actions: [action('a', { due: '2026-05-04' }), action('b', { due: '2026-05-10' })],
        rounds: [round('late', { deadline: atLocalTime('2026-05-13', '22:00') }), round('sun', { deadline: atLocalTime('2026-05-17', '12:00') })],
        answersByRound: {},
      }),
    );
    const messages = items.filter((i) => !i.retention);
    expect(messages.length).toBeGreaterThan(10);
    for (const i of messages) expect([i.key, isQuiet(i.dueAt, CONFIG.quietHours)]).toEqual([i.key, false]);
  });

  it('an overleg reminder falling on a weekend moves to Monday 08:00', () => {
    // Created Tuesday 10:00 → overleg Tuesday 14 April; 3 days before is Saturday 11 April.
    const items = monitoringSchedule(input({ aanpak: aanpak({ createdAt: atLocalTime('2026-03-03', '10:00') }) }));
    expect(byKey(items, 'overleg:a1')?.dueAt).toBe(atLocalTime('2026-04-13', '08:00'));
  });

  it('a 2-hour nudge before a 09:00 Monday deadline moves forward to 08:00; the 1-day nudge moves back to Friday 19:00', () => {
    const items = monitoringSchedule(input({ rounds: [round('r1', { deadline: atLocalTime('2026-05-11', '09:00') })] }));
    expect(byKey(items, 'round-nudge-2h:r1:p-jw')?.dueAt).toBe(atLocalTime('2026-05-11', '08:00'));
    expect(byKey(items, 'round-nudge-1d:r1:p-jw')?.dueAt).toBe(atLocalTime('2026-05-08', '19:00'));
  });

  it('nudges never move past the deadline: a 22:00 deadline gets its 2-hour nudge at 19:00', () => {
    const items = monitoringSchedule(input({ rounds: [round('r1', { deadline: atLocalTime('2026-05-13', '22:00') })] }));
    expect(byKey(items, 'round-nudge-2h:r1:p-jw')?.dueAt).toBe(atLocalTime('2026-05-13', '19:00'));
    expect(byKey(items, 'round-nudge-1d:r1:p-jw')?.dueAt).toBe(atLocalTime('2026-05-13', '08:00'));
    // The who-has-answered card is informational and waits for the morning.
    expect(byKey(items, 'round-deadline:r1')?.dueAt).toBe(atLocalTime('2026-05-14', '08:00'));
  });

  it('a 1-day nudge that would coincide with the 2-hour nudge is dropped', () => {
    // Deadline Monday 08:00: both nudges would land on Friday 19:00.
    const items = monitoringSchedule(input({ rounds: [round('r1', { deadline: atLocalTime('2026-05-11', '08:00') })] }));
    expect(byKey(items, 'round-nudge-2h:r1:p-jw')?.dueAt).toBe(atLocalTime('2026-05-08', '19:00'));
    expect(byKey(items, 'round-nudge-1d:r1:p-jw')).toBeUndefined();
  });
});

describe('retention in the schedule', () => {
  const closedAt = atLocalTime('2026-06-05', '21:15'); // Friday evening
  const closed = aanpak({
    state: 'gesloten',
    lastStep: '7',
    closedAt,
    transitions: [{ from: '7', to: 'gesloten', by: 'p-rs', at: closedAt, decisionText: 'Doelen bereikt' }],
  });

  it('R-7-1: a gesloten aanpak keeps only retention items; executions are not moved by quiet hours', () => {
    const items = monitoringSchedule(input({ aanpak: closed }));
    expect(items.map((i) => i.key)).toEqual([
      'retention-inactief:a1',
      'destroy-announcement:a1',
      'retention-destroy-aanpak:a1',
    ]);
    expect(items[0]).toMatchObject({ dueAt: closedAt, ruleId: 'R-7-1', retention: { kind: 'inactief' } });
  });

  it('R-7-3: 2022 destroys (archive first) a year after closing, announced to the procesregisseur 2 weeks before', () => {
    const items = monitoringSchedule(input({ aanpak: closed }));
    expect(byKey(items, 'retention-destroy-aanpak:a1')).toMatchObject({
      dueAt: atLocalTime('2027-06-05', '21:15'),
      ruleId: 'R-7-3',
      data: { archiveFirst: true },
      retention: { kind: 'destroy_aanpak', archiveFirst: true },
    });
    // 22 May 2027 21:15 is a Saturday evening → Monday 24 May 08:00.
    expect(byKey(items, 'destroy-announcement:a1')).toMatchObject({
      audience: 'procesregisseur',
      dueAt: atLocalTime('2027-05-24', '08:00'),
      data: { destroyAt: atLocalTime('2027-06-05', '21:15') },
    });
  });

  it('R-X-72: Beesel schedules the destroy 2 years after closing', () => {
    const beesel = { ...closed, settings: { ...closed.settings, retentionProfile: 'beesel' as const } };
    const items = monitoringSchedule(input({ aanpak: beesel }));
    expect(byKey(items, 'retention-destroy-aanpak:a1')).toMatchObject({ dueAt: atLocalTime('2028-06-05', '21:15'), ruleId: 'R-X-72' });
  });

  it('R-X-73: an exit without aanpak schedules the destroy 4 weeks after the decision', () => {
    const exit = { ...closed, exit: { kind: 'geen_problematische_jeugdgroep' as const, retention: 'geen_aanpak' as const, at: closedAt, by: 'p-rs' }, planVastgesteldAt: undefined };
    const items = monitoringSchedule(input({ aanpak: exit }));
    expect(byKey(items, 'retention-destroy-aanpak:a1')).toMatchObject({ dueAt: atLocalTime('2026-07-03', '21:15'), ruleId: 'R-X-73' });
  });

  it('R-7-4: a removed member in an active aanpak gets a destroy and its announcement', () => {
    const items = monitoringSchedule(input({ members: [member('m1', { removedAt: atLocalTime('2026-05-06', '10:00') })] }));
    expect(byKey(items, 'retention-destroy-member:a1:m1')).toMatchObject({
      dueAt: atLocalTime('2027-05-06', '10:00'),
      level: 'persoon',
      ruleId: 'R-7-4',
      retention: { kind: 'destroy_member', memberId: 'm1' },
    });
    expect(byKey(items, 'destroy-announcement:a1:m1')?.dueAt).toBe(atLocalTime('2027-04-22', '10:00'));
  });

  it('T-18: inzage requests keep running for a closed dossier; a vernietigd aanpak has no items at all', () => {
    const req = { id: 'inz1', memberId: 'm1', receivedAt: atLocalTime('2026-06-08', '11:00') };
    expect(byKey(monitoringSchedule(input({ aanpak: closed, inzageRequests: [req] })), 'inzage:inz1')).toBeDefined();
    expect(monitoringSchedule(input({ aanpak: { ...closed, state: 'vernietigd' }, inzageRequests: [req] }))).toEqual([]);
  });
});

describe('diffSchedule: changes reschedule or cancel what they affect', () => {
  const before = monitoringSchedule(input());

  it('the same aanpak gives an empty diff', () => {
    expect(diffSchedule(before, monitoringSchedule(input()))).toEqual({ toSchedule: [], toCancel: [] });
  });

  it('an action done cancels its reminder and escalation and updates the overleg count', () => {
    const after = monitoringSchedule(input({ actions: [action('act1', { status: 'gedaan', doneAt: NOW })] }));
    const diff = diffSchedule(before, after);
    expect(diff.toCancel.sort()).toEqual(['action-due:act1', 'action-overdue:act1']);
    expect(diff.toSchedule.map((i) => i.key)).toEqual(['overleg:a1']);
    expect(diff.toSchedule[0]?.data.openActions).toBe(0);
  });

  it('a member removed cancels the informing reminder and schedules the member destroy', () => {
    const after = monitoringSchedule(input({ members: [member('m1', { removedAt: atLocalTime('2026-04-28', '10:00') })] }));
    const diff = diffSchedule(before, after);
    expect(diff.toCancel).toEqual(['informing:m1']);
    expect(diff.toSchedule.map((i) => i.key).sort()).toEqual(['destroy-announcement:a1:m1', 'retention-destroy-member:a1:m1']);
  });

  it('an answer submitted cancels that invitee’s nudges only', () => {
    const diff = diffSchedule(before, monitoringSchedule(input({ answersByRound: { r1: ['p-pol', 'p-jw'] } })));
    expect(diff.toCancel.sort()).toEqual(['round-nudge-1d:r1:p-jw', 'round-nudge-2h:r1:p-jw']);
    expect(diff.toSchedule.map((i) => i.key)).toEqual(['round-deadline:r1']);
  });

  it('a new step replaces the evaluatiemoment; a bijgesteld plan moves the tussenevaluatie', () => {
    const moved = aanpak({
      state: '7',
      planVastgesteldAt: atLocalTime('2026-05-20', '12:00'),
      transitions: [...aanpak().transitions, { from: '6', to: '7', by: 'p-rs', at: atLocalTime('2026-05-20', '12:00'), decisionText: 'Afschalen' }],
    });
    const diff = diffSchedule(before, monitoringSchedule(input({ aanpak: moved })));
    expect(diff.toCancel).toEqual(['evaluatiemoment:a1:0']);
    const keys = diff.toSchedule.map((i) => i.key);
    expect(keys).toEqual(expect.arrayContaining(['evaluatiemoment:a1:1', 'tussenevaluatie:a1']));
    expect(byKey(diff.toSchedule, 'tussenevaluatie:a1')?.dueAt).toBe(atLocalTime('2026-11-20', '09:00'));
  });

  it('closing the aanpak cancels every monitoring moment and schedules retention', () => {
    const closedAt = atLocalTime('2026-06-04', '15:00');
    const closedAanpak = aanpak({ state: 'gesloten', closedAt, lastStep: '7' });
    const diff = diffSchedule(before, monitoringSchedule(input({ aanpak: closedAanpak })));
    expect(diff.toCancel.sort()).toEqual(before.map((i) => i.key).sort());
    expect(diff.toSchedule.map((i) => i.kind)).toEqual(['retention-inactief', 'destroy-announcement', 'retention-destroy-aanpak']);
  });
});
