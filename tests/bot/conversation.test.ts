// Conversation tests with botbuilder's TestAdapter: the bot's routes, handlers and outbox together.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TestAdapter, type Activity } from 'botbuilder';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBot, type Bot } from '../../src/bot/app.js';
import { openStore, type Store } from '../../src/store/index.js';
import { testEnv } from '../helpers/env.js';

const USERS = {
  regie: { id: '29:regie', aadObjectId: '00000000-0000-0000-0000-000000000001', name: 'Priya de Regisseur' },
  wijkagent: { id: '29:wijk', aadObjectId: '00000000-0000-0000-0000-000000000002', name: 'Willem Wijkagent' },
  buiten: { id: '29:buiten', aadObjectId: '00000000-0000-0000-0000-000000000009', name: 'Bert Buitenstaander' },
};

type User = (typeof USERS)[keyof typeof USERS];

function message(user: User, text: string, conversation: 'channel' | 'personal' = 'channel'): Partial<Activity> {
  return {
    type: 'message',
    text,
    from: { ...user },
    conversation: conversation === 'channel'
      ? { id: '19:jgo@thread.tacv2', conversationType: 'channel', tenantId: 't1', isGroup: true, name: 'Jeugdgroepenoverleg' }
      : { id: `a:${user.id}`, conversationType: 'personal', tenantId: 't1', isGroup: false, name: '' },
    channelId: 'msteams',
    recipient: { id: '28:bot', name: 'Groepsaanpak' },
  };
}

function cardTexts(activity: Partial<Activity>): string {
  return JSON.stringify(activity.attachments?.map((a) => a.content) ?? activity.text ?? '');
}

describe('bot conversations (TestAdapter)', () => {
  let dir: string;
  let store: Store;
  let bot: Bot;
  let adapter: TestAdapter;
  const sent: Partial<Activity>[] = [];

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ga-bot-'));
    store = await openStore({ dataDir: dir, logger: { warn: () => {} } });
    bot = createBot({ store, env: testEnv('2026-03-02T09:00:00.000Z'), logger: pino({ level: 'silent' }), gemeente: 'Voorbeeldstad' });
    sent.length = 0;
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

  it('answers help with a Dutch card and unknown input with a helpful answer', async () => {
    await adapter.send(message(USERS.regie, 'help', 'personal'));
    expect(cardTexts(sent.at(-1)!)).toContain('nieuwe aanpak');
    await adapter.send(message(USERS.regie, 'blabla', 'personal'));
    expect(cardTexts(sent.at(-1)!)).toContain('Typ help');
  });

  it('creates an aanpak in the channel and posts the step card of step 1', async () => {
    await adapter.send(message(USERS.regie, 'nieuwe aanpak Stationsplein'));
    const card = cardTexts(sent.at(-1)!);
    expect(card).toContain('Stationsplein');
    expect(card).toContain('groepsniveau');
    const [aanpak] = await store.listAanpakkenByChannel('19:jgo@thread.tacv2');
    expect(aanpak).toMatchObject({ name: 'Stationsplein', state: '1', gemeente: 'Voorbeeldstad' });
    const audit = await store.listAudit(aanpak!.id);
    expect(audit.map((e) => e.type)).toEqual(expect.arrayContaining(['aanpak.created', 'gate.decision']));
  });

  it('the channel step card refreshes into the procesregisseur\'s view (per-user refresh with Teams user ids)', async () => {
    await adapter.send(message(USERS.regie, 'nieuwe aanpak Stationsplein'));
    const card = sent.at(-1)!.attachments![0]!.content as { refresh?: { userIds: string[] }; actions: { title: string }[] };
    expect(card.refresh?.userIds).toEqual(['29:regie']);
    expect(card.actions.map((a) => a.title)).not.toContain('Stap wijzigen');
    const [aanpak] = await store.listAanpakkenByChannel('19:jgo@thread.tacv2');
    const refreshed = await bot.handlers.handleAction(
      { actor: { aadObjectId: USERS.regie.aadObjectId, name: USERS.regie.name }, conversationId: '19:jgo@thread.tacv2', conversationType: 'channel' },
      'card.refresh',
      { aanpakId: aanpak!.id, version: aanpak!.version, card: 'step' },
    );
    const mine = refreshed.invoke!.card.content as { refresh?: unknown; actions: { title: string }[] };
    expect(mine.actions.map((a) => a.title)).toContain('Stap wijzigen');
    expect(mine.refresh).toBeUndefined();
    const other = await bot.handlers.handleAction(
      { actor: { aadObjectId: USERS.wijkagent.aadObjectId, name: USERS.wijkagent.name }, conversationId: '19:jgo@thread.tacv2', conversationType: 'channel' },
      'card.refresh',
      { aanpakId: aanpak!.id, version: aanpak!.version, card: 'step' },
    );
    expect(JSON.stringify(other.invoke!.card.content)).not.toContain('Stap wijzigen');
  });

  it('a user who is not a participant gets a short explanation and nothing else', async () => {
    await adapter.send(message(USERS.regie, 'nieuwe aanpak Stationsplein'));
    const before = sent.length;
    await adapter.send(message(USERS.buiten, 'status'));
    expect(sent.length).toBe(before + 1);
    expect(cardTexts(sent.at(-1)!)).toContain('Je doet niet mee aan de aanpak Stationsplein');
  });

  it('a repeated activity id changes nothing twice', async () => {
    const act = { ...message(USERS.regie, 'nieuwe aanpak Stationsplein'), id: 'act-1' };
    await adapter.send(act);
    await adapter.send(act);
    expect(await store.listAanpakkenByChannel('19:jgo@thread.tacv2')).toHaveLength(1);
  });
});
