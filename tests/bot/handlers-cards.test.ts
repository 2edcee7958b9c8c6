// Rode draad, geheimhouding, card.open, reachability and stale cards, through the real bot.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RODE_DRAAD_INPUT, answerInputId, geheimhoudingInputId } from '../../src/cards/index.js';
import { CHANNEL, USERS, contentOf, harness, moveTo, withParticipants, type Harness } from './handlers-harness.js';

describe('card flows', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await harness();
  });
  afterEach(async () => {
    await h.close();
  });

  /** A circulair round in step 1: the wijkagent answers CV-1, the regie closes and publishes. */
  async function closedRound() {
    const a = await withParticipants(h);
    await h.say(USERS.regie, 'rondvraag');
    const [round] = await h.store.listRounds(a.id);
    const submit = await h.click(USERS.wijkagent, 'round.submit', { aanpakId: a.id, roundId: round!.id, [answerInputId('CV-1')]: 'Veel overlast bij het station' }, 'personal');
    expect(submit.card).toContain('verstuurd');
    const close = await h.click(USERS.regie, 'round.close', { aanpakId: a.id, roundId: round!.id });
    return { a, round: round!, close };
  }

  it('rodedraad.save records the rode draad, posts the line to the channel through the gate and confirms to the clicker', async () => {
    const { a, round, close } = await closedRound();
    const flipover = close.others.find((s) => contentOf(s.activity).includes('Flipover · CV-1'))!;
    expect(contentOf(flipover.activity)).toContain('Veel overlast bij het station');
    // The regisseur's client refreshes the channel card into the editable version.
    const refreshed = await h.click(USERS.regie, 'card.refresh', { aanpakId: a.id, card: 'flipover', roundId: round.id, questionId: 'CV-1' });
    expect(refreshed.card).toContain('rodedraad.save');
    expect(refreshed.card).toContain('Veel overlast bij het station');

    const r = await h.click(USERS.regie, 'rodedraad.save', { aanpakId: a.id, roundId: round.id, questionId: 'CV-1', nonce: 'n-rd', [RODE_DRAAD_INPUT]: 'Overlast rond het station, vooral vrijdag' });
    expect(r.card).toContain('Opgeslagen');
    const line = r.others.filter((s) => s.conversationId === CHANNEL).map((s) => contentOf(s.activity));
    expect(line).toHaveLength(1);
    expect(line[0]).toContain('Rode draad · CV-1');
    expect(line[0]).toContain('Overlast rond het station, vooral vrijdag');
    const stored = (await h.store.getRound(round.id))!.rodeDraad;
    expect(stored).toEqual([expect.objectContaining({ questionId: 'CV-1', text: 'Overlast rond het station, vooral vrijdag', level: 'groep' })]);
    const audit = await h.store.listAudit(a.id);
    expect(audit.some((e) => e.type === 'round.rode_draad_recorded')).toBe(true);
    expect(audit.some((e) => e.type === 'gate.decision' && e.data?.contentKind === 'rode_draad' && e.outcome === 'allow')).toBe(true);

    // Only the procesregisseur records a rode draad.
    const partner = await h.click(USERS.wijkagent, 'rodedraad.save', { aanpakId: a.id, roundId: round.id, questionId: 'CV-1', [RODE_DRAAD_INPUT]: 'x' });
    expect(partner.card).toContain('procesregisseur');
  });

  it('R-1-1: a rode draad with a name in step 1 is saved but never reaches the channel', async () => {
    const { a, round } = await closedRound();
    // Names are screened against the namenlijst; in step 1 a date of birth suffices to raise the level.
    const r = await h.click(USERS.regie, 'rodedraad.save', { aanpakId: a.id, roundId: round.id, questionId: 'CV-1', [RODE_DRAAD_INPUT]: 'De jongen geboren 12-04-2010 is de leider' });
    const channel = r.others.map((s) => contentOf(s.activity));
    for (const c of channel) expect(c).not.toContain('12-04-2010');
    expect(channel.join()).toContain('R-1-1');
  });

  it('R-X-21: the deelnemers card offers a geheimhouding date for an incidentele deelnemer and records it', async () => {
    const a = await withParticipants(h, { schoolGeheimhouding: false });
    const school = a.participants.find((p) => p.aadObjectId === USERS.school.aadObjectId)!;
    // In the channel the school (no verklaring yet) is in the audience: the gate refuses the card there.
    expect(contentOf((await h.say(USERS.regie, 'deelnemers')).at(-1)!)).toContain('R-X-21');
    const card = contentOf((await h.say(USERS.regie, 'deelnemers', 'personal')).at(-1)!);
    expect(card).toContain(geheimhoudingInputId(school.id));
    expect(card).toContain('participant.geheimhouding');
    const empty = await h.click(USERS.regie, 'participant.geheimhouding', { aanpakId: a.id, participantId: school.id });
    expect(empty.card).toContain('Kies de datum');
    const r = await h.click(USERS.regie, 'participant.geheimhouding', { aanpakId: a.id, participantId: school.id, [geheimhoudingInputId(school.id)]: '2026-03-01' });
    expect(r.card).toContain('getekend 1 mrt 2026');
    expect(r.card).not.toContain(geheimhoudingInputId(school.id));
    const after = await h.aanpak();
    expect(after.participants.find((p) => p.id === school.id)!.geheimhouding).toMatchObject({ date: '2026-03-01' });
    const partner = await h.click(USERS.wijkagent, 'participant.geheimhouding', { aanpakId: a.id, participantId: school.id, [geheimhoudingInputId(school.id)]: '2026-03-01' });
    expect(partner.card).toContain('procesregisseur');
  });

  it('deelnemers lists, for the procesregisseur only, who the bot cannot reach in 1:1 yet', async () => {
    await h.say(USERS.regie, 'help', 'personal');
    await withParticipants(h);
    const before = contentOf((await h.say(USERS.regie, 'deelnemers')).at(-1)!);
    expect(before).toContain('2 deelnemers zijn nog niet bereikbaar in een persoonlijke chat: Willem Wijkagent, Sanne School.');
    expect(before).toContain('installeer de app persoonlijk');
    await h.say(USERS.wijkagent, 'help', 'personal');
    const after = contentOf((await h.say(USERS.regie, 'deelnemers')).at(-1)!);
    expect(after).toContain('1 deelnemer is nog niet bereikbaar in een persoonlijke chat: Sanne School.');
    const partnerView = contentOf((await h.say(USERS.wijkagent, 'deelnemers', 'personal')).at(-1)!);
    expect(partnerView).not.toContain('bereikbaar');
  });

  it('card.open returns each card by aanpak id as the clicker’s replacement card', async () => {
    const a = await withParticipants(h);
    const open = async (card: string, user = USERS.regie) => (await h.click(user, 'card.open', { aanpakId: a.id, card })).card;
    expect(await open('checklist')).toContain('Checklist stap 1');
    expect(await open('transition')).toContain('transition.apply');
    expect(await open('actions')).toContain('Acties');
    expect(await open('status')).toContain('Stap 1');
    expect(await open('namenlijst')).toContain('In deze stap is er geen namenlijst.');
    expect(await open('deelnemers')).toContain('Willem Wijkagent');
    expect(await open('transition', USERS.wijkagent)).toContain('Dit kan alleen de procesregisseur.');
    expect(await open('frobnicate')).toContain('Deze kaart ken ik niet');
  });

  it('a checklist tick or transition from a card of an earlier step is refused; a closed round refuses answers', async () => {
    const { a, round } = await closedRound();
    const checklist = await h.click(USERS.regie, 'card.open', { aanpakId: a.id, card: 'checklist' });
    const tick = checklist.card.match(/"itemId":"([^"]+)"/)?.[1] ?? '';
    expect(tick).not.toBe('');
    const old = await h.aanpak();
    await moveTo(h, '2A');
    const stale = await h.click(USERS.regie, 'checklist.tick', { aanpakId: a.id, version: old.version, itemId: tick, done: true, step: '1' });
    expect(stale.card).toContain('Deze kaart is verouderd: ze hoort bij stap 1 en de aanpak staat nu in stap 2A.');
    const staleMove = await h.click(USERS.regie, 'transition.apply', { aanpakId: a.id, version: old.version, from: '1', to: '2A', decisionText: 'x', overrideReason: 'y' });
    expect(staleMove.card).toContain('Deze kaart is verouderd');
    const now = await h.aanpak();
    expect(now.state).toBe('2A');
    expect(now.checklist[tick]).toBeUndefined();
    expect(now.transitions).toHaveLength(1);

    const late = await h.click(USERS.school, 'round.submit', { aanpakId: a.id, roundId: round.id, [answerInputId('CV-1')]: 'Te laat' }, 'personal');
    expect(late.card).toContain('Deze ronde is gesloten');
    expect(await h.store.getAnswer(round.id, a.participants.find((p) => p.aadObjectId === USERS.school.aadObjectId)!.id)).toBeUndefined();
  });
});
