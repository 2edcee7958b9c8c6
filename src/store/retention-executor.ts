// Applies the workflow's retention decisions (computed in src/workflow/retention.ts) to the store.
// Idempotent: re-running after a crash finishes the work and audits each step once.
import type { AuditEvent, RetentionDecision } from '../workflow/types.js';
import { ConflictError, type Store } from './port.js';

export type RetentionOutcome =
  | { decision: RetentionDecision; result: 'applied' }
  | { decision: RetentionDecision; result: 'skipped'; reason: 'not_due' | 'already_done' | 'not_found' | 'needs_archive' };

export interface RetentionOptions {
  /**
   * Exports the archive package (Archiefwet) before a `destroy_aanpak` with `archiveFirst`.
   * Without it such decisions are skipped: the store never destroys what still has to be archived.
   */
  archive?: (aanpakId: string) => Promise<void>;
}

const AUDIT_TYPE = {
  inactief: 'retention.inactief',
  destroy_aanpak: 'retention.destroy_aanpak',
  destroy_member: 'retention.destroy_member',
} as const;

export async function applyRetention(
  store: Store,
  decisions: RetentionDecision[],
  now: Date,
  actor = 'system',
  options: RetentionOptions = {},
): Promise<RetentionOutcome[]> {
  const out: RetentionOutcome[] = [];
  for (const d of decisions) {
    if (Date.parse(d.dueAt) > now.getTime()) {
      out.push({ decision: d, result: 'skipped', reason: 'not_due' });
      continue;
    }
    const result = await applyOne(store, d, now, actor, options);
    out.push(result === 'applied' ? { decision: d, result } : { decision: d, result: 'skipped', reason: result });
  }
  return out;
}

async function applyOne(
  store: Store,
  d: RetentionDecision,
  now: Date,
  actor: string,
  options: RetentionOptions,
): Promise<'applied' | 'already_done' | 'not_found' | 'needs_archive'> {
  const at = now.toISOString();
  const event = (data: AuditEvent['data']): AuditEvent => ({
    aanpakId: d.aanpakId,
    type: AUDIT_TYPE[d.kind],
    actor,
    at,
    ruleIds: [d.ruleId],
    data,
  });

  switch (d.kind) {
    case 'inactief': {
      for (let attempt = 0; ; attempt++) {
        const a = await store.getAanpak(d.aanpakId);
        if (!a) return 'not_found';
        if (a.state === 'inactief' || a.state === 'vernietigd') return 'already_done';
        try {
          await store.saveAanpak({ ...a, state: 'inactief', inactiefAt: at }, a.version);
          await store.appendAudit(event({ from: a.state, to: 'inactief' }));
          return 'applied';
        } catch (err) {
          // A concurrent edit: reload and try again (bounded).
          if (!(err instanceof ConflictError) || attempt >= 4) throw err;
        }
      }
    }
    case 'destroy_aanpak': {
      const a = await store.getAanpak(d.aanpakId);
      if (!a) return 'not_found';
      if (a.state === 'vernietigd') {
        // Destroyed earlier but crashed before auditing: audit now.
        if (await audited(store, d.aanpakId, AUDIT_TYPE.destroy_aanpak, undefined)) return 'already_done';
        await store.appendAudit(event({ from: 'unknown', to: 'vernietigd' }));
        return 'applied';
      }
      if (d.archiveFirst) {
        if (!options.archive) return 'needs_archive';
        await options.archive(d.aanpakId);
      }
      await store.destroyAanpak(d.aanpakId, now);
      await store.appendAudit(event({ from: a.state, to: 'vernietigd', archived: d.archiveFirst }));
      return 'applied';
    }
    case 'destroy_member': {
      const m = await store.getMember(d.aanpakId, d.memberId);
      if (!m) {
        if (await audited(store, d.aanpakId, AUDIT_TYPE.destroy_member, d.memberId)) return 'already_done';
        return 'not_found';
      }
      await store.destroyMember(d.aanpakId, d.memberId);
      await store.appendAudit(event({ memberId: d.memberId }));
      return 'applied';
    }
  }
}

async function audited(store: Store, aanpakId: string, type: string, memberId: string | undefined): Promise<boolean> {
  return (await store.listAudit(aanpakId)).some((e) => e.type === type && (memberId === undefined || e.data?.memberId === memberId));
}
