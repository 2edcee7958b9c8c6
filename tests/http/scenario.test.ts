// HTTP-level scenario: real Bot Framework activities POSTed to /api/messages of the real server
// (local mode), a fake connector as serviceUrl recording everything the bot sends. Three users:
// procesregisseur (Priya), wijkagent (Willem, politie), school (Sanne, incidentele deelnemer).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY } from '../helpers/env.js';
import {
  CHANNEL_ID,
  USERS,
  actionData,
  cardText,
  cardsTo,
  inputIds,
  lastCardWith,
  personalId,
  startHarness,
  type Card,
  type Harness,
  type User, setRoster
} from './harness.js';

const PHONE = '06-12345678';
const KEVIN = 'Kevin de Vries';

let h: Harness;

function roster(users: User[]) {
  setRoster(h, users);
}

async function ok(res: Promise<Response>): Promise<void> {
  const r = await res;
  expect(r.status).toBe(200);
}

/** Index of the next recorded activity: read only what a step caused. */
const mark = () => h.connector.sent.length;

async function aanpakNow() {
  const [a] = await h.composed.store.listAanpakkenByChannel(CHANNEL_ID);
  if (!a) throw new Error('no aanpak in the channel');
  return a;
}

/** Answers every open question of the user's latest round card; `first` goes to question 1. */
async function answerRound(user: User, first: string, rest: string, from: number) {
  const card = lastCardWith(h.connector, personalId(user), 'round.submit', from);
  expect(card, `${user.name} got no round card`).toBeDefined();
  const data = actionData(card, 'round.submit')!;
  const answers = inputIds(card).filter((id) => id.startsWith('answer.'));
  expect(answers.length).toBeGreaterThan(0);
  const values = Object.fromEntries(answers.map((id, n) => [id, n === 0 ? first : rest]));
  const res = await h.invoke(user, 'round.submit', { ...data, ...values }, 'personal');
  expect(res.status).toBe(200);
  expect(cardText(res.card)).toContain('verstuurd');
  return res;
}

/** Opens a round in the channel, lets both partners answer, closes it; returns the channel cards it caused. */
async function runRound(wijkagentFirst: string, schoolFirst: string) {
  const opened = mark();
  await ok(h.say(USERS.regie, 'rondvraag', 'channel'));
  // Invitations go to the invitees' 1:1 chats through their stored conversation references.
  expect(lastCardWith(h.connector, personalId(USERS.wijkagent), 'round.submit', opened)).toBeDefined();
  expect(lastCardWith(h.connector, personalId(USERS.school), 'round.submit', opened)).toBeDefined();
  expect(h.connector.created, 'no new 1:1 conversation was needed').toHaveLength(0);
  const progress = lastCardWith(h.connector, CHANNEL_ID, 'round.close', opened);
  expect(progress, 'the regie gets the who-answered card with a close button').toBeDefined();

  await answerRound(USERS.wijkagent, wijkagentFirst, 'Vooral op vrijdagavond rond het station.', opened);
  await answerRound(USERS.school, schoolFirst, 'Geen bijzonderheden vanuit school.', opened);

  h.clock.advance(DAY);
  const closing = mark();
  const closed = await h.invoke(USERS.regie, 'round.close', actionData(progress, 'round.close')!, 'channel');
  expect(closed.status).toBe(200);
  const flipovers = cardsTo(h.connector, CHANNEL_ID, closing).filter((c) => cardText(c).startsWith('Flipover'));
  expect(flipovers.length).toBeGreaterThan(0);
  return { flipovers, closed };
}

async function transitionTo(to: string, fields: Record<string, string>) {
  const from = mark();
  await ok(h.say(USERS.regie, 'stap', 'channel'));
  const card = lastCardWith(h.connector, CHANNEL_ID, 'transition.apply', from);
  expect(card, 'stap answers with the transition card').toBeDefined();
  expect(JSON.stringify(card)).toContain(`"value":"${to}"`);
  const applied = mark();
  const res = await h.invoke(USERS.regie, 'transition.apply', { ...actionData(card, 'transition.apply'), to, ...fields }, 'channel');
  expect(res.status).toBe(200);
  expect((await aanpakNow()).state).toBe(to);
  // The new step card goes to the channel.
  expect(cardsTo(h.connector, CHANNEL_ID, applied).map(cardText).join('\n')).toContain(`Stap ${to}`);
  return res;
}

