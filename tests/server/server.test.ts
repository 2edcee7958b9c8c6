import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TurnContext } from 'botbuilder';
import { loadConfig } from '../../src/config.js';
import { createServer, startServer, type TurnHandler } from '../../src/server.js';
import { startFakeConnector, type FakeConnector } from '../helpers/fake-connector.js';
import { OTHER_TENANT, TENANT, listen, memoryLogger, messageActivity, postJson, productionEnv } from './helpers.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
  vi.restoreAllMocks();
});

async function boot(env: NodeJS.ProcessEnv, deps: { handler?: TurnHandler; ready?: () => Promise<boolean> } = {}) {
  const config = loadConfig({ BODY_LIMIT: '2kb', ...env });
  const { logger, output } = memoryLogger();
  const app = createServer({ config, logger, ...deps });
  const server = await listen(app);
  cleanups.push(server.close);
  return { url: server.url, output, app, config };
}

async function connector(): Promise<FakeConnector> {
  const c = await startFakeConnector();
  cleanups.push(c.close);
  return c;
}

describe('health and readiness', () => {
  it('GET /healthz answers 200 {status: ok}', async () => {
    const { url } = await boot({});
    const res = await fetch(`${url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('GET /readyz follows the injected ready() probe', async () => {
    let ready = true;
    const { url } = await boot({}, { ready: async () => ready });
    expect((await fetch(`${url}/readyz`)).status).toBe(200);
    ready = false;
    expect((await fetch(`${url}/readyz`)).status).toBe(503);
  });

  it('GET /readyz answers 503 when the probe throws, and after draining starts', async () => {
    const failing = await boot({}, { ready: async () => Promise.reject(new Error('store down')) });
    expect((await fetch(`${failing.url}/readyz`)).status).toBe(503);

    const ok = await boot({}, { ready: async () => true });
    expect((await fetch(`${ok.url}/readyz`)).status).toBe(200);
    ok.app.markDraining();
    expect((await fetch(`${ok.url}/readyz`)).status).toBe(503);
  });

  it('uses store.ping() for readiness when a store is given', async () => {
    const config = loadConfig({});
    const { logger } = memoryLogger();
    const store = { ping: vi.fn(async () => false), close: vi.fn(async () => undefined) };
    const server = await listen(createServer({ config, logger, store }));
    cleanups.push(server.close);
    expect((await fetch(`${server.url}/readyz`)).status).toBe(503);
    expect(store.ping).toHaveBeenCalled();
  });
});

describe('POST /api/messages: body handling', () => {
  it('answers 413 with a short JSON error when the body exceeds BODY_LIMIT, without calling the handler', async () => {
    const handler = vi.fn<TurnHandler>(async () => undefined);
    const { url } = await boot({}, { handler });
    const res = await postJson(`${url}/api/messages`, messageActivity('http://127.0.0.1:9/', { text: 'x'.repeat(4000) }));
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ error: 'payload_too_large' });
    expect(handler).not.toHaveBeenCalled();
  });

  it('answers 400 with a short JSON error on malformed JSON', async () => {
    const handler = vi.fn<TurnHandler>(async () => undefined);
    const { url } = await boot({}, { handler });
    const res = await postJson(`${url}/api/messages`, '{"type": "message", "text": "geheim');
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: string; message: string };
    expect(body.error).toBe('invalid_json');
    expect(JSON.stringify(body)).not.toContain('geheim');
    expect(handler).not.toHaveBeenCalled();
  });

  it('answers 400 when the JSON is not an activity', async () => {
    const { url } = await boot({});
    const wrongTyped = [
      { type: 'message', serviceUrl: ['http://x'] },
      { type: 'message', serviceUrl: 'not a url' },
      { type: 'message', from: 'me' },
      { type: 'message', conversation: { id: 7 } },
      { type: 'message', text: { nested: true } },
      { type: 'message', attachments: 'x' },
    ];
    for (const body of [[1, 2], { text: 'no type' }, { type: 7 }, ...wrongTyped]) {
      const res = await postJson(`${url}/api/messages`, body);
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error: 'invalid_activity' });
    }
    // Strict JSON parsing refuses bare primitives outright.
    const primitive = await postJson(`${url}/api/messages`, 'null');
    expect(primitive.status).toBe(400);
  });

  it('never logs the request body', async () => {
    const c = await connector();
    const { url, output } = await boot({});
    const secret = 'Jantje Pietersen Dorpsstraat 12';
    const res = await postJson(`${url}/api/messages`, messageActivity(c.url, { text: secret }));
    expect(res.status).toBe(200);
    await postJson(`${url}/api/messages`, `{"type":"message","text":"${secret}`);
    expect(output()).toContain('"path":"/api/messages"');
    expect(output()).not.toContain('Jantje');
    expect(output()).not.toContain('Dorpsstraat');
  });
});

describe('POST /api/messages: local mode', () => {
  it('accepts an unauthenticated activity, runs the handler and the reply reaches the connector', async () => {
    const c = await connector();
    const seen: string[] = [];
    const handler: TurnHandler = async (context: TurnContext) => {
      seen.push(context.activity.text);
      await context.sendActivity('Groepsaanpak is gestart.');
    };
    const { url, config } = await boot({}, { handler });
    expect(config.mode).toBe('local');

    const activity = messageActivity(c.url, { text: 'help' });
    const res = await postJson(`${url}/api/messages`, activity);
    expect(res.status).toBe(200);
    expect(seen).toEqual(['help']);
    expect(c.sent).toHaveLength(1);
    expect(c.sent[0]).toMatchObject({ kind: 'reply', conversationId: 'a:personal-priya', activityId: activity.id });
    expect(c.textsTo('a:personal-priya')).toEqual(['Groepsaanpak is gestart.']);
    // Local mode sends without a token (MicrosoftAppCredentials.Empty).
    expect(c.sent[0]?.authorization).toBeUndefined();
  });

  it('does not apply the tenant allowlist in local mode (the Playground uses its own tenant)', async () => {
    const c = await connector();
    const { url } = await boot({ ALLOWED_TENANTS: TENANT });
    const res = await postJson(`${url}/api/messages`, messageActivity(c.url, { conversation: { id: 'a:x', tenantId: OTHER_TENANT }, channelData: {} }));
    expect(res.status).toBe(200);
  });
});

describe('POST /api/messages: production mode', () => {
  it('answers 401 to an activity without Authorization header; the handler is not called and nothing is sent', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined); // CloudAdapter prints the auth error
    const c = await connector();
    const handler = vi.fn<TurnHandler>(async () => undefined);
    const { url, config } = await boot(productionEnv(), { handler });
    expect(config.mode).toBe('production');
    const res = await postJson(`${url}/api/messages`, messageActivity(c.url));
    expect(res.status).toBe(401);
    expect(handler).not.toHaveBeenCalled();
    expect(c.sent).toHaveLength(0);
  });

  it('answers 401 to a garbage bearer token without calling the handler', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const c = await connector();
    const handler = vi.fn<TurnHandler>(async () => undefined);
    const { url } = await boot(productionEnv(), { handler });
    const res = await postJson(`${url}/api/messages`, messageActivity(c.url), { authorization: 'Bearer not.a.jwt' });
    expect(res.status).toBe(401);
    expect(handler).not.toHaveBeenCalled();
    expect(c.sent).toHaveLength(0);
  });

  it('answers 403 to a tenant that is not on ALLOWED_TENANTS, before the bot logic', async () => {
    const c = await connector();
    const handler = vi.fn<TurnHandler>(async () => undefined);
    const { url } = await boot(productionEnv(), { handler });
    const foreign = { conversation: { id: 'a:x', conversationType: 'personal', tenantId: OTHER_TENANT }, channelData: { tenant: { id: OTHER_TENANT } } };
    const res = await postJson(`${url}/api/messages`, messageActivity(c.url, foreign), { authorization: 'Bearer whatever' });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: 'tenant_not_allowed' });
    expect(handler).not.toHaveBeenCalled();
    expect(c.sent).toHaveLength(0);
  });

  it('answers 403 when the activity names no tenant, or a foreign tenant next to an allowed one', async () => {
    const c = await connector();
    const { url } = await boot(productionEnv());
    const noTenant = await postJson(`${url}/api/messages`, messageActivity(c.url, { conversation: { id: 'a:x' }, channelData: {} }));
    expect(noTenant.status).toBe(403);
    expect(await noTenant.json()).toMatchObject({ error: 'missing_tenant' });
    const mixed = await postJson(`${url}/api/messages`, messageActivity(c.url, { conversation: { id: 'a:x', tenantId: TENANT }, channelData: { tenant: { id: OTHER_TENANT } } }));
    expect(mixed.status).toBe(403);
  });

  it('lets an allowed tenant through to authentication (401 without token, not 403)', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const c = await connector();
    const { url } = await boot(productionEnv({ ALLOWED_TENANTS: `${OTHER_TENANT}, ${TENANT.toUpperCase()}` }));
    const res = await postJson(`${url}/api/messages`, messageActivity(c.url));
    expect(res.status).toBe(401);
  });
});

describe('graceful shutdown', () => {
  it('stops accepting, finishes the in-flight turn, then closes the store', async () => {
    const c = await connector();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let entered!: () => void;
    const inTurn = new Promise<void>((r) => (entered = r));
    const handler: TurnHandler = async (context) => {
      entered();
      await gate;
      await context.sendActivity('klaar');
    };
    const store = { ping: vi.fn(async () => true), close: vi.fn(async () => undefined) };
    const config = loadConfig({ PORT: '0' });
    const { logger } = memoryLogger();
    const running = await startServer({ config, logger, handler, store, graceMs: 5_000 });

    const inflight = postJson(`${running.url}/api/messages`, messageActivity(c.url));
    await inTurn;
    const closing = running.close();
    // New connections are refused once close() started.
    await expect(fetch(`${running.url}/healthz`)).rejects.toThrow();
    expect(store.close).not.toHaveBeenCalled();
    release();
    const res = await inflight;
    expect(res.status).toBe(200);
    await closing;
    expect(c.textsTo('a:personal-priya')).toEqual(['klaar']);
    expect(store.close).toHaveBeenCalledTimes(1);
  });
});
