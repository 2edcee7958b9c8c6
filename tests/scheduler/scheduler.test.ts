// Rescheduling after changes, quiet hours, DST, downtime ("te laat"), snooze and done, retention,
// and the procesregisseur's overview, all in simulated time.
import { afterEach, describe, expect, it } from 'vitest';
import { createRemindersPlugin } from '../../src/bot/reminders.js';
import type { Turn } from '../../src/bot/types.js';
import { rescheduleAanpak } from '../../src/scheduler/reschedule.js';
import { parsePayload } from '../../src/scheduler/payload.js';
import { createWorker } from '../../src/scheduler/worker.js';
import { addDays, atLocalTime, localTime } from '../../src/workflow/time.js';
import type { Aanpak } from '../../src/workflow/types.js';
import {
  ACTION_TEXT,
  CHANNEL,
  CONFIG,
  actionFixture,
  aanpakFixture,
  memberFixture,
  openHarness,
  personalChat,
  roundFixture,
  silent,
  storeRefs,
  type Harness,
} from './helpers.js';
import { runUntil } from './run.js';

/** The card's "te laat" badge (not the title "Actie te laat"). */
const LATE_BADGE = '"text":"te laat"';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function setup(start: string, aanpak: Aanpak = aanpakFixture()): Promise<Harness> {
  h = await openHarness(start);
  await h.store.createAanpak(aanpak);
  await storeRefs(h.store, h.connector, aanpak);
  return h;
}

function worker(harness: Harness, batch = 10) {
  return createWorker({ store: harness.store, sender: harness.outbox, env: harness.env, config: CONFIG, batch, logger: silent, workerId: 'w1' });
}

async function pendingKeys(harness: Harness, aanpakId = 'a1'): Promise<string[]> {
  return (await harness.store.listReminders(aanpakId)).filter((r) => r.status === 'pending').map((r) => r.key ?? '').sort();
}

async function saveAanpak(harness: Harness, change: (a: Aanpak) => Aanpak): Promise<void> {
  const a = (await harness.store.getAanpak('a1'))!;
  await harness.store.saveAanpak(change(a), a.version);
}

function turn(aad: string, personal = true): Turn {
  return { actor: { aadObjectId: aad, name: aad }, conversationId: personal ? personalChat(aad) : CHANNEL, conversationType: personal ? 'personal' : 'channel' };
}

