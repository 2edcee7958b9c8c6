// Namenlijst management through the real bot: add, informing, remove, rectify, and who sees what.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MEMBER_INPUTS, informingDateInputId, informingReasonInputId, rectifyInputId, removeReasonInputId } from '../../src/cards/index.js';
import { CHANNEL, USERS, contentOf, harness, moveTo, withParticipants, type Harness } from './handlers-harness.js';

const KEVIN = {
  [MEMBER_INPUTS.naam]: 'Kevin de Vries',
  [MEMBER_INPUTS.bijnamen]: 'KdV, Kev',
  [MEMBER_INPUTS.geboortedatum]: '2010-05-01',
  [MEMBER_INPUTS.adres]: 'Dorpsstraat 12',
  [MEMBER_INPUTS.woonplaats]: 'Venlo',
  [MEMBER_INPUTS.positie]: 'kern',
  [MEMBER_INPUTS.bron]: 'groepsscan',
};

describe('namenlijst management (procesregisseur)', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await harness();
  });
  afterEach(async () => {
    await h.close();
  });

  async function inStep2BWithKevin() {
    await withParticipants(h);
    await moveTo(h, '2A');
    const a = await moveTo(h, '2B');
    const r = await h.click(USERS.regie, 'member.add', { aanpakId: a.id, version: a.version, nonce: 'n-add', ...KEVIN }, 'personal');
    const [kevin] = await h.store.listMembers(a.id);
    return { a, r, kevin: kevin! };
  }

  it('R-2B-1: before 2B there is no namenlijst: the notice is shown and adding is refused', async () => {
    const a = await withParticipants(h);
    const shown = await h.say(USERS.regie, 'namenlijst', 'personal');
    expect(contentOf(shown.at(-1)!)).toContain('In deze stap is er geen namenlijst.');
    const r = await h.click(USERS.regie, 'member.add', { aanpakId: a.id, ...KEVIN }, 'personal');
    expect(r.card).toContain('R-2B-1');
    expect(await h.store.listMembers(a.id)).toEqual([]);
  });

  it('R-X-16: in 2B the regie adds Kevin; the channel with a school is denied, the wijkagent sees the name, the regie sees NAW', async () => {
    const { a, r, kevin } = await inStep2BWithKevin();
    expect(kevin).toMatchObject({ naam: 'Kevin de Vries', bijnamen: ['KdV', 'Kev'], geboortedatum: '2010-05-01', adres: 'Dorpsstraat 12', positie: 'kern', bron: 'groepsscan' });
    expect(r.card).toContain('Kevin de Vries');
    expect(r.card).toContain('Dorpsstraat 12');
    const audit = await h.store.listAudit(a.id);
    const added = audit.find((e) => e.type === 'member.added')!;
    expect(added.data).toMatchObject({ memberId: kevin.id });
    expect(JSON.stringify(added)).not.toContain('Kevin');

    // Channel: the school (incidentele deelnemer, no legal basis) is in the audience → denied.
    const before = h.sent.length;
    await h.say(USERS.regie, 'namenlijst', 'channel');
    const toChannel = h.sent.slice(before);
    expect(toChannel.length).toBeGreaterThan(0);
    for (const s of toChannel) {
      expect(contentOf(s.activity)).not.toContain('Kevin');
      expect(contentOf(s.activity)).not.toContain('KdV');
    }
    expect(toChannel.map((s) => contentOf(s.activity)).join()).toContain('R-X-22');
    const denied = (await h.store.listAudit(a.id)).filter((e) => e.type === 'gate.decision' && e.data?.contentKind === 'namenlijst' && e.outcome === 'deny');
    expect(denied.length).toBeGreaterThan(0);

    // The wijkagent's 1:1: the name, no NAW.
    const wijk = contentOf((await h.say(USERS.wijkagent, 'namenlijst', 'personal')).at(-1)!);
    expect(wijk).toContain('Kevin de Vries');
    for (const naw of ['Dorpsstraat', '2010', 'Venlo', 'member.add', 'member.remove']) expect(wijk).not.toContain(naw);

    // The regie's 1:1: NAW and the management buttons.
    const regie = contentOf((await h.say(USERS.regie, 'namenlijst', 'personal')).at(-1)!);
    expect(regie).toContain('Dorpsstraat 12, Venlo');
    expect(regie).toContain('"card":"member"');
    expect(regie).toContain('member.add');

    // The school in 1:1 sees nothing of the list.
    const school = contentOf((await h.say(USERS.school, 'namenlijst', 'personal')).at(-1)!);
    expect(school).not.toContain('Kevin');
    expect(school).toContain('Als incidentele deelnemer zie je de namenlijst niet.');
  });

  it('the regie in the channel never gets NAW or management, even without incidentele deelnemers', async () => {
    await withParticipants(h);
    const a0 = await h.aanpak();
    const school = a0.participants.find((p) => p.aadObjectId === USERS.school.aadObjectId)!;
    await h.click(USERS.regie, 'participant.remove', { aanpakId: a0.id, participantId: school.id });
    await moveTo(h, '2A');
    const a = await moveTo(h, '2B');
    await h.click(USERS.regie, 'member.add', { aanpakId: a.id, ...KEVIN }, 'personal');
    const shown = contentOf((await h.say(USERS.regie, 'namenlijst', 'channel')).at(-1)!);
    expect(shown).toContain('Kevin de Vries');
    expect(shown).not.toContain('Dorpsstraat');
    expect(shown).not.toContain('member.');
    expect(shown).toContain('persoonlijke chat');
  });

  it('R-2B-8 / R-X-64: records the letter as handed over or postponed with a reason', async () => {
    const { a, kevin } = await inStep2BWithKevin();
    const missing = await h.click(USERS.regie, 'member.informing', { aanpakId: a.id, memberId: kevin.id, status: 'uitgesteld' }, 'personal');
    expect(missing.card).toContain('Noteer waarom');
    const later = await h.click(
      USERS.regie,
      'member.informing',
      { aanpakId: a.id, memberId: kevin.id, status: 'uitgesteld', [informingReasonInputId(kevin.id)]: 'Lopend onderzoek' },
      'personal',
    );
    expect(later.card).toContain('uitgesteld');
    expect((await h.store.getMember(a.id, kevin.id))!.informing).toMatchObject({ status: 'uitgesteld', reason: 'Lopend onderzoek' });
    const given = await h.click(
      USERS.regie,
      'member.informing',
      { aanpakId: a.id, memberId: kevin.id, status: 'uitgereikt', [informingDateInputId(kevin.id)]: '2026-03-02' },
      'personal',
    );
    expect(given.card).toContain('uitgereikt 2 mrt 2026');
    expect((await h.store.getMember(a.id, kevin.id))!.informing).toMatchObject({ status: 'uitgereikt', date: '2026-03-02' });
    const events = (await h.store.listAudit(a.id)).filter((e) => e.type === 'member.informing_recorded');
    expect(events.map((e) => e.ruleIds)).toEqual([['R-X-64'], ['R-2B-8', 'R-X-65']]);
    // Handed over: no more informing buttons for Kevin.
    expect(given.card).not.toContain('member.informing');
  });

  it('R-X-03: rectificatie changes the fields and audits their names only', async () => {
    const { a, kevin } = await inStep2BWithKevin();
    const form = await h.click(USERS.regie, 'card.open', { aanpakId: a.id, card: 'member', memberId: kevin.id }, 'personal');
    expect(form.card).toContain(rectifyInputId('adres', kevin.id));
    expect(form.card).toContain('Dorpsstraat 12');
    const fields = (['naam', 'bijnamen', 'geboortedatum', 'adres', 'woonplaats', 'positie'] as const).map((f) => rectifyInputId(f, kevin.id));
    const r = await h.click(
      USERS.regie,
      'member.rectify',
      {
        aanpakId: a.id,
        memberId: kevin.id,
        [fields[0]!]: 'Kevin de Vries',
        [fields[1]!]: 'KdV, Kev',
        [fields[2]!]: '',
        [fields[3]!]: 'Kerkstraat 3',
        [fields[4]!]: 'Venlo',
        [fields[5]!]: 'kern',
      },
      'personal',
    );
    expect(r.card).toContain('Correctie opgeslagen.');
    const after = (await h.store.getMember(a.id, kevin.id))!;
    expect(after.adres).toBe('Kerkstraat 3');
    expect(after.geboortedatum).toBeUndefined();
    const rect = (await h.store.listAudit(a.id)).filter((e) => e.type === 'member.rectified');
    expect(rect).toHaveLength(1);
    expect(rect[0]!.data).toEqual({ memberId: kevin.id, fields: 'geboortedatum,adres' });
    expect(JSON.stringify(rect)).not.toContain('Kerkstraat');
    // The rectify form carries NAW: never in the channel.
    const inChannel = await h.click(USERS.regie, 'card.open', { aanpakId: a.id, card: 'member', memberId: kevin.id }, 'channel');
    expect(inChannel.card).not.toContain('Kerkstraat');
    expect(inChannel.card).toContain('persoonlijke chat');
  });

  it('R-2B-10: removes a member with a reason; others cannot manage the list', async () => {
    const { a, kevin } = await inStep2BWithKevin();
    const denied = await h.click(USERS.wijkagent, 'member.remove', { aanpakId: a.id, memberId: kevin.id, [removeReasonInputId(kevin.id)]: 'x' }, 'personal');
    expect(denied.card).toContain('procesregisseur');
    expect((await h.store.getMember(a.id, kevin.id))!.removedAt).toBeUndefined();
    const noReason = await h.click(USERS.regie, 'member.remove', { aanpakId: a.id, memberId: kevin.id }, 'personal');
    expect(noReason.card).toContain('Noteer waarom');
    const r = await h.click(USERS.regie, 'member.remove', { aanpakId: a.id, memberId: kevin.id, [removeReasonInputId(kevin.id)]: 'Verhuisd' }, 'personal');
    expect(r.card).toContain('Van de namenlijst gehaald');
    expect(r.card).not.toContain('Kevin');
    expect((await h.store.getMember(a.id, kevin.id))!.removalReason).toBe('Verhuisd');
    expect((await h.store.listAudit(a.id)).some((e) => e.type === 'member.removed')).toBe(true);
  });

  it('a double click adds once; a corrected resubmission of the same card goes through', async () => {
    await withParticipants(h);
    await moveTo(h, '2A');
    const a = await moveTo(h, '2B');
    const bad = await h.click(USERS.regie, 'member.add', { aanpakId: a.id, nonce: 'n-1', ...KEVIN, [MEMBER_INPUTS.positie]: '' }, 'personal');
    expect(bad.card).toContain('Kies kern of schil.');
    await h.click(USERS.regie, 'member.add', { aanpakId: a.id, nonce: 'n-1', ...KEVIN }, 'personal');
    const again = await h.click(USERS.regie, 'member.add', { aanpakId: a.id, nonce: 'n-1', ...KEVIN }, 'personal');
    expect(again.card).toContain('Dit is al verwerkt.');
    expect(await h.store.listMembers(a.id)).toHaveLength(1);
    expect(h.sent.every((s) => s.conversationId !== CHANNEL || !contentOf(s.activity).includes('Kevin'))).toBe(true);
  });
});
