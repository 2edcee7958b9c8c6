// npm run bench:turn — turn latency of Groepsaanpak against an echo bot on the same stack
// (issue 7 §1). Both bots run as child processes on 127.0.0.1, answer to the same minimal
// connector (bench/turn/connector.ts) and get the same load: CONVERSATIONS
// concurrent simulated conversations (each its own channel and users) doing TURNS turns each in
// a fixed mix (help, status, round.submit, checklist.tick, transition.apply). Runs alternate
// echo/ours/echo/ours to cancel machine drift. The connector runs in a third child process, so
// the load generator's own work does not delay the arrival times it records.
//
// Server-side latency of a turn = POST received by the bot's HTTP server → last reply arrived at
// the connector (messages); for invokes the HTTP response is also a reply, so the end is the later
// of "response finished" and the last connector arrival. Same definition for both bots.
//
// Knobs (env): BENCH_CONVERSATIONS (50), BENCH_TURNS per conversation per run (20), BENCH_RUNS per
// bot (2), BENCH_WARMUP_TURNS (8), BENCH_LOG_LEVEL of our bot (info, as in production).
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, openSync, closeSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { STEP_DEFS } from '../src/workflow/catalog/index.js';
import { ms, prng, summarize, type Summary } from './stats.js';
import { errorTextOf } from './turn/connector.js';
import type { Arrivals, ConnectorMessage, ConnectorRequest } from './turn/connector-process.js';
import { BENCH_ID_HEADER, type Stamps } from './turn/stamps.js';
import type { TargetKind, TargetMessage } from './turn/target.js';

const int = (v: string | undefined, d: number) => (v && /^\d+$/.test(v) ? Number(v) : d);
const CONVERSATIONS = int(process.env.BENCH_CONVERSATIONS, 50);
const TURNS = int(process.env.BENCH_TURNS, 20);
const RUNS = Math.max(2, int(process.env.BENCH_RUNS, 2));
const WARMUP_TURNS = int(process.env.BENCH_WARMUP_TURNS, 8);
const LOG_LEVEL = process.env.BENCH_LOG_LEVEL ?? 'info';
const TARGET_MEDIAN = 1.3;
const TARGET_P99 = 3;

const TENANT = '5d2c7a41-3f0e-4b6a-9c1d-7e8f90a1b2c3';
const BOT = { id: '28:groepsaanpak', name: 'Groepsaanpak' };

type Kind = 'help' | 'status' | 'round.submit' | 'checklist.tick' | 'transition.apply';
const KINDS: Kind[] = ['help', 'status', 'round.submit', 'checklist.tick', 'transition.apply'];
/** The mix: reading (help, status) and writing (answer, tick, step) as in a working week. */
const MIX: [Kind, number][] = [
  ['help', 0.15],
  ['status', 0.25],
  ['round.submit', 0.25],
  ['checklist.tick', 0.25],
  ['transition.apply', 0.1],
];

interface User {
  id: string;
  name: string;
  aadObjectId: string;
}

interface Conversation {
  index: number;
  channelId: string;
  regie: User;
  politie: User;
  jongerenwerk: User;
  aanpakId: string;
  roundId: string;
  /** The aanpak's step as the generator expects it (flips 1 ↔ 2A with each transition). */
  step: '1' | '2A';
}

interface Target {
  kind: TargetKind;
  url: string;
  child: ChildProcess;
  logFile: string;
  usage(): Promise<{ cpuMs: number; rssMb: number }>;
  stop(): Promise<void>;
}

interface TurnRecord {
  id: string;
  kind: Kind;
  invoke: boolean;
  activity: Record<string, unknown>;
  status?: number;
  /** When the load generator had the whole HTTP response (hrtime ns). */
  done?: bigint;
  errors: string[];
}

interface RunResult {
  target: TargetKind;
  latencies: number[];
  byKind: Record<Kind, number[]>;
  wallMs: number;
  turns: number;
  noReply: number;
  noStamp: number;
  records: TurnRecord[];
}

const guid = (conv: number, user: number) => `b${String(conv).padStart(7, '0')}-0000-4000-8000-${String(user).padStart(12, '0')}`;

