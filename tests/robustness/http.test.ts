// Robustness suite: generated and hand-written hostile input POSTed to /api/messages of the real
// server in local mode (tests/http/harness.ts). For every case: no 5xx, the server still answers
// /healthz, no state change unless the case is legitimate (store snapshot), and a Dutch message
// where a person sent it. Loops are bounded by count (fast-check numRuns, fixed seed) and time.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeMarkdown } from '../../src/cards/escape.js';
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
  type InvokeResult,
  type User, setRoster
} from '../http/harness.js';

const VERV: User = { id: '29:vera', name: 'Vera Vervanger', aadObjectId: 'a0000000-0000-4000-8000-000000000003', email: 'vera@gemeente.example' };
/** Fixed for reproducible CI runs; ROBUSTNESS_SEED=<n> explores other inputs. */
const SEED = Number(process.env.ROBUSTNESS_SEED ?? 20260302);
/** Rough Dutch detector: the bot's messages are short Dutch sentences. */
const DUTCH = /\b(de|het|een|je|jij|niet|kan|ik|deze|dit|typ|alleen|kaart|knop|geen|ken|is|al|verwerkt|verouderd|aanpak|stap|opnieuw|hoort|hier)\b/i;

let h: Harness;
let aanpakId = '';
let cases = 0;
const started = Date.now();

const mark = () => h.connector.sent.length;

interface Snapshot {
  aanpak: { version: number; state: string; participants: number; transitions: number };
  rounds: string[];
  answers: string[];
  members: number;
  actions: number;
  aanpakken: number;
}

async function snapshot(): Promise<Snapshot> {
  const s = h.composed.store;
  const a = (await s.getAanpak(aanpakId))!;
  const rounds = await s.listRounds(aanpakId);
  const answers = (await Promise.all(rounds.map((r) => s.listAnswers(r.id)))).flat();
  return {
    aanpak: { version: a.version, state: a.state, participants: a.participants.filter((p) => !p.removedAt).length, transitions: a.transitions.length },
    rounds: rounds.map((r) => `${r.id}:${r.status}:${r.rodeDraad.length}`).sort(),
    answers: answers.map((x) => `${x.roundId}:${x.participantId}:${x.status}:${x.updatedAt}`).sort(),
    members: (await s.listMembers(aanpakId)).length,
    actions: (await s.listActions(aanpakId)).length,
    aanpakken: (await s.listAanpakkenByChannel(CHANNEL_ID)).length,
  };
}

async function healthy(): Promise<void> {
  const r = await fetch(`${h.url}/healthz`);
  expect(r.status).toBe(200);
}

async function postRaw(body: string, contentType = 'application/json'): Promise<Response> {
  return fetch(`${h.url}/api/messages`, { method: 'POST', headers: { 'content-type': contentType }, body });
}

/** Runs one case: no 5xx, still healthy, and (unless `changes`) the same snapshot afterwards. */
async function check(label: string, run: () => Promise<number>, opts: { changes?: boolean } = {}): Promise<void> {
  const before = await snapshot();
  const status = await run();
  cases++;
  expect(status, `${label}: status`).toBeLessThan(500);
  await healthy();
  if (!opts.changes) expect(await snapshot(), `${label}: no state change`).toEqual(before);
}

/** The Dutch text of an invoke's error/notice card. */
function invokeText(r: InvokeResult): string {
  return cardText(r.card);
}

function roster(users: User[]) {
  setRoster(h, users);
}

async function stepCard(user: User): Promise<Card | undefined> {
  const from = mark();
  await h.say(user, 'stap', 'channel');
  return lastCardWith(h.connector, CHANNEL_ID, 'transition.apply', from);
}

