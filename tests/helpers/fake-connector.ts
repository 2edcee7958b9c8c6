/**
 * A fake Bot Framework connector (the service behind an activity's `serviceUrl`) on
 * 127.0.0.1: records what the bot sends and answers like the real one. Point an inbound
 * activity's `serviceUrl` at `connector.url` and inspect `connector.sent`.
 *
 *   const connector = await startFakeConnector();
 *   ...POST an activity with serviceUrl: connector.url...
 *   expect(connector.textsTo(conversationId)).toEqual(['Groepsaanpak is gestart.']);
 *   await connector.close();
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';

export interface SentActivity {
  /** 'send' = POST .../activities, 'reply' = POST .../activities/:replyToId, 'update' = PUT, 'delete' = DELETE. */
  kind: 'send' | 'reply' | 'update' | 'delete';
  conversationId: string;
  /** replyToId for 'reply', the target activity id for 'update'/'delete'. */
  activityId?: string;
  /** The activity JSON as received (empty object for 'delete'). */
  activity: Record<string, unknown>;
  /** Authorization header as received (undefined in local mode). */
  authorization?: string;
  /** Id the fake answered with. */
  id: string;
}

export interface CreatedConversation {
  id: string;
  /** The ConversationParameters JSON as received. */
  parameters: Record<string, unknown>;
}

export interface ChannelAccountLike {
  id: string;
  name?: string;
  aadObjectId?: string;
  [key: string]: unknown;
}

export interface FakeConnector {
  /** Base URL to use as `serviceUrl` (with trailing slash, like Teams). */
  url: string;
  sent: SentActivity[];
  created: CreatedConversation[];
  /** Roster answered by GET /v3/conversations/:id/members (and pagedmembers, members/:userId). */
  setMembers(conversationId: string, members: ChannelAccountLike[]): void;
  /** Activities with a `text` sent (send/reply/update) to one conversation, in order. */
  textsTo(conversationId: string): string[];
  /** Resolves when at least `count` activities have been recorded. */
  waitForSent(count: number, timeoutMs?: number): Promise<SentActivity[]>;
  reset(): void;
  close(): Promise<void>;
}

export async function startFakeConnector(): Promise<FakeConnector> {
  const sent: SentActivity[] = [];
  const created: CreatedConversation[] = [];
  const members = new Map<string, ChannelAccountLike[]>();
  const waiters: Array<() => void> = [];
  let counter = 0;
  const nextId = (prefix: string) => `${prefix}-${++counter}`;

  const record = (entry: Omit<SentActivity, 'id'>, id: string): SentActivity => {
    const full = { ...entry, id };
    sent.push(full);
    for (const w of waiters.splice(0)) w();
    return full;
  };

  const app = express();
  app.use(express.json({ limit: '5mb' }));

  app.post('/v3/conversations', (req, res) => {
    const id = nextId('conv');
    created.push({ id, parameters: req.body as Record<string, unknown> });
    res.status(201).json({ id, activityId: nextId('act'), serviceUrl: url });
  });

  app.post('/v3/conversations/:conversationId/activities', (req, res) => {
    const id = nextId('act');
    record({ kind: 'send', conversationId: req.params.conversationId, activity: req.body as Record<string, unknown>, authorization: req.headers.authorization }, id);
    res.status(201).json({ id });
  });

  app.post('/v3/conversations/:conversationId/activities/:activityId', (req, res) => {
    const id = nextId('act');
    record(
      { kind: 'reply', conversationId: req.params.conversationId, activityId: req.params.activityId, activity: req.body as Record<string, unknown>, authorization: req.headers.authorization },
      id,
    );
    res.status(201).json({ id });
  });

  app.put('/v3/conversations/:conversationId/activities/:activityId', (req, res) => {
    record(
      { kind: 'update', conversationId: req.params.conversationId, activityId: req.params.activityId, activity: req.body as Record<string, unknown>, authorization: req.headers.authorization },
      req.params.activityId,
    );
    res.status(200).json({ id: req.params.activityId });
  });

  app.delete('/v3/conversations/:conversationId/activities/:activityId', (req, res) => {
    record({ kind: 'delete', conversationId: req.params.conversationId, activityId: req.params.activityId, activity: {}, authorization: req.headers.authorization }, req.params.activityId);
    res.status(200).end();
  });

  app.get('/v3/conversations/:conversationId/members', (req, res) => {
    res.json(members.get(req.params.conversationId) ?? []);
  });

  app.get('/v3/conversations/:conversationId/pagedmembers', (req, res) => {
    res.json({ members: members.get(req.params.conversationId) ?? [] });
  });

  app.get('/v3/conversations/:conversationId/members/:userId', (req, res) => {
    const m = (members.get(req.params.conversationId) ?? []).find((x) => x.id === req.params.userId || x.aadObjectId === req.params.userId);
    if (!m) {
      res.status(404).json({ error: { code: 'MemberNotFoundInConversation', message: 'member not found' } });
      return;
    }
    res.json(m);
  });

  app.use((req, res) => {
    res.status(404).json({ error: { code: 'NotFound', message: `fake connector has no ${req.method} ${req.path}` } });
  });

  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}/`;

  return {
    url,
    sent,
    created,
    setMembers(conversationId, list) {
      members.set(conversationId, list);
    },
    textsTo(conversationId) {
      return sent
        .filter((s) => s.conversationId === conversationId && s.kind !== 'delete' && typeof s.activity.text === 'string')
        .map((s) => s.activity.text as string);
    },
    async waitForSent(count, timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs;
      while (sent.length < count) {
        const remaining = deadline - Date.now();
        if (remaining <= 0) throw new Error(`fake connector: expected ${count} activities, got ${sent.length}`);
        await new Promise<void>((resolve) => {
          const t = setTimeout(resolve, remaining);
          waiters.push(() => {
            clearTimeout(t);
            resolve();
          });
        });
      }
      return sent.slice(0, count);
    },
    reset() {
      sent.length = 0;
      created.length = 0;
      members.clear();
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
