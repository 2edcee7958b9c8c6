// Throughput of the sharing gate incl. screening: decisions per second for a ~1 KB Dutch answer
// against a 40-member namenlijst and a channel audience. Target: 50,000 decisions/s. Screening
// includes the first-name lexicon (~1,200 names) and street addresses.
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { decide, type GateContext } from '../src/workflow/gate.js';
import { createScreener } from '../src/workflow/screening.js';
import type { Aanpak, GateContent, Member, Organisation, Participant, Recipient, Role } from '../src/workflow/types.js';

const TARGET = 50_000;
const AT = '2025-01-01T00:00:00.000Z';

const FIRST = ['Jöran', 'Ali', 'Mohammed', 'Dani', 'Sem', 'Luuk', 'Noah', 'Ilias', 'Bilal', 'Thijs', 'Finn', 'Yusuf', 'Daan', 'Levi', 'Milan', 'Ryan', 'Ayoub', 'Jesse', 'Stijn', 'Rayan'];
const LAST = ['de Vries', 'Yilmaz', 'El-Amrani', 'Jansen', 'van den Berg', 'Bakker', 'Öztürk', 'Visser', 'Smit', 'Meijer', 'de Boer', 'Mulder', 'de Groot', 'Bos', 'Vos', 'Peters', 'Hendriks', 'van Leeuwen', 'Dekker', 'Brouwer'];

const members: Member[] = Array.from({ length: 40 }, (_, i) => ({
  id: `m${i}`,
  aanpakId: 'a1',
  naam: `${FIRST[i % FIRST.length]} ${LAST[(i * 7) % LAST.length]}`,
  bijnamen: i % 3 === 0 ? [`Kleine ${FIRST[(i + 5) % FIRST.length]}`, `K${i}`] : [],
  geboortedatum: `${2005 + (i % 6)}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')}`,
  positie: i % 4 === 0 ? 'kern' : 'schil',
  bron: 'groepsscan',
  addedAt: AT,
  addedBy: 'p-regie',
  informing: { status: 'open' },
}));

const orgs: [Organisation, Role][] = [
  ['gemeente', 'procesregisseur'],
  ['gemeente', 'vervanger'],
  ['politie', 'partner'],
  ['politie', 'partner'],
  ['om', 'partner'],
  ['jongerenwerk', 'partner'],
  ['boa', 'partner'],
  ['school', 'incidenteel'],
];
const participants: Participant[] = orgs.map(([organisation, role], i) => ({
  id: `p${i}`,
  aadObjectId: `aad-${i}`,
  displayName: `Deelnemer ${i}`,
  organisation,
  role,
  addedAt: AT,
  addedBy: 'p0',
  ...(role === 'incidenteel' ? { geheimhouding: { date: '2025-01-01', recordedBy: 'p0', recordedAt: AT } } : {}),
}));

const aanpak: Aanpak = {
  id: 'a1',
  name: 'Groep Centrum',
  gemeente: 'Voorbeeld',
  channelId: 'c1',
  state: '3',
  version: 1,
  createdAt: AT,
  createdBy: 'p0',
  participants,
  checklist: {},
  decisions: {},
  transitions: [],
  reopenings: [],
  legalBases: [],
  bijzonderBases: [],
  weighings: [],
  pgaConsents: [],
  settings: { overlegCadenceWeeks: 6, retentionProfile: '2022' },
};

const PARAGRAPH =
  'De groep komt vooral op vrijdag- en zaterdagavond samen bij het winkelcentrum en het speelveld achter de sporthal. ' +
  'Er is regelmatig sprake van intimidatie van voorbijgangers en winkelpersoneel; ook wordt er geblowd en wordt er met ' +
  'scooters over de stoep gereden. Het jongerenwerk heeft contact met een deel van de jongeren en ziet dat de sfeer de ' +
  'laatste weken grimmiger wordt, ook rond het café. Online worden filmpjes gedeeld van ruzies in de wijk. Volgens de wijkagent is Ali vaak ' +
  'het aanspreekpunt en neemt Kleine Daan de jongere leden mee. Bewoners melden overlast bij het overleg van 14-03-2025 en ' +
  'vragen om extra toezicht. Contact loopt via 06-12345678. Vermoedelijk zijn er contacten met een groep uit de ' +
  'naastgelegen wijk; dat moet nog worden uitgezocht. De school geeft aan dat meerdere jongeren vaak verzuimen en dat ' +
  'er zorgen zijn over hun thuissituatie. Voorstel: gezamenlijke aanpak met gebiedsgerichte maatregelen en een ' +
  'gesprek met ouders, geboren 2 mei 2009 is de jongste volgens de school. We bespreken dit in het volgende overleg.';

const screener = createScreener(members);
const ctx: GateContext = { aanpak, screener, purpose: 'channel' };
const audience: Recipient[] = participants.map((p) => ({ kind: 'participant', participantId: p.id }));
// Slightly different texts so nothing can be cached between decisions.
const texts = Array.from({ length: 64 }, (_, i) => `${PARAGRAPH} (${i})`);
const contents: GateContent[] = texts.map((text, i) => ({ ref: `answer-${i}`, kind: 'answer', level: 'groep', text, authorId: 'p2' }));

const sample = decide(contents[0]!, ctx, audience);
console.log(`text: ${PARAGRAPH.length} chars, ${members.length} members, audience ${audience.length}`);
console.log(`sample decision: ${sample.outcome} at ${sample.level}, ${sample.findings.length} findings (${sample.findings.map((f) => f.kind).join(', ')}), rules ${sample.reasons.map((r) => r.ruleId).join(', ')}`);

let cpuRate = 0;
let ctxNow = ctx;

function run(ms: number): number {
  let n = 0;
  let sink = 0;
  const cpu = process.cpuUsage();
  const start = performance.now();
  let now = start;
  while (now - start < ms) {
    for (let k = 0; k < 256; k++) {
      sink += decide(contents[n & 63]!, ctxNow, audience).reasons.length;
      n++;
    }
    now = performance.now();
  }
  if (sink < 0) console.log(sink);
  const used = process.cpuUsage(cpu);
  cpuRate = Math.max(cpuRate, n / ((used.user + used.system) / 1e6));
  return n / ((now - start) / 1000);
}

run(1000); // warm-up
const rates = [run(1500), run(1500), run(1500)];
const rate = Math.max(...rates);
console.log(`decide() incl. screening: ${Math.round(rate).toLocaleString('en')} decisions/s (runs: ${rates.map((r) => Math.round(r)).join(', ')})`);
// On a shared machine wall-clock time includes waiting for a core; CPU time shows the cost itself.
console.log(`per CPU second: ${Math.round(cpuRate).toLocaleString('en')} decisions (load average ${loadavg()[0]!.toFixed(1)})`);
console.log(`target ${TARGET.toLocaleString('en')}/s: ratio ${(rate / TARGET).toFixed(2)}${rate >= TARGET ? ' (met)' : ' (NOT met)'}`);

// Steps 1 and 2A: no namenlijst yet; only the first-name lexicon and the number patterns screen.
ctxNow = { aanpak: { ...aanpak, state: '1' }, screener: createScreener([]), purpose: 'channel' };
cpuRate = 0;
run(500);
const lexRates = [run(1000), run(1000)];
console.log(
  `without namenlijst (step 1, lexicon only): ${Math.round(Math.max(...lexRates)).toLocaleString('en')} decisions/s, ` +
    `${Math.round(cpuRate).toLocaleString('en')} per CPU second`,
);
