// A small aanpak with a namenlijst, actions and participants for the plan and export tests.
import { addParticipant, createAanpak, recordGeheimhouding } from '../../src/workflow/aanpak.js';
import { createAction } from '../../src/workflow/actions.js';
import { addMember } from '../../src/workflow/namenlijst.js';
import { createScreener } from '../../src/workflow/screening.js';
import type { Aanpak, Action, AuditEvent, Env, Member, StepId } from '../../src/workflow/types.js';
import { testEnv } from '../helpers/env.js';

export interface Fixture {
  env: ReturnType<typeof testEnv>;
  aanpak: Aanpak;
  members: Member[];
  actions: Action[];
  events: AuditEvent[];
  regisseur: string;
  politie: string;
  om: string;
  jongerenwerk: string;
  leerplicht: string;
}

/** Personal data that must never reach the driehoek, in every form the tests search for. */
export const SECRET_MEMBERS = [
  { naam: 'Jan-Willem de Vries', bijnamen: ['Snelle Jelle'], geboortedatum: '2010-04-17', adres: 'Kerkstraat 12', woonplaats: 'Zeewolde', positie: 'kern' as const },
  { naam: 'Mohammed Yilmaz', bijnamen: ['Momo'], geboortedatum: '2009-11-02', adres: 'Dorpsweg 3a', woonplaats: 'Zeewolde', positie: 'kern' as const },
  { naam: 'Dani Koster', bijnamen: [], geboortedatum: '2011-01-30', adres: 'Stationslaan 40', woonplaats: 'Harderwijk', positie: 'schil' as const },
];

export function buildFixture(state: StepId = '4', start = '2026-03-02T09:00:00.000Z'): Fixture {
  const env = testEnv(start);
  const events: AuditEvent[] = [];
  let { aanpak } = createAanpak(
    { name: 'Stationsplein', gemeente: 'Zeewolde', channelId: '19:channel@thread.tacv2', by: { aadObjectId: 'aad-regie', displayName: 'Rita Regie' } },
    env,
  );
  const regisseur = aanpak.participants[0]!.id;
  const add = (aad: string, displayName: string, organisation: Parameters<typeof addParticipant>[1]['organisation'], role: 'partner' | 'incidenteel') => {
    const r = addParticipant(aanpak, { aadObjectId: aad, displayName, organisation, role, by: regisseur }, env);
    aanpak = r.aanpak;
    return aanpak.participants.at(-1)!.id;
  };
  const politie = add('aad-politie', 'Piet Politie', 'politie', 'partner');
  const om = add('aad-om', 'Olga OM', 'om', 'partner');
  const jongerenwerk = add('aad-jw', 'Joris Jongerenwerk', 'jongerenwerk', 'partner');
  const leerplicht = add('aad-lp', 'Lotte Leerplicht', 'leerplicht', 'incidenteel');
  aanpak = recordGeheimhouding(aanpak, { participantId: leerplicht, date: '2026-03-01', by: regisseur }, env).aanpak;
  aanpak = { ...aanpak, state: '2B' };
  const members: Member[] = [];
  for (const m of SECRET_MEMBERS) {
    const r = addMember(aanpak, members, { ...m, bron: 'groepsscan', by: regisseur }, env);
    members.push(r.member);
    events.push(...r.events);
  }
  aanpak = { ...aanpak, state };
  const actions: Action[] = [];
  const mk = (text: string, spoor: Action['spoor'], ownerOrganisation: Action['ownerOrganisation'], level: Action['level'] = 'groep') => {
    const r = createAction(aanpak, { text, spoor, ownerOrganisation, level, due: '2026-05-01', by: regisseur }, createScreener(members), env);
    actions.push(r.action);
  };
  mk('Extra toezicht op het Stationsplein in de avonduren', 'gebied', 'politie');
  mk('Ouderavond organiseren met jongerenwerk', 'groep_netwerk', 'gemeente');
  mk('Monitoren openbare sociale media van de groep', 'online', 'politie');
  mk('Jan-Willem aanmelden bij het Zorg- en Veiligheidshuis', 'persoon_gezin', 'gemeente', 'persoon');
  return { env, aanpak, members, actions, events, regisseur, politie, om, jongerenwerk, leerplicht };
}

export function advance(env: Env & { set(iso: string): void }, iso: string): void {
  env.set(iso);
}
