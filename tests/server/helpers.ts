import { Writable } from 'node:stream';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type express from 'express';
import { createLogger, type Logger } from '../../src/log.js';

export const TENANT = '11111111-2222-4333-8444-555555555555';
export const OTHER_TENANT = '99999999-8888-4777-8666-555555555555';
export const APP_ID = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
export const KEY = Buffer.alloc(32, 7).toString('base64');

export const productionEnv = (extra: Record<string, string> = {}): NodeJS.ProcessEnv => ({
  MicrosoftAppId: APP_ID,
  MicrosoftAppPassword: 'not-a-real-secret',
  MicrosoftAppTenantId: TENANT,
  DATA_ENCRYPTION_KEY: KEY,
  ...extra,
});

/** A logger that writes into `lines` instead of stdout. */
export function memoryLogger(): { logger: Logger; output: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, cb) {
      chunks.push(chunk.toString('utf8'));
      cb();
    },
  });
  return { logger: createLogger({ level: 'debug', destination: stream }), output: () => chunks.join('') };
}

export async function listen(app: express.Express): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

let seq = 0;
export function messageActivity(serviceUrl: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  seq += 1;
  return {
    type: 'message',
    id: `in-${seq}`,
    timestamp: '2025-03-01T10:00:00.000Z',
    channelId: 'msteams',
    serviceUrl,
    from: { id: '29:priya', name: 'Priya de Regisseur', aadObjectId: '00000000-0000-4000-8000-000000000001' },
    recipient: { id: '28:groepsaanpak', name: 'Groepsaanpak' },
    conversation: { id: 'a:personal-priya', conversationType: 'personal', tenantId: TENANT },
    channelData: { tenant: { id: TENANT } },
    locale: 'nl-NL',
    text: 'help',
    ...overrides,
  };
}

export async function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
}
