// Production mode as a real process (`tsx src/server.ts`, like `npm start`): it refuses to start
// without DATA_ENCRYPTION_KEY; with a complete configuration an activity without a Bot Framework
// token gets 401 and changes nothing, a foreign tenant gets 403, and the e2e test clock cannot be
// switched on. Unit-level proofs of the same rules live in tests/server/.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { testClockFromEnv } from '../../src/testing/clock.js';
import { startFakeConnector, type FakeConnector } from '../helpers/fake-connector.js';

const ROOT = resolve(import.meta.dirname, '../..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const TENANT = '11111111-2222-4333-8444-555555555555';
const OTHER_TENANT = '99999999-8888-4777-8666-555555555555';
const KEY = Buffer.alloc(32, 9).toString('base64');
const PRIYA = { id: '29:priya', name: 'Priya de Regisseur', aadObjectId: '00000000-0000-4000-8000-000000000001' };
const CHANNEL = '19:jeugdgroep-centrum@thread.tacv2';

const children: ChildProcess[] = [];
const cleanups: Array<() => Promise<void> | void> = [];

afterEach(async () => {
  for (const c of children.splice(0)) stop(c, 'SIGKILL');
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** Only a clean environment: nothing of the developer's shell (a stray key or app id) leaks in. */
function productionEnv(dataDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    MicrosoftAppId: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee',
    MicrosoftAppPassword: 'not-a-real-secret',
    MicrosoftAppTenantId: TENANT,
    DATA_DIR: dataDir,
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    ...extra,
  };
}

function stop(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    // Own process group (tsx starts node): stop the whole group of the process this test started.
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

function startServer(env: NodeJS.ProcessEnv): { child: ChildProcess; stderr: () => string; exited: Promise<number | null> } {
  const child = spawn(TSX, ['src/server.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  children.push(child);
  let err = '';
  child.stderr!.on('data', (b: Buffer) => (err += b.toString('utf8')));
  child.stdout!.resume();
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  return { child, stderr: () => err, exited };
}

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => resolvePort(port));
    });
  });
}

async function waitReady(url: string, exited: Promise<number | null>, stderr: () => string): Promise<void> {
  let gone = false;
  void exited.then(() => (gone = true));
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (gone) throw new Error(`server exited before it was ready:\n${stderr()}`);
    try {
      if ((await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(1_000) })).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`server not ready within 20 s:\n${stderr()}`);
}

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ga-prod-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function activity(serviceUrl: string, fields: Record<string, unknown>): Record<string, unknown> {
  return {
    type: 'message',
    id: `in-${Math.round(performance.now() * 1000)}`,
    channelId: 'msteams',
    serviceUrl,
    from: PRIYA,
    recipient: { id: '28:groepsaanpak', name: 'Groepsaanpak' },
    conversation: { id: 'a:personal-priya', conversationType: 'personal', tenantId: TENANT },
    channelData: { tenant: { id: TENANT } },
    locale: 'nl-NL',
    ...fields,
  };
}

const post = (url: string, body: unknown) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('production mode (the real process)', () => {
  it('refuses to start without DATA_ENCRYPTION_KEY: exit code 1, a clear Dutch/English message, no data written', async () => {
    const dataDir = join(tempDir(), 'data');
    const { exited, stderr } = startServer(productionEnv(dataDir));
    const code = await Promise.race([exited, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 20_000))]);
    expect(code).toBe(1);
    expect(stderr()).toContain('Configuratiefout / configuration error: DATA_ENCRYPTION_KEY ontbreekt / is missing (required in production)');
    // Refused before the store was opened: no data folder, no key file.
    expect(existsSync(dataDir)).toBe(false);
  });

  it('without a Bot Framework token: 401 and nothing changes; a foreign tenant: 403; GA_TEST_CLOCK=1 has no effect', async () => {
    const dataDir = join(tempDir(), 'data');
    const connector: FakeConnector = await startFakeConnector();
    cleanups.push(() => connector.close());
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const { child, exited, stderr } = startServer(productionEnv(dataDir, { DATA_ENCRYPTION_KEY: KEY, PORT: String(port), GA_TEST_CLOCK: '1' }));
    await waitReady(url, exited, stderr);

    // Would create an aanpak and store conversation references if it were let through.
    const channel = activity(connector.url, {
      text: '<at>Groepsaanpak</at> nieuwe aanpak Stationsplein',
      conversation: { id: CHANNEL, conversationType: 'channel', tenantId: TENANT },
      channelData: { tenant: { id: TENANT }, channel: { id: CHANNEL }, team: { id: '19:team@thread.tacv2' } },
      entities: [{ type: 'mention', text: '<at>Groepsaanpak</at>', mentioned: { id: '28:groepsaanpak', name: 'Groepsaanpak' } }],
    });
    expect((await post(`${url}/api/messages`, channel)).status).toBe(401);
    expect((await post(`${url}/api/messages`, activity(connector.url, { text: 'help' }))).status).toBe(401);
    const foreign = await post(
      `${url}/api/messages`,
      activity(connector.url, { text: 'help', conversation: { id: 'a:x', conversationType: 'personal', tenantId: OTHER_TENANT }, channelData: { tenant: { id: OTHER_TENANT } } }),
    );
    expect(foreign.status).toBe(403);
    // The test clock exists only in local mode.
    expect((await fetch(`${url}/_test/clock`)).status).toBe(404);
    expect((await post(`${url}/_test/clock`, { advanceMs: 86_400_000 })).status).toBe(404);

    stop(child, 'SIGTERM');
    expect(await exited).toBe(0);
    expect(connector.sent).toHaveLength(0);
    // Nothing was stored: no aanpak, no conversation reference.
    const store = await openStore({ dataDir, dataEncryptionKey: KEY, mode: 'production' });
    try {
      expect(await store.listAanpakkenByChannel(CHANNEL)).toEqual([]);
      expect(await store.getConversationRef(PRIYA.aadObjectId)).toBeUndefined();
    } finally {
      await store.close();
    }
  });

  it('the test clock is never built outside local mode or without GA_TEST_CLOCK=1', () => {
    expect(testClockFromEnv({ GA_TEST_CLOCK: '1' }, 'production')).toBeUndefined();
    expect(testClockFromEnv({}, 'local')).toBeUndefined();
    expect(testClockFromEnv({ GA_TEST_CLOCK: 'true' }, 'local')).toBeUndefined();
    const on = testClockFromEnv({ GA_TEST_CLOCK: '1' }, 'local');
    expect(on).toBeDefined();
    const before = on!.clock.now().getTime();
    const moved = on!.clock.advance(3 * 86_400_000).getTime();
    expect(moved - before).toBeGreaterThanOrEqual(3 * 86_400_000);
    expect(on!.clock.offsetMs()).toBe(3 * 86_400_000);
    expect(() => on!.clock.advance(-1)).toThrow(RangeError);
  });
});
