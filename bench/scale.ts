// npm run bench:scale — growth with the number of aanpakken (issue 7 §1). For N = 10, 100, 300
// aanpakken with 8 participants each, every aanpak goes through a scripted 7-step scenario
// in-process (workflow functions + the SQLite store, no HTTP), persisted the way the bot does it:
// each change saved with optimistic concurrency and its audit events appended. Prints wall time,
// time per aanpak and store size per N, and the growth ratios, so linear growth is visible.
//
// Knobs (env): BENCH_SCALE_N (comma list, default 10,100,300).
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openStore, type Store } from '../src/store/index.js';
import { createAction, updateActionStatus } from '../src/workflow/actions.js';
import { activeParticipants, addParticipant, createAanpak, missingRequired, recordGeheimhouding, tickChecklist, transition, type Changed } from '../src/workflow/aanpak.js';
import { addMember, recordInforming } from '../src/workflow/namenlijst.js';
import { aggregateDuiding, closeRound, huiswerkFromDuiding, openRound, publishFlipover, submitAnswer } from '../src/workflow/rounds.js';
import { createScreener } from '../src/workflow/screening.js';
import type { Aanpak, AanpakState, Action, Answer, AuditEvent, Env, Member, Organisation, Recipient, Role, Round, ScaleValue } from '../src/workflow/types.js';

const SIZES = (process.env.BENCH_SCALE_N ?? '10,100,300')
  .split(',')
  .map((s) => Number(s.trim()))
  .filter((n) => Number.isInteger(n) && n > 0);

const DAY = 86_400_000;

/** Real clock and ids, like the running bot. */
const env: Env = { now: () => new Date(), newId: () => randomUUID() };
const today = () => env.now().toISOString().slice(0, 10);

/** The seven participants next to the procesregisseur (8 in all). */
const PARTNERS: [Organisation, Role, string][] = [
  ['gemeente', 'vervanger', 'Vervanger OOV'],
  ['politie', 'partner', 'Wijkagent'],
  ['om', 'partner', 'Officier OM'],
  ['jongerenwerk', 'partner', 'Jongerenwerker'],
  ['boa', 'partner', 'Boa'],
  ['school', 'incidenteel', 'Zorgcoördinator school'],
  ['leerplicht', 'incidenteel', 'Leerplichtambtenaar'],
];

const ANSWER_TEXTS = [
  'Groep van ongeveer tien jongeren, vaste hangplek bij de fietsenstalling.',
  'Overlast vooral op vrijdag- en zaterdagavond: geluid en intimidatie van reizigers.',
  'Contact via het jongerenwerk loopt; sportaanbod in de wijk is een kans.',
  'Eén van de jongeren lijkt een leidende rol te hebben (rol, geen naam).',
  'Buiten de groep: een oudere buurtbewoner met invloed (rol, geen naam).',
];

const SCALE_CYCLE: ScaleValue[] = ['niet', '1', '2', '3', 'sterk', 'onbekend'];

class Scenario {
  private aanpak!: Aanpak;
  private members: Member[] = [];
  private regie = '';
  writes = 0;

  constructor(
    private readonly store: Store,
    private readonly n: number,
  ) {}

  private async audit(events: AuditEvent[]): Promise<void> {
    for (const e of events) {
      await this.store.appendAudit(e);
      this.writes++;
    }
  }

  private async commit(changed: Changed): Promise<void> {
    this.aanpak = await this.store.saveAanpak(changed.aanpak, this.aanpak.version);
    this.writes++;
    await this.audit(changed.events);
  }

  private async tickRequired(): Promise<void> {
    const step = this.aanpak.state as Exclude<AanpakState, 'gesloten' | 'inactief' | 'vernietigd'>;
    for (const item of missingRequired(this.aanpak, step)) {
      await this.commit(tickChecklist(this.aanpak, { itemId: item.id, done: true, by: this.regie }, env));
    }
  }

  private async move(to: AanpakState, extra: Partial<Parameters<typeof transition>[1]> = {}): Promise<void> {
    await this.tickRequired();
    await this.commit(transition(this.aanpak, { to, by: this.regie, decisionText: 'Besluit in het jeugdgroepenoverleg.', ...extra }, env));
  }

  private invitees(): string[] {
    return activeParticipants(this.aanpak)
      .filter((p) => p.role !== 'procesregisseur')
      .map((p) => p.id);
  }

  private everyone(): Recipient[] {
    return activeParticipants(this.aanpak).map((p) => ({ kind: 'participant', participantId: p.id }));
  }

  private async saveRound(round: Round): Promise<void> {
    await this.store.saveRound(round);
    this.writes++;
  }

  private async saveAction(action: Action): Promise<void> {
    await this.store.saveAction(action);
    this.writes++;
  }

