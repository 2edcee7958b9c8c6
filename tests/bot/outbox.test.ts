// The outbox on its own: gating per item for the real audience, audit of every decision, and
// "released" in the audit so an inzage export never lists recipients of a message that was stopped.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Outbox } from '../../src/bot/outbox.js';
import { renderErrorCard } from '../../src/cards/index.js';
import { openStore, type Store } from '../../src/store/index.js';
import { addParticipant, createAanpak, recordGeheimhouding, transition } from '../../src/workflow/aanpak.js';
import { disclosuresOf } from '../../src/workflow/documents.js';
import { addMember } from '../../src/workflow/namenlijst.js';
import type { Aanpak, Member } from '../../src/workflow/types.js';
import { testEnv } from '../helpers/env.js';

describe('outbox', () => {
  let dir: string;
  let store: Store;
  let aanpak: Aanpak;
  let kevin: Member;
  const env = testEnv('2026-03-02T09:00:00.000Z');

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ga-outbox-'));
    store = await openStore({ dataDir: dir, logger: { warn: () => {} } });
    let a = createAanpak({ name: 'Stationsplein', gemeente: 'X', channelId: 'chan', by: { aadObjectId: 'aad-r', displayName: 'Regie' } }, env).aanpak;
    const regie = a.participants[0]!.id;
    a = addParticipant(a, { aadObjectId: 'aad-p', displayName: 'Wijkagent', organisation: 'politie', role: 'partner', by: regie }, env).aanpak;
    a = addParticipant(a, { aadObjectId: 'aad-s', displayName: 'School', organisation: 'school', role: 'incidenteel', by: regie }, env).aanpak;
    a = recordGeheimhouding(a, { participantId: a.participants[2]!.id, date: '2026-03-01', by: regie }, env).aanpak;
    for (const to of ['2A', '2B'] as const) {
      a = transition(a, { to, by: regie, decisionText: 'x', overrideReason: 'x', ...(to === '2B' ? { decisions: { '2A': { problematisch: true } } } : {}) }, env).aanpak;
    }
    aanpak = await store.createAanpak(a);
    kevin = addMember(aanpak, [], { naam: 'Kevin de Vries', positie: 'kern', bron: 'partner', by: regie }, env).member;
    await store.saveMember(kevin);
  });

  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('R-X-22: one refused item stops the message; every decision is audited with released=false; inzage lists no recipient', async () => {
    const outbox = new Outbox({ store, env, logger: pino({ level: 'silent' }), appId: '' });
    const regie = aanpak.participants[0]!.id;
    const delivery = await outbox.sendProactive({
      to: { kind: 'channel', aanpakId: aanpak.id },
      card: renderErrorCard({ message: 'x' }),
      aanpakId: aanpak.id,
      label: 'test',
      contents: [
        { ref: 'c-1', kind: 'message', level: 'groep', text: 'Overlast bij het station.', authorId: regie },
        { ref: 'c-2', kind: 'message', level: 'groep', text: 'Kevin de Vries was erbij.', authorId: regie },
      ],
    });
    expect(delivery.outcome).toBe('denied');
    const audit = (await store.listAudit(aanpak.id)).filter((e) => e.type === 'gate.decision');
    expect(audit.map((e) => [e.data?.contentRef, e.outcome, e.data?.released])).toEqual([
      ['c-1', 'allow', false],
      ['c-2', 'deny', false],
    ]);
    expect(JSON.stringify(audit)).not.toContain('Kevin');
    expect(disclosuresOf(audit, kevin.id, new Set(['c-1', 'c-2']))).toEqual([]);
  });

  it('an allowed message is audited as released, also when nobody is reachable yet', async () => {
    const outbox = new Outbox({ store, env, logger: pino({ level: 'silent' }), appId: '' });
    const delivery = await outbox.sendProactive({
      to: { kind: 'channel', aanpakId: aanpak.id },
      card: renderErrorCard({ message: 'x' }),
      aanpakId: aanpak.id,
      label: 'test',
      contents: [{ ref: 'c-3', kind: 'message', level: 'groep', text: 'Overlast bij het station.', authorId: aanpak.participants[0]!.id }],
    });
    expect(delivery.outcome).toBe('unreachable');
    const [e] = (await store.listAudit(aanpak.id)).filter((x) => x.type === 'gate.decision');
    expect(e).toMatchObject({ outcome: 'allow', data: expect.objectContaining({ released: true }) });
  });

  it('R-X-16: when Teams cannot tell who is in the channel, only group level goes there (fail closed)', async () => {
    const outbox = new Outbox({ store, env, logger: pino({ level: 'silent' }), appId: '' });
    const wijkagent = aanpak.participants.find((p) => p.organisation === 'politie')!.id;
    const named = await outbox.sendProactive({
      to: { kind: 'channel', aanpakId: aanpak.id },
      card: renderErrorCard({ message: 'x' }),
      aanpakId: aanpak.id,
      label: 'named',
      contents: [{ ref: 'c-9', kind: 'message', level: 'groep', text: 'Kevin de Vries was erbij.', authorId: wijkagent }],
    });
    expect(named.outcome).toBe('denied');
    const [e] = (await store.listAudit(aanpak.id)).filter((x) => x.data?.contentRef === 'c-9');
    expect(e!.ruleIds).toContain('R-X-16');
    expect(e!.audience).toContain('observer:');
    const group = await outbox.sendProactive({
      to: { kind: 'channel', aanpakId: aanpak.id },
      card: renderErrorCard({ message: 'x' }),
      aanpakId: aanpak.id,
      label: 'group',
      contents: [{ ref: 'c-10', kind: 'message', level: 'groep', text: 'Overlast bij het station.', authorId: wijkagent }],
    });
    expect(group.outcome).toBe('unreachable');
  });
});
