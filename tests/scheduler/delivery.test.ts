// Every kind of monitoring moment reaches the right place, in simulated time.
import { afterEach, describe, expect, it } from 'vitest';
import { createWorker } from '../../src/scheduler/worker.js';
import { rescheduleAll } from '../../src/scheduler/reschedule.js';
import { gemeenteScope } from '../../src/scheduler/payload.js';
import { atLocalTime } from '../../src/workflow/time.js';
import {
  ACTION_TEXT,
  CHANNEL,
  CONFIG,
  MEMBER_NAME,
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

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function seed(harness: Harness): Promise<void> {
  const { store } = harness;
  const aanpak = aanpakFixture();
  await store.createAanpak(aanpak);
  await storeRefs(store, harness.connector, aanpak);
  await store.saveMember(memberFixture('m1'));
  await store.saveAction(actionFixture('act1'));
  await store.saveAction(actionFixture('act2', { ownerParticipantId: undefined, ownerOrganisation: 'jongerenwerk', due: '2026-05-20', level: 'groep', text: 'Extra jongerenwerk op vrijdagavond' }));
  await store.saveRound(roundFixture('r1'));
  await store.saveAnswer({ roundId: 'r1', aanpakId: 'a1', participantId: 'p-pol', organisation: 'politie', status: 'submitted', items: [], updatedAt: atLocalTime('2026-05-05', '10:00'), submittedAt: atLocalTime('2026-05-05', '10:00') });
}

const inzage = { inzageRequests: async () => [{ id: 'inz1', memberId: 'm1', receivedAt: atLocalTime('2026-05-04', '11:00') }] };

describe('delivery of every monitoring moment', () => {
  it('sends each kind to the channel, the owner or the procesregisseur; the channel gets group-level text only', async () => {
    h = await openHarness(atLocalTime('2026-05-01', '10:00'));
    await seed(h);
    await rescheduleAll(h.store, CONFIG, h.env.now(), inzage);
    const worker = createWorker({ store: h.store, sender: h.outbox, env: h.env, config: CONFIG, batch: 1, logger: silent, reschedule: inzage, workerId: 'w1' });
    const log = await runUntil(h, worker, ['a1', gemeenteScope('Beesel')], atLocalTime('2027-03-03', '12:00'));

    const where = new Map<string, Set<string>>();
    for (const d of log) where.set(d.kind, (where.get(d.kind) ?? new Set()).add(d.conversationId));
    const rs = personalChat('aad-p-rs');
    expect(Object.fromEntries([...where].map(([k, v]) => [k, [...v]]))).toEqual({
      overleg: [CHANNEL],
      evaluatiemoment: [rs],
      'informing-letter': [rs],
      'action-reminder': [personalChat('aad-p-pol'), rs], // act1 to its owner; act2 (no owner) to the procesregisseur
      'action-escalation': [rs],
      'round-nudge-1d': [personalChat('aad-p-jw')],
      'round-nudge-2h': [personalChat('aad-p-jw')],
      'round-deadline': [rs],
      'inzage-reminder': [rs],
      'inzage-deadline': [rs],
      'driehoek-memo': [rs],
      tussenevaluatie: [rs],
      'convenant-evaluatie': [rs],
      'closing-target': [rs],
    });

    // Channel: group-level text only, e.g. "Over 3 dagen: jeugdgroepenoverleg Stationsplein — 2 acties open".
    const channel = log.filter((d) => d.conversationId === CHANNEL);
    expect(channel.length).toBeGreaterThanOrEqual(6); // every 6 weeks for ten months
    for (const d of channel) {
      expect(d.text).toMatch(/Over 3 dagen: jeugdgroepenoverleg Stationsplein — \d+ acties? open/);
      expect(d.text).not.toContain(ACTION_TEXT);
      expect(d.text).not.toContain(MEMBER_NAME);
      expect(d.text).not.toMatch(/Naam p-/);
    }
    // Each overleg is announced once, on a distinct date; every other moment exactly once.
    const overlegDates = channel.map((d) => d.dueAt);
    expect(new Set(overlegDates).size).toBe(overlegDates.length);
    const keys = log.filter((d) => d.kind !== 'overleg').map((d) => d.key);
    expect(new Set(keys).size).toBe(keys.length);

    // Person-level content only in the owner's (or procesregisseur's) 1:1 chat.
    const owner = log.find((d) => d.key === 'action-due:act1')!;
    expect(owner.conversationId).toBe(personalChat('aad-p-pol'));
    expect(owner.text).toContain(ACTION_TEXT);
    expect(log.find((d) => d.kind === 'informing-letter')!.text).toContain(MEMBER_NAME);
    // The round's who-has-answered card at the deadline.
    const deadline = log.find((d) => d.kind === 'round-deadline')!;
    expect(deadline.text).toContain('Naam p-pol');
    expect(deadline.at).toBe(atLocalTime('2026-05-13', '17:00'));
    // Nobody who answered is nudged.
    expect(log.filter((d) => d.kind.startsWith('round-nudge')).map((d) => d.at)).toEqual([
      atLocalTime('2026-05-12', '17:00'),
      atLocalTime('2026-05-13', '15:00'),
    ]);
    // Every delivery is audited without content.
    const audit = await h.store.listAudit('a1');
    const delivered = audit.filter((e) => e.type === 'reminder.delivered');
    expect(delivered.length).toBe(log.length);
    expect(JSON.stringify(audit)).not.toContain(ACTION_TEXT);
    // Reminder payloads are ids, counts and dates only.
    expect(JSON.stringify(await h.store.listReminders('a1'))).not.toMatch(new RegExp(`${ACTION_TEXT}|${MEMBER_NAME}`));
  });
});
