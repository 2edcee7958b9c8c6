/**
 * HTTP-level harness: the real server (compose + startServer) in local mode on an ephemeral
 * 127.0.0.1 port, a temp DATA_DIR, a simulated clock, and a fake Bot Framework connector as
 * serviceUrl. Tests POST real activities and read what the bot sent at the connector.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { compose, type Composed } from '../../src/compose.js';
import { loadConfig } from '../../src/config.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { startFakeConnector, type FakeConnector, type SentActivity } from '../helpers/fake-connector.js';
import { testEnv } from '../helpers/env.js';

export const TENANT = '5d2c7a41-3f0e-4b6a-9c1d-7e8f90a1b2c3';
export const TEAM_ID = '19:team-jeugdgroepenoverleg@thread.tacv2';
export const CHANNEL_ID = '19:jeugdgroep-centrum@thread.tacv2';
export const BOT = { id: '28:groepsaanpak', name: 'Groepsaanpak' };

export interface User {
  id: string;
  name: string;
  aadObjectId: string;
  email: string;
}

export const USERS = {
  regie: { id: '29:priya', name: 'Priya de Regisseur', aadObjectId: 'a0000000-0000-4000-8000-000000000001', email: 'priya@gemeente.example' },
  wijkagent: { id: '29:willem', name: 'Willem Wijkagent', aadObjectId: 'a0000000-0000-4000-8000-000000000002', email: 'willem@politie.example' },
  school: { id: '29:sanne', name: 'Sanne School', aadObjectId: 'a0000000-0000-4000-8000-000000000005', email: 'sanne@school.example' },
  buiten: { id: '29:bert', name: 'Bert Buitenstaander', aadObjectId: 'a0000000-0000-4000-8000-000000000009', email: 'bert@elders.example' },
} satisfies Record<string, User>;

export const personalId = (u: User): string => `a:personal-${u.id.slice(3)}`;

export type Where = 'channel' | 'personal';

/** An Adaptive Card as JSON (what the bot sends in attachments or an invoke response). */
export type Card = Record<string, unknown>;

export interface InvokeResult {
  status: number;
  body: { statusCode?: number; type?: string; value?: unknown } | undefined;
  /** The card in the invoke response (the replacement card for the clicker). */
  card: Card | undefined;
}

export interface Harness {
  url: string;
  connector: FakeConnector;
  composed: Composed;
  clock: ReturnType<typeof testEnv>;
  /** Sends a message activity; resolves after the HTTP response (the turn is done). */
  say(user: User, text: string, where: Where, extra?: Record<string, unknown>): Promise<Response>;
  /** Sends an `adaptiveCard/action` invoke (Action.Execute) and returns the invoke response. */
  invoke(user: User, verb: string, data: Record<string, unknown>, where: Where, extra?: Record<string, unknown>): Promise<InvokeResult>;
  /** Activity JSON the next `say`/`invoke` would post (for replays). */
  activity(user: User, where: Where, fields: Record<string, unknown>): Record<string, unknown>;
  post(activity: Record<string, unknown>): Promise<Response>;
  close(): Promise<void>;
}

let seq = 0;

