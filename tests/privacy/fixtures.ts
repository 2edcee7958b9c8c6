// Adversarial posts for the privacy-leak suite, generated from one namenlijst fixture: every way a
// partner might (on purpose or not) put personal data into free text that leaves them.
import { normalise } from '../../src/workflow/screening.js';
import type { Level, Member } from '../../src/workflow/types.js';

const AT = '2026-03-01T00:00:00.000Z';

function member(id: string, naam: string, extra: Partial<Member>): Member {
  return { id, aanpakId: 'a1', naam, bijnamen: [], positie: 'kern', bron: 'groepsscan', addedAt: AT, addedBy: 'regie', informing: { status: 'open' }, ...extra };
}

export const MEMBERS: Member[] = [
  member('m1', 'Jöran de Vries', { bijnamen: ['Kleine J'], geboortedatum: '2009-03-12', adres: 'Dorpsstraat 14', woonplaats: 'Zwolle' }),
  member('m2', 'Mohammed Yilmaz', { bijnamen: ['Mootje'], geboortedatum: '2008-11-02' }),
  member('m3', 'Priscilla Kromowidjojo', { bijnamen: ['Pris K'], geboortedatum: '2010-06-30', adres: 'Achter de Kerk 7' }),
  member('m4', 'Ayoub El-Amrani', { bijnamen: ['Snelle A'], geboortedatum: '2009-01-05' }),
];

export interface Leak {
  /** What was put in, for failure messages. */
  label: string;
  /** The personal data as written (the forbidden fragment). */
  fragment: string;
  /** Its true level. */
  level: Level;
  /** The member it is about, when it names one. */
  memberId?: string;
  /** Only detectable with the namenlijst (steps 2B+): surnames, lowercase names, bijnamen, birth dates. */
  needsNamenlijst: boolean;
}

const ZWSP = '\u200b';
const ZWJ = '\u200d';
const SHY = '\u00ad';
const RLM = '\u200f';
const LRM = '\u200e';
/** Latin → Cyrillic look-alikes. */
const CYR: Record<string, string> = { a: 'а', e: 'е', o: 'о', p: 'р', c: 'с', y: 'у', x: 'х', A: 'А', E: 'Е', O: 'О', M: 'М', K: 'К', P: 'Р', J: 'Ј' };
const homoglyph = (s: string) => [...s].map((c) => CYR[c] ?? c).join('');
const fullWidth = (s: string) => [...s].map((c) => (c >= '!' && c <= '~' ? String.fromCodePoint(c.codePointAt(0)! + 0xfee0) : c)).join('');
const splitBy = (s: string, ch: string) => {
  const mid = Math.max(1, Math.floor(s.length / 2));
  return s.slice(0, mid) + ch + s.slice(mid);
};

/** First names in the lexicon: detectable without a namenlijst when capitalised. */
const IN_LEXICON = new Set(['mohammed', 'priscilla', 'ayoub']);

function nameLeaks(m: Member): Leak[] {
  const [first] = m.naam.split(' ');
  const surname = m.naam.slice(first!.length + 1);
  const lex = IN_LEXICON.has(normalise(first!));
  const out: Leak[] = [];
  const add = (label: string, fragment: string, byLexicon: boolean) =>
    out.push({ label: `${m.id} ${label}`, fragment, level: 'persoon', memberId: m.id, needsNamenlijst: !byLexicon });
  add('full name', m.naam, lex);
  add('lowercase', m.naam.toLowerCase(), false);
  add('uppercase', m.naam.toUpperCase(), lex);
  add('first name', first!, lex);
  add('surname', surname, false);
  add('ZWSP in first name', splitBy(first!, ZWSP), lex);
  add('ZWJ in first name', splitBy(first!, ZWJ), lex);
  add('soft hyphen in surname', splitBy(surname, SHY), false);
  add('RTL marks around name', `${RLM}${m.naam}${LRM}`, lex);
  add('homoglyphs', homoglyph(m.naam), lex);
  add('full-width first name', fullWidth(first!), lex);
  add('in brackets', `(${first!})`, lex);
  add('possessive', `${first!}'s`, lex);
  add('mention', `@${first!}`, lex);
  for (const b of m.bijnamen) {
    out.push({ label: `${m.id} bijnaam`, fragment: b, level: 'persoon', memberId: m.id, needsNamenlijst: true });
    out.push({ label: `${m.id} bijnaam ZWSP`, fragment: splitBy(b, ZWSP), level: 'persoon', memberId: m.id, needsNamenlijst: true });
  }
  return out;
}

