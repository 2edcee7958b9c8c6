// The retention executor applies due decisions to the store and audits each one.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/store/audit.js';
import { applyRetention } from '../../src/store/retention-executor.js';
import type { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import type { RetentionDecision } from '../../src/workflow/types.js';
import { aanpak, member } from './contract/fixtures.js';
import { openSqlite, tempDir } from './helpers.js';

const NOW = new Date('2027-06-01T00:00:00.000Z');

describe('applyRetention', () => {
  let d: ReturnType<typeof tempDir>;
  let store: SqliteStore;
  beforeEach(async () => {
    d = tempDir();
    store = await openSqlite(d.dir);
    await store.createAanpak(aanpak('a1', { state: 'gesloten', closedAt: '2026-01-01T00:00:00.000Z' }));
    await store.createAanpak(aanpak('a2', { state: 'inactief' }));
    await store.saveMember(member('m1', 'a1'));
    await store.saveMember(member('m2', 'a1', { naam: 'Blijft' }));
    await store.saveMember(member('m3', 'a2'));
  });
  afterEach(async () => {
    await store.close();
    d.remove();
  });

  it('sets a closed aanpak inactief with a versioned save and audits it', async () => {
    const res = await applyRetention(store, [{ kind: 'inactief', aanpakId: 'a1', dueAt: '2027-01-01T00:00:00.000Z', ruleId: 'R-X-70' }], NOW);
    expect(res.map((r) => r.result)).toEqual(['applied']);
    expect(await store.getAanpak('a1')).toMatchObject({ state: 'inactief', inactiefAt: NOW.toISOString(), version: 2 });
    const audit = await store.listAudit('a1');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ type: 'retention.inactief', actor: 'system', at: NOW.toISOString(), ruleIds: ['R-X-70'], data: { from: 'gesloten', to: 'inactief' } });
  });

  it('skips decisions that are not due yet and does not repeat done work', async () => {
    const decisions: RetentionDecision[] = [
      { kind: 'inactief', aanpakId: 'a1', dueAt: '2027-06-01T00:00:00.001Z', ruleId: 'R-X-70' },
      { kind: 'destroy_member', aanpakId: 'a1', memberId: 'm1', dueAt: '2028-01-01T00:00:00.000Z', ruleId: 'R-X-70' },
      { kind: 'inactief', aanpakId: 'a2', dueAt: '2027-01-01T00:00:00.000Z', ruleId: 'R-X-70' },
    ];
    const res = await applyRetention(store, decisions, NOW);
    expect(res.map((r) => (r.result === 'skipped' ? r.reason : r.result))).toEqual(['not_due', 'not_due', 'already_done']);
    expect((await store.getAanpak('a1'))?.state).toBe('gesloten');
    expect(await store.getMember('a1', 'm1')).toBeDefined();
    expect(await store.listAuditedAanpakIds()).toEqual([]);
  });

  it('destroys an aanpak, keeps a name-free summary and audits once even when re-run', async () => {
    const decision: RetentionDecision = { kind: 'destroy_aanpak', aanpakId: 'a1', dueAt: '2027-01-01T00:00:00.000Z', archiveFirst: false, ruleId: 'R-X-72' };
    expect((await applyRetention(store, [decision], NOW, 'beheerder'))[0]?.result).toBe('applied');
    expect(await store.getAanpak('a1')).toMatchObject({ id: 'a1', gemeente: 'Beesel', state: 'vernietigd', destroyedAt: NOW.toISOString(), name: '' });
    expect(await store.listMembers('a1')).toEqual([]);
    expect((await store.getMember('a2', 'm3'))?.naam).toBeDefined();
    const again = await applyRetention(store, [decision], NOW);
    expect(again[0]).toMatchObject({ result: 'skipped', reason: 'already_done' });
    const audit = await store.listAudit('a1');
    expect(audit.map((e) => [e.type, e.actor])).toEqual([['retention.destroy_aanpak', 'beheerder']]);
    expect((await verifyAuditChain(store)).ok).toBe(true);
  });

  it('R-7-3: does not destroy what must be archived first unless an archiver runs before', async () => {
    const decision: RetentionDecision = { kind: 'destroy_aanpak', aanpakId: 'a1', dueAt: '2027-01-01T00:00:00.000Z', archiveFirst: true, ruleId: 'R-X-72' };
    expect((await applyRetention(store, [decision], NOW))[0]).toMatchObject({ result: 'skipped', reason: 'needs_archive' });
    expect((await store.getAanpak('a1'))?.state).toBe('gesloten');
    const archived: string[] = [];
    const res = await applyRetention(store, [decision], NOW, 'system', {
      archive: async (id) => {
        // The archiver still sees the full dossier.
        expect((await store.getMember(id, 'm1'))?.naam).toBeDefined();
        archived.push(id);
      },
    });
    expect(res[0]?.result).toBe('applied');
    expect(archived).toEqual(['a1']);
    expect((await store.getAanpak('a1'))?.state).toBe('vernietigd');
  });

  it('shreds one member and audits it without content', async () => {
    const res = await applyRetention(store, [{ kind: 'destroy_member', aanpakId: 'a1', memberId: 'm1', dueAt: '2027-05-01T00:00:00.000Z', ruleId: 'R-X-70' }], NOW);
    expect(res[0]?.result).toBe('applied');
    expect(await store.getMember('a1', 'm1')).toBeUndefined();
    expect((await store.getMember('a1', 'm2'))?.naam).toBe('Blijft');
    const audit = await store.listAudit('a1');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ type: 'retention.destroy_member', data: { memberId: 'm1' }, ruleIds: ['R-X-70'] });
    expect(JSON.stringify(audit)).not.toContain('Quibbelsma');
  });
});
