// R-X-31 through the whole bot: the jongerenwerker is asked to weigh right after submitting a named
// answer; without the weighing the item is held back, with it the item reaches the partners.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { answerInputId } from '../../src/cards/index.js';
import { CHANNEL, harness, moveTo, USERS, withParticipants, type Harness } from './handlers-harness.js';

const JW = { id: '29:jw', aadObjectId: '00000000-0000-0000-0000-000000000004', name: 'Jamila Jongerenwerk' };

describe('jongerenwerker weighing (R-X-31)', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await harness();
  });
  afterEach(async () => {
    await h.close();
  });

  async function setup() {
    let a = await withParticipants(h);
    const add = await h.click(USERS.regie, 'participant.add', { aanpakId: a.id, aad: JW.aadObjectId, naam: JW.name, organisation: 'jongerenwerk', role: 'partner' });
    expect(add.card).toContain(JW.name);
    await moveTo(h, '2A');
    a = await moveTo(h, '2B');
    await h.click(USERS.regie, 'member.add', { aanpakId: a.id, memberNaam: 'Kevin de Vries', memberPositie: 'kern', memberBron: 'partner' }, 'personal');
    expect(await h.store.listMembers(a.id)).toHaveLength(1);
    await h.say(USERS.regie, 'rondvraag');
    const [round] = (await h.store.listRounds(a.id)).filter((r) => r.status === 'open');
    return { a: await h.aanpak(), round: round! };
  }

  it('R-X-31: a named answer by the jongerenwerker brings the weighing card to their 1:1; after weighing it is published', async () => {
    const { a, round } = await setup();
    const submit = await h.click(JW, 'round.submit', { aanpakId: a.id, roundId: round.id, nonce: 'n1', [answerInputId('CV-1')]: 'Kevin de Vries zoekt zelf contact met ons.' }, 'personal');
    const weighing = submit.others.find((o) => JSON.stringify(o.activity).includes('weighing.confirm'));
    expect(weighing, 'weighing card sent').toBeDefined();
    expect(weighing!.conversationId).toBe(`a:${JW.id}`);

    const ref = `${round.id}:${(await h.aanpak()).participants.find((p) => p.aadObjectId === JW.aadObjectId)!.id}:CV-1`;
    const confirm = await h.click(JW, 'weighing.confirm', { aanpakId: a.id, subjectRef: ref, nonce: 'w1', doelmatigheid: 'Draagt bij aan de aanpak', subsidiariteit: 'Geen andere weg', proportionaliteit: 'Alleen de naam' }, 'personal');
    expect(confirm.card).toContain('afweging');
    expect((await h.aanpak()).weighings.map((w) => w.subjectRef)).toEqual([ref]);

    // The school is in the channel: the named item is withheld there (R-X-22), but not because of a missing weighing.
    const close = await h.click(USERS.regie, 'round.close', { aanpakId: a.id, roundId: round.id, nonce: 'c1' });
    const flip = close.others.filter((o) => o.conversationId === CHANNEL).map((o) => JSON.stringify(o.activity)).join(' ');
    expect(flip).not.toContain('Kevin');
    expect(flip).not.toContain('R-X-31');
    expect(flip).toContain('R-X-22');
  });

  it('R-X-31: without the weighing the item is held back and the channel sees why, without content', async () => {
    const { a, round } = await setup();
    await h.click(JW, 'round.submit', { aanpakId: a.id, roundId: round.id, nonce: 'n1', [answerInputId('CV-1')]: 'Kevin de Vries zoekt zelf contact met ons.' }, 'personal');
    const close = await h.click(USERS.regie, 'round.close', { aanpakId: a.id, roundId: round.id, nonce: 'c1' });
    const flip = close.others.filter((o) => o.conversationId === CHANNEL).map((o) => JSON.stringify(o.activity)).join(' ');
    expect(flip).not.toContain('Kevin');
    expect(flip).toContain('achtergehouden');
  });
});