function dateLeaks(m: Member): Leak[] {
  const [y, mo, d] = m.geboortedatum!.split('-').map(Number) as [number, number, number];
  const months = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
  const p2 = (n: number) => String(n).padStart(2, '0');
  const short = ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];
  const forms = [`${p2(d)}-${p2(mo)}-${y}`, `${d}/${mo}/${y}`, `${p2(d)}.${p2(mo)}.${y}`, `${y}-${p2(mo)}-${p2(d)}`, `${d} ${months[mo - 1]} ${y}`, `${d} ${short[mo - 1]}. ${y}`];
  return forms.map((f) => ({ label: `${m.id} birth date ${f}`, fragment: f, level: 'persoon' as Level, memberId: m.id, needsNamenlijst: true }));
}

/** Personal data that needs no namenlijst: numbers, addresses, e-mail, dates after "geboren". */
const OTHER: Leak[] = [
  ...['111222333', '111 222 333', '111.222.333', '1112.22.333'].map((f) => ({ label: `bsn ${f}`, fragment: f, level: 'bijzonder' as Level, needsNamenlijst: false })),
  ...['1234 AB 12', '1234AB 12a', '3511 EN 5', '9712 cp 3'].map((f) => ({ label: `postcode ${f}`, fragment: f, level: 'persoon' as Level, needsNamenlijst: false })),
  // Dorpsstraat 14 is m1's adres on the namenlijst; the others are found by the street pattern.
  { label: 'adres Dorpsstraat 14 (m1)', fragment: 'Dorpsstraat 14', level: 'persoon', memberId: 'm1', needsNamenlijst: false },
  ...['Kerkweg 3-5', 'Stationsplein 12a', 'Burgemeester Jansenlaan 101'].map((f) => ({ label: `adres ${f}`, fragment: f, level: 'persoon' as Level, needsNamenlijst: false })),
  ...['06-12345678', '06 1234 5678', '0612345678', '+31 6 12345678', '+31612345678', '0031 6 12345678', '0031612345678', '010-1234567'].map((f) => ({
    label: `phone ${f}`,
    fragment: f,
    level: 'persoon' as Level,
    needsNamenlijst: false,
  })),
  ...['joran.devries@example.nl', 'mo_2009@hotmail.com', 'J.DeVries@Example.NL', 'pris+k@gmail.com'].map((f) => ({ label: `email ${f}`, fragment: f, level: 'persoon' as Level, needsNamenlijst: false })),
];

/** A date of birth of someone not on the list, recognisable by its context word. */
const CONTEXT_DATES: { text: string; fragment: string }[] = [
  { text: 'geboren 4 juli 2010, woont bij oma', fragment: '4 juli 2010' },
  { text: 'geb. 04-07-2010', fragment: '04-07-2010' },
  { text: 'geboortedatum: 2010-07-04', fragment: '2010-07-04' },
];

export const LEAKS: Leak[] = [
  ...MEMBERS.flatMap(nameLeaks),
  ...MEMBERS.flatMap(dateLeaks),
  ...OTHER,
  ...CONTEXT_DATES.map((c) => ({ label: `context date ${c.fragment}`, fragment: c.fragment, level: 'persoon' as Level, needsNamenlijst: false })),
];

/** Sentences a partner might write around the fragment. */
const TEMPLATES = [
  (x: string) => `Volgens de wijkagent is ${x} vaak het aanspreekpunt.`,
  (x: string) => x,
  (x: string) => `Contact: ${x}.`,
  (x: string) => `De groep (o.a. ${x}) hangt rond de sporthal!`,
  (x: string) => `- overlast bij de snackbar\n- ${x}\n- verder niets`,
  (x: string) => `Zie ook "${x}"; meer volgt.`,
];

export interface Post {
  text: string;
  leak: Leak;
}

