// Production delivery of documents: a Teams file consent card in the requester's 1:1 chat; on
// accept the bot uploads the gated .docx once and answers with a file info card.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TestAdapter, type Activity } from 'botbuilder';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBot } from '../../src/bot/app.js';
import { DownloadStore, FileConsentFlow } from '../../src/bot/downloads.js';
import { PlanPlugin } from '../../src/bot/plan.js';
import { openStore, type Store } from '../../src/store/index.js';
import { testEnv } from '../helpers/env.js';

const REGIE = { id: '29:regie', aadObjectId: '00000000-0000-0000-0000-000000000001', name: 'Priya de Regisseur' };
const CHANNEL = { id: '19:jgo@thread.tacv2', conversationType: 'channel', tenantId: 't1', isGroup: true, name: 'Jeugdgroepenoverleg' };
const PERSONAL = { id: 'a:regie', conversationType: 'personal', tenantId: 't1', isGroup: false, name: '' };

describe('documents through Teams file consent (production)', () => {
  let dir: string;
  let store: Store;
  let adapter: TestAdapter;
  const sent: Partial<Activity>[] = [];
  const uploads: { url: string; size: number; head: string }[] = [];
  let seq = 0;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ga-consent-'));
    store = await openStore({ dataDir: dir, logger: { warn: () => {} } });
    const env = testEnv('2026-03-02T09:00:00.000Z');
    const consent = new FileConsentFlow(env.now, async (url, bytes) => {
      uploads.push({ url, size: bytes.length, head: Buffer.from(bytes.subarray(0, 2)).toString('latin1') });
    });
    const plan = new PlanPlugin({ store, env, downloads: new DownloadStore(env.now), baseUrl: 'http://127.0.0.1:9', consent });
    const bot = createBot({ store, env, logger: pino({ level: 'silent' }), gemeente: 'Voorbeeldstad', plugins: [plan] });
    sent.length = 0;
    uploads.length = 0;
    adapter = new TestAdapter(async (ctx) => {
      ctx.onSendActivities(async (_c, activities, next) => {
        sent.push(...activities);
        return next();
      });
      await bot.handler(ctx);
    });
  });

  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const say = (text: string, conversation: object) =>
    adapter.send({ type: 'message', text, id: `m${++seq}`, from: REGIE, conversation, channelId: 'msteams', recipient: { id: '28:bot', name: 'Groepsaanpak' } } as Partial<Activity>);
  const consent = (value: object) =>
    adapter.send({ type: 'invoke', name: 'fileConsent/invoke', value, id: `i${++seq}`, from: REGIE, conversation: PERSONAL, channelId: 'msteams', recipient: { id: '28:bot', name: 'Groepsaanpak' } } as Partial<Activity>);
  const attachments = () => sent.flatMap((a) => a.attachments ?? []);
  /** The beleidsadvies belongs to step 3/4: put the new aanpak there directly. */
  async function inStep4() {
    await say('nieuwe aanpak Stationsplein', CHANNEL);
    const [a] = await store.listAanpakkenByChannel(CHANNEL.id);
    await store.saveAanpak({ ...a!, state: '4' }, a!.version);
  }

  it('R-4-3: the beleidsadvies is offered as a file; accepted once, uploaded once, answered with a file card', async () => {
    await inStep4();
    await say('beleidsadvies', PERSONAL);
    const offer = attachments().find((a) => a.contentType === 'application/vnd.microsoft.teams.card.file.consent');
    expect(offer, JSON.stringify(sent.map((a) => a.attachments?.[0]?.content)).slice(0, 1500)).toBeDefined();
    expect(offer!.name).toMatch(/\.docx$/);
    expect(JSON.stringify(offer)).not.toContain('downloads/');
    const uploadId = (offer!.content as { acceptContext: { uploadId: string } }).acceptContext.uploadId;

    const uploadInfo = { name: offer!.name, uploadUrl: 'https://onedrive.example/upload/1', contentUrl: 'https://onedrive.example/file/1', uniqueId: 'u-1', fileType: 'docx' };
    await consent({ action: 'accept', context: { uploadId }, uploadInfo });
    expect(uploads).toEqual([{ url: 'https://onedrive.example/upload/1', size: expect.any(Number), head: 'PK' }]);
    const info = attachments().find((a) => a.contentType === 'application/vnd.microsoft.teams.card.file.info');
    expect(info).toMatchObject({ contentUrl: 'https://onedrive.example/file/1', content: { uniqueId: 'u-1' } });

    await consent({ action: 'accept', context: { uploadId }, uploadInfo });
    expect(uploads).toHaveLength(1);
    expect(JSON.stringify(sent.at(-2) ?? {}) + JSON.stringify(sent.at(-1) ?? {})).toContain('verlopen of al gebruikt');
  });

  it('a declined offer uploads nothing', async () => {
    await inStep4();
    await say('beleidsadvies', PERSONAL);
    const offer = attachments().find((a) => a.contentType === 'application/vnd.microsoft.teams.card.file.consent')!;
    await consent({ action: 'decline', context: { uploadId: (offer.content as { declineContext: { uploadId: string } }).declineContext.uploadId } });
    expect(uploads).toEqual([]);
    expect(JSON.stringify(sent)).toContain('geweigerd');
  });
});
