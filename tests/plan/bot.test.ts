import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { DownloadStore, FileConsentFlow, FILE_CONSENT_CONTENT_TYPE, registerDownloadRoute } from '../../src/bot/downloads.js';
import { PlanPlugin } from '../../src/bot/plan.js';
import type { HandlerResult, Turn } from '../../src/bot/types.js';
import type { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import type { Aanpak } from '../../src/workflow/types.js';
import { DAY } from '../helpers/env.js';
import { openSqlite, tempDir } from '../store/helpers.js';
import { parseCard } from '../cards/ac.js';
import { buildFixture, SECRET_MEMBERS } from './fixtures.js';
import { readZipEntry } from './docx.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function setup(state: Aanpak['state'] = '4') {
  const f = buildFixture('3');
  const { dir, remove } = tempDir('ga-plan-');
  const store: SqliteStore = await openSqlite(dir);
  cleanups.push(async () => {
    await store.close();
    remove();
  });
  const created = await store.createAanpak({ ...f.aanpak, state: state as never });
  for (const m of f.members) await store.saveMember(m);
  for (const a of f.actions) await store.saveAction(a);
  for (const e of f.events) await store.appendAudit(e);
  const downloads = new DownloadStore(f.env.now);
  const plugin = new PlanPlugin({ store, env: f.env, downloads, baseUrl: 'http://127.0.0.1:9' });
  const turn = (aad = 'aad-regie', type: Turn['conversationType'] = 'channel'): Turn => ({
    actor: { aadObjectId: aad, name: aad },
    conversationId: type === 'channel' ? f.aanpak.channelId : `a:${aad}`,
    conversationType: type,
  });
  const reload = async () => (await store.getAanpak(created.id))!;
  return { f, store, plugin, turn, downloads, reload };
}

function cardText(r: HandlerResult | undefined): string {
  return JSON.stringify([...(r?.out ?? []).map((o) => o.card), r?.invoke?.card]);
}

function tokenOf(r: HandlerResult): string {
  const m = /downloads\/([A-Za-z0-9_-]{43})/.exec(JSON.stringify(r.out[0]!.card));
  return m![1]!;
}

