// Shared fixtures for the scheduler tests: a SQLite store in a temp dir, the real outbox with a
// local-mode CloudAdapter whose stored conversation references point at the fake connector, and
// an aanpak "Stationsplein" in step 6 with participants, members, actions and a round.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { Outbox } from '../../src/bot/outbox.js';
import { createBotAdapter } from '../../src/bot/adapter.js';
import { loadConfig } from '../../src/config.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { DEFAULT_CONVENANT, type ConvenantConfig } from '../../src/workflow/convenant.js';
import { atLocalTime } from '../../src/workflow/time.js';
import type { Aanpak, Action, Env, Member, Participant, Round } from '../../src/workflow/types.js';
import { startFakeConnector, type FakeConnector, type SentActivity } from '../helpers/fake-connector.js';
import { aanpakFixture as baseAanpak } from '../helpers/fixtures.js';

export const MASTER_KEY = Buffer.alloc(32, 9);
export const CONFIG: ConvenantConfig = { ...DEFAULT_CONVENANT, gemeente: 'Beesel' };
export const CREATED = atLocalTime('2026-03-02', '10:00'); // Monday
export const PLAN = atLocalTime('2026-04-15', '12:00'); // Wednesday
export const CHANNEL = '19:stationsplein@thread.tacv2';
export const ACTION_TEXT = 'Huisbezoek bij Fictief Persoon m1';
export const MEMBER_NAME = 'Fictief Persoon m1';

export const silent = pino({ level: 'silent' });

export function participant(id: string, role: Participant['role'], organisation: Participant['organisation'], over: Partial<Participant> = {}): Participant {
  return { id, aadObjectId: `aad-${id}`, displayName: `Naam ${id}`, organisation, role, addedAt: CREATED, addedBy: 'p-rs', ...over };
}

export function aanpakFixture(over: Partial<Aanpak> = {}): Aanpak {
  return baseAanpak(
    '6',
    [
      participant('p-rs', 'procesregisseur', 'gemeente'),
      participant('p-pol', 'partner', 'politie'),
      participant('p-jw', 'partner', 'jongerenwerk'),
      participant('p-school', 'incidenteel', 'school', { geheimhouding: { date: '2026-03-02', recordedBy: 'p-rs', recordedAt: CREATED } }),
    ],
    {
      name: 'Stationsplein',
      channelId: CHANNEL,
      transitions: [{ from: '5', to: '6', by: 'p-rs', at: PLAN, decisionText: 'Plan vastgesteld' }],
      planVastgesteldAt: PLAN,
      settings: { overlegCadenceWeeks: 6, retentionProfile: 'beesel', driehoekMemoDate: '2026-06-10' },
      ...over,
    },
    CREATED,
  );
}

export function memberFixture(id: string, over: Partial<Member> = {}): Member {
  return {
    id,
    aanpakId: 'a1',
    naam: `Fictief Persoon ${id}`,
    bijnamen: [],
    positie: 'kern',
    bron: 'groepsscan',
    addedAt: atLocalTime('2026-04-20', '12:00'),
    addedBy: 'p-rs',
    informing: { status: 'open' },
    ...over,
  };
}

export function actionFixture(id: string, over: Partial<Action> = {}): Action {
  return {
    id,
    aanpakId: 'a1',
    text: ACTION_TEXT,
    level: 'persoon',
    ownerOrganisation: 'politie',
    ownerParticipantId: 'p-pol',
    due: '2026-05-08', // Friday
    spoor: 'persoon_gezin',
    status: 'open',
    createdAt: CREATED,
    createdBy: 'p-rs',
    ...over,
  };
}

export function roundFixture(id: string, over: Partial<Round> = {}): Round {
  return {
    id,
    aanpakId: 'a1',
    kind: 'circulair',
    step: '6',
    questions: [],
    invitees: ['p-pol', 'p-jw'],
    deadline: atLocalTime('2026-05-13', '17:00'), // Wednesday
    openedBy: 'p-rs',
    openedAt: atLocalTime('2026-05-04', '10:00'),
    status: 'open',
    answerByRole: false,
    rodeDraad: [],
    ...over,
  };
}

/** A simulated clock the tests set explicitly. */
export function clock(start: string): Env & { set(iso: string): void } {
  let t = Date.parse(start);
  let n = 0;
  return {
    now: () => new Date(t),
    newId: () => `id-${++n}`,
    set(iso: string) {
      t = Date.parse(iso);
    },
  };
}

export interface Harness {
  dir: string;
  store: SqliteStore;
  connector: FakeConnector;
  outbox: Outbox;
  env: ReturnType<typeof clock>;
  close(): Promise<void>;
}

export function conversationRef(conversationId: string, serviceUrl: string, aad?: string): object {
  return {
    activityId: undefined,
    bot: { id: '28:groepsaanpak', name: 'Groepsaanpak' },
    channelId: 'msteams',
    conversation: { id: conversationId, conversationType: aad ? 'personal' : 'channel', isGroup: !aad, tenantId: 't1' },
    serviceUrl,
    ...(aad ? { user: { id: `29:${aad}`, aadObjectId: aad } } : {}),
  };
}

export const personalChat = (aad: string): string => `a:${aad}`;

/** Stores the channel reference and a 1:1 reference per participant (all at the fake connector). */
export async function storeRefs(store: SqliteStore, connector: FakeConnector, aanpak: Aanpak): Promise<void> {
  await store.saveConversationRef(`conv:${aanpak.channelId}`, conversationRef(aanpak.channelId, connector.url));
  for (const p of aanpak.participants) await store.saveConversationRef(p.aadObjectId, conversationRef(personalChat(p.aadObjectId), connector.url, p.aadObjectId));
}

export async function openHarness(start: string, opts: { connector?: FakeConnector; dir?: string } = {}): Promise<Harness> {
  const dir = opts.dir ?? mkdtempSync(join(tmpdir(), 'ga-sched-'));
  const store = await SqliteStore.open({ dataDir: dir, masterKey: MASTER_KEY, synchronous: 'NORMAL', vacuumOnDestroy: false });
  const connector = opts.connector ?? (await startFakeConnector());
  const env = clock(start);
  const config = loadConfig({});
  const adapter = createBotAdapter(config, silent);
  const outbox = new Outbox({ store, env, logger: silent, adapter, appId: '' });
  return {
    dir,
    store,
    connector,
    outbox,
    env,
    async close() {
      await store.close();
      if (!opts.connector) await connector.close();
      if (!opts.dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** All text of a sent activity's cards (for assertions on what reached whom). */
export function cardText(s: SentActivity): string {
  return JSON.stringify((s.activity.attachments as { content: unknown }[] | undefined)?.map((a) => a.content) ?? s.activity.text ?? '');
}

export function sentTo(connector: FakeConnector, conversationId: string): string[] {
  return connector.sent.filter((s) => s.conversationId === conversationId).map(cardText);
}
