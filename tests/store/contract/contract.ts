// The store contract: every adapter must pass these tests unchanged.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../../src/store/audit.js';
import { ConflictError, ShreddedError, type Reminder, type Store } from '../../../src/store/port.js';
import type { AuditEvent } from '../../../src/workflow/types.js';
import { aanpak, action, answer, KNOWN_ANSWER, KNOWN_NAME, member, participant, plan, round } from './fixtures.js';

/** One empty backing store; `open()` gives a further instance on the same data (another "process"). */
export interface StoreHarness {
  open(): Promise<Store>;
  cleanup(): Promise<void>;
}

const T0 = new Date('2025-02-01T10:00:00.000Z');
const at = (ms: number): string => new Date(T0.getTime() + ms).toISOString();
const event = (aanpakId: string, type: string, extra: Partial<AuditEvent> = {}): AuditEvent => ({
  aanpakId,
  type,
  actor: 'p-regisseur',
  at: T0.toISOString(),
  ...extra,
});

export function runStoreContract(name: string, makeHarness: () => Promise<StoreHarness>): void {
  describe(`store contract: ${name}`, () => {
    let harness: StoreHarness;
    let store: Store;
    const opened: Store[] = [];
    const another = async (): Promise<Store> => {
      const s = await harness.open();
      opened.push(s);
      return s;
    };

    beforeEach(async () => {
      harness = await makeHarness();
      store = await another();
    });
    afterEach(async () => {
      for (const s of opened.splice(0)) await s.close();
      await harness.cleanup();
    });

    describe('aanpak', () => {
      it('creates with version 1 and reads back the whole aggregate', async () => {
        const created = await store.createAanpak(aanpak('a1', { version: 7 }));
        expect(created.version).toBe(1);
        expect(await store.getAanpak('a1')).toEqual(aanpak('a1'));
        expect(await store.getAanpak('nope')).toBeUndefined();
      });

      it('refuses to create an id twice', async () => {
        await store.createAanpak(aanpak('a1'));
        await expect(store.createAanpak(aanpak('a1', { name: 'other' }))).rejects.toBeInstanceOf(ConflictError);
        expect((await store.getAanpak('a1'))?.name).toBe('Groep a1');
      });

      it('saves with version + 1 and rejects a stale save without writing anything', async () => {
        await store.createAanpak(aanpak('a1'));
        const saved = await store.saveAanpak({ ...aanpak('a1'), state: '2A', channelId: 'c-new' }, 1);
        expect(saved.version).toBe(2);
        const stale = store.saveAanpak({ ...aanpak('a1'), name: 'stale', channelId: 'c-stale', participants: [] }, 1);
        await expect(stale).rejects.toBeInstanceOf(ConflictError);
        await expect(stale).rejects.toMatchObject({ expectedVersion: 1, actualVersion: 2 });
        const now = await store.getAanpak('a1');
        expect(now).toMatchObject({ version: 2, state: '2A', name: 'Groep a1', channelId: 'c-new' });
        expect(await store.listAanpakkenByChannel('c-stale')).toEqual([]);
        expect((await store.findAanpakkenByParticipant('aad-politie')).map((a) => a.id)).toEqual(['a1']);
      });

      it('stores a change and its audit events together; a stale save writes neither', async () => {
        await store.createAanpak(aanpak('a1'), [event('a1', 'aanpak.created')]);
        await store.saveAanpak({ ...aanpak('a1'), state: '2A' }, 1, [event('a1', 'aanpak.transitioned', { data: { from: '1', to: '2A' } })]);
        await expect(
          store.saveAanpak({ ...aanpak('a1'), state: '3' }, 1, [event('a1', 'aanpak.transitioned', { data: { from: '2A', to: '3' } })]),
        ).rejects.toBeInstanceOf(ConflictError);
        const audit = await store.listAudit('a1');
        expect(audit.map((e) => e.type)).toEqual(['aanpak.created', 'aanpak.transitioned']);
        expect(audit.map((e) => e.seq)).toEqual([1, 2]);
        expect((await store.getAanpak('a1'))?.state).toBe('2A');
      });

      it('rejects a save of an aanpak that does not exist', async () => {
        await expect(store.saveAanpak(aanpak('ghost'), 1)).rejects.toBeInstanceOf(ConflictError);
        expect(await store.getAanpak('ghost')).toBeUndefined();
      });

      it('lets exactly one of two concurrent saves of the same version win', async () => {
        await store.createAanpak(aanpak('a1'));
        const other = await another();
        const results = await Promise.allSettled([
          store.saveAanpak({ ...aanpak('a1'), name: 'from-1' }, 1),
          other.saveAanpak({ ...aanpak('a1'), name: 'from-2' }, 1),
        ]);
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        const winner = results.findIndex((r) => r.status === 'fulfilled');
        expect((await store.getAanpak('a1'))?.name).toBe(winner === 0 ? 'from-1' : 'from-2');
      });

      it('lists by channel, by gemeente and by current participant', async () => {
        await store.createAanpak(aanpak('a1', { channelId: 'c1', gemeente: 'Venlo', createdAt: '2025-01-01T00:00:00.000Z' }));
        await store.createAanpak(
          aanpak('a2', {
            channelId: 'c1',
            gemeente: 'Beesel',
            createdAt: '2025-01-02T00:00:00.000Z',
            participants: [participant('p-x', 'aad-x'), participant('p-old', 'aad-old', { removedAt: '2025-01-05T00:00:00.000Z' })],
          }),
        );
        await store.createAanpak(aanpak('a3', { channelId: 'c2', gemeente: 'Venlo', createdAt: '2025-01-03T00:00:00.000Z' }));
        expect((await store.listAanpakkenByChannel('c1')).map((a) => a.id)).toEqual(['a1', 'a2']);
        expect((await store.listAanpakkenByGemeente('Venlo')).map((a) => a.id)).toEqual(['a1', 'a3']);
        expect((await store.findAanpakkenByParticipant('aad-politie')).map((a) => a.id)).toEqual(['a1', 'a3']);
        expect((await store.findAanpakkenByParticipant('aad-x')).map((a) => a.id)).toEqual(['a2']);
        expect(await store.findAanpakkenByParticipant('aad-old')).toEqual([]);
      });
    });

    describe('rounds and answers', () => {
      it('saves, updates and lists rounds with their rode draad', async () => {
        await store.saveRound(round('r1', 'a1'));
        await store.saveRound(round('r2', 'a1', { openedAt: '2025-01-04T09:00:00.000Z' }));
        await store.saveRound(round('r3', 'other'));
        expect(await store.getRound('r1')).toEqual(round('r1', 'a1'));
        await store.saveRound(round('r1', 'a1', { status: 'gesloten', closedAt: '2025-01-10T00:00:00.000Z' }));
        expect((await store.getRound('r1'))?.status).toBe('gesloten');
        expect((await store.listRounds('a1')).map((r) => r.id)).toEqual(['r1', 'r2']);
        expect(await store.getRound('nope')).toBeUndefined();
      });

      it('stores a draft, then the submission replaces it', async () => {
        await store.saveAnswer(answer('r1', 'a1', 'p1', { status: 'draft', submittedAt: undefined }));
        expect((await store.getAnswer('r1', 'p1'))?.status).toBe('draft');
        expect(await store.saveAnswer(answer('r1', 'a1', 'p1'))).toBe(true);
        expect(await store.getAnswer('r1', 'p1')).toEqual(answer('r1', 'a1', 'p1'));
        await store.saveAnswer(answer('r1', 'a1', 'p2', { organisation: 'gemeente' }));
        await store.saveAnswer(answer('r2', 'a1', 'p1'));
        expect((await store.listAnswers('r1')).map((a) => a.participantId)).toEqual(['p1', 'p2']);
        expect(await store.getAnswer('r1', 'p9')).toBeUndefined();
      });

      it('stores the same submission only once (idempotency key)', async () => {
        expect(await store.saveAnswer(answer('r1', 'a1', 'p1'), 'submit:act-1')).toBe(true);
        const replay = answer('r1', 'a1', 'p1', { items: [{ questionId: 'CV-1', text: 'replayed' }] });
        expect(await store.saveAnswer(replay, 'submit:act-1')).toBe(false);
        expect((await store.getAnswer('r1', 'p1'))?.items[0]?.text).toBe(KNOWN_ANSWER);
        expect(await store.listAnswers('r1')).toHaveLength(1);
        expect(await store.markProcessed('submit:act-1')).toBe(false);
      });

      it('accepts a concurrent duplicate submission on exactly one instance', async () => {
        const others = [await another(), await another()];
        const results = await Promise.all(
          [store, ...others].map((s, i) => s.saveAnswer(answer('r1', 'a1', 'p1', { updatedAt: at(i) }), 'submit:dup')),
        );
        expect(results.filter(Boolean)).toHaveLength(1);
        expect(await store.listAnswers('r1')).toHaveLength(1);
      });
    });

    describe('idempotency keys', () => {
      it('markProcessed is true the first time only, also across instances', async () => {
        expect(await store.markProcessed('activity:1')).toBe(true);
        expect(await store.markProcessed('activity:1')).toBe(false);
        const others = [await another(), await another()];
        const results = await Promise.all([store, ...others].map((s) => s.markProcessed('activity:2')));
        expect(results.filter(Boolean)).toHaveLength(1);
      });
    });

    describe('namenlijst', () => {
      it('saves, reads and lists members scoped to their aanpak', async () => {
        await store.saveMember(member('m1', 'a1'));
        await store.saveMember(member('m2', 'a1', { naam: 'Tweede', bijnamen: [], addedAt: '2025-01-05T09:00:00.000Z' }));
        await store.saveMember(member('m3', 'a2'));
        expect(await store.getMember('a1', 'm1')).toEqual(member('m1', 'a1'));
        expect(await store.getMember('a2', 'm1')).toBeUndefined();
        await store.saveMember(member('m1', 'a1', { removedAt: '2025-02-01T00:00:00.000Z', removalReason: 'verhuisd' }));
        expect(await store.getMember('a1', 'm1')).toMatchObject({ removedAt: '2025-02-01T00:00:00.000Z', removalReason: 'verhuisd' });
        expect((await store.listMembers('a1')).map((m) => m.id)).toEqual(['m1', 'm2']);
      });

      it('destroyMember removes one member for good and leaves the others', async () => {
        await store.saveMember(member('m1', 'a1'));
        await store.saveMember(member('m2', 'a1', { naam: 'Blijft' }));
        await store.destroyMember('a1', 'm1');
        expect(await store.getMember('a1', 'm1')).toBeUndefined();
        expect((await store.listMembers('a1')).map((m) => m.naam)).toEqual(['Blijft']);
        await expect(store.saveMember(member('m1', 'a1'))).rejects.toBeInstanceOf(ShreddedError);
      });

      it('another instance that still holds the key in memory cannot write the member back', async () => {
        const other = await another();
        await other.saveMember(member('m1', 'a1'));
        await store.destroyMember('a1', 'm1');
        await expect(other.saveMember(member('m1', 'a1'))).rejects.toBeInstanceOf(ShreddedError);
        expect(await store.getMember('a1', 'm1')).toBeUndefined();
      });
    });

    describe('actions and plan versions', () => {
      it('saves, reads and lists actions', async () => {
        await store.saveAction(action('x1', 'a1'));
        await store.saveAction(action('x2', 'a1', { level: 'groep', text: 'Gebiedsscan', createdAt: '2025-01-07T09:00:00.000Z' }));
        expect(await store.getAction('a1', 'x1')).toEqual(action('x1', 'a1'));
        expect(await store.getAction('other', 'x1')).toBeUndefined();
        await store.saveAction(action('x1', 'a1', { status: 'gedaan', result: 'gesprek gevoerd', doneAt: '2025-01-09T00:00:00.000Z' }));
        expect(await store.getAction('a1', 'x1')).toMatchObject({ status: 'gedaan', result: 'gesprek gevoerd', text: action('x1', 'a1').text });
        expect((await store.listActions('a1')).map((a) => a.id)).toEqual(['x1', 'x2']);
      });

      it('appends plan versions in number order and refuses a duplicate number', async () => {
        await store.addPlanVersion(plan('pv2', 'a1', 2, { status: 'vastgesteld', vastgesteldOp: '2025-01-08' }));
        await store.addPlanVersion(plan('pv1', 'a1', 1));
        await expect(store.addPlanVersion(plan('pv1b', 'a1', 1))).rejects.toBeInstanceOf(ConflictError);
        const list = await store.listPlanVersions('a1');
        expect(list.map((p) => p.id)).toEqual(['pv1', 'pv2']);
        expect(list[0]).toEqual(plan('pv1', 'a1', 1));
        expect(await store.listPlanVersions('a2')).toEqual([]);
      });
    });

    describe('conversation references', () => {
      it('saves, replaces and reads a reference per participant', async () => {
        expect(await store.getConversationRef('aad-1')).toBeUndefined();
        await store.saveConversationRef('aad-1', { conversation: { id: 'c1' }, serviceUrl: 'https://smba.example/' });
        await store.saveConversationRef('aad-1', { conversation: { id: 'c2' }, serviceUrl: 'https://smba.example/' });
        expect(await store.getConversationRef('aad-1')).toEqual({ conversation: { id: 'c2' }, serviceUrl: 'https://smba.example/' });
      });
    });

    describe('reminders', () => {
      const reminder = (id: string, dueMs: number, extra: Partial<Reminder> = {}) => ({
        id,
        aanpakId: 'a1',
        kind: 'round_deadline',
        dueAt: at(dueMs),
        payload: { roundId: 'r1' },
        ...extra,
      });

      it('schedules, replaces by dedupe key, lists and cancels', async () => {
        await store.scheduleReminder(reminder('rm1', 0, { key: 'round:r1:deadline' }));
        await store.scheduleReminder(reminder('rm2', 1000, { key: 'round:r1:deadline', payload: { roundId: 'r1', n: 2 } }));
        await store.scheduleReminder(reminder('rm3', 2000, { kind: 'overleg', key: 'overleg:1' }));
        await store.scheduleReminder(reminder('rm4', 3000, { kind: 'overleg' }));
        let list = await store.listReminders('a1');
        expect(list.map((r) => r.id)).toEqual(['rm2', 'rm3', 'rm4']);
        expect(list[0]).toMatchObject({ key: 'round:r1:deadline', payload: { roundId: 'r1', n: 2 }, status: 'pending', attempts: 0 });
        expect(await store.cancelReminders('a1', { keyPrefix: 'round:' })).toBe(1);
        expect(await store.cancelReminders('a1', { kind: 'overleg', key: 'overleg:1' })).toBe(1);
        list = await store.listReminders('a1');
        expect(list.map((r) => r.id)).toEqual(['rm4']);
        expect(await store.cancelReminders('a1')).toBe(1);
        expect(await store.listReminders('a1')).toEqual([]);
      });

      it('claims only due items, hides claimed ones, and reclaims after the lease expires', async () => {
        await store.scheduleReminder(reminder('due1', -2000));
        await store.scheduleReminder(reminder('due2', -1000));
        await store.scheduleReminder(reminder('later', 60_000));
        const w1 = await store.claimDue(T0, 'w1', 30_000, 10);
        expect(w1.map((r) => r.id)).toEqual(['due1', 'due2']);
        expect(w1[0]).toMatchObject({ leaseOwner: 'w1', leaseUntil: at(30_000), attempts: 1 });
        expect(await store.claimDue(new Date(T0.getTime() + 29_999), 'w2', 30_000, 10)).toEqual([]);
        const reclaimed = await store.claimDue(new Date(T0.getTime() + 30_000), 'w2', 30_000, 1);
        expect(reclaimed.map((r) => [r.id, r.leaseOwner, r.attempts])).toEqual([['due1', 'w2', 2]]);
        expect(await store.completeReminder('due1', 'w1')).toBe(false); // lost its lease
        expect(await store.completeReminder('due1', 'w2', T0)).toBe(true);
        expect(await store.completeReminder('due1', 'w2', T0)).toBe(false);
        const later = await store.claimDue(new Date(T0.getTime() + 120_000), 'w3', 30_000, 10);
        expect(later.map((r) => r.id)).toEqual(['due2', 'later']);
        const done = (await store.listReminders('a1')).find((r) => r.id === 'due1');
        expect(done).toMatchObject({ status: 'done', completedAt: T0.toISOString() });
      });

      it('releases a lease (optionally later) so the item can be claimed again', async () => {
        await store.scheduleReminder(reminder('r1', 0));
        await store.claimDue(T0, 'w1', 60_000, 5);
        expect(await store.releaseReminder('r1', 'w2')).toBe(false);
        expect(await store.releaseReminder('r1', 'w1', at(10_000))).toBe(true);
        expect(await store.claimDue(T0, 'w2', 60_000, 5)).toEqual([]);
        expect((await store.claimDue(new Date(T0.getTime() + 10_000), 'w2', 60_000, 5)).map((r) => r.id)).toEqual(['r1']);
      });

      it('never hands one item to two of 3 concurrent workers on separate instances', async () => {
        const n = 150;
        for (let i = 0; i < n; i++) await store.scheduleReminder(reminder(`c${String(i).padStart(3, '0')}`, -i));
        const workers = [store, await another(), await another()];
        const claimed = await Promise.all(
          workers.map(async (s, w) => {
            const mine: string[] = [];
            for (;;) {
              const batch = await s.claimDue(T0, `worker-${w}`, 60_000, 7);
              if (batch.length === 0) return mine;
              for (const r of batch) {
                mine.push(r.id);
                expect(await s.completeReminder(r.id, `worker-${w}`)).toBe(true);
              }
            }
          }),
        );
        const all = claimed.flat();
        expect(all).toHaveLength(n);
        expect(new Set(all).size).toBe(n);
      });
    });

    describe('audit log', () => {
      it('numbers entries per aanpak, chains them and keeps their order', async () => {
        const e1 = await store.appendAudit(event('a1', 'round.opened', { data: { roundId: 'r1' } }));
        const b1 = await store.appendAudit(event('b1', 'aanpak.created'));
        const e2 = await store.appendAudit(event('a1', 'gate.decision', { outcome: 'deny', ruleIds: ['R-X-1'], audience: ['p1'], level: 'persoon' }));
        const e3 = await store.appendAudit(event('a1', 'round.closed'));
        expect([e1.seq, e2.seq, e3.seq, b1.seq]).toEqual([1, 2, 3, 1]);
        expect(e1.prevHash).toBe('0'.repeat(64));
        expect(e2.prevHash).toBe(e1.hash);
        expect(e3.prevHash).toBe(e2.hash);
        const list = await store.listAudit('a1');
        expect(list).toEqual([e1, e2, e3]);
        expect(list.map((e) => e.type)).toEqual(['round.opened', 'gate.decision', 'round.closed']);
        expect(await store.listAuditedAanpakIds()).toEqual(['a1', 'b1']);
        expect(await verifyAuditChain(store)).toEqual({ ok: true, aanpakken: 2, entries: 4 });
      });

      it('keeps one unbroken chain under concurrent appends from 3 instances', async () => {
        const workers = [store, await another(), await another()];
        await Promise.all(workers.map(async (s, w) => {
          for (let i = 0; i < 10; i++) await s.appendAudit(event('a1', 'x', { data: { w, i } }));
        }));
        const list = await store.listAudit('a1');
        expect(list.map((e) => e.seq)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
        expect((await verifyAuditChain(store)).ok).toBe(true);
      });
    });

    describe('destroyAanpak', () => {
      it('leaves a name-free summary and the audit log, and nothing else', async () => {
        await store.createAanpak(aanpak('a1', { channelId: 'c1' }));
        await store.saveRound(round('r1', 'a1'));
        await store.saveAnswer(answer('r1', 'a1', 'p1'));
        await store.saveMember(member('m1', 'a1'));
        await store.saveAction(action('x1', 'a1'));
        await store.addPlanVersion(plan('pv1', 'a1', 1));
        await store.scheduleReminder({ id: 'rm1', aanpakId: 'a1', kind: 'k', dueAt: at(0), payload: {} });
        await store.appendAudit(event('a1', 'aanpak.created'));
        await store.createAanpak(aanpak('a2', { channelId: 'c1' }));
        await store.saveMember(member('m2', 'a2'));

        await store.destroyAanpak('a1', T0);

        const summary = await store.getAanpak('a1');
        expect(summary).toMatchObject({ id: 'a1', gemeente: 'Beesel', state: 'vernietigd', destroyedAt: T0.toISOString(), name: '', participants: [], weighings: [] });
        expect(JSON.stringify(summary)).not.toContain(KNOWN_NAME);
        expect(await store.getRound('r1')).toBeUndefined();
        expect(await store.listAnswers('r1')).toEqual([]);
        expect(await store.listMembers('a1')).toEqual([]);
        expect(await store.listActions('a1')).toEqual([]);
        expect(await store.listPlanVersions('a1')).toEqual([]);
        expect(await store.listReminders('a1')).toEqual([]);
        expect((await store.listAanpakkenByChannel('c1')).map((a) => a.id)).toEqual(['a2']);
        expect(await store.findAanpakkenByParticipant('aad-politie')).toHaveLength(1);
        expect((await store.listAanpakkenByGemeente('Beesel')).map((a) => [a.id, a.state])).toEqual([['a1', 'vernietigd'], ['a2', '1']]);
        expect(await store.listAudit('a1')).toHaveLength(1);
        // The other aanpak is untouched.
        expect((await store.getMember('a2', 'm2'))?.naam).toBe(KNOWN_NAME);
        // Nothing can be written under the destroyed key again.
        await expect(store.saveRound(round('r9', 'a1'))).rejects.toBeInstanceOf(ShreddedError);
        await expect(store.saveMember(member('m9', 'a1'))).rejects.toBeInstanceOf(ShreddedError);
        await expect(store.saveAanpak(aanpak('a1'), summary!.version)).rejects.toBeInstanceOf(Error);
      });
    });

    it('answers ping', async () => {
      expect(await store.ping()).toBe(true);
    });
  });
}
