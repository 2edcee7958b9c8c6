// Every verb with garbage data: a Dutch error card as invoke response, never an exception, and no
// state change (aanpak, members, rounds, answers, actions, audit).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VERBS } from '../../src/cards/index.js';
import { USERS, contentOf, harness, moveTo, withParticipants, type Harness } from './handlers-harness.js';

const CORE_VERBS = Object.values(VERBS).filter(
  // Cancel buttons have nothing to validate; reminders belong to the reminders plugin.
  (v) => !['transition.cancel', 'weighing.cancel', 'reminder.done', 'reminder.snooze'].includes(v),
);

describe('input robustness of every card verb', () => {
  let h: Harness;
  let aanpakId: string;
  let otherId: string;
  let roundId: string;
  let memberId: string;

  beforeAll(async () => {
    h = await harness();
    await h.say(USERS.ander, 'nieuwe aanpak Elders', 'other');
    otherId = (await h.aanpak('Elders')).id;
    const a = await withParticipants(h);
    aanpakId = a.id;
    await h.say(USERS.regie, 'rondvraag');
    roundId = (await h.store.listRounds(a.id))[0]!.id;
    await moveTo(h, '2A');
    await moveTo(h, '2B');
    await h.click(USERS.regie, 'member.add', { aanpakId, memberNaam: 'Kevin de Vries', memberPositie: 'kern', memberBron: 'groepsscan' }, 'personal');
    memberId = (await h.store.listMembers(aanpakId))[0]!.id;
  });
  afterAll(async () => {
    await h.close();
  });

  async function snapshot(): Promise<string> {
    const ids = [aanpakId, otherId];
    const parts: unknown[] = [];
    for (const id of ids) {
      const rounds = await h.store.listRounds(id);
      parts.push(
        await h.store.getAanpak(id),
        await h.store.listMembers(id),
        rounds,
        await Promise.all(rounds.map((r) => h.store.listAnswers(r.id))),
        await h.store.listActions(id),
        (await h.store.listAudit(id)).length,
      );
    }
    return JSON.stringify(parts);
  }

  const garbage = (): { name: string; data: unknown }[] => [
    { name: 'no data', data: undefined },
    { name: 'a number', data: 42 },
    { name: 'an array', data: [aanpakId] },
    { name: 'missing ids', data: {} },
    { name: 'aanpakId as number', data: { aanpakId: 7 } },
    { name: 'aanpakId as array', data: { aanpakId: [aanpakId] } },
    { name: 'aanpakId as object', data: { aanpakId: { $ne: null } } },
    { name: 'unknown aanpak', data: { aanpakId: 'does-not-exist', roundId, memberId, card: 'status' } },
    { name: 'an aanpak elsewhere', data: { aanpakId: otherId, card: 'status', itemId: 'x', participantId: 'x', memberId: 'x', roundId: 'x', questionId: 'CV-1' } },
    { name: 'version as text', data: { aanpakId, version: 'latest', card: 'status' } },
    {
      name: 'every id and input of the wrong type',
      data: {
        aanpakId,
        roundId: 12,
        memberId: { id: memberId },
        participantId: [1],
        itemId: { a: 1 },
        actionId: [],
        questionId: 5,
        subjectRef: 9,
        card: ['status'],
        status: 3,
        from: 1,
        step: ['1'],
        to: { state: '3' },
        done: 'maybe',
        memberNaam: 5,
        memberPositie: ['kern'],
        memberBron: {},
        rodeDraad: { text: 'x' },
        aad: [USERS.school.aadObjectId],
        organisation: 1,
        role: {},
        naam: 2,
        decisionText: 4,
        overrideReason: [],
        datum: 3,
        doelmatigheid: 1,
      },
    },
    {
      name: 'valid ids, nested inputs',
      data: {
        aanpakId,
        roundId,
        memberId,
        questionId: 'CV-1',
        status: 'uitgereikt',
        card: 'member',
        [`briefDatum.${memberId}`]: { date: '2026-03-02' },
        [`verwijderReden.${memberId}`]: ['weg'],
        [`memberAdres.${memberId}`]: 12,
        memberNaam: { first: 'x' },
        rodeDraad: ['x'],
        'answer.CV-1': { text: 'x' },
        subjectRef: { ref: 'x' },
        itemId: 'A-2B-1',
        done: 7,
        to: 3,
      },
    },
  ];

  for (const verb of CORE_VERBS) {
    it(`${verb}: garbage gives a Dutch error card and changes nothing`, async () => {
      // card.refresh and round.close read nothing but ids: with valid ids they are valid requests.
      const cases = garbage().filter((g) => !(g.name === 'valid ids, nested inputs' && (verb === VERBS.refresh || verb === VERBS.roundClose)));
      for (const { name, data } of cases) {
        const before = await snapshot();
        const r = await h.click(USERS.regie, verb, data, verb.startsWith('member.') ? 'personal' : 'channel');
        expect(r.card, `${verb} / ${name}`).toContain('⚠');
        expect(r.card, `${verb} / ${name}`).not.toContain('Er ging iets mis');
        // Nothing else was posted (no channel messages, no notices).
        expect(r.others.map((s) => contentOf(s.activity)), `${verb} / ${name}`).toEqual([]);
        expect(await snapshot(), `${verb} / ${name}`).toBe(before);
      }
    });
  }
});
