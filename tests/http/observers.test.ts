// A channel member who is not a participant of the aanpak reads every channel post: the outbox
// reads the channel roster and the gate lets such an "observer" see group level only (R-X-16).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actionData, CHANNEL_ID, cardText, cardsTo, lastCardWith, personalId, startHarness, USERS, type Harness, type User, setRoster } from './harness.js';

let h: Harness;

function roster(users: User[]) {
  setRoster(h, users);
}

async function aanpakNow() {
  const [a] = await h.composed.store.listAanpakkenByChannel(CHANNEL_ID);
  return a!;
}

describe('channel members who do not take part (R-X-16)', () => {
  beforeAll(async () => {
    h = await startHarness();
    roster([USERS.regie, USERS.wijkagent, USERS.buiten]);
    for (const u of [USERS.regie, USERS.wijkagent]) expect((await h.say(u, 'help', 'personal')).status).toBe(200);
    await h.say(USERS.regie, 'nieuwe aanpak Stationsplein', 'channel');
    const a = await aanpakNow();
    const add = await h.invoke(USERS.regie, 'participant.add', { aanpakId: a.id, aad: USERS.wijkagent.email, naam: USERS.wijkagent.name, organisation: 'politie', role: 'partner' }, 'channel');
    expect(cardText(add.card)).toContain(USERS.wijkagent.name);
    for (const [to, extra] of [['2A', {}], ['2B', { problematisch: 'ja' }]] as const) {
      const now = await aanpakNow();
      await h.invoke(USERS.regie, 'transition.apply', { aanpakId: now.id, version: now.version, from: now.state, to, decisionText: 'besluit', overrideReason: 'overleg', ...extra }, 'channel');
    }
    expect((await aanpakNow()).state).toBe('2B');
    const from = h.connector.sent.length;
    await h.say(USERS.regie, 'namenlijst', 'personal');
    const card = lastCardWith(h.connector, personalId(USERS.regie), 'member.add', from);
    await h.invoke(USERS.regie, 'member.add', { ...actionData(card, 'member.add'), memberNaam: 'Kevin de Vries', memberPositie: 'kern', memberBron: 'partner' }, 'personal');
    expect(await h.composed.store.listMembers((await aanpakNow()).id)).toHaveLength(1);
  });

  afterAll(async () => {
    await h?.close();
  });

  it('R-X-16: the step card (group level) still reaches a channel with a non-participant', async () => {
    const from = h.connector.sent.length;
    await h.say(USERS.regie, 'status', 'channel');
    expect(cardsTo(h.connector, CHANNEL_ID, from).map(cardText).join(' ')).toContain('Stationsplein');
  });

  it('R-X-16: names are not posted to a channel where a non-participant reads along', async () => {
    const from = h.connector.sent.length;
    await h.say(USERS.regie, 'namenlijst', 'channel');
    expect(cardsTo(h.connector, CHANNEL_ID, from).map(cardText).join(' ')).not.toContain('Kevin');
    const notice = cardsTo(h.connector, personalId(USERS.regie), from).map(cardText).join(' ');
    expect(notice).toContain('R-X-16');
    const denied = (await h.composed.store.listAudit((await aanpakNow()).id)).filter(
      (e) => e.type === 'gate.decision' && e.outcome === 'deny' && e.audience?.includes(`observer:${USERS.buiten.aadObjectId}`),
    );
    expect(denied.length).toBeGreaterThan(0);
  });

  it('R-X-16: once the non-participant has left the channel, the names reach the partners again', async () => {
    roster([USERS.regie, USERS.wijkagent]);
    h.clock.advance(6 * 60_000); // the outbox keeps a roster for five minutes
    const from = h.connector.sent.length;
    await h.say(USERS.regie, 'namenlijst', 'channel');
    expect(cardsTo(h.connector, CHANNEL_ID, from).map(cardText).join(' ')).toContain('Kevin');
  });
});
