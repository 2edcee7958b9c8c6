// Shared domain fixtures for unit tests: a participant and an aanpak with empty collections.
import type { Aanpak, AanpakState, Participant } from '../../src/workflow/types.js';

export const FIXTURE_T0 = '2026-03-02T09:00:00.000Z';

export function participantFixture(
  id: string,
  role: Participant['role'],
  organisation: Participant['organisation'],
  extra: Partial<Participant> = {},
  at = FIXTURE_T0,
): Participant {
  return { id, aadObjectId: `aad-${id}`, displayName: `Naam ${id}`, organisation, role, addedAt: at, addedBy: 'pr', ...extra };
}

/** An aanpak "Groep Centrum" (id a1) in the given state with the given participants. */
export function aanpakFixture(state: AanpakState, participants: Participant[], extra: Partial<Aanpak> = {}, at = FIXTURE_T0): Aanpak {
  return {
    id: 'a1',
    name: 'Groep Centrum',
    gemeente: 'Beesel',
    channelId: 'c1',
    state,
    version: 1,
    createdAt: at,
    createdBy: participants[0]?.id ?? 'pr',
    participants,
    checklist: {},
    decisions: {},
    transitions: [],
    reopenings: [],
    legalBases: [],
    bijzonderBases: [],
    weighings: [],
    pgaConsents: [],
    settings: { overlegCadenceWeeks: 6, retentionProfile: '2022' },
    ...extra,
  };
}
