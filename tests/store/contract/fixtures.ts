// Domain fixtures for the store tests. The names are fictional and distinctive so that the raw
// files can be searched for them.
import type { Aanpak, Action, Answer, Member, Participant, PlanVersion, Round } from '../../../src/workflow/types.js';

export const KNOWN_NAME = 'Xylander Quibbelsma';
export const KNOWN_NICK = 'Zwarte Quokka';
export const KNOWN_ANSWER = 'Ziet Xylander vaak bij het Quibbelplein';

export function participant(id: string, aad: string, extra: Partial<Participant> = {}): Participant {
  return {
    id,
    aadObjectId: aad,
    displayName: `Deelnemer ${id}`,
    organisation: 'politie',
    role: 'partner',
    addedAt: '2025-01-01T09:00:00.000Z',
    addedBy: 'p-regisseur',
    ...extra,
  };
}

export function aanpak(id: string, extra: Partial<Aanpak> = {}): Aanpak {
  return {
    id,
    name: `Groep ${id}`,
    gemeente: 'Beesel',
    channelId: `19:channel-${id}@thread.tacv2`,
    state: '1',
    version: 1,
    createdAt: '2025-01-01T09:00:00.000Z',
    createdBy: 'p-regisseur',
    participants: [
      participant('p-regisseur', 'aad-regisseur', { organisation: 'gemeente', role: 'procesregisseur' }),
      participant('p-politie', 'aad-politie'),
    ],
    checklist: { 'S1.item-1': { itemId: 'S1.item-1', done: true, by: 'p-regisseur', at: '2025-01-02T09:00:00.000Z' } },
    decisions: {},
    transitions: [],
    reopenings: [],
    legalBases: [],
    bijzonderBases: [],
    weighings: [
      {
        id: 'w1',
        participantId: 'p-jw',
        subjectRef: 'round-1',
        doelmatigheid: `Delen over ${KNOWN_NAME} helpt de aanpak`,
        subsidiariteit: 'geen lichter middel',
        proportionaliteit: 'alleen het nodige',
        recordedAt: '2025-01-03T09:00:00.000Z',
      },
    ],
    pgaConsents: [],
    settings: { overlegCadenceWeeks: 4, retentionProfile: 'beesel' },
    ...extra,
  };
}

export function round(id: string, aanpakId: string, extra: Partial<Round> = {}): Round {
  return {
    id,
    aanpakId,
    kind: 'circulair',
    step: '1',
    questions: [
      { id: 'CV-1', text: 'Wat valt op?', level: 'groep', answerType: 'open' },
      { id: 'CV-2', text: 'Hoe sterk?', level: 'groep', answerType: 'scale' },
    ],
    invitees: ['p-regisseur', 'p-politie'],
    deadline: '2025-01-10T17:00:00.000Z',
    openedBy: 'p-regisseur',
    openedAt: '2025-01-03T09:00:00.000Z',
    status: 'open',
    answerByRole: true,
    rodeDraad: [{ questionId: 'CV-1', text: `Rode draad over ${KNOWN_NICK}`, level: 'persoon', by: 'p-regisseur', at: '2025-01-11T09:00:00.000Z' }],
    ...extra,
  };
}

export function answer(roundId: string, aanpakId: string, participantId: string, extra: Partial<Answer> = {}): Answer {
  return {
    roundId,
    aanpakId,
    participantId,
    organisation: 'politie',
    status: 'submitted',
    items: [
      { questionId: 'CV-1', text: KNOWN_ANSWER, toelichting: `toelichting ${KNOWN_NICK}`, declaredLevel: 'persoon' },
      { questionId: 'CV-2', scale: '3' },
    ],
    updatedAt: '2025-01-05T09:00:00.000Z',
    submittedAt: '2025-01-05T09:00:00.000Z',
    ...extra,
  };
}

export function member(id: string, aanpakId: string, extra: Partial<Member> = {}): Member {
  return {
    id,
    aanpakId,
    naam: KNOWN_NAME,
    bijnamen: [KNOWN_NICK],
    geboortedatum: '2009-04-01',
    adres: 'Quibbelstraat 12',
    woonplaats: 'Reuver',
    positie: 'kern',
    bron: 'groepsscan',
    addedAt: '2025-01-04T09:00:00.000Z',
    addedBy: 'p-regisseur',
    informing: { status: 'open' },
    ...extra,
  };
}

export function action(id: string, aanpakId: string, extra: Partial<Action> = {}): Action {
  return {
    id,
    aanpakId,
    text: `Huisbezoek bij ${KNOWN_NAME}`,
    level: 'persoon',
    ownerOrganisation: 'gemeente',
    spoor: 'persoon_gezin',
    status: 'open',
    createdAt: '2025-01-06T09:00:00.000Z',
    createdBy: 'p-regisseur',
    ...extra,
  };
}

export function plan(id: string, aanpakId: string, number: number, extra: Partial<PlanVersion> = {}): PlanVersion {
  return {
    id,
    aanpakId,
    number,
    status: 'concept',
    sections: { personen: [{ memberId: 'm1', doel: `${KNOWN_NAME} naar school` }], groep: 'minder overlast' },
    by: 'p-regisseur',
    at: '2025-01-07T09:00:00.000Z',
    ...extra,
  };
}