  /** Opens a round, lets every invitee answer, closes it; returns the closed round and answers. */
  private async round(kind: 'circulair' | 'duiding'): Promise<{ round: Round; answers: Answer[] }> {
    const opened = openRound(this.aanpak, { kind, invitees: this.invitees(), deadline: new Date(env.now().getTime() + 7 * DAY).toISOString(), by: this.regie }, env);
    await this.saveRound(opened.round);
    await this.audit(opened.events);
    const answers: Answer[] = [];
    for (const [k, participantId] of opened.round.invitees.entries()) {
      const items = opened.round.questions.map((q, i) =>
        q.answerType === 'scale' ? { questionId: q.id, scale: SCALE_CYCLE[(i + k) % SCALE_CYCLE.length]! } : { questionId: q.id, text: ANSWER_TEXTS[i % ANSWER_TEXTS.length]! },
      );
      const r = submitAnswer(opened.round, undefined, { participantId, items }, env, this.aanpak);
      if (await this.store.saveAnswer(r.answer, `bench:${opened.round.id}:${participantId}`)) await this.audit(r.events);
      this.writes++;
      answers.push(r.answer);
    }
    const closed = closeRound(opened.round, this.regie, env, this.aanpak);
    await this.saveRound(closed.round);
    await this.audit(closed.events);
    return { round: closed.round, answers: await this.store.listAnswers(closed.round.id) };
  }

  async run(): Promise<void> {
    // Start: the procesregisseur creates the aanpak in the channel and adds seven participants.
    const created = createAanpak({ name: `Groep ${this.n}`, gemeente: 'Voorbeeldstad', channelId: `19:scale-${this.n}@thread.tacv2`, by: { aadObjectId: randomUUID(), displayName: 'Procesregisseur' } }, env);
    this.aanpak = await this.store.createAanpak(created.aanpak);
    this.writes++;
    await this.audit(created.events);
    this.regie = this.aanpak.participants[0]!.id;
    for (const [organisation, role, name] of PARTNERS) {
      await this.commit(addParticipant(this.aanpak, { aadObjectId: randomUUID(), displayName: name, organisation, role, by: this.regie }, env));
      // Incidentele deelnemers sign a geheimhoudingsverklaring before they receive anything (R-X-21).
      if (role === 'incidenteel') {
        await this.commit(recordGeheimhouding(this.aanpak, { participantId: this.aanpak.participants.at(-1)!.id, date: today(), by: this.regie }, env));
      }
    }

    // Step 1: circulair vragen → close → publish the flipover (gated per item).
    const cv = await this.round('circulair');
    const pub = publishFlipover(cv.round, cv.answers, this.aanpak, createScreener(this.members), this.everyone(), env, this.regie);
    await this.saveRound(pub.round);
    await this.audit(pub.events);
    await this.move('2A');

    // Step 2A: duiding → aggregate → huiswerk actions for every 'onbekend'.
    const du = await this.round('duiding');
    aggregateDuiding(du.round, du.answers);
    const huiswerk = huiswerkFromDuiding(du.round, du.answers, this.aanpak, env);
    for (const a of huiswerk.actions) await this.saveAction(a);
    await this.audit(huiswerk.events);
    await this.saveRound({ ...du.round, status: 'gepubliceerd', publishedAt: env.now().toISOString() });
    await this.move('2B', { decisions: { '2A': { problematisch: true } } });

    // Step 2B: the namenlijst (6 members), informatiebrief handed over.
    for (let m = 0; m < 6; m++) {
      const added = addMember(
        this.aanpak,
        this.members,
        {
          naam: `Jongere ${this.n}-${m} Achternaam${m}`,
          bijnamen: [`Bijnaam${this.n}x${m}`],
          geboortedatum: `200${m % 10}-0${(m % 9) + 1}-1${m % 10}`,
          adres: `Dorpsstraat ${m + 1}`,
          woonplaats: 'Voorbeeldstad',
          positie: m < 3 ? 'kern' : 'schil',
          bron: 'groepsscan',
          by: this.regie,
        },
        env,
      );
      await this.store.saveMember(added.member);
      this.writes++;
      await this.audit(added.events);
      const informed = recordInforming(added.member, { status: 'uitgereikt', date: today() }, this.regie, env, this.aanpak);
      await this.store.saveMember(informed.member);
      this.writes++;
      await this.audit(informed.events);
      this.members.push(informed.member);
    }
    await this.move('3');
    await this.move('4');
    await this.move('5', { decisions: { '4': { geprioriteerd: true, datum: today(), randvoorwaarden: 'Inzet politie en jongerenwerk.' } } });

    // Step 5: the plan's actions, one per spoor plus one online.
    const screener = createScreener(this.members);
    const due = new Date(env.now().getTime() + 30 * DAY).toISOString().slice(0, 10);
    const planned: Action[] = [];
    for (const [ownerOrganisation, spoor, text] of [
      ['jongerenwerk', 'groep_netwerk', 'Wekelijks ambulant contact op de hangplek.'],
      ['politie', 'gebied', 'Extra surveillance op vrijdag- en zaterdagavond.'],
      ['gemeente', 'gebied', 'Verlichting bij de fietsenstalling verbeteren.'],
      ['boa', 'gebied', 'Toezicht bij het station na 21 uur.'],
      ['jongerenwerk', 'online', 'Online jongerenwerk op de kanalen van de groep.'],
    ] as const) {
      const r = createAction(this.aanpak, { text, ownerOrganisation, due, spoor, by: this.regie }, screener, env);
      await this.saveAction(r.action);
      await this.audit(r.events);
      planned.push(r.action);
    }
    await this.move('6');

    // Step 6: uitvoering — actions done with a result.
    for (const action of planned.slice(0, 3)) {
      const r = updateActionStatus(action, { status: 'gedaan', result: 'Uitgevoerd volgens plan.', by: this.regie }, this.aanpak, env, screener);
      await this.saveAction(r.action);
      await this.audit(r.events);
    }
    await this.move('7');
    await this.move('gesloten', { decisions: { '7': { doelenBereikt: true, resterendeActiesBelegd: true } } });
  }
}