describe('rescheduling and cancelling after changes', () => {
  it('a new step, an action done, a member removed and a closed aanpak reschedule or cancel what they affect', async () => {
    const harness = await setup(atLocalTime('2026-05-01', '10:00'));
    const { store, env } = harness;
    await store.saveMember(memberFixture('m1'));
    await store.saveAction(actionFixture('act1'));
    await store.saveRound(roundFixture('r1'));
    await rescheduleAanpak(store, 'a1', CONFIG, env.now());
    expect(await pendingKeys(harness)).toEqual(
      expect.arrayContaining(['action-due:act1', 'action-overdue:act1', 'informing:m1', 'round-nudge-1d:r1:p-jw', 'round-nudge-1d:r1:p-pol', 'overleg:a1', 'tussenevaluatie:a1']),
    );

    // New step: an evaluatiemoment for the new transition.
    await saveAanpak(harness, (a) => ({ ...a, state: '7', transitions: [...a.transitions, { from: '6', to: '7', by: 'p-rs', at: env.now().toISOString(), decisionText: 'Afschalen' }] }));
    let r = await rescheduleAanpak(store, 'a1', CONFIG, env.now());
    expect(r.scheduled).toContain('evaluatiemoment:a1:1');
    expect(r.cancelled).toContain('evaluatiemoment:a1:0');

    // Action done: its reminder and escalation go.
    await store.saveAction(actionFixture('act1', { status: 'gedaan', doneAt: env.now().toISOString() }));
    r = await rescheduleAanpak(store, 'a1', CONFIG, env.now());
    expect(r.cancelled).toEqual(expect.arrayContaining(['action-due:act1', 'action-overdue:act1']));

    // Member removed: no informing letter reminder, but the member's retention term starts.
    await store.saveMember(memberFixture('m1', { removedAt: env.now().toISOString(), removalReason: 'verhuisd' }));
    r = await rescheduleAanpak(store, 'a1', CONFIG, env.now());
    expect(r.cancelled).toContain('informing:m1');
    expect(r.scheduled).toEqual(expect.arrayContaining(['retention-destroy-member:a1:m1', 'destroy-announcement:a1:m1']));

    // A participant removed: no more nudges for them.
    await saveAanpak(harness, (a) => ({ ...a, participants: a.participants.map((p) => (p.id === 'p-jw' ? { ...p, removedAt: env.now().toISOString() } : p)) }));
    r = await rescheduleAanpak(store, 'a1', CONFIG, env.now());
    expect(r.cancelled).toEqual(expect.arrayContaining(['round-nudge-1d:r1:p-jw', 'round-nudge-2h:r1:p-jw']));

    // Unchanged: rescheduling again writes nothing.
    expect(await rescheduleAanpak(store, 'a1', CONFIG, env.now())).toEqual({ scheduled: [], cancelled: [] });

    // Closed: monitoring stops, only retention remains.
    const closedAt = env.now().toISOString();
    await saveAanpak(harness, (a) => ({ ...a, state: 'gesloten', lastStep: '7', closedAt, transitions: [...a.transitions, { from: '7', to: 'gesloten', by: 'p-rs', at: closedAt, decisionText: 'Doelen bereikt' }] }));
    await rescheduleAanpak(store, 'a1', CONFIG, env.now());
    const left = await pendingKeys(harness);
    expect(left.every((k) => k.startsWith('retention-') || k.startsWith('destroy-announcement'))).toBe(true);
    expect(left).toEqual(expect.arrayContaining(['retention-inactief:a1', 'retention-destroy-aanpak:a1', 'destroy-announcement:a1']));
  });

  it('R-7-1: retention runs through the executor: inactief at closing, a destroy announced 2 weeks before, then destroyed', async () => {
    const closedAt = atLocalTime('2026-05-04', '10:00');
    const harness = await setup(atLocalTime('2026-05-04', '10:05'), aanpakFixture({ state: 'gesloten', lastStep: '7', closedAt }));
    const { store, env } = harness;
    await rescheduleAanpak(store, 'a1', CONFIG, env.now());
    const w = worker(harness, 1);
    const log = await runUntil(harness, w, ['a1'], atLocalTime('2028-06-01', '12:00'));
    expect((await store.getAanpak('a1'))?.state).toBe('vernietigd');
    // Beesel R-X-72: 2 years after closing; announced to the procesregisseur 2 weeks before (a working day).
    expect(log.map((d) => [d.kind, d.conversationId])).toEqual([['destroy-announcement', personalChat('aad-p-rs')]]);
    expect(log[0]!.text).toContain('Het dossier Stationsplein wordt op 4 mei 2028 vernietigd');
    const audit = (await store.listAudit('a1')).map((e) => e.type);
    expect(audit).toEqual(expect.arrayContaining(['retention.inactief', 'retention.destroy_aanpak']));
  });
});

