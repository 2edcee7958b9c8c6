// A minimal Bot Framework connector for `npm run bench:turn` (node:http, no framework): it
// acknowledges every call at once and records, per inbound activity id (the replyToId in the
// reply path), when the last reply arrived. During setup it also keeps the bodies, so the load
// generator can read ids (aanpakId, roundId) from the cards the bot sent.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedReply {
  conversationId: string;
  /** The replyToId from the path, or undefined for a new activity (POST .../activities). */
  replyToId: string | undefined;
  body: string;
}

export interface BenchConnector {
  /** serviceUrl for inbound activities (trailing slash, like Teams). */
  url: string;
  /** When set, every reply body is kept in `recorded` (setup only; costs time). */
  recordBodies: boolean;
  recorded: RecordedReply[];
  /**
   * Called for every reply with its replyToId and arrival time (hrtime ns) and whether the body
   * is an error card; the load generator decides whether the id is a turn in flight.
   */
  onReply?: (replyToId: string, at: bigint, errorText: string | undefined) => void;
  /** Calls answered, by kind, since start. */
  counts: Record<string, number>;
  close(): Promise<void>;
}

const ACTIVITY_PATH = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/;

/** The error card (src/cards/templates/error.json) starts its message with "⚠ ". */
export function errorTextOf(body: string): string | undefined {
  const m = body.match(/"text":"⚠ ((?:[^"\\]|\\.)*)"/);
  return m ? JSON.parse(`"${m[1]}"`) as string : undefined;
}

export async function startBenchConnector(): Promise<BenchConnector> {
  let seq = 0;
  const self: BenchConnector = {
    url: '',
    recordBodies: false,
    recorded: [],
    counts: {},
    close: async () => {},
  };
  const count = (k: string) => {
    self.counts[k] = (self.counts[k] ?? 0) + 1;
  };
  const json = (res: ServerResponse, status: number, body: unknown) => {
    const text = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
    res.end(text);
  };

  const handle = (req: IncomingMessage, res: ServerResponse, body: string) => {
    const at = process.hrtime.bigint();
    const path = (req.url ?? '/').split('?')[0]!;
    const m = path.match(ACTIVITY_PATH);
    if (m && (req.method === 'POST' || req.method === 'PUT')) {
      const conversationId = decodeURIComponent(m[1]!);
      const replyToId = m[2] ? decodeURIComponent(m[2]) : undefined;
      count(replyToId ? 'reply' : 'send');
      if (self.recordBodies) self.recorded.push({ conversationId, replyToId, body });
      if (replyToId) self.onReply?.(replyToId, at, body.includes('⚠') ? errorTextOf(body) ?? 'error card' : undefined);
      json(res, req.method === 'PUT' ? 200 : 201, { id: `act-${++seq}` });
      return;
    }
    if (req.method === 'POST' && path === '/v3/conversations') {
      count('createConversation');
      json(res, 201, { id: `conv-${++seq}`, activityId: `act-${++seq}` });
      return;
    }
    if (req.method === 'GET' && path.endsWith('/pagedmembers')) {
      count('roster');
      json(res, 200, { members: [] });
      return;
    }
    if (req.method === 'GET' && path.endsWith('/members')) {
      count('roster');
      json(res, 200, []);
      return;
    }
    count('other');
    json(res, 404, { error: { code: 'NotFound', message: `bench connector has no ${req.method} ${path}` } });
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => handle(req, res, Buffer.concat(chunks).toString('utf8')));
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  self.url = `http://127.0.0.1:${port}/`;
  self.close = async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return self;
}
