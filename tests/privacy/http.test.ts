// Privacy-leak suite, whole bot path: adversarial answers and rode draden POSTed to /api/messages of
// the real server (local mode), the fake connector as the recipient of everything. A fragment
// (compared in screening's normalised form, separators removed) may only reach its author.
// Three users: procesregisseur (Priya), wijkagent (Willem, politie), school (Sanne, incidenteel
// with geheimhouding, no legal basis). Rounds in step 1 (no namenlijst) and in step 2B (with one).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RODE_DRAAD_INPUT } from '../../src/cards/actions.js';
import { addMember } from '../../src/workflow/namenlijst.js';
import { DAY } from '../helpers/env.js';
import { CHANNEL_ID, USERS, actionData, cardText, cardsTo, inputIds, lastCardWith, personalId, startHarness, type Card, type Harness, type User, setRoster } from '../http/harness.js';
import { INNOCENT, MEMBERS, posts, squash, stringsOf, type Post } from './fixtures.js';

let h: Harness;
const mark = () => h.connector.sent.length;

interface Posted {
  post: Post;
  author: User;
}
const posted: Posted[] = [];
let innocent = 0;
const innocentUsed: string[] = [];

function roster(users: User[]) {
  setRoster(h, users);
}

async function aanpakNow() {
  const [a] = await h.composed.store.listAanpakkenByChannel(CHANNEL_ID);
  if (!a) throw new Error('no aanpak in the channel');
  return a;
}

async function transitionTo(to: string, fields: Record<string, string>) {
  const from = mark();
  expect((await h.say(USERS.regie, 'stap', 'channel')).status).toBe(200);
  const card = lastCardWith(h.connector, CHANNEL_ID, 'transition.apply', from);
  const res = await h.invoke(USERS.regie, 'transition.apply', { ...actionData(card, 'transition.apply'), to, ...fields }, 'channel');
  expect(res.status).toBe(200);
  expect((await aanpakNow()).state).toBe(to);
}

/** One round: both partners answer every question with the next posts; the regie closes it and records a rode draad. */
async function round(queue: Post[], posters: User[] = [USERS.wijkagent, USERS.school]): Promise<void> {
  const opened = mark();
  expect((await h.say(USERS.regie, 'rondvraag', 'channel')).status).toBe(200);
  const progress = lastCardWith(h.connector, CHANNEL_ID, 'round.close', opened);
  expect(progress, 'the regie gets the close button').toBeDefined();
  for (const user of [USERS.wijkagent, USERS.school]) {
    const card = lastCardWith(h.connector, personalId(user), 'round.submit', opened);
    expect(card, `${user.name} got no round card`).toBeDefined();
    const ids = inputIds(card).filter((id) => id.startsWith('answer.'));
    const values: Record<string, string> = {};
    ids.forEach((id, k) => {
      if (!posters.includes(user)) {
        values[id] = INNOCENT[(innocent++ + k) % INNOCENT.length]!;
        innocentUsed.push(values[id]);
        return;
      }
      const post = queue.shift();
      if (!post) return;
      values[id] = post.text;
      posted.push({ post, author: user });
    });
    const res = await h.invoke(user, 'round.submit', { ...actionData(card, 'round.submit'), ...values }, 'personal');
    expect(res.status).toBe(200);
    expect(cardText(res.card)).toContain('verstuurd');
  }
  h.clock.advance(DAY);
  const closing = mark();
  const closed = await h.invoke(USERS.regie, 'round.close', actionData(progress, 'round.close')!, 'channel');
  expect(closed.status).toBe(200);
  // A careless rode draad that repeats a post.
  const rodeCard: Card | undefined = [closed.card, ...cardsTo(h.connector, CHANNEL_ID, closing)].find((c) => actionData(c, 'rodedraad.save'));
  const post = queue.shift();
  if (rodeCard && post) {
    const data = actionData(rodeCard, 'rodedraad.save')!;
    const res = await h.invoke(USERS.regie, 'rodedraad.save', { ...data, [RODE_DRAAD_INPUT]: post.text }, 'channel');
    expect(res.status).toBe(200);
    posted.push({ post, author: USERS.regie });
  }
}

