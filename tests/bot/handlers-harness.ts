// Shared setup for the handlers-*.test.ts conversation tests: the real bot (createBot) behind
// botbuilder's TestAdapter with a real SQLite store in a temp dir, three users and helpers to send
// messages and Universal Actions (adaptiveCard/action invokes) and to read what the bot sent.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TestAdapter, type Activity } from 'botbuilder';
import pino from 'pino';
import { createBot, type Bot } from '../../src/bot/app.js';
import { openStore, type Store } from '../../src/store/index.js';
import type { Aanpak } from '../../src/workflow/types.js';
import { testEnv } from '../helpers/env.js';

export const CHANNEL = '19:jgo@thread.tacv2';
export const OTHER_CHANNEL = '19:ander@thread.tacv2';

export const USERS = {
  regie: { id: '29:regie', aadObjectId: '00000000-0000-0000-0000-000000000001', name: 'Priya de Regisseur' },
  wijkagent: { id: '29:wijk', aadObjectId: '00000000-0000-0000-0000-000000000002', name: 'Willem Wijkagent' },
  school: { id: '29:school', aadObjectId: '00000000-0000-0000-0000-000000000003', name: 'Sanne School' },
  ander: { id: '29:ander', aadObjectId: '00000000-0000-0000-0000-000000000008', name: 'Anton Anderregie' },
};
export type User = (typeof USERS)[keyof typeof USERS];
export type Where = 'channel' | 'personal' | 'other';

function conversation(user: User, where: Where): Activity['conversation'] {
  if (where === 'personal') return { id: `a:${user.id}`, conversationType: 'personal', tenantId: 't1', isGroup: false, name: '' };
  const id = where === 'channel' ? CHANNEL : OTHER_CHANNEL;
  return { id, conversationType: 'channel', tenantId: 't1', isGroup: true, name: 'Jeugdgroepenoverleg' };
}

/** Everything a card or text carries, as one string (for "contains / does not contain" checks). */
export function contentOf(activity: Partial<Activity>): string {
  if (activity.type === 'invokeResponse') return JSON.stringify((activity.value as { body?: { value?: unknown } }).body?.value ?? '');
  return JSON.stringify(activity.attachments?.map((a) => a.content) ?? activity.text ?? '');
}

export interface Harness {
  store: Store;
  bot: Bot;
  env: ReturnType<typeof testEnv>;
  /** Every activity the bot sent, in order, with the conversation it went to. */
  sent: { conversationId: string; activity: Partial<Activity> }[];
  say(user: User, text: string, where?: Where): Promise<Partial<Activity>[]>;
  /** An Action.Execute click; returns the invoke response card (JSON string) and the other activities. */
  click(user: User, verb: string, data: unknown, where?: Where): Promise<{ card: string; others: { conversationId: string; activity: Partial<Activity> }[] }>;
  aanpak(name?: string): Promise<Aanpak>;
  close(): Promise<void>;
}

export async function harness(): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'ga-handlers-'));
  const store = await openStore({ dataDir: dir, logger: { warn: () => {} } });
  const env = testEnv('2026-03-02T09:00:00.000Z');
  // The channel's Teams roster: exactly the aanpak's participants (tests/http covers outsiders).
  const readRoster = async (ctx: { activity: Partial<Activity> }) => {
    const id = (ctx.activity.conversation?.id ?? '').split(';')[0]!;
    return (await store.listAanpakkenByChannel(id)).flatMap((a) => a.participants.filter((p) => !p.removedAt).map((p) => p.aadObjectId));
  };
  const bot = createBot({ store, env, logger: pino({ level: 'silent' }), gemeente: 'Voorbeeldstad', readRoster });
  const sent: Harness['sent'] = [];
  const adapter = new TestAdapter(async (ctx) => {
    ctx.onSendActivities(async (c, activities, next) => {
      for (const a of activities) sent.push({ conversationId: c.activity.conversation?.id ?? '', activity: a });
      return next();
    });
    await bot.handler(ctx);
  });
  let seq = 0;
  const base = (user: User, where: Where) => ({
    id: `act-${++seq}`,
    from: { ...user },
    conversation: conversation(user, where),
    channelId: 'msteams',
    recipient: { id: '28:bot', name: 'Groepsaanpak' },
  });
  return {
    store,
    bot,
    env,
    sent,
    async say(user, text, where = 'channel') {
      const before = sent.length;
      await adapter.send({ type: 'message', text, ...base(user, where) });
      return sent.slice(before).map((s) => s.activity);
    },
    async click(user, verb, data, where = 'channel') {
      const before = sent.length;
      await adapter.send({
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
        ...base(user, where),
      });
      const mine = sent.slice(before);
      const invoke = mine.find((s) => s.activity.type === 'invokeResponse');
      return { card: invoke ? contentOf(invoke.activity) : '', others: mine.filter((s) => s !== invoke) };
    },
    async aanpak(name = 'Stationsplein') {
      const all = [...(await store.listAanpakkenByChannel(CHANNEL)), ...(await store.listAanpakkenByChannel(OTHER_CHANNEL))];
      const hit = all.find((a) => a.name === name);
      if (!hit) throw new Error(`no aanpak ${name}`);
      return hit;
    },
    async close() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Creates "Stationsplein" in the channel with the wijkagent (politie) and the school (incidenteel). */
export async function withParticipants(h: Harness, opts: { schoolGeheimhouding?: boolean } = {}): Promise<Aanpak> {
  await h.say(USERS.regie, 'nieuwe aanpak Stationsplein');
  const a = await h.aanpak();
  const add = async (user: User, organisation: string, role: string, extra: Record<string, string> = {}) => {
    const r = await h.click(USERS.regie, 'participant.add', { aanpakId: a.id, aad: user.aadObjectId, naam: user.name, organisation, role, ...extra });
    if (!r.card.includes(user.name)) throw new Error(`participant.add failed: ${r.card}`);
  };
  await add(USERS.wijkagent, 'politie', 'partner', { functie: 'wijkagent' });
  await add(USERS.school, 'school', 'incidenteel', opts.schoolGeheimhouding === false ? {} : { geheimhouding: '2026-03-01' });
  return h.aanpak();
}

/** Moves the aanpak on with the transition card's data (override reason for open checklist items). */
export async function moveTo(h: Harness, to: '2A' | '2B', extra: Record<string, string> = {}): Promise<Aanpak> {
  const a = await h.aanpak();
  const r = await h.click(USERS.regie, 'transition.apply', {
    aanpakId: a.id,
    version: a.version,
    from: a.state,
    to,
    decisionText: `Door naar ${to}`,
    overrideReason: 'Besproken in het overleg',
    ...(to === '2B' ? { problematisch: 'ja' } : {}),
    ...extra,
  });
  const after = await h.aanpak();
  if (after.state !== to) throw new Error(`transition failed: ${r.card}`);
  return after;
}