describe('robustness: hostile input at /api/messages', () => {
  beforeAll(async () => {
    h = await startHarness();
    roster([USERS.regie, USERS.wijkagent, USERS.school, VERV]);
    expect((await h.say(USERS.regie, 'nieuwe aanpak Centrum', 'channel')).status).toBe(200);
    const from = mark();
    await h.say(USERS.regie, 'deelnemers', 'channel');
    let card = lastCardWith(h.connector, CHANNEL_ID, 'participant.add', from);
    const add = async (u: User, organisation: string, role: string, extra: Record<string, string> = {}) => {
      const r = await h.invoke(USERS.regie, 'participant.add', { ...actionData(card, 'participant.add'), naam: '', aad: u.email, organisation, role, ...extra }, 'channel');
      expect(r.status).toBe(200);
      card = r.card;
    };
    await add(USERS.wijkagent, 'politie', 'partner', { functie: 'wijkagent' });
    await add(USERS.school, 'school', 'incidenteel', { geheimhouding: '2026-03-01' });
    await add(VERV, 'gemeente', 'vervanger');
    const [a] = await h.composed.store.listAanpakkenByChannel(CHANNEL_ID);
    aanpakId = a!.id;
    expect(a!.participants.map((p) => p.role).sort()).toEqual(['incidenteel', 'partner', 'procesregisseur', 'vervanger']);
    for (const u of [USERS.regie, USERS.wijkagent, USERS.school, VERV, USERS.buiten]) await h.say(u, 'help', 'personal');
  }, 30_000);

  afterAll(async () => {
    const s = ((Date.now() - started) / 1000).toFixed(1);
    console.log(`[robustness] ${cases} cases in ${s} s `);
    await h?.close();
  });

  it('malformed JSON and non-activities get a 4xx, never a 5xx', async () => {
    const bodies = fc.sample(
      fc.oneof(
        fc.string({ maxLength: 60 }),
        fc.constantFrom('{', '{"type":', '[1,2', '{"type":"message",}', 'null', '"x"', '[]', '{}', '{"type":1}', '\u0000', '{"type":"message"'),
        fc.json().map((j) => j.slice(0, Math.max(1, j.length - 1))),
      ),
      { numRuns: 100, seed: SEED },
    );
    for (const body of bodies) {
      await check(`body ${JSON.stringify(body)}`, async () => (await postRaw(body)).status);
    }
    // Wrong content types.
    for (const ct of ['text/plain', 'application/xml', 'multipart/form-data']) {
      await check(`content-type ${ct}`, async () => (await postRaw('{"type":"message"}', ct)).status);
    }
  });

  it('missing and wrong-typed fields in otherwise valid activities: no 5xx, no change', async () => {
    const fields = ['type', 'id', 'from', 'conversation', 'recipient', 'serviceUrl', 'channelId', 'text', 'channelData', 'value', 'name', 'timestamp', 'entities', 'locale'];
    const junk = fc.oneof(fc.constant(undefined), fc.constant(null), fc.integer(), fc.boolean(), fc.string({ maxLength: 20 }), fc.array(fc.integer(), { maxLength: 3 }), fc.object({ maxDepth: 1 }));
    const samples = fc.sample(fc.tuple(fc.constantFrom(...fields), junk, fc.constantFrom('message', 'invoke'), fc.constantFrom(USERS.wijkagent, USERS.school, USERS.buiten)), { numRuns: 200, seed: SEED + 1 });
    for (const [field, value, type, user] of samples) {
      const base =
        type === 'message'
          ? h.activity(user, 'personal', { type: 'message', text: 'status' })
          : h.activity(user, 'personal', { type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: 'transition.apply', data: { aanpakId, to: '2A' } } } });
      const a: Record<string, unknown> = { ...base };
      if (value === undefined) delete a[field];
      else a[field] = value;
      await check(`${type}.${field}=${JSON.stringify(value)}`, async () => (await h.post(a)).status);
    }
  });

  it('unknown activity types are ignored ', async () => {
    const types = fc.sample(
      fc.oneof(
        fc.string({ minLength: 1, maxLength: 20 }).filter((t) => t !== 'invoke'),
        fc.constantFrom('typing', 'endOfConversation', 'event', 'trace', 'handoff', 'installationUpdate', 'messageReaction', 'messageUpdate', 'messageDelete', 'suggestion', 'conversationUpdate'),
      ),
      { numRuns: 60, seed: SEED + 2 },
    );
    for (const type of types) await check(`type ${type}`, async () => (await h.post(h.activity(USERS.wijkagent, 'channel', { type, text: 'stap', value: { verb: 'transition.apply', aanpakId } }))).status);
  });

  it('oversized bodies get 413; oversized texts within the limit get a Dutch answer', async () => {
    for (const size of [300_000, 1_000_000, 3_000_000]) {
      await check(`body ${size}`, async () => {
        const r = await h.post(h.activity(USERS.wijkagent, 'personal', { type: 'message', text: 'x'.repeat(size) }));
        expect(r.status).toBe(413);
        return r.status;
      });
    }
    for (const size of [10_000, 100_000, 200_000]) {
      const from = mark();
      await check(`text ${size}`, async () => (await h.say(USERS.wijkagent, `status ${'ä'.repeat(size / 2)}`, 'personal')).status);
      expect(h.connector.sent.length, `text ${size}: the sender gets an answer`).toBeGreaterThan(from);
    }
    // An oversized answer in a card submission is refused or truncated, never a crash.
    await check('invoke with a 200 KB answer', async () => (await h.invoke(USERS.wijkagent, 'round.submit', { aanpakId, roundId: 'nope', 'answer.CV-1': 'y'.repeat(200_000) }, 'personal')).status);
  });

  it('unknown verbs get a Dutch "ken ik niet" card', async () => {
    const verbs = fc.sample(fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('admin.delete', 'aanpak.destroy', '__proto__', 'constructor', 'transition.apply ', 'TRANSITION.APPLY')), { numRuns: 60, seed: SEED + 4 });
    for (const verb of verbs) {
      let r: InvokeResult | undefined;
      await check(`verb ${JSON.stringify(verb)}`, async () => {
        r = await h.invoke(USERS.regie, verb, { aanpakId, to: '2A', decisionText: 'x' }, 'channel');
        return r.status;
      });
      expect(invokeText(r!), `verb ${verb}`).toMatch(DUTCH);
    }
  });

  it('R-X-16: card actions by someone outside the aanpak, by a non-regisseur, or with a forged role change nothing', async () => {
    const verbs = ['transition.apply', 'round.close', 'rodedraad.save', 'participant.add', 'participant.remove', 'participant.geheimhouding', 'member.add', 'member.remove', 'checklist.tick', 'round.submit', 'action.done', 'card.open'];
    const forged = { role: 'procesregisseur', organisation: 'gemeente', participantId: 'p-regie', isRegisseur: true, from: '1', to: '2A', decisionText: 'Gedwongen', overrideReason: 'x', aad: USERS.buiten.email, roundId: 'r1', memberNaam: 'Kevin de Vries', card: 'transition' };
    const users = [USERS.buiten, USERS.wijkagent, USERS.school];
    const samples = fc.sample(fc.tuple(fc.constantFrom(...verbs), fc.constantFrom(...users), fc.subarray(Object.keys(forged)), fc.constantFrom<'channel' | 'personal'>('channel', 'personal')), { numRuns: 90, seed: SEED + 5 });
    for (const [verb, user, keys, where] of samples) {
      const data: Record<string, unknown> = { aanpakId };
      for (const k of keys) data[k] = forged[k as keyof typeof forged];
      let r: InvokeResult | undefined;
      // card.open and round.submit/refresh may legitimately answer with a card; nothing else may change.
      await check(`${verb} by ${user.name} ${keys.join(',')}`, async () => {
        r = await h.invoke(user, verb, data, where);
        return r.status;
      });
      expect(invokeText(r!), `${verb} by ${user.name}: a Dutch answer`).toMatch(DUTCH);
    }
  });

  it('replayed activity ids change nothing twice', async () => {
    const before = await snapshot();
    const card = await stepCard(USERS.regie);
    const a = h.activity(USERS.regie, 'channel', {
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb: 'transition.apply', data: { ...actionData(card, 'transition.apply'), to: '2A', decisionText: 'Door naar 2A.', overrideReason: 'Checklist volgt.' } } },
    });
    const first = await h.post(a);
    expect(first.status).toBe(200);
    const after = await snapshot();
    expect(after.aanpak.state).toBe('2A');
    expect(after.aanpak.transitions).toBe(before.aanpak.transitions + 1);
    for (let k = 0; k < 15; k++) await check(`replay ${k}`, async () => (await h.post(a)).status);
    // The same message id twice: one answer only.
    const msg = h.activity(USERS.wijkagent, 'personal', { type: 'message', text: 'status' });
    const from = mark();
    await h.post(msg);
    const once = h.connector.sent.length - from;
    for (let k = 0; k < 5; k++) await check(`replay message ${k}`, async () => (await h.post(msg)).status);
    expect(h.connector.sent.length - from).toBe(once);
  });

  it('a stale card (for a step the aanpak has left) is refused with a Dutch message', async () => {
    // The 'stap' card was rendered in 1; the aanpak is in 2A now. Re-render a step-1 card's data.
    const card = await stepCard(USERS.regie);
    const data = actionData(card, 'transition.apply')!;
    for (const from of ['1', '2B', '5', 'gesloten']) {
      let r: InvokeResult | undefined;
      await check(`stale from ${from}`, async () => {
        r = await h.invoke(USERS.regie, 'transition.apply', { ...data, from, step: from, to: '2B', decisionText: 'x', problematisch: 'ja', overrideReason: 'x' }, 'channel');
        return r.status;
      });
      expect(invokeText(r!)).toMatch(/verouderd|kaart/i);
    }
    // A stale version number on a card without a step.
    const { from: _from, step: _step, ...noStep } = data;
    let r: InvokeResult | undefined;
    await check('stale version', async () => {
      r = await h.invoke(USERS.regie, 'transition.apply', { ...noStep, version: 1, to: '2B', decisionText: 'x', problematisch: 'ja', overrideReason: 'x' }, 'channel');
      return r.status;
    });
    expect(invokeText(r!)).toMatch(DUTCH);
  });

  it('concurrent transitions by two regisseurs: one wins, the other gets a Dutch conflict message', async () => {
    const targets: [string, Record<string, string>][] = [
      ['2B', { problematisch: 'ja' }],
      ['3', {}],
      ['4', {}],
    ];
    for (const [to, extra] of targets) {
      const before = await snapshot();
      const [c1, c2] = [await stepCard(USERS.regie), await stepCard(VERV)];
      const fields = { to, decisionText: `Door naar ${to}.`, overrideReason: 'Checklist volgt.', ...extra };
      const [r1, r2] = await Promise.all([
        h.invoke(USERS.regie, 'transition.apply', { ...actionData(c1, 'transition.apply'), ...fields }, 'channel'),
        h.invoke(VERV, 'transition.apply', { ...actionData(c2, 'transition.apply'), ...fields }, 'channel'),
      ]);
      cases += 2;
      expect([r1.status, r2.status]).toEqual([200, 200]);
      await healthy();
      const after = await snapshot();
      expect(after.aanpak.state, `to ${to}`).toBe(to);
      expect(after.aanpak.transitions, `to ${to}: exactly one transition`).toBe(before.aanpak.transitions + 1);
      const texts = [invokeText(r1), invokeText(r2)];
      const losers = texts.filter((t) => /verouderd|gewijzigd|tegelijk|al /i.test(t));
      expect(losers.length, `to ${to}: one conflict message (${texts.join(' || ')})`).toBe(1);
      expect(losers[0]).toMatch(DUTCH);
    }
  });

  it('markdown and HTML in answers are shown escaped on the flipover', async () => {
    const texts = fc.sample(
      fc.tuple(
        fc.constantFrom('**vet**', '_schuin_', '[klik](https://example.org)', '<b>html</b>', '<script>alert(1)</script>', '# Kop', '- lijst', '1. genummerd', '`code`', '~~weg~~', '{{DATE(2026-01-01)}}', '> quote', '| a | b |', '&amp; &lt;'),
        fc.constantFrom('overlast bij de sporthal', 'groep van tien', 'vooral op vrijdag'),
      ),
      { numRuns: 40, seed: SEED + 6 },
    ).map(([md, words], i) => `${words} ${md} ${i}`);
    const opened = mark();
    await h.say(USERS.regie, 'rondvraag', 'channel');
    const progress = lastCardWith(h.connector, CHANNEL_ID, 'round.close', opened);
    expect(progress).toBeDefined();
    const submitted: string[] = [];
    let k = 0;
    for (const user of [USERS.wijkagent, VERV]) {
      const card = lastCardWith(h.connector, personalId(user), 'round.submit', opened);
      if (!card) continue;
      const ids = inputIds(card).filter((id) => id.startsWith('answer.'));
      const values = Object.fromEntries(ids.map((id) => [id, texts[k++ % texts.length]!]));
      submitted.push(...Object.values(values));
      let r: InvokeResult | undefined;
      await check(`markdown answers by ${user.name}`, async () => {
        r = await h.invoke(user, 'round.submit', { ...actionData(card, 'round.submit'), ...values }, 'personal');
        return r.status;
      }, { changes: true });
      expect(invokeText(r!)).toContain('verstuurd');
    }
    expect(submitted.length).toBeGreaterThan(0);
    h.clock.advance(DAY);
    const closing = mark();
    await check('close markdown round', async () => (await h.invoke(USERS.regie, 'round.close', actionData(progress, 'round.close')!, 'channel')).status, { changes: true });
    const shown = cardsTo(h.connector, CHANNEL_ID, closing).map((c) => JSON.stringify(c)).join('\n');
    let found = 0;
    for (const t of submitted) {
      // Literal (escaped) text may appear; the raw markdown may not.
      if (shown.includes(JSON.stringify(escapeMarkdown(t)).slice(1, -1))) found++;
      if (escapeMarkdown(t) !== t) expect(shown, t).not.toContain(JSON.stringify(t).slice(1, -1));
    }
    expect(found, 'the answers are on the flipover, escaped').toBeGreaterThan(0);
  });

  it('Unicode tricks in commands and texts: no 5xx, a Dutch answer', async () => {
    const tricks = fc.sample(
      fc.tuple(
        fc.constantFrom('help', 'status', 'stap', 'namenlijst', 'rondvraag', 'acties', 'deelnemers', 'onzin'),
        fc.constantFrom('\u200b', '\u200d', '\u00ad', '\u200f', '\u202e', '\ufeff', 'е', 'ℎ', 'ｈ', '\u0301', '\ud83d\ude00', '\ud800', '\u0000', '\u2028'),
        fc.nat(12),
      ),
      { numRuns: 60, seed: SEED + 7 },
    );
    for (const [cmd, trick, at] of tricks) {
      const text = cmd.slice(0, at % (cmd.length + 1)) + trick + cmd.slice(at % (cmd.length + 1));
      const from = mark();
      // Commands in a 1:1 chat only read; the channel 'rondvraag' would open a round, so personal only.
      await check(`unicode ${JSON.stringify(text)}`, async () => (await h.say(USERS.wijkagent, text, 'personal')).status);
      const answers = h.connector.sent.slice(from).filter((s) => s.conversationId === personalId(USERS.wijkagent));
      expect(answers.length, `${JSON.stringify(text)}: an answer`).toBeGreaterThan(0);
      expect(answers.map((s) => `${String(s.activity.text ?? '')} ${JSON.stringify(s.activity.attachments ?? '')}`).join(' '), JSON.stringify(text)).toMatch(DUTCH);
    }
  });

  it('ran at least 500 cases within the time bound', () => {
    expect(cases).toBeGreaterThanOrEqual(500);
    expect(Date.now() - started).toBeLessThan(90_000);
  });
});