/** Every (fragment, conversation) pair where a post's fragment reached someone other than its author. */
function leaks(): string[] {
  const out: string[] = [];
  const byConversation = new Map<string, string>();
  // Each string squashed on its own: joining first would glue "Mohammed" and "s…" of the next line.
  for (const s of h.connector.sent) byConversation.set(s.conversationId, (byConversation.get(s.conversationId) ?? '') + '|' + stringsOf(s.activity).map(squash).join('|'));
  // What each user wrote themselves may come back to them (e.g. the "niet gedeeld" notice).
  const ownTexts = new Map<string, string>();
  for (const { post, author } of posted) ownTexts.set(personalId(author), (ownTexts.get(personalId(author)) ?? '') + '\n' + squash(post.text));
  for (const { post, author } of posted) {
    const fragment = squash(post.leak.fragment);
    for (const [conversation, text] of byConversation) {
      if (conversation === personalId(author) || ownTexts.get(conversation)?.includes(fragment)) continue;
      if (text.includes(fragment)) out.push(`${post.leak.label} by ${author.name} reached ${conversation}: ${JSON.stringify(post.text)}`);
    }
  }
  return out;
}

describe('privacy leaks: whole bot path over HTTP', () => {
  beforeAll(async () => {
    h = await startHarness();
    roster([USERS.regie, USERS.wijkagent, USERS.school]);
    expect((await h.say(USERS.regie, 'nieuwe aanpak Centrum', 'channel')).status).toBe(200);
    const from = mark();
    expect((await h.say(USERS.regie, 'deelnemers', 'channel')).status).toBe(200);
    let card = lastCardWith(h.connector, CHANNEL_ID, 'participant.add', from);
    const w = await h.invoke(USERS.regie, 'participant.add', { ...actionData(card, 'participant.add'), naam: '', aad: USERS.wijkagent.email, organisation: 'politie', role: 'partner', functie: 'wijkagent' }, 'channel');
    card = w.card;
    await h.invoke(USERS.regie, 'participant.add', { ...actionData(card, 'participant.add'), naam: '', aad: USERS.school.name, organisation: 'school', role: 'incidenteel', geheimhouding: '2026-03-01' }, 'channel');
    expect((await aanpakNow()).participants).toHaveLength(3);
    for (const u of [USERS.regie, USERS.wijkagent, USERS.school]) expect((await h.say(u, 'help', 'personal')).status).toBe(200);
  }, 30_000);
  afterAll(async () => {
    await h?.close();
  });

  it('R-1-1: in step 1 (no namenlijst) no adversarial answer or rode draad reaches anyone but its author', async () => {
    // Without a namenlijst only what screening can see without one is asserted (see leak.test.ts).
    const queue = posts(1).filter((p) => !p.leak.needsNamenlijst);
    const before = posted.length;
    for (let r = 0; r < 4 && queue.length > 0; r++) await round(queue);
    console.log(`[privacy/http] step 1: ${posted.length - before} adversarial posts over HTTP`);
    expect(posted.length - before).toBeGreaterThanOrEqual(25);
    expect(leaks()).toEqual([]);
  }, 60_000);

  // In 2B the school (author) may share what it knows with the convenantpartners, so only the
  // wijkagent posts personal data here: the school, in the channel, has no legal basis (R-X-22).
  it('R-X-22: in step 2B (with namenlijst) no name, bijnaam or number of the wijkagent reaches the channel with the school in it', async () => {
    await transitionTo('2A', { decisionText: 'Beeld is voldoende.', overrideReason: 'Checklist volgt.' });
    await transitionTo('2B', { decisionText: 'Problematische jeugdgroep.', problematisch: 'ja', overrideReason: 'Checklist volgt.' });
    const aanpak = await aanpakNow();
    const regie = aanpak.participants.find((p) => p.aadObjectId === USERS.regie.aadObjectId)!;
    for (const m of MEMBERS) {
      const added = addMember(aanpak, await h.composed.store.listMembers(aanpak.id), { naam: m.naam, bijnamen: m.bijnamen, geboortedatum: m.geboortedatum, adres: m.adres, woonplaats: m.woonplaats, positie: 'kern', bron: 'groepsscan', by: regie.id }, h.clock);
      await h.composed.store.saveMember(added.member);
    }
    expect(await h.composed.store.listMembers(aanpak.id)).toHaveLength(MEMBERS.length);
    const queue = posts(1).filter((p) => p.leak.needsNamenlijst);
    const before = posted.length;
    for (let r = 0; r < 5 && queue.length > 0; r++) await round(queue, [USERS.wijkagent]);
    console.log(`[privacy/http] step 2B: ${posted.length - before} adversarial posts over HTTP; ${posted.length} in total, ${h.connector.sent.length} activities checked`);
    expect(posted.length).toBeGreaterThanOrEqual(50);
    expect(leaks()).toEqual([]);
    // The check is not vacuous: group-level answers of the school do reach the channel.
    const channel = h.connector.sent.filter((x) => x.conversationId === CHANNEL_ID).flatMap((x) => stringsOf(x.activity).map(squash)).join('|');
    const shown = innocentUsed.filter((t) => channel.includes(squash(t)));
    expect(shown.length).toBeGreaterThan(innocentUsed.length / 2);
  }, 60_000);
});