describe('quiet hours, DST and downtime', () => {
  it('a reminder claimed in quiet hours (weekend) is not sent but released to Monday 08:00', async () => {
    const harness = await setup(atLocalTime('2026-05-01', '10:00'));
    await harness.store.saveAction(actionFixture('act1'));
    await rescheduleAanpak(harness.store, 'a1', CONFIG, harness.env.now());
    // The bot was down from Wednesday; it comes back on Saturday 11:00.
    harness.env.set(atLocalTime('2026-05-09', '11:00'));
    const w = worker(harness);
    const r = await w.tick();
    expect(r.outcomes.deferred).toBeGreaterThan(0);
    expect(harness.connector.sent).toHaveLength(0);
    const due = (await harness.store.listReminders('a1')).find((x) => x.key === 'action-due:act1')!;
    expect(due.dueAt).toBe(atLocalTime('2026-05-11', '08:00'));
    harness.env.set(atLocalTime('2026-05-11', '08:00'));
    await w.tick();
    expect(harness.connector.sent.map((s) => s.conversationId)).toContain(personalChat('aad-p-pol'));
  });

  it('a reminder more than a day late after downtime is sent on start and marked "te laat"; a punctual one is not', async () => {
    const harness = await setup(atLocalTime('2026-05-01', '10:00'));
    await harness.store.saveAction(actionFixture('act1'));
    await rescheduleAanpak(harness.store, 'a1', CONFIG, harness.env.now());
    harness.env.set(atLocalTime('2026-05-06', '09:00')); // punctual: the action reminder
    const w = worker(harness);
    await w.tick();
    const punctual = harness.connector.sent.find((s) => s.conversationId === personalChat('aad-p-pol'))!;
    expect(JSON.stringify(punctual.activity)).toContain(ACTION_TEXT);
    expect(JSON.stringify(punctual.activity)).not.toContain(LATE_BADGE);
    // The evaluatiemoment of 16 April was due before the worker ever ran: sent now, "te laat".
    const evaluatie = harness.connector.sent.find((s) => JSON.stringify(s.activity).includes('Evaluatiemoment'))!;
    expect(JSON.stringify(evaluatie.activity)).toContain(LATE_BADGE);
    // Down until Wednesday 13 May: the escalation (due Monday 11 May 09:00) is two days late.
    harness.env.set(atLocalTime('2026-05-13', '10:00'));
    await w.tick();
    const late = harness.connector.sent.at(-1)!;
    expect(late.conversationId).toBe(personalChat('aad-p-rs'));
    expect(JSON.stringify(late.activity)).toContain(LATE_BADGE);
    expect(JSON.stringify(late.activity)).toContain('Actie te laat');
  });

  it('the overleg reminder keeps its local time across the DST change and rolls on after delivery', async () => {
    // Created 12 March 2026 10:00 CET: the overleg on 23 April is 10:00 CEST (08:00 UTC).
    const harness = await setup(atLocalTime('2026-03-12', '11:00'), aanpakFixture({ createdAt: atLocalTime('2026-03-12', '10:00'), transitions: [], planVastgesteldAt: undefined, state: '3' }));
    await rescheduleAanpak(harness.store, 'a1', CONFIG, harness.env.now());
    const w = worker(harness);
    harness.env.set('2026-04-20T07:59:00.000Z');
    await w.tick();
    expect(harness.connector.sent).toHaveLength(0);
    harness.env.set('2026-04-20T08:00:00.000Z'); // Monday 10:00 CEST
    await w.tick();
    expect(harness.connector.sent).toHaveLength(1);
    expect(harness.connector.sent[0]!.conversationId).toBe(CHANNEL);
    expect(JSON.stringify(harness.connector.sent[0]!.activity)).toContain('23 apr 2026, 10:00');
    // Recurring: the next overleg (4 June) is scheduled at once.
    const next = (await harness.store.listReminders('a1')).find((r) => r.key === 'overleg:a1')!;
    expect(next.status).toBe('pending');
    expect(parsePayload(next.payload)!.item.data.overlegAt).toBe(atLocalTime('2026-06-04', '10:00'));
    // Across the October change: the overleg of 19 November is announced on 16 November 10:00 CET.
    const log = await runUntil(harness, w, ['a1'], '2026-11-17T00:00:00.000Z');
    const overleg = log.filter((d) => d.kind === 'overleg');
    expect(overleg.map((d) => localTime(d.at))).toEqual(overleg.map(() => '10:00'));
    expect(overleg.at(-1)!.dueAt).toBe('2026-11-16T09:00:00.000Z');
  });
});