/** One post per leak and template slot, rotating through the templates. */
export function posts(perLeak = 2): Post[] {
  const out: Post[] = [];
  LEAKS.forEach((leak, i) => {
    for (let k = 0; k < perLeak; k++) {
      const t = TEMPLATES[(i + k * 3) % TEMPLATES.length]!;
      const ctx = leak.label.startsWith('context date') ? CONTEXT_DATES.find((c) => c.fragment === leak.fragment)!.text : leak.fragment;
      out.push({ text: leak.label.startsWith('context date') ? (k === 0 ? ctx : `Nog iets: ${ctx}.`) : t(ctx), leak });
    }
  });
  return out;
}

/**
 * The comparison form of text for leak checks: screening's normalisation with everything but
 * letters and digits removed, so "06-12345678" and "06 12 34 56 78" or "Jö\u200bran" and "joran"
 * compare equal.
 */
export function squash(s: string): string {
  return normalise(s).replace(/[^\p{L}\p{N}]+/gu, '');
}

/** All string values in a JSON-like value. */
export function stringsOf(v: unknown, out: string[] = []): string[] {
  if (typeof v === 'string') out.push(v);
  else if (Array.isArray(v)) for (const x of v) stringsOf(x, out);
  else if (v && typeof v === 'object') for (const x of Object.values(v)) stringsOf(x, out);
  return out;
}