const fileSize = (f: string) => (existsSync(f) ? statSync(f).size : 0);
const mb = (b: number) => `${(b / 2 ** 20).toFixed(2)} MB`;

interface Row {
  n: number;
  wallMs: number;
  perAanpakMs: number;
  /** CPU time of this process per aanpak: less sensitive to other load and to fsync waits. */
  cpuPerAanpakMs: number;
  dataBytes: number;
  /** Data file after close (WAL checkpointed into it). */
  closedBytes: number;
  keysBytes: number;
  writes: number;
}

async function measure(n: number): Promise<Row> {
  const dir = mkdtempSync(join(tmpdir(), 'ga-bench-scale-'));
  const store = await openStore({ dataDir: dir, logger: { warn: () => {} } });
  try {
    let writes = 0;
    const started = performance.now();
    const cpu = process.cpuUsage();
    for (let i = 0; i < n; i++) {
      const s = new Scenario(store, i);
      await s.run();
      writes += s.writes;
    }
    const wallMs = performance.now() - started;
    const used = process.cpuUsage(cpu);
    const cpuPerAanpakMs = (used.user + used.system) / 1000 / n;
    // Sizes while open: the WAL holds what has not been checkpointed yet.
    const dataBytes = fileSize(join(dir, 'groepsaanpak.db')) + fileSize(join(dir, 'groepsaanpak.db-wal'));
    const keysBytes = fileSize(join(dir, 'keys.db')) + fileSize(join(dir, 'keys.db-wal'));
    await store.close();
    const closedBytes = fileSize(join(dir, 'groepsaanpak.db')) + fileSize(join(dir, 'groepsaanpak.db-wal'));
    return { n, wallMs, perAanpakMs: wallMs / n, cpuPerAanpakMs, dataBytes, closedBytes, keysBytes, writes };
  } finally {
    await store.close().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
}

console.log('bench:scale — full 7-step scenario per aanpak (8 participants, circulair + duiding rounds, 6 members, 5 actions + huiswerk), in-process against SQLite');
const rows: Row[] = [];
for (const n of SIZES) {
  const r = await measure(n);
  rows.push(r);
  console.log(
    `  N=${String(n).padStart(4)}  wall ${(r.wallMs / 1000).toFixed(2).padStart(7)} s  per aanpak ${r.perAanpakMs.toFixed(1).padStart(7)} ms (CPU ${r.cpuPerAanpakMs.toFixed(1).padStart(5)} ms)  ` +
      `store ${mb(r.dataBytes).padStart(9)} (data + wal, open), ${mb(r.closedBytes).padStart(9)} after close = ${(r.closedBytes / n / 1024).toFixed(1).padStart(6)} KB/aanpak, keys ${mb(r.keysBytes)}, ${(r.writes / n).toFixed(0)} writes/aanpak`,
  );
}
console.log(`Machine: ${cpus().length} CPUs, load average ${loadavg().map((l) => l.toFixed(1)).join(' / ')} (1/5/15 min) at the end; wall time includes fsync waits (synchronous=FULL)`);
if (rows.length >= 2) {
  const first = rows[0]!;
  const last = rows.at(-1)!;
  console.log(
    `Growth N=${first.n} → N=${last.n} (×${(last.n / first.n).toFixed(0)}): time per aanpak ×${(last.perAanpakMs / first.perAanpakMs).toFixed(2)} (CPU ×${(last.cpuPerAanpakMs / first.cpuPerAanpakMs).toFixed(2)}), ` +
      `bytes per aanpak (after close) ×${(last.closedBytes / last.n / (first.closedBytes / first.n)).toFixed(2)}, wall ×${(last.wallMs / first.wallMs).toFixed(1)} (linear growth = ×1.00 per aanpak)`,
  );
}