export async function startHarness(start = '2026-03-02T09:00:00.000Z'): Promise<Harness> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ga-http-'));
  const connector = await startFakeConnector();
  // HTTP_TEST_LOG=debug shows the server's (content-free) log while debugging a test.
  const level = process.env.HTTP_TEST_LOG ?? 'silent';
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: level });
  const logger = pino({ level });
  const clock = testEnv(start);
  // Unique ids across runs of the same store are not needed (fresh dir), but nonces must differ.
  const composed = await compose(config, logger, [], clock);
  const running: RunningServer = await startServer({
    config,
    logger,
    handler: composed.bot.handler,
    adapter: composed.adapter,
    routes: composed.routes,
    store: { ping: () => composed.store.ping(), close: () => composed.store.close() },
    graceMs: 2_000,
  });

  const conversation = (user: User, where: Where) =>
    where === 'channel'
      ? { id: CHANNEL_ID, conversationType: 'channel', tenantId: TENANT, isGroup: true, name: 'Jeugdgroep Centrum' }
      : { id: personalId(user), conversationType: 'personal', tenantId: TENANT };

  const channelData = (where: Where) =>
    where === 'channel'
      ? { tenant: { id: TENANT }, team: { id: TEAM_ID, name: 'Jeugdgroepenoverleg' }, channel: { id: CHANNEL_ID, name: 'Jeugdgroep Centrum' } }
      : { tenant: { id: TENANT } };

  const activity = (user: User, where: Where, fields: Record<string, unknown>): Record<string, unknown> => {
    seq += 1;
    return {
      id: `in-${seq}`,
      timestamp: clock.now().toISOString(),
      channelId: 'msteams',
      serviceUrl: connector.url,
      from: { id: user.id, name: user.name, aadObjectId: user.aadObjectId },
      recipient: { ...BOT },
      conversation: conversation(user, where),
      channelData: channelData(where),
      locale: 'nl-NL',
      ...fields,
    };
  };

  const post = (a: Record<string, unknown>) =>
    fetch(`${running.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(a) });

  return {
    url: running.url,
    connector,
    composed,
    clock,
    activity,
    post,
    say(user, text, where, extra = {}) {
      // In a channel Teams puts the bot's @mention in the text and in entities.
      const fields =
        where === 'channel'
          ? {
              type: 'message',
              text: `<at>${BOT.name}</at> ${text}`,
              entities: [{ type: 'mention', text: `<at>${BOT.name}</at>`, mentioned: { ...BOT } }],
            }
          : { type: 'message', text };
      return post(activity(user, where, { ...fields, ...extra }));
    },
    async invoke(user, verb, data, where, extra = {}) {
      const res = await post(
        activity(user, where, { type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb, data } }, ...extra }),
      );
      const text = await res.text();
      const body = text ? (JSON.parse(text) as InvokeResult['body']) : undefined;
      const value = body?.value;
      const card = value && typeof value === 'object' && (value as Card).type === 'AdaptiveCard' ? (value as Card) : undefined;
      return { status: res.status, body, card };
    },
    async close() {
      await running.close();
      await connector.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

// ---- reading cards --------------------------------------------------------------------------

/** The Adaptive Cards in one recorded activity. */
export function cardsOf(sent: SentActivity): Card[] {
  const attachments = (sent.activity.attachments ?? []) as Array<{ contentType?: string; content?: unknown }>;
  return attachments.filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive').map((a) => a.content as Card);
}

/** Every card sent to one conversation (send, reply or update), in order. */
export function cardsTo(connector: FakeConnector, conversationId: string, from = 0): Card[] {
  return connector.sent
    .slice(from)
    .filter((s) => s.conversationId === conversationId && s.kind !== 'delete')
    .flatMap(cardsOf);
}

/** All visible strings of a card (TextBlock texts, facts, titles, values), joined. */
export function cardText(card: Card | undefined): string {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node === null || typeof node !== 'object') return;
    for (const [k, v] of Object.entries(node)) {
      if (k === 'fallback' || k === 'refresh') continue;
      if (typeof v === 'string' && ['text', 'title', 'value', 'label', 'placeholder'].includes(k)) out.push(v);
      else walk(v);
    }
  };
  walk(card);
  return out.join('\n');
}

/** The data of the first Action.Execute with this verb anywhere in the card (incl. ShowCards). */
export function actionData(card: Card | undefined, verb: string): Record<string, unknown> | undefined {
  let found: Record<string, unknown> | undefined;
  const walk = (node: unknown): void => {
    if (found) return;
    if (Array.isArray(node)) return node.forEach(walk);
    if (node === null || typeof node !== 'object') return;
    const n = node as Record<string, unknown>;
    if (n.type === 'Action.Execute' && n.verb === verb) {
      found = { ...((n.data as Record<string, unknown> | undefined) ?? {}) };
      return;
    }
    for (const [k, v] of Object.entries(n)) if (k !== 'refresh' && k !== 'fallback') walk(v);
  };
  walk(card);
  return found;
}

/** The ids of all inputs in a card. */
export function inputIds(card: Card | undefined): string[] {
  const ids: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node === null || typeof node !== 'object') return;
    const n = node as Record<string, unknown>;
    if (typeof n.type === 'string' && n.type.startsWith('Input.') && typeof n.id === 'string') ids.push(n.id);
    for (const v of Object.values(n)) walk(v);
  };
  walk(card);
  return ids;
}

/** The last card sent to a conversation that has an Action.Execute with this verb. */
export function lastCardWith(connector: FakeConnector, conversationId: string, verb: string, from = 0): Card | undefined {
  return cardsTo(connector, conversationId, from).filter((c) => actionData(c, verb)).at(-1);
}

/** The Teams roster the fake connector serves for the team and the channel. */
export function setRoster(h: Harness, users: User[]): void {
  const list = users.map((u) => ({ id: u.id, name: u.name, aadObjectId: u.aadObjectId, email: u.email, userPrincipalName: u.email }));
  h.connector.setMembers(TEAM_ID, list);
  h.connector.setMembers(CHANNEL_ID, list);
}