/** Innocent group-level Dutch texts for the false-positive check. */
export const INNOCENT: string[] = [
  'Overlast op het Stationsplein, vooral in het weekend.',
  'De groep hangt rond bij de Dorpsstraat en het winkelcentrum.',
  'Vrijdag rond 22:00 uur was het onrustig bij de sporthal.',
  'Overleg op 14-03-2026 om 19.30 uur in het gemeentehuis.',
  'Ongeveer 12 jongeren, waarvan 4 meiden.',
  'Op het Stationsplein 20 jongeren gezien rond middernacht.',
  'Bewoners van de Kerkstraat melden 3 keer per week geluidsoverlast.',
  'We waren onderweg 20 minuten naar de locatie.',
  'Bij de supermarkt 2 scooters zonder kenteken.',
  'De Bakker op de hoek klaagt over vernielingen.',
  'Het Bos achter de school wordt gebruikt om te blowen.',
  'Visser en bakker zijn beroepen in het dorp.',
  'Er is een melding gedaan bij het wijkteam.',
  'Ben je morgen bij het overleg?',
  'Mark de datum van het volgende overleg in je agenda.',
  'Roos en tulpen zijn vernield in het plantsoen.',
  'Max 15 personen mogen in de jongerenruimte.',
  'Iris-scanner bij de ingang van het zwembad werkt niet.',
  'Fleur de zaal op voor de buurtavond.',
  'Job coaching via het jongerenwerk loopt goed.',
  'Noor is een Scandinavische; zij is buurvrouw en klaagt niet.',
  'Lieve groet van het jongerenwerk.',
  'Kick-off van de aanpak op maandag.',
  'Frank en vrij gesprek met de ouders.',
  'De groep is in de zomer groter dan in de winter.',
  'Het Vondelpark is ’s avonds een ontmoetingsplek.',
  'Rond de Jan van Galenstraat zijn meer incidenten.',
  'Jongeren kopen energiedrank bij de Jan Linders.',
  'Vernielingen in de Willem Alexanderlaan.',
  'Melding via Meld Misdaad Anoniem ontvangen.',
  'De politie heeft 3 aanhoudingen verricht in maart.',
  'In 2025 zijn 48 meldingen binnengekomen.',
  'De jongeren zijn tussen 14 en 19 jaar oud.',
  'De wijkagent en de jongerenwerker lopen samen een ronde.',
  'Het jongerencentrum is open van 14:00 tot 22:00.',
  'Er wordt geblowd op het schoolplein.',
  'Volgende bijeenkomst: dinsdag 7 april 2026.',
  'Bij het station hangen groepjes van 5 tot 10 jongeren.',
  'Er is online dreiging via TikTok en Snapchat.',
  'De school ziet veel verzuim op vrijdag.',
  'Leerplicht heeft 6 meldingen gedaan.',
  'De woningcorporatie plaatst camera’s in de portiek.',
  'Ouders worden uitgenodigd voor een informatieavond.',
  'De groep gebruikt een scooter om snel weg te komen.',
  'Op de Markt staan vaak jongeren na schooltijd.',
  'Er is een vechtpartij geweest bij de Kade.',
  'De boa’s hebben 4 boetes uitgeschreven.',
  'Het Haagse Bos is een hangplek geworden.',
  'Rotterdam-Zuid heeft vergelijkbare problemen.',
  'Overleg met de driehoek staat gepland in mei.',
  'De gemeente zet extra verlichting in op het Kerkplein.',
  'Sinds januari is de overlast afgenomen.',
  'Winkeliers aan de Hoofdstraat voelen zich geïntimideerd.',
  'De groep komt samen bij het bankje aan de Singel.',
  'Er wordt lachgas gebruikt op de parkeerplaats.',
  'Vuurwerkoverlast rond oud en nieuw.',
  'Jongeren rijden met hoge snelheid door de Laan.',
  'De jongerenwerker heeft contact met een deel van de groep.',
  'Het buurthuis sluit om 21:30.',
  'Gesprekken met ouders in week 12.',
  'Er is een nieuw hangplekverbod op het Stationsplein.',
  'Zaterdag 20:30 veel politie-inzet.',
  'Voorstel: meer toezicht op de Dorpsweg tussen 22 en 24 uur.',
  'Vanaf de Kerkweg 50 meter verderop is de hangplek.',
  'Er zijn 2 incidenten gemeld in de Parkstraat.',
  'Samenwerking met Halt verloopt goed.',
  'De Raad voor de Kinderbescherming is niet betrokken.',
  'In het plan staan 7 acties voor het gebied.',
  'Het lokaal team ondersteunt 3 gezinnen.',
  'Wijkagent: geen bijzonderheden deze week.',
  'Mijn advies: Eerst het gesprek met de school afwachten.',
  'Stap 3 is afgerond; we gaan naar stap 4.',
  'De Groot-Brittannië reis van de school valt in juni.',
  'Verzuim steeg met 15 procent.',
  'De groep verplaatst zich richting het Julianapark.',
  'Er is sprake van intimidatie van winkelpersoneel.',
  'Het is onduidelijk wie de leiding heeft.',
  'Kern en schil zijn nog niet te onderscheiden.',
  'Het Wilhelminaplein wordt opnieuw ingericht.',
  'Graffiti op de muur van de sporthal.',
  'Veel jongeren dragen dezelfde kleding.',
  'De sfeer is de laatste weken grimmiger.',
  'Bewoners zijn bang om iets te zeggen.',
  'Er is contact met een groep uit de naastgelegen wijk.',
  'Actie: het jongerenwerk organiseert een voetbaltoernooi.',
  'Sport en spel op woensdagmiddag.',
  'Volgens de school is het rustiger sinds de zomervakantie.',
  'Meer informatie volgt in het volgende overleg.',
  'Het aantal meldingen is gedaald van 30 naar 18.',
  'Nieuwe camera’s bij de fietsenstalling.',
  'Bij de Albert Heijn hangen jongeren rond.',
  'Toezicht door boa’s op vrijdag- en zaterdagavond.',
  'Een deel van de groep zit op het mbo.',
  'Politie en OM bespreken de strafrechtelijke kant apart.',
  'De groep is hinderlijk, niet overlastgevend.',
  'Drie jongeren zijn recent verhuisd naar een andere wijk.',
  'Signalen van uitbuiting worden uitgezocht.',
  'Het jongerenwerk is 4 avonden per week op straat.',
  'Overlast neemt toe bij slecht weer in de hal van het winkelcentrum.',
  'De gemeente heeft een brief gestuurd naar alle bewoners.',
  'Evaluatie na 6 maanden.',
  'Het Kerkpad wordt afgesloten na 23:00.',
  // Realistic texts where a first name is part of a proper noun (expected false positives).
  'Intocht van Sinterklaas en Zwarte Piet bij de haven.',
  'Een jongere is naar het Jeroen Bosch Ziekenhuis gebracht.',
  'De klas bezoekt het Anne Frank Huis.',
  'Bij de Max Havelaar-winkel is ingebroken.',
  'Het Willem-Alexander college meldt verzuim.',
  'Wedstrijd in de Johan Cruijff ArenA trekt de groep.',
];