function conversations(n: number): Conversation[] {
  return Array.from({ length: n }, (_, i) => ({
    index: i,
    channelId: `19:bench-${i}@thread.tacv2`,
    regie: { id: `29:regie-${i}`, name: `Regisseur ${i}`, aadObjectId: guid(i, 1) },
    politie: { id: `29:politie-${i}`, name: `Wijkagent ${i}`, aadObjectId: guid(i, 2) },
    jongerenwerk: { id: `29:jw-${i}`, name: `Jongerenwerker ${i}`, aadObjectId: guid(i, 3) },
    aanpakId: 'echo-aanpak',
    roundId: 'echo-round',
    step: '1',
  }));
}

// ---- processes ------------------------------------------------------------------------------

const here = fileURLToPath(new URL('.', import.meta.url));
const logDir = mkdtempSync(join(tmpdir(), 'ga-bench-turn-logs-'));

async function spawnTarget(kind: TargetKind): Promise<Target> {
  const logFile = join(logDir, `${kind}.log`);
  const fd = openSync(logFile, 'w');
  const child = fork(join(here, 'turn', 'target.ts'), [kind], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', fd, fd, 'ipc'],
    env: { ...process.env, BENCH_LOG_LEVEL: LOG_LEVEL },
  });
  closeSync(fd);
  const next = (type: TargetMessage['type']) =>
    new Promise<TargetMessage>((resolve, reject) => {
      const onMessage = (m: TargetMessage) => {
        if (m.type !== type) return;
        child.off('message', onMessage);
        child.off('exit', onExit);
        resolve(m);
      };
      const onExit = (code: number | null) => reject(new Error(`${kind} bot exited (${code}); see ${logFile}:\n${readFileSync(logFile, 'utf8').slice(-2000)}`));
      child.on('message', onMessage);
      child.once('exit', onExit);
    });
  const ready = await next('ready');
  if (ready.type !== 'ready') throw new Error('unexpected message');
  return {
    kind,
    url: ready.url,
    child,
    logFile,
    usage: async () => {
      const p = next('usage');
      child.send({ type: 'usage' });
      const u = await p;
      return u.type === 'usage' ? { cpuMs: u.cpuMs, rssMb: u.rssMb } : { cpuMs: 0, rssMb: 0 };
    },
    stop: async () => {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.send({ type: 'stop' });
      await exited;
    },
  };
}

/** The connector child process, driven over IPC. */
interface RemoteConnector {
  url: string;
  record(on: boolean): Promise<void>;
  /** Reply bodies (joined) the bot sent for this inbound activity id; only while recording. */
  replies(id: string): Promise<string>;
  /** Arrivals since the last call, and call counts since start. */
  arrivals(): Promise<{ arrivals: Arrivals; counts: Record<string, number> }>;
  child: ChildProcess;
  stop(): Promise<void>;
}

