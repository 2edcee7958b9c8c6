// Child process of `npm run bench:turn`: the bench connector in a process of its own, so the
// arrival times of replies are not delayed by the load generator's work. Answers small RPCs over
// IPC: the reply bodies for an activity id (setup), and the arrivals of a run.
import { startBenchConnector } from './connector.js';

export type ConnectorRequest =
  | { rid: number; cmd: 'record'; on: boolean }
  | { rid: number; cmd: 'replies'; id: string }
  | { rid: number; cmd: 'arrivals' }
  | { rid: number; cmd: 'stop' };

/** Per replyToId: each reply's arrival (hrtime ns, decimal string) and error-card text, in order. */
export type Arrivals = Record<string, [string, string | null][]>;

export type ConnectorMessage = { type: 'ready'; url: string } | { type: 'result'; rid: number; result: unknown };

const connector = await startBenchConnector();
let arrivals: Arrivals = {};
connector.onReply = (id, at, error) => {
  (arrivals[id] ??= []).push([at.toString(), error ?? null]);
};
const send = (m: ConnectorMessage) => process.send?.(m);

process.on('message', (m: ConnectorRequest) => {
  switch (m.cmd) {
    case 'record':
      connector.recordBodies = m.on;
      if (!m.on) connector.recorded.length = 0;
      send({ type: 'result', rid: m.rid, result: true });
      break;
    case 'replies':
      send({ type: 'result', rid: m.rid, result: connector.recorded.filter((r) => r.replyToId === m.id).map((r) => r.body).join('\n') });
      break;
    case 'arrivals': {
      const out = arrivals;
      arrivals = {};
      send({ type: 'result', rid: m.rid, result: { arrivals: out, counts: connector.counts } });
      break;
    }
    case 'stop':
      void connector.close().then(() => process.exit(0));
      break;
  }
});
send({ type: 'ready', url: connector.url });