describe('HTTP scenario: nieuwe aanpak → circulair vragen in stap 1 → stap 2B', () => {
  beforeAll(async () => {
    h = await startHarness();
    roster([USERS.regie, USERS.wijkagent, USERS.school]);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('creates the aanpak in the channel with an @mention and posts the step card of step 1', async () => {
    const from = mark();
    await ok(h.say(USERS.regie, 'nieuwe aanpak Stationsplein', 'channel'));
    const cards = cardsTo(h.connector, CHANNEL_ID, from);
    expect(cards).toHaveLength(1);
    expect(cardText(cards[0])).toContain('Stationsplein');
    expect(cardText(cards[0])).toContain('groepsniveau');
    expect(await aanpakNow()).toMatchObject({ name: 'Stationsplein', state: '1' });
  });

  it('adds the wijkagent and the school (with geheimhouding) through the deelnemers card and the team roster', async () => {
    const from = mark();
    await ok(h.say(USERS.regie, 'deelnemers', 'channel'));
    let card: Card | undefined = lastCardWith(h.connector, CHANNEL_ID, 'participant.add', from);
    expect(card, 'the regie sees the add form').toBeDefined();

    const willem = await h.invoke(
      USERS.regie,
      'participant.add',
      { ...actionData(card, 'participant.add'), naam: '', aad: USERS.wijkagent.email, organisation: 'politie', role: 'partner', functie: 'wijkagent' },
      'channel',
    );
    expect(willem.status).toBe(200);
    expect(willem.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    expect(cardText(willem.card)).toContain('Willem Wijkagent');

    // The replacement card carries a fresh nonce: the next add uses it, like in Teams.
    card = willem.card;
    const sanne = await h.invoke(
      USERS.regie,
      'participant.add',
      { ...actionData(card, 'participant.add'), naam: '', aad: USERS.school.name, organisation: 'school', role: 'incidenteel', geheimhouding: '2026-03-01' },
      'channel',
    );
    expect(sanne.status).toBe(200);
    expect(cardText(sanne.card)).toContain('Sanne School');

    const aanpak = await aanpakNow();
    const byAad = (u: User) => aanpak.participants.find((p) => p.aadObjectId === u.aadObjectId);
    expect(byAad(USERS.wijkagent)).toMatchObject({ organisation: 'politie', role: 'partner', displayName: 'Willem Wijkagent' });
    expect(byAad(USERS.school)).toMatchObject({ organisation: 'school', role: 'incidenteel', geheimhouding: { date: '2026-03-01' } });
  });

  it('every user says hello in their 1:1 chat once, so the bot can reach them later', async () => {
    for (const u of [USERS.regie, USERS.wijkagent, USERS.school]) {
      const from = mark();
      await ok(h.say(u, 'help', 'personal'));
      expect(cardText(cardsTo(h.connector, personalId(u), from)[0])).toContain('help');
      expect(await h.composed.store.getConversationRef(u.aadObjectId)).toBeDefined();
    }
  });

  it('R-1-1: in step 1 a partner answer with a phone number is held back from the flipover in the channel', async () => {
    const { flipovers } = await runRound(`Groep van ongeveer tien jongeren bij het station; bel ${PHONE} voor meer.`, 'Leerlingen melden intimidatie bij de fietsenstalling.');
    const channel = JSON.stringify(cardsTo(h.connector, CHANNEL_ID));
    expect(channel).not.toContain(PHONE);
    expect(channel).not.toContain('12345678');
    const all = flipovers.map(cardText).join('\n');
    expect(all).toContain('achtergehouden');
    // What is on group level is shared.
    expect(all).toContain('Leerlingen melden intimidatie bij de fietsenstalling.');
    expect(all).toContain('Vooral op vrijdagavond rond het station.');
    // Nothing anywhere else carried the number to someone other than its author.
    for (const s of h.connector.sent) {
      if (s.conversationId !== personalId(USERS.wijkagent)) expect(JSON.stringify(s.activity)).not.toContain(PHONE);
    }
  });

  it('D-2A-1: moves to 2A with an override reason, then to 2B (problematisch: ja)', async () => {
    await transitionTo('2A', { decisionText: 'Beeld is voldoende voor duiding.', overrideReason: 'Checklist wordt na het overleg bijgewerkt.' });
    await transitionTo('2B', { decisionText: 'Partners zijn het eens: problematische jeugdgroep.', problematisch: 'ja', overrideReason: 'Checklist volgt.' });
  });

  it('the regie puts Kevin de Vries on the namenlijst in 2B', async () => {
    const from = mark();
    await ok(h.say(USERS.regie, 'namenlijst', 'personal'));
    const card = lastCardWith(h.connector, personalId(USERS.regie), 'member.add', from);
    expect(card, 'the regie gets the namenlijst with the add form in her 1:1 chat').toBeDefined();
    expect(inputIds(card)).toEqual(expect.arrayContaining(['memberNaam', 'memberPositie', 'memberBron']));
    const res = await h.invoke(USERS.regie, 'member.add', { ...actionData(card, 'member.add'), memberNaam: KEVIN, memberPositie: 'kern', memberBron: 'groepsscan' }, 'personal');
    expect(res.status).toBe(200);
    expect(cardText(res.card)).toContain(KEVIN);
    expect((await h.composed.store.listMembers((await aanpakNow()).id)).map((m) => m.naam)).toEqual([KEVIN]);
  });

  it('R-F-1, R-X-22: in 2B a name reaches the wijkagent but not the school (incidentele deelnemer)', async () => {
    const { flipovers } = await runRound(`${KEVIN} is de leider.`, 'Twee leerlingen verzuimen vaak op vrijdag.');
    // The channel includes the school (incidentele deelnemer): the name is held back there.
    const channel = JSON.stringify(cardsTo(h.connector, CHANNEL_ID));
    expect(channel).not.toContain('Kevin');
    const all = flipovers.map(cardText).join('\n');
    expect(all).toContain('achtergehouden');
    expect(all).toContain('Twee leerlingen verzuimen vaak op vrijdag.');
    // The school never received the name anywhere.
    expect(JSON.stringify(cardsTo(h.connector, personalId(USERS.school)))).not.toContain('Kevin');

    // The namenlijst: the wijkagent (convenantpartner) sees the name, the school does not.
    let from = mark();
    await ok(h.say(USERS.wijkagent, 'namenlijst', 'personal'));
    const willem = cardsTo(h.connector, personalId(USERS.wijkagent), from);
    expect(willem.map(cardText).join('\n')).toContain(KEVIN);

    from = mark();
    await ok(h.say(USERS.school, 'namenlijst', 'personal'));
    const sanne = cardsTo(h.connector, personalId(USERS.school), from);
    expect(sanne.length, 'the school gets an answer, not silence').toBeGreaterThan(0);
    expect(sanne.map(cardText).join('\n')).toContain('Als incidentele deelnemer zie je de namenlijst niet.');
    expect(JSON.stringify(sanne)).not.toContain('Kevin');
  });
});

describe('HTTP: retries, double clicks and strangers change nothing', () => {
  beforeAll(async () => {
    h = await startHarness();
    roster([USERS.regie, USERS.wijkagent, USERS.school]);
    await ok(h.say(USERS.regie, 'nieuwe aanpak Stationsplein', 'channel'));
  });
  afterAll(async () => {
    await h?.close();
  });

  it('a repeated message activity id (Teams retry) creates nothing twice and is answered once', async () => {
    const from = mark();
    const retry = h.activity(USERS.regie, 'channel', { type: 'message', text: `<at>Groepsaanpak</at> nieuwe aanpak Markt` });
    expect((await h.post(retry)).status).toBe(200);
    expect((await h.post(retry)).status).toBe(200);
    const names = (await h.composed.store.listAanpakkenByChannel(CHANNEL_ID)).map((a) => a.name).sort();
    expect(names).toEqual(['Markt', 'Stationsplein']);
    expect(cardsTo(h.connector, CHANNEL_ID, from)).toHaveLength(1);
  });

  it('a repeated invoke activity id and a double click on the same card add a participant once', async () => {
    const from = mark();
    await ok(h.say(USERS.regie, 'deelnemers Stationsplein', 'channel'));
    const card = lastCardWith(h.connector, CHANNEL_ID, 'participant.add', from);
    const data = { ...actionData(card, 'participant.add'), naam: '', aad: USERS.wijkagent.email, organisation: 'politie', role: 'partner' };
    const invoke = h.activity(USERS.regie, 'channel', { type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: 'participant.add', data } } });
    const first = await h.post(invoke);
    expect(first.status).toBe(200);
    const version = (await h.composed.store.listAanpakkenByChannel(CHANNEL_ID)).find((a) => a.name === 'Stationsplein')!.version;

    // Same activity id again (retry), then the same card clicked again (new activity id).
    const retry = await h.post(invoke);
    expect(retry.status).toBe(200);
    expect(JSON.stringify(await retry.json())).toContain('Dit is al verwerkt.');
    const again = await h.invoke(USERS.regie, 'participant.add', data, 'channel');
    expect(cardText(again.card)).toContain('Dit is al verwerkt.');

    const aanpak = (await h.composed.store.listAanpakkenByChannel(CHANNEL_ID)).find((a) => a.name === 'Stationsplein')!;
    expect(aanpak.version).toBe(version);
    expect(aanpak.participants.filter((p) => p.aadObjectId === USERS.wijkagent.aadObjectId)).toHaveLength(1);
  });

  it('a card action for an aanpak the user is not in gets a Dutch error card and changes nothing', async () => {
    const aanpak = (await h.composed.store.listAanpakkenByChannel(CHANNEL_ID)).find((a) => a.name === 'Stationsplein')!;
    const from = mark();
    await ok(h.say(USERS.regie, 'stap Stationsplein', 'channel'));
    const card = lastCardWith(h.connector, CHANNEL_ID, 'transition.apply', from);
    const data = { ...actionData(card, 'transition.apply'), to: '2A', decisionText: 'Ik zet hem door.', overrideReason: 'Omdat het kan.' };
    const audit = (await h.composed.store.listAudit(aanpak.id)).length;

    const stranger = await h.invoke(USERS.buiten, 'transition.apply', data, 'channel');
    expect(stranger.status).toBe(200);
    expect(cardText(stranger.card)).toContain('Je doet niet mee aan de aanpak Stationsplein');

    // The stranger forges a participant.add from their own 1:1 chat: same answer.
    const forged = await h.invoke(USERS.buiten, 'participant.add', { aanpakId: aanpak.id, version: aanpak.version, nonce: 'forged', aad: USERS.buiten.email, organisation: 'overig', role: 'partner' }, 'personal');
    expect(cardText(forged.card)).toContain('Je doet niet mee aan de aanpak Stationsplein');

    // A participant who is not the regie may not set the step either.
    const partner = await h.invoke(USERS.wijkagent, 'transition.apply', data, 'channel');
    expect(cardText(partner.card)).toContain('Dit kan alleen de procesregisseur.');

    const after = (await h.composed.store.getAanpak(aanpak.id))!;
    expect(after).toMatchObject({ state: '1', version: aanpak.version });
    expect(after.participants.some((p) => p.aadObjectId === USERS.buiten.aadObjectId)).toBe(false);
    // Nothing was posted to the channel, and no state-changing event was audited.
    expect(cardsTo(h.connector, CHANNEL_ID, from).filter((c) => cardText(c).includes('Stap 2A'))).toHaveLength(0);
    const events = (await h.composed.store.listAudit(aanpak.id)).slice(audit).map((e) => e.type);
    expect(events.filter((t) => !t.startsWith('gate.'))).toEqual([]);
  });
});