async function spawnConnector(): Promise<RemoteConnector> {
  const child = fork(join(here, 'turn', 'connector-process.ts'), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const pending = new Map<number, (v: unknown) => void>();
  let rid = 0;
  let ready: (url: string) => void = () => {};
  const url = new Promise<string>((resolve, reject) => {
    ready = resolve;
    child.once('exit', (code) => reject(new Error(`connector exited (${code})`)));
  });
  child.on('message', (m: ConnectorMessage) => {
    if (m.type === 'ready') ready(m.url);
    else {
      pending.get(m.rid)?.(m.result);
      pending.delete(m.rid);
    }
  });
  type Req = ConnectorRequest extends infer R ? (R extends ConnectorRequest ? Omit<R, 'rid'> : never) : never;
  const call = <T>(req: Req): Promise<T> =>
    new Promise<T>((resolve) => {
      const id = ++rid;
      pending.set(id, resolve as (v: unknown) => void);
      child.send({ ...req, rid: id });
    });
  return {
    url: await url,
    child,
    record: (on) => call<boolean>({ cmd: 'record', on }).then(() => undefined),
    replies: (id) => call<string>({ cmd: 'replies', id }),
    arrivals: () => call({ cmd: 'arrivals' }),
    stop: async () => {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.send({ cmd: 'stop', rid: 0 });
      await exited;
    },
  };
}

// ---- activities -----------------------------------------------------------------------------

let seq = 0;

function activity(target: Target, connector: RemoteConnector, conv: Conversation, user: User, where: 'channel' | 'personal', fields: Record<string, unknown>) {
  seq += 1;
  return {
    id: `${target.kind}-${seq}`,
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl: connector.url,
    from: { id: user.id, name: user.name, aadObjectId: user.aadObjectId },
    recipient: { ...BOT },
    conversation:
      where === 'channel'
        ? { id: conv.channelId, conversationType: 'channel', tenantId: TENANT, isGroup: true, name: `Jeugdgroep ${conv.index}` }
        : { id: `a:personal-${user.id.slice(3)}`, conversationType: 'personal', tenantId: TENANT },
    channelData:
      where === 'channel'
        ? { tenant: { id: TENANT }, team: { id: `19:team-${conv.index}@thread.tacv2` }, channel: { id: conv.channelId } }
        : { tenant: { id: TENANT } },
    locale: 'nl-NL',
    ...fields,
  };
}

/** A channel message with the bot's @mention, as Teams sends it. */
const say = (text: string) => ({
  type: 'message',
  text: `<at>${BOT.name}</at> ${text}`,
  entities: [{ type: 'mention', text: `<at>${BOT.name}</at>`, mentioned: { ...BOT } }],
});
const personalSay = (text: string) => ({ type: 'message', text });
const invoke = (verb: string, data: Record<string, unknown>) => ({
  type: 'invoke',
  name: 'adaptiveCard/action',
  value: { action: { type: 'Action.Execute', verb, data } },
});

async function post(target: Target, act: Record<string, unknown>): Promise<{ status: number; text: string }> {
  const res = await fetch(`${target.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [BENCH_ID_HEADER]: String(act.id) },
    body: JSON.stringify(act),
  });
  return { status: res.status, text: await res.text() };
}

const ANSWERS = [
  'Groep van ongeveer tien jongeren, vaste hangplek bij de fietsenstalling van het station.',
  'Vooral op vrijdag- en zaterdagavond overlast: geluid, intimidatie van reizigers, wat vernielingen.',
  'De groep is online actief met filmpjes van ritjes op scooters.',
  'Zorgen over middelengebruik en over jongere kinderen die aanhaken.',
];

/** One turn of the mix for this conversation. */
function makeTurn(target: Target, connector: RemoteConnector, conv: Conversation, kind: Kind, rnd: () => number) {
  const anyone = [conv.regie, conv.politie, conv.jongerenwerk][Math.floor(rnd() * 3)]!;
  switch (kind) {
    case 'help':
      return activity(target, connector, conv, anyone, 'channel', say('help'));
    case 'status':
      return activity(target, connector, conv, anyone, 'channel', say('status'));
    case 'round.submit': {
      const author = rnd() < 0.5 ? conv.politie : conv.jongerenwerk;
      const a = activity(target, connector, conv, author, 'personal', {});
      return {
        ...a,
        ...invoke('round.submit', {
          aanpakId: conv.aanpakId,
          roundId: conv.roundId,
          nonce: a.id,
          'answer.CV-1': ANSWERS[Math.floor(rnd() * ANSWERS.length)],
          'answer.CV-2': ANSWERS[Math.floor(rnd() * ANSWERS.length)],
        }),
      };
    }
    case 'checklist.tick': {
      const items = STEP_DEFS[conv.step].checklist;
      const a = activity(target, connector, conv, conv.regie, 'channel', {});
      return { ...a, ...invoke('checklist.tick', { aanpakId: conv.aanpakId, step: conv.step, itemId: items[Math.floor(rnd() * items.length)]!.id, nonce: a.id }) };
    }
    case 'transition.apply': {
      const a = activity(target, connector, conv, conv.regie, 'channel', {});
      return {
        ...a,
        ...invoke('transition.apply', {
          aanpakId: conv.aanpakId,
          from: conv.step,
          to: conv.step === '1' ? '2A' : '1',
          decisionText: 'Besluit in het overleg.',
          overrideReason: 'Besproken in het overleg; open punten volgen.',
          nonce: a.id,
        }),
      };
    }
  }
}

function pickKind(rnd: () => number): Kind {
  let r = rnd();
  for (const [k, w] of MIX) {
    if (r < w) return k;
    r -= w;
  }
  return MIX[MIX.length - 1]![0];
}

// ---- setup (not measured) ---------------------------------------------------------------------

const idIn = (text: string, key: string): string | undefined => text.match(new RegExp(`"${key}":"([^"]+)"`))?.[1];

async function setupOurs(target: Target, connector: RemoteConnector, convs: Conversation[]): Promise<void> {
  await connector.record(true);
  const repliesTo = (id: string) => connector.replies(id);
  const must = async (act: Record<string, unknown>, what: string) => {
    const r = await post(target, act);
    if (r.status !== 200) throw new Error(`setup: ${what} answered HTTP ${r.status}`);
    const err = errorTextOf(r.text) ?? errorTextOf(await repliesTo(String(act.id)));
    if (err) throw new Error(`setup: ${what} answered with an error card: ${err}`);
    return r;
  };
  const setupOne = async (conv: Conversation) => {
    const created = activity(target, connector, conv, conv.regie, 'channel', say(`nieuwe aanpak Groep ${conv.index}`));
    await must(created, 'nieuwe aanpak');
    const aanpakId = idIn(await repliesTo(created.id), 'aanpakId');
    if (!aanpakId) throw new Error('setup: no aanpakId in the step card');
    conv.aanpakId = aanpakId;
    for (const [user, organisation] of [
      [conv.politie, 'politie'],
      [conv.jongerenwerk, 'jongerenwerk'],
    ] as const) {
      const a = activity(target, connector, conv, conv.regie, 'channel', {});
      await must(
        { ...a, ...invoke('participant.add', { aanpakId, nonce: a.id, aad: user.aadObjectId, naam: user.name, organisation, role: 'partner' }) },
        'participant.add',
      );
      // The partner opens the 1:1 chat, so the round invitation can reach them.
      await must(activity(target, connector, conv, user, 'personal', personalSay('help')), 'help (1:1)');
    }
    const round = activity(target, connector, conv, conv.regie, 'channel', say('rondvraag'));
    await must(round, 'rondvraag');
    const roundId = idIn(await repliesTo(round.id), 'roundId');
    if (!roundId) throw new Error('setup: no roundId in the progress card');
    conv.roundId = roundId;
  };
  // A few at a time: setup is not measured, it only has to be correct.
  for (let i = 0; i < convs.length; i += 10) await Promise.all(convs.slice(i, i + 10).map(setupOne));
  await connector.record(false);
}

// ---- measured runs ------------------------------------------------------------------------------

async function run(target: Target, connector: RemoteConnector, convs: Conversation[], turns: number, seed: number): Promise<RunResult> {
  const records: TurnRecord[] = [];
  const started = process.hrtime.bigint();
  await Promise.all(
    convs.map(async (conv) => {
      const rnd = prng(seed * 100_003 + conv.index);
      for (let t = 0; t < turns; t++) {
        const kind = pickKind(rnd);
        const act = makeTurn(target, connector, conv, kind, rnd) as Record<string, unknown> & { id: string };
        const rec: TurnRecord = { id: act.id, kind, invoke: act.type === 'invoke', activity: act, errors: [] };
        const res = await post(target, act);
        rec.done = process.hrtime.bigint();
        rec.status = res.status;
        if (rec.invoke) {
          const err = errorTextOf(res.text);
          if (err) rec.errors.push(err);
        }
        // The step moves only when the bot accepted the transition (the echo accepts everything).
        if (kind === 'transition.apply' && res.status === 200 && !errorTextOf(res.text)) conv.step = conv.step === '1' ? '2A' : '1';
        records.push(rec);
      }
    }),
  );
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  const { arrivals } = await connector.arrivals();
  const stamps = (await (await fetch(`${target.url}/bench/stamps`)).json()) as Stamps;
  const latencies: number[] = [];
  const byKind = Object.fromEntries(KINDS.map((k) => [k, [] as number[]])) as Record<Kind, number[]>;
  let noReply = 0;
  let noStamp = 0;
  for (const rec of records) {
    const s = stamps[rec.id];
    if (!s) {
      noStamp++;
      continue;
    }
    // Replies to this activity that arrived while the turn was in flight (a later proactive send
    // that reuses an old activity id as replyToId is not this turn's reply).
    let lastReply: bigint | undefined;
    for (const [at, error] of arrivals[rec.id] ?? []) {
      const t = BigInt(at);
      if (t > rec.done!) continue;
      if (lastReply === undefined || t > lastReply) lastReply = t;
      if (error) rec.errors.push(error);
    }
    const received = BigInt(s[0]);
    const finished = BigInt(s[1]);
    let end: bigint;
    if (rec.invoke) end = lastReply !== undefined && lastReply > finished ? lastReply : finished;
    else if (lastReply !== undefined) end = lastReply;
    else {
      noReply++;
      end = finished;
    }
    const v = Number(end - received) / 1e6;
    latencies.push(v);
    byKind[rec.kind].push(v);
  }
  return { target: target.kind, latencies, byKind, wallMs, turns: records.length, noReply, noStamp, records };
}

// ---- report ---------------------------------------------------------------------------------

function line(label: string, s: Summary, throughput?: number): string {
  return `  ${label.padEnd(18)} n=${String(s.n).padStart(5)}  median ${ms(s.median)}  p95 ${ms(s.p95)}  p99 ${ms(s.p99)}  max ${ms(s.max)}${throughput !== undefined ? `  ${throughput.toFixed(0).padStart(5)} turns/s` : ''}`;
}

function logProblems(file: string): { count: number; samples: string[] } {
  const samples: string[] = [];
  let count = 0;
  for (const l of readFileSync(file, 'utf8').split('\n')) {
    if (!l.trim()) continue;
    let level = 0;
    let msg = l;
    try {
      const j = JSON.parse(l) as { level?: number; msg?: string; err?: unknown; label?: string };
      level = j.level ?? 0;
      msg = `${j.msg ?? ''} ${j.err ? JSON.stringify(j.err) : ''} ${j.label ?? ''}`.trim();
    } catch {
      level = 50; // not pino: a stack trace or console output
    }
    if (level >= 40) {
      count++;
      if (samples.length < 5 && !samples.includes(msg)) samples.push(msg);
    }
  }
  return { count, samples };
}

async function main(): Promise<void> {
  const t0 = Date.now();
  const [connector, echo, ours] = await Promise.all([spawnConnector(), spawnTarget('echo'), spawnTarget('ours')]);
  const convs = { echo: conversations(CONVERSATIONS), ours: conversations(CONVERSATIONS) };
  try {
    await setupOurs(ours, connector, convs.ours);
    console.log(`bench:turn — ${CONVERSATIONS} concurrent conversations × ${TURNS} turns per run, ${RUNS} runs per bot (A/B alternating), our log level ${LOG_LEVEL}`);
    console.log(`  mix: ${MIX.map(([k, w]) => `${k} ${Math.round(w * 100)}%`).join(', ')}`);
    console.log(`  setup of our bot (not measured): ${CONVERSATIONS} aanpakken with 2 partners and an open rondvraag, ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    // Warm-up (JIT, SQLite cache, connection pools), not counted.
    await run(echo, connector, convs.echo, WARMUP_TURNS, 999);
    await run(ours, connector, convs.ours, WARMUP_TURNS, 999);
    const cpuBefore = { echo: await echo.usage(), ours: await ours.usage() };

    const results: RunResult[] = [];
    for (let r = 0; r < RUNS; r++) {
      for (const target of [echo, ours]) {
        const res = await run(target, connector, convs[target.kind], TURNS, r + 1);
        results.push(res);
        const s = summarize(res.latencies);
        console.log(line(`run ${r + 1} ${target.kind}`, s, res.turns / (res.wallMs / 1000)));
      }
    }
    const cpuAfter = { echo: await echo.usage(), ours: await ours.usage() };

    const pooled = (kind: TargetKind) => {
      const rs = results.filter((r) => r.target === kind);
      const latencies = rs.flatMap((r) => r.latencies);
      const turns = rs.reduce((a, r) => a + r.turns, 0);
      const wall = rs.reduce((a, r) => a + r.wallMs, 0);
      return { rs, s: summarize(latencies), turns, throughput: turns / (wall / 1000) };
    };
    const e = pooled('echo');
    const o = pooled('ours');
    console.log('');
    console.log('Server-side latency (POST received → last reply at the connector), all runs pooled:');
    console.log(line('echo', e.s, e.throughput));
    console.log(line('ours', o.s, o.throughput));
    console.log('  ours by kind:');
    for (const k of KINDS) console.log(`  ${line(k, summarize(o.rs.flatMap((r) => r.byKind[k])))}`);
    console.log(`  CPU per turn (bot process, measured runs): echo ${((cpuAfter.echo.cpuMs - cpuBefore.echo.cpuMs) / e.turns).toFixed(2)} ms, ours ${((cpuAfter.ours.cpuMs - cpuBefore.ours.cpuMs) / o.turns).toFixed(2)} ms; RSS echo ${cpuAfter.echo.rssMb.toFixed(0)} MB, ours ${cpuAfter.ours.rssMb.toFixed(0)} MB`);
    const rMedian = o.s.median / e.s.median;
    const rP99 = o.s.p99 / e.s.p99;
    console.log('');
    console.log('Ratios ours/echo:');
    console.log(`  median ${rMedian.toFixed(2)}×  (target ≤ ${TARGET_MEDIAN}×)  ${rMedian <= TARGET_MEDIAN ? 'PASS' : 'MISS'}`);
    console.log(`  p99    ${rP99.toFixed(2)}×  (target ≤ ${TARGET_P99}×)  ${rP99 <= TARGET_P99 ? 'PASS' : 'MISS'}`);
    console.log(`  throughput ${(o.throughput / e.throughput).toFixed(2)}× of echo`);

    // Correctness under load: HTTP errors, error cards, turns without a reply, server log problems.
    console.log('');
    console.log('Errors under load:');
    for (const t of ['echo', 'ours'] as const) {
      const rs = results.filter((r) => r.target === t);
      const recs = rs.flatMap((r) => r.records);
      const http = recs.filter((r) => r.status !== 200);
      const cards = recs.filter((r) => r.errors.length > 0);
      const noReply = rs.reduce((a, r) => a + r.noReply, 0);
      const noStamp = rs.reduce((a, r) => a + r.noStamp, 0);
      console.log(`  ${t}: ${recs.length} turns, HTTP ≠ 200: ${http.length}, error cards: ${cards.length}, message turns without reply: ${noReply}, without server stamp: ${noStamp}`);
      const groups = new Map<string, { n: number; sample: TurnRecord }>();
      for (const r of [...http, ...cards]) {
        const key = `${r.kind}: ${r.status !== 200 ? `HTTP ${r.status}` : r.errors[0]}`;
        const g = groups.get(key) ?? { n: 0, sample: r };
        g.n++;
        groups.set(key, g);
      }
      for (const [key, g] of groups) {
        const a = g.sample.activity as { type?: string; text?: string; value?: unknown; from?: { id?: string }; conversation?: { id?: string } };
        console.log(`    ${g.n}× ${key}`);
        console.log(`       e.g. ${JSON.stringify({ id: g.sample.id, type: a.type, text: a.text, value: a.value, from: a.from?.id, conversation: a.conversation?.id })}`);
      }
    }
    for (const t of [echo, ours]) {
      await t.stop();
      const p = logProblems(t.logFile);
      console.log(`  ${t.kind} server log: ${p.count} warn/error lines${p.samples.length ? `, e.g.: ${p.samples.join(' | ')}` : ''}`);
    }
    console.log(`\nMachine: ${cpus().length} CPUs, load average ${loadavg().map((l) => l.toFixed(1)).join(' / ')} (1/5/15 min) at the end`);
    console.log(`Total bench time ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  } finally {
    for (const t of [echo, ours]) if (t.child.exitCode === null) t.child.kill();
    if (connector.child.exitCode === null) await connector.stop();
    rmSync(logDir, { recursive: true, force: true });
  }
}

await main();