describe('plan plugin', () => {
  it('plan: prefilled overview, one section card at a time, save makes a new version; cards parse', async () => {
    const { plugin, turn, store, f, reload } = await setup('3');
    const r = await plugin.command(turn(), 'plan');
    expect(r!.out[0]!.to).toEqual({ kind: 'reply' });
    expect(parseCard(r!.out[0]!.card.content).failures).toEqual([]);
    expect(await store.listPlanVersions(f.aanpak.id)).toHaveLength(1);
    const aanpak = await reload();
    const open = await plugin.action(turn(), 'plan.section.open', { aanpakId: aanpak.id, sectionId: 'doelstellingen' });
    expect(parseCard(open!.invoke!.card.content).failures).toEqual([]);
    const saved = await plugin.action(turn('aad-politie'), 'plan.section.save', {
      aanpakId: aanpak.id, sectionId: 'doelstellingen', goalIds: ',', planText: 'Minder overlast.', planLevel: 'groep',
      'goal.text.0': 'Meldingen halveren', 'goal.indicator.0': 'meldingen', 'goal.target.0': '< 10', 'goal.date.0': '2026-12-31',
    });
    expect(saved!.invoke).toBeDefined();
    const versions = await store.listPlanVersions(f.aanpak.id);
    expect(versions).toHaveLength(2);
    expect(versions[1]!.by).toBe(f.politie);
    expect((versions[1]!.sections.doelstellingen as { goals: unknown[] }).goals).toHaveLength(1);
    // An incidentele deelnemer does not write the plan.
    const denied = await plugin.action(turn('aad-lp'), 'plan.section.save', { aanpakId: aanpak.id, sectionId: 'communicatie', planText: 'x' });
    expect(cardText(denied)).toContain('convenantpartners');
  });

  it('R-4-3: beleidsadvies goes to the requester’s 1:1 chat only, as a single-use 10-minute download without names', async () => {
    const { plugin, turn, downloads, f, store } = await setup('4');
    await plugin.command(turn(), 'plan');
    const r = await plugin.command(turn(), 'beleidsadvies');
    expect(r!.out[0]!.to).toEqual({ kind: 'direct', aanpakId: f.aanpak.id, participantId: f.regisseur });
    expect(r!.out.every((o) => o.to.kind !== 'channel')).toBe(true);
    expect(parseCard(r!.out[0]!.card.content).failures).toEqual([]);
    expect(r!.out[0]!.contents.every((c) => c.level === 'groep')).toBe(true);
    const token = tokenOf(r!);
    const app = express();
    registerDownloadRoute(app, downloads);
    const server = app.listen(0, '127.0.0.1');
    cleanups.push(() => new Promise<void>((res) => server.close(() => res())));
    await new Promise((res) => server.once('listening', res));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const first = await fetch(`${base}/downloads/${token}`);
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('no-store');
    const xml = (await readZipEntry(Buffer.from(await first.arrayBuffer()), 'word/document.xml')).toLowerCase();
    expect(xml).toContain('beleidsadvies');
    for (const m of SECRET_MEMBERS) expect(xml).not.toContain(m.naam.toLowerCase());
    expect((await fetch(`${base}/downloads/${token}`)).status).toBe(404); // single use
    // Every paragraph was audited for the driehoek.
    const audit = await store.listAudit(f.aanpak.id);
    expect(audit.some((e) => e.type === 'gate.decision' && e.audience?.[0] === 'driehoek')).toBe(true);
    expect(audit.some((e) => e.type === 'document.exported' && e.data?.kind === 'beleidsadvies')).toBe(true);
    // Only the procesregisseur asks for the beleidsadvies.
    expect(cardText(await plugin.command(turn('aad-politie'), 'beleidsadvies'))).toContain('procesregisseur');
  });

  it('download tokens expire after 10 minutes', async () => {
    const { f } = await setup('4');
    const store = new DownloadStore(f.env.now);
    const { token } = store.put({ fileName: 'x.md', contentType: 'text/markdown', bytes: Buffer.from('x') }, 'aad');
    f.env.advance(10 * 60 * 1000);
    expect(store.take(token)).toBeUndefined();
    const t2 = store.put({ fileName: 'x.md', contentType: 'text/markdown', bytes: Buffer.from('x') }, 'aad').token;
    f.env.advance(9 * 60 * 1000);
    expect(store.take(t2)?.file.fileName).toBe('x.md');
    expect(store.take('../../etc/passwd')).toBeUndefined();
  });

  it('production: a file consent card, accepted by the requester only, uploads once and returns a file info card', async () => {
    const { f } = await setup('4');
    const puts: { url: string; size: number }[] = [];
    const flow = new FileConsentFlow(f.env.now, async (url, bytes) => {
      puts.push({ url, size: bytes.length });
    });
    const card = flow.offer({ fileName: 'plan-2026-03-02.docx', contentType: 'application/octet-stream', bytes: Buffer.alloc(42) }, 'aad-regie', 'Plan van aanpak');
    expect(card.contentType).toBe(FILE_CONSENT_CONTENT_TYPE);
    expect(card.content.sizeInBytes).toBe(42);
    const uploadInfo = { name: 'plan.docx', uploadUrl: 'https://upload.example/x', contentUrl: 'https://files.example/x', uniqueId: 'u1', fileType: 'docx' };
    expect((await flow.respond({ action: 'accept', context: card.content.acceptContext, uploadInfo }, 'aad-other')).kind).toBe('forbidden');
    const card2 = flow.offer({ fileName: 'plan.docx', contentType: 'x', bytes: Buffer.alloc(7) }, 'aad-regie', 'Plan');
    const ok = await flow.respond({ action: 'accept', context: card2.content.acceptContext, uploadInfo }, 'aad-regie');
    expect(ok.kind).toBe('uploaded');
    expect(puts).toEqual([{ url: uploadInfo.uploadUrl, size: 7 }]);
    expect((await flow.respond({ action: 'accept', context: card2.content.acceptContext, uploadInfo }, 'aad-regie')).kind).toBe('expired');
  });

  it('D-7-1: sluit aanpak needs the closing checklist and records doelen bereikt and resterende acties belegd', async () => {
    const { plugin, turn, reload, f } = await setup('7');
    await plugin.command(turn(), 'plan');
    const card = await plugin.command(turn(), 'sluit aanpak');
    expect(parseCard(card!.out[0]!.card.content).failures).toEqual([]);
    let aanpak = await reload();
    const base = { aanpakId: aanpak.id, version: aanpak.version, closeInformed: 'ja', closeActies: 'ja', closeEvaluatie: 'ja', closeDoelen: 'ja', closeDecision: 'Doelen bereikt, afgeschaald.' };
    expect(cardText(await plugin.action(turn(), 'aanpak.sluiten', { ...base, closeActies: 'nee' }))).toContain('resterende acties');
    expect(cardText(await plugin.action(turn(), 'aanpak.sluiten', base))).toContain('evaluatieverslag is nog leeg');
    await plugin.action(turn(), 'plan.section.save', { aanpakId: aanpak.id, sectionId: 'evaluatie.leerpunten', planText: 'Eerder de school betrekken.' });
    const closed = await plugin.action(turn(), 'aanpak.sluiten', base);
    expect(closed!.out[0]!.to).toEqual({ kind: 'channel', aanpakId: aanpak.id });
    aanpak = await reload();
    expect(aanpak.state).toBe('gesloten');
    expect(aanpak.decisions['7']).toEqual({ doelenBereikt: true, resterendeActiesBelegd: true });
    expect(aanpak.checklist['A-7-3']?.done).toBe(true);
    expect(aanpak.transitions.at(-1)!.by).toBe(f.regisseur);
  });

  it('R-7-2: heropen within the term with reason and role; refused after the term', async () => {
    const { plugin, turn, store, reload, f } = await setup('7');
    const a0 = await reload();
    await store.saveAanpak({ ...a0, state: 'gesloten', lastStep: '7', closedAt: f.env.now().toISOString(), planVastgesteldAt: '2026-01-01T00:00:00.000Z' }, a0.version);
    const card = await plugin.command(turn(), 'heropen Stationsplein');
    expect(parseCard(card!.out[0]!.card.content).failures).toEqual([]);
    let aanpak = await reload();
    expect(cardText(await plugin.action(turn(), 'aanpak.heropenen', { aanpakId: aanpak.id, reopenReason: 'Nieuwe incidenten', reopenRole: '' }))).toContain('manager OOV');
    await plugin.action(turn(), 'aanpak.heropenen', { aanpakId: aanpak.id, reopenReason: 'Nieuwe incidenten', reopenRole: 'manager OOV' });
    aanpak = await reload();
    expect(aanpak.state).toBe('7');
    expect(aanpak.reopenings.at(-1)).toMatchObject({ reason: 'Nieuwe incidenten', role: 'manager OOV' });

    await store.saveAanpak({ ...aanpak, state: 'gesloten', lastStep: '7', closedAt: f.env.now().toISOString() }, aanpak.version);
    f.env.advance(400 * DAY); // 2022 profile: reopen window of one year
    expect(cardText(await plugin.command(turn(), 'heropen Stationsplein'))).toContain('bewaartermijn');
    aanpak = await reload();
    expect(cardText(await plugin.action(turn(), 'aanpak.heropenen', { aanpakId: aanpak.id, reopenReason: 'x', reopenRole: 'manager OOV' }))).toContain('R-7-2');
    expect((await reload()).state).toBe('gesloten');
  });

  it('R-X-03: corrigeer <naam> sends the card to the 1:1 chat; the rectificatie is audited without content', async () => {
    const { plugin, turn, store, f, reload } = await setup('5');
    const r = await plugin.command(turn(), 'corrigeer Jan-Willem de Vries');
    expect(r!.out[0]!.to).toMatchObject({ kind: 'direct', participantId: f.regisseur });
    expect(r!.out[0]!.contents[0]).toMatchObject({ level: 'persoon', memberIds: [f.members[0]!.id] });
    expect(parseCard(r!.out[0]!.card.content).failures).toEqual([]);
    const aanpak = await reload();
    await plugin.action(turn(), 'rechten.corrigeer', {
      aanpakId: aanpak.id, memberId: f.members[0]!.id, fixNaam: 'Jan-Willem de Vries', fixBijnamen: 'Snelle Jelle', fixGeboortedatum: '2010-04-18',
      fixAdres: 'Kerkstraat 14', fixWoonplaats: 'Zeewolde', fixPositie: 'kern',
    });
    expect((await store.getMember(aanpak.id, f.members[0]!.id))!.adres).toBe('Kerkstraat 14');
    const e = (await store.listAudit(aanpak.id)).find((x) => x.type === 'member.rectified')!;
    expect(e.data).toEqual({ memberId: f.members[0]!.id, fields: 'geboortedatum,adres' });
    expect(JSON.stringify(e)).not.toMatch(/Kerkstraat|2010-04-1/);
    // Not the procesregisseur: the same answer as for an unknown name.
    expect(cardText(await plugin.command(turn('aad-politie'), 'corrigeer Jan-Willem de Vries'))).toContain('Geen jongere');
  });

  it('T-18 / R-X-92: inzage records the request with a 4-week deadline; the export answers it', async () => {
    const { plugin, turn, store, f, reload } = await setup('5');
    const r = await plugin.command(turn(), 'inzage Snelle Jelle');
    expect(r!.out[0]!.to).toMatchObject({ kind: 'direct', participantId: f.regisseur });
    expect(parseCard(r!.out[0]!.card.content).failures).toEqual([]);
    const aanpak = await reload();
    const jan = f.members[0]!;
    const rec = await plugin.action(turn('aad-regie', 'personal'), 'inzage.record', { aanpakId: aanpak.id, memberId: jan.id, inzageReceived: '2026-03-02' });
    expect(cardText(rec)).toContain('uiterlijk 30 maart 2026');
    const reminders = await store.listReminders(aanpak.id);
    const reminder = reminders.find((x) => x.key?.startsWith('inzage-deadline:'))!;
    expect(reminder.dueAt.slice(0, 10)).toBe('2026-03-30');
    const requestId = String(reminder.payload.requestId);
    const exp = await plugin.action(turn('aad-regie', 'personal'), 'inzage.export', { aanpakId: aanpak.id, memberId: jan.id, requestId });
    expect(exp!.out[0]!.to).toMatchObject({ kind: 'direct', participantId: f.regisseur });
    const audit = await store.listAudit(aanpak.id);
    expect(audit.some((e) => e.type === 'inzage.answered' && e.data?.requestId === requestId)).toBe(true);
    expect((await store.listReminders(aanpak.id)).filter((x) => x.key === `inzage-deadline:${requestId}` && x.status === 'pending')).toHaveLength(0);
  });

  it('R-X-92, R-7-1: an inactief dossier still answers inzage for its procesregisseur, through the outbox', async () => {
    const { plugin, turn, store, f, reload } = await setup('inactief');
    const aanpak = await reload();
    const jan = f.members[0]!;
    await plugin.action(turn('aad-regie', 'personal'), 'inzage.record', { aanpakId: aanpak.id, memberId: jan.id, inzageReceived: '2026-03-02' });
    const requestId = String((await store.listReminders(aanpak.id)).find((x) => x.key?.startsWith('inzage-deadline:'))!.payload.requestId);
    const exp = await plugin.action(turn('aad-regie', 'personal'), 'inzage.export', { aanpakId: aanpak.id, memberId: jan.id, requestId });
    const msg = exp!.out[0]!;
    expect(msg.purpose).toBe('inzage');
    const { Outbox } = await import('../../src/bot/outbox.js');
    const pino = (await import('pino')).default;
    const outbox = new Outbox({ store, env: f.env, logger: pino({ level: 'silent' }), appId: '' });
    // Nothing of the member's file was held back although the dossier is inactief…
    expect(cardText(exp)).toContain('Alle onderdelen mochten naar deze ontvangers.');
    // …and the outbox releases it (unreachable only because this test has no conversation reference).
    expect((await outbox.sendProactive(msg)).outcome).toBe('unreachable');
    // To anyone but the dossier keeper it stays refused.
    const wijkagent = aanpak.participants.find((p) => p.organisation === 'politie')!;
    expect((await outbox.sendProactive({ ...msg, to: { kind: 'direct', aanpakId: aanpak.id, participantId: wijkagent.id } })).outcome).toBe('denied');
  });
});