describe('snooze and done', () => {
  it('"later: 1 dag" repeats the reminder a day later (after the weekend), "gedaan" marks the action done and cancels the escalation', async () => {
    const harness = await setup(atLocalTime('2026-05-01', '10:00'));
    const { store, env } = harness;
    await store.saveAction(actionFixture('act1'));
    await rescheduleAanpak(store, 'a1', CONFIG, env.now());
    const plugin = createRemindersPlugin({ store, env, config: CONFIG, afterChange: async (id) => void (await rescheduleAanpak(store, id, CONFIG, env.now())) });
    const w = worker(harness);
    env.set(atLocalTime('2026-05-06', '09:00'));
    await w.tick();
    const reminder = (await store.listReminders('a1')).find((r) => r.key === 'action-due:act1')!;
    expect(reminder.status).toBe('done');

    // Snooze on Friday 8 May 16:00 for a day: Saturday is quiet, so Monday 08:00.
    env.set(atLocalTime('2026-05-08', '16:00'));
    const snoozed = await plugin.action!(turn('aad-p-pol'), 'reminder.snooze', { aanpakId: 'a1', reminderId: reminder.id, days: 1 });
    expect(JSON.stringify(snoozed!.invoke!.card)).toContain('Ik herinner je op');
    const copy = (await store.listReminders('a1')).find((r) => r.key === 'snooze:action-due:act1')!;
    expect(copy.dueAt).toBe(atLocalTime('2026-05-11', '08:00'));
    // "1 week" keeps the time of day (Friday 16:00 → Friday 15 May 16:00) and replaces the earlier snooze.
    await plugin.action!(turn('aad-p-pol'), 'reminder.snooze', { aanpakId: 'a1', reminderId: reminder.id, days: 7 });
    expect((await store.listReminders('a1')).filter((r) => r.key === 'snooze:action-due:act1').map((r) => r.dueAt)).toEqual([atLocalTime('2026-05-15', '16:00')]);
    await plugin.action!(turn('aad-p-pol'), 'reminder.snooze', { aanpakId: 'a1', reminderId: reminder.id, days: 1 });

    // The escalation (Monday 09:00) and the snoozed reminder (Monday 08:00).
    const before = harness.connector.sent.length;
    env.set(atLocalTime('2026-05-11', '08:00'));
    await w.tick();
    const again = harness.connector.sent.slice(before);
    expect(again.map((s) => s.conversationId)).toEqual([personalChat('aad-p-pol')]);
    expect(JSON.stringify(again[0]!.activity)).toContain(ACTION_TEXT);
    const snoozeRow = (await store.listReminders('a1')).find((r) => r.key === 'snooze:action-due:act1')!;

    // Gedaan on the snoozed card: the action is done, the escalation is cancelled before it is sent.
    const done = await plugin.action!(turn('aad-p-pol'), 'reminder.done', { aanpakId: 'a1', reminderId: snoozeRow.id });
    expect(JSON.stringify(done!.invoke!.card)).toContain('De actie staat op gedaan');
    expect((await store.getAction('a1', 'act1'))?.status).toBe('gedaan');
    expect(await pendingKeys(harness)).not.toContain('action-overdue:act1');
    env.set(atLocalTime('2026-05-11', '09:30'));
    await w.tick();
    expect(harness.connector.sent.slice(before)).toHaveLength(1);
  });

  it('"gedaan" on a channel reminder acknowledges it; only participants may; snooze needs 1 day or 1 week', async () => {
    const harness = await setup(atLocalTime('2026-05-01', '10:00'));
    const { store, env } = harness;
    await rescheduleAanpak(store, 'a1', CONFIG, env.now());
    const plugin = createRemindersPlugin({ store, env, config: CONFIG });
    const w = worker(harness, 1);
    const log = await runUntil(harness, w, ['a1'], atLocalTime('2026-05-22', '12:00'));
    expect(log.at(-1)!.kind).toBe('overleg');
    // The delivered card's id still resolves after the overleg rolled on to its next occurrence.
    const id = (await store.listAudit('a1')).filter((e) => e.type === 'reminder.delivered').at(-1)!.data!.reminderId;
    expect((await store.listReminders('a1')).find((r) => r.id === id)?.status).toBe('pending');
    const ok = await plugin.action!(turn('aad-p-jw', false), 'reminder.done', { aanpakId: 'a1', reminderId: String(id) });
    expect(JSON.stringify(ok!.invoke!.card)).toContain('Genoteerd');
    expect((await store.listAudit('a1')).some((e) => e.type === 'reminder.acknowledged' && e.actor === 'p-jw')).toBe(true);
    const outsider = await plugin.action!(turn('aad-stranger', false), 'reminder.done', { aanpakId: 'a1', reminderId: String(id) });
    expect(JSON.stringify(outsider!.out[0]!.card)).toContain('Je doet niet (meer) mee');
    const bad = await plugin.action!(turn('aad-p-jw'), 'reminder.snooze', { aanpakId: 'a1', reminderId: String(id), days: 3 });
    expect(JSON.stringify(bad!.out[0]!.card)).toContain('1 dag of 1 week');
    expect(await plugin.action!(turn('aad-p-jw'), 'round.submit', {})).toBeUndefined();
  });
});

describe('overzicht', () => {
  it('shows the 12 aanpakken of the gemeente, overdue actions first, then the nearest moment', async () => {
    const harness = await setup(atLocalTime('2026-05-01', '10:00'));
    const { store, env } = harness;
    // 11 more aanpakken, created on different days so their next overleg differs.
    const names = ['Markt', 'Kerkplein', 'Haven', 'Station-Noord', 'Parkzicht', 'Molenweg', 'Schoolstraat', 'Dorpshuis', 'Sportpark', 'Winkelcentrum', 'Bibliotheek'];
    for (const [i, name] of names.entries()) {
      const id = `b${i}`;
      await store.createAanpak(aanpakFixture({ id, name, channelId: `19:${id}`, createdAt: addDays(atLocalTime('2026-03-02', '10:00'), i + 1), transitions: [], planVastgesteldAt: undefined }));
    }
    // Overdue actions: b3 has 2, b7 has 1; open rounds on b1.
    for (const [aanpakId, n] of [['b3', 2], ['b7', 1]] as const) {
      for (let k = 0; k < n; k += 1) await store.saveAction(actionFixture(`${aanpakId}-x${k}`, { aanpakId, due: '2026-04-20' }));
    }
    await store.saveRound(roundFixture('rb1', { aanpakId: 'b1', deadline: atLocalTime('2026-05-20', '17:00') }));
    for (const a of await store.listAanpakkenByGemeente('Beesel')) await rescheduleAanpak(store, a.id, CONFIG, env.now());
    const plugin = createRemindersPlugin({ store, env, config: CONFIG });

    const res = await plugin.command!(turn('aad-p-rs'), 'overzicht');
    const msg = res!.out[0]!;
    expect(msg.to).toEqual({ kind: 'reply' });
    // Group-level content only: names of aanpakken.
    expect(msg.contents.every((c) => c.level === 'groep')).toBe(true);
    const body = (msg.card.content.body as { type: string; rows?: { cells: { items: { text: string }[] }[] }[] }[]).find((b) => b.type === 'Table')!;
    const rows = body.rows!.slice(1).map((r) => r.cells.map((c) => c.items[0]!.text));
    expect(rows).toHaveLength(12);
    expect(rows[0]![0]).toBe('Station-Noord'); // b3: 2 overdue
    expect(rows[1]![0]).toBe('Dorpshuis'); // b7: 1 overdue
    // The rest by nearest moment: every one has an overleg; the earlier start comes first.
    const rest = rows.slice(2).map((r) => r[0]);
    const expected = await Promise.all(
      (await store.listAanpakkenByGemeente('Beesel'))
        .filter((a) => a.id !== 'b3' && a.id !== 'b7')
        .map(async (a) => ({ name: a.name, next: Math.min(...(await store.listReminders(a.id)).filter((r) => r.status === 'pending').map((r) => Date.parse(r.dueAt))) })),
    );
    expect(rest).toEqual(expected.sort((x, y) => x.next - y.next || x.name.localeCompare(y.name)).map((x) => x.name));
    expect(rows.find((r) => r[0] === 'Kerkplein')![4]).toBe('1'); // b1: one open round
    expect(rows[0]![3]).toContain('2');

    // Asked in the channel: the card goes to the procesregisseur's 1:1, the channel only hears where.
    const inChannel = await plugin.command!(turn('aad-p-rs', false), 'overzicht');
    expect(inChannel!.out[0]!.to).toEqual({ kind: 'direct', aanpakId: expect.any(String), participantId: 'p-rs' });
    expect(JSON.stringify(inChannel!.out[1]!.card)).not.toContain('Station-Noord');

    // Others are refused in Dutch.
    const refused = await plugin.command!(turn('aad-p-pol'), 'overzicht');
    expect(JSON.stringify(refused!.out[0]!.card)).toContain('alleen voor de procesregisseur');
    expect(await plugin.command!(turn('aad-p-rs'), 'status')).toBeUndefined();
  });
});
