// Duidingsinstrument problematische jeugdgroepen en groepsgedrag — Bureau Beke (Bijlage G, seed 000).
// Item and addendum texts verbatim (digest §5.1/§5.2 normalisation). The item → addendum mapping
// is derived by the digest (the source does not state it).

import type { StepId } from '../types.js';
import { PIJLERS } from './types.js';
import type { DuidingAddendumEntry, DuidingItem, Pijler } from './types.js';

/** Order of the pijlers in the source; results are published per pijler in this order. */
export const PIJLER_ORDER: readonly Pijler[] = PIJLERS;

const G: Pijler = 'Groepskenmerken';
const B: Pijler = 'Impact op de buurt';
const C: Pijler = 'Criminaliteit en houding';
const P: Pijler = 'Psychosociale problematiek';

/** "Addendum – Pijlers en items om te duiden". Number 41 occurs twice in the source ("41bis"). */
export const DUIDING_ADDENDUM: DuidingAddendumEntry[] = [
  { key: '1', pijler: G, cluster: 'SAMENSTELLING', title: 'Historie', description: 'Beschrijf, als dat van toepassing is, de historische context van de groep en de aanwas van nieuwe groepsleden.' },
  { key: '2', pijler: G, cluster: 'SAMENSTELLING', title: 'Homogeniteit', description: 'Er kan op verschillende manieren sprake zijn van homogeniteit. Beschrijf in hoeverre dit het geval is qua culturele achtergrond en geslacht van groepsleden en eventueel waarom dit al dan niet problematisch is.' },
  { key: '3', pijler: G, cluster: 'SAMENSTELLING', title: 'Leeftijdsopbouw', description: 'Grote leeftijdsverschillen binnen de groep kunnen een risico voor (later) delinquent gedrag zijn. Beschrijf de leeftijdsopbouw binnen de groep op basis van de volgende vier categorieën: 12-minners, minderjarigen, jongvolwassenen (18 t/m 23 jaar), volwassenen (24 jaar en ouder) en indien van toepassing waarom hier zorgen over zijn.' },
  { key: '4', pijler: G, cluster: 'SAMENSTELLING', title: 'Rol van volwassenen', description: 'Beschrijf indien van toepassing welke rol volwassen groepsleden (24 jaar en ouder) hebben.' },
  { key: '5', pijler: G, cluster: 'SAMENSTELLING', title: 'Vorm', description: 'Beschrijf of sprake is van een duidelijk te onderscheiden vaste groep, van een groep waarbinnen sprake is van subgroepen of van een fluïde netwerk. Geef ook aan uit hoeveel personen de groep, eventuele subgroepen of het netwerk bestaat.' },
  { key: '6', pijler: G, cluster: 'INVLOED GROEPSDYNAMICA', title: 'Gebruik van bijnamen', description: 'Beschrijf of leden van de groep online en/of offline bijnamen hebben. Zij kunnen hieraan status ontlenen.' },
  { key: '7', pijler: G, cluster: 'INVLOED GROEPSDYNAMICA', title: 'Hiërarchie en organisatie', description: 'Beschrijf in hoeverre sprake is van hiërarchie en organisatie binnen de groep. Illustreer dit bijvoorbeeld door aan te geven of positieve en/of negatieve kopstukken kunnen worden onderscheiden, door te beschrijven in hoeverre dwang en groepsdruk van invloed zijn op het gedrag van groepsleden en door te omschrijven of sprake is van een angstcultuur binnen de groep.' },
  { key: '8', pijler: G, cluster: 'INVLOED GROEPSDYNAMICA', title: 'Onderlinge verhoudingen', description: 'Beschrijf de onderlinge verhoudingen binnen de groep door een beschrijving te geven van de groepscohesie c.q. de sterkte van bindingen binnen de groep.' },
  { key: '9', pijler: G, cluster: 'ANDERE CONTEXTUELE ELEMENTEN', title: 'Criminele contacten', description: 'Beschrijf of leden van de groep online dan wel offline gemeente- en regio-overstijgende sociale contacten hebben die bekend zijn bij politie en/of OM.' },
  { key: '10', pijler: G, cluster: 'ANDERE CONTEXTUELE ELEMENTEN', title: 'Familieverbanden', description: "Beschrijf of leden van de groep onderdeel zijn van gezinnen of families die bekend staan als 'crimineel'." },
  { key: '11', pijler: G, cluster: 'ANDERE CONTEXTUELE ELEMENTEN', title: 'Zichtbaarheid online activiteiten', description: 'Beschrijf in hoeverre online activiteiten van groepsleden zichtbaar zijn of waren. Beschrijf indien van toepassing ook wat in relatie tot overlast en criminaliteit kan worden afgeleid uit de zichtbare online activiteiten.' },
  { key: '12', pijler: B, cluster: 'ZICHTBAARHEID', title: 'Aantrekkingskracht', description: 'Beschrijf of groepsleden enkel vanuit de (eigen) wijk komen of dat groepsleden ook buiten de wijk en/of buiten de gemeente wonen. Dit kan iets zeggen over de ernst van de groep en implicaties hebben voor de aanpak.' },
  { key: '13', pijler: B, cluster: 'ZICHTBAARHEID', title: 'Hot spots', description: 'Beschrijf op welke locatie(s) groepsleden zich veelal ophouden en hoe zij zich daar gedragen.' },
  { key: '14', pijler: B, cluster: 'ZICHTBAARHEID', title: 'Negatieve rolmodellen', description: 'Beschrijf of groepsleden fungeren als negatieve rolmodellen voor gezinsleden (broer, zus) of andere jongeren in de wijk en op welke wijze zij zich manifesteren c.q. hun negatieve invloed kunnen doen gelden.' },
  { key: '15', pijler: B, cluster: 'ZICHTBAARHEID', title: 'Onveiligheid en overlast/criminaliteit', description: 'Beschrijf in hoeverre het gedrag van de groep leidt tot een onveilig gevoel bij en/of overlast voor burgers en ondernemers. Dit kan worden gedaan door de aard en omvang van overlastmeldingen te omschrijven of door op basis van enquêtes of kwalitatieve informatie over onveiligheidsgevoelens weer te geven. Beschrijf ook waar de onveiligheidsgevoelens en/of overlast en criminaliteit uit bestaan.' },
  { key: '16', pijler: B, cluster: 'ZICHTBAARHEID', title: 'Uiterlijke symbolen', description: "Uiterlijke symbolen (graffiti, kleuren, logo's) staan in verband met (ernstig) crimineel groepsgedrag. Beschrijf in hoeverre de groep gebruik maakt van uiterlijke symbolen (graffiti, kleuren, logo's) of namen om zichzelf te profileren." },
  { key: '17', pijler: B, cluster: 'INTIMIDATIE IN DE BUURT', title: 'Intimiderend karakter', description: 'Beschrijf de mate waarin sprake is van intimidatie door de groep. Dit kan worden geïllustreerd door te beschrijven in hoeverre sprake is van: 1. gericht verbaal of fysiek geweld tegen burgers 2. angst bij burgers en/of ondernemers om aangifte te doen; 3. weggepeste bewoners en/of ondernemers, en 4. vormen van territoriaal gedrag (bijvoorbeeld het claimen van een locatie).' },
  { key: '18', pijler: B, cluster: 'INTIMIDATIE IN DE BUURT', title: 'Vertrouwen in de overheid', description: 'Beschrijf in hoeverre bewoners, ouders en/of ondernemers in de omgeving van de groep vertrouwen hebben in de overheid.' },
  { key: '19', pijler: C, cluster: 'ZICHTBAARHEID', title: 'Actieradius', description: 'Beschrijf de mobiliteit van de groep c.q. het gebied waarin deze (crimineel) actief is. Maak daarbij een onderscheid tussen de wijk, de gemeente, de regio of buiten de regio.' },
  { key: '20', pijler: C, cluster: 'ZICHTBAARHEID', title: 'Antecedenten', description: 'Beschrijf de antecedenten van de groep. Besteed daarbij specifiek aandacht aan de mate waarin groepsleden zich schuldig maken aan drugshandel, High Impact Crimes, middelzware criminaliteit (afpersing, gokken, prostitutie, wapenbezit) en georganiseerde criminaliteit. Geef eveneens aan van welk antecedentenpatroon sprake is in termen van frequentie en ernst.' },
  { key: '21', pijler: C, cluster: 'ZICHTBAARHEID', title: 'Discrepancie tussen systeem- en straat-informatie', description: 'Beschrijf in hoeverre het beeld van de groep op basis van de systeeminformatie overeenkomt met het beeld dat professionals van de groep hebben.' },
  { key: '22', pijler: C, cluster: 'ZICHTBAARHEID', title: 'Motief en aard delicten', description: 'Beschrijf welk motief of welke motieven ten grondslag liggen aan het plegen van delicten (verveling, financieel gewin) en in hoeverre deze gepland of juist spontaan plaatsvinden.' },
  { key: '23', pijler: C, cluster: 'ZICHTBAARHEID', title: 'Opsporingsindicaties', description: 'Beschrijf in hoeverre er aanwijzingen zijn dat groepsleden betrokken zijn bij (georganiseerde) criminaliteit en waar deze aanwijzingen uit bestaan.' },
  { key: '24', pijler: C, cluster: 'ZICHTBAARHEID', title: 'Recidiverisico', description: 'Beschrijf in hoeverre er op basis van de aanwezige informatie uitspraken kunnen worden gedaan over het recidiverisico, hoe hoog dit risico wordt ingeschat en om welke redenen dit het geval is.' },
  { key: '25', pijler: C, cluster: 'GRENSOVERSCHRIJDEND GEDRAG', title: 'Pestgedrag/intimidatie/bedreiging', description: 'Beschrijf in hoeverre er sprake is van offline en/of online pestgedrag, intimidatie en bedreiging.' },
  { key: '26', pijler: C, cluster: 'GRENSOVERSCHRIJDEND GEDRAG', title: 'Seksueel grensoverschrijdend gedrag', description: 'Beschrijf in hoeverre er sprake is van offline en/of online seksueel grensoverschrijdend gedrag.' },
  { key: '27', pijler: C, cluster: 'HOUDING TEGENOVER PROFESSIONALS', title: 'Geen respect en intimiderend gedrag', description: "Beschrijf in hoeverre sprake is van een problematische houding richting het gezag (bestuurders, boa's, jongerenwerkers, politie). Dit kan worden geïllustreerd door te beschrijven in hoeverre deze medewerkers worden geprovoceerd, bedreigd en/of geïntimideerd en in welke situaties dit het geval is." },
  { key: '28', pijler: C, cluster: 'HOUDING TEGENOVER PROFESSIONALS', title: 'Toegankelijkheid', description: 'Beschrijf in hoeverre groepsleden bereikbaar en aanspreekbaar zijn voor professionals en om welke reden(en) dit eventueel niet het geval is.' },
  { key: '29', pijler: C, cluster: 'HOUDING TEGENOVER PROFESSIONALS', title: 'Verzet', description: 'Beschrijf in hoeverre groepsleden bekend staan als verzetpleger bij aanhouding.' },
  { key: '30', pijler: C, cluster: 'HOUDING', title: 'Open houding', description: 'Beschrijf in welke mate groepsleden aanspreekbaar zijn op hun gedrag en openstaan voor contact c.q. activiteiten.' },
  { key: '31', pijler: C, cluster: 'HOUDING', title: 'Reflecteren', description: 'Beschrijf in welke mate groepsleden kunnen reflecteren op hun eigen houding, handelen en gedrag.' },
  { key: '32', pijler: P, cluster: 'ONDERWIJS EN WERK', title: 'LVB-problematiek', description: 'Beschrijf in hoeverre er sprake is van (vermoedens van) de aanwezigheid van een lichtverstandelijke beperking binnen de groep.' },
  { key: '33', pijler: P, cluster: 'ONDERWIJS EN WERK', title: 'Startkwalificatie', description: 'Beschrijf in hoeverre er sprake is van het ontbreken van een startkwalificatie binnen de groep.' },
  { key: '34', pijler: P, cluster: 'ONDERWIJS EN WERK', title: 'Schoolverzuim', description: 'Beschrijf in hoeverre er sprake is van schoolverzuim binnen de groep en over welke periode dit plaatsvindt of heeft gevonden.' },
  { key: '35', pijler: P, cluster: 'ONDERWIJS EN WERK', title: 'Speciaal onderwijs', description: 'Beschrijf in hoeverre groepsleden speciaal onderwijs volgen.' },
  { key: '36', pijler: P, cluster: 'ONDERWIJS EN WERK', title: 'Werk / inkomen', description: 'Beschrijf in hoeverre groepsleden via werk voorzien in een eigen inkomen.' },
  { key: '37', pijler: P, cluster: 'ZORG EN WELZIJN', title: 'Financiële problematiek', description: 'Beschrijf in hoeverre groepsleden schulden hebben en wat de achtergrond van deze schulden is.' },
  { key: '38', pijler: P, cluster: 'ZORG EN WELZIJN', title: 'Middelengebruik', description: 'Beschrijf in hoeverre middelen worden gebruikt door groepsleden. Maak daarbij een onderscheid tussen alcohol, softdrugs en harddrugs. Beschrijf frequentie van en ontwikkeling in gebruik en geef aan in hoeverre (mogelijk) sprake is van verslavingsgedrag.' },
  { key: '39', pijler: P, cluster: 'ZORG EN WELZIJN', title: 'Problematische opvoedsituatie', description: 'Beschrijf in hoeverre binnen de gezinnen van groepsleden sprake is van een problematische opvoedsituatie. Dit kan worden geïllustreerd door te beschrijven in hoeverre ouders toegerust zijn op het opvoeden van hun kind (pedagogische onmacht), in hoeverre zij hier verantwoordelijkheid voor nemen (pedagogische onverschilligheid), in hoeverre zij aanwezig zijn (toezicht) en in hoeverre sprake is van psychosociale problematiek binnen het gezin (armoede, werkloosheid en psychische problemen van gezinsleden).' },
  { key: '40', pijler: P, cluster: 'ZORG EN WELZIJN', title: 'Zorgmeldingen', description: 'Beschrijf in hoeverre sprake is van zorgmeldingen in relatie tot groepsleden en in welke context deze zorgmeldingen zijn gedaan.' },
  { key: '41', pijler: P, cluster: 'ZORG EN WELZIJN', title: 'Civiel- en strafrechtelijke maatregelen', description: 'Beschrijf in hoeverre aan groepsleden civiel- of strafrechtelijke maatregelen zijn opgelegd. Te denken valt aan een OTS of bijzondere voorwaarden.' },
  { key: '41bis', pijler: P, cluster: 'ZORG EN WELZIJN', title: 'Persoonsgerichte aanpak (PGA)', description: 'Beschrijf in hoeverre groepsleden onderdeel zijn (geweest) van een persoonsgerichte aanpak, bijvoorbeeld in de setting van het Veiligheidshuis.' },
];

const ADDENDUM_BY_KEY = new Map(DUIDING_ADDENDUM.map((a) => [a.key, a]));

// [id, step, pijler, text, addendum label, addendum key]
type Row = [string, DuidingItem['step'], Pijler, string, string, string];

const ROWS: Row[] = [
  ['DI-1-01', '1', B, 'De groep komt bijeen op een of meerdere hot spots', '13', '13'],
  ['DI-1-02', '1', B, 'Aanwezigheid en/of gedrag van de groep leidt tot gevoelens van onveiligheid', '15', '15'],
  ['DI-1-03', '1', B, 'Aanwezigheid van de groep leidt tot overlast en criminaliteit', '15', '15'],
  ['DI-1-04', '1', B, 'De groep maakt gebruik van uiterlijke symbolen om zichzelf te profileren', '16', '16'],
  ['DI-1-05', '1', B, 'De groep heeft in de buurt waar zij zich ophoudt een intimiderend karakter', '17', '17'],
  ['DI-1-06', '1', P, 'Er is sprake van problematisch middelengebruik (alcohol/drugs) door de groep', '38', '38'],
  ['DI-2A-01', '2A', G, 'De groep heeft een lange historie of er is sprake van nieuwe aanwas', '1', '1'],
  ['DI-2A-02', '2A', G, 'Culturele achtergrond en geslacht van groepsleden lopen uiteen', '2', '2'],
  ['DI-2A-03', '2A', G, 'Binnen de groep zijn meerdere leeftijdscategorieën te onderscheiden', '3', '3'],
  ['DI-2A-04', '2A', G, 'Er is sprake van een duidelijk te onderscheiden vaste groep of een fluïde netwerk', '5', '5'],
  ['DI-2A-05', '2A', C, "Groepsleden provoceren, bedreigen en/of intimideren het gezag (zoals politie en boa's)", '27', '27'],
  ['DI-2A-06', '2A', C, 'Groepsleden zijn aanspreekbaar op hun gedrag en staan open voor contact c.q. activiteiten', '30 (cf. 28)', '30'],
  ['DI-2A-07', '2A', C, 'Groepsleden kunnen reflecteren op hun eigen houding, handelen en gedrag', '31', '31'],
  ['DI-2B-01', '2B', G, 'Groepsleden hanteren online en/of offline bijnamen', '6', '6'],
  ['DI-2B-02', '2B', G, 'Groepsleden hebben sociale contacten buiten de gemeente/regio', '9', '9'],
  ['DI-2B-03', '2B', G, 'Online activiteiten van de groep en/of groepsleden zijn of waren zichtbaar', '11', '11'],
  ['DI-2B-04', '2B', B, 'Groepsleden komen (ook) van buiten de wijk en/of de gemeente', '12', '12'],
  ['DI-2B-05', '2B', B, 'Groepsleden fungeren als negatieve rolmodellen voor gezinsleden en andere jongeren', '14', '14'],
  ['DI-2B-06', '2B', C, 'De groep is buiten de eigen wijk en gemeente crimineel actief', '19', '19'],
  ['DI-2B-07', '2B', C, 'Het antecedentenpatroon van de groep (frequentie, ernst) is zorgelijk', '20', '20'],
  ['DI-2B-08', '2B', C, 'Systeem- en straatinformatie over de groep zijn in overeenstemming met elkaar', '21', '21'],
  ['DI-2B-09', '2B', C, 'Groepsleden maken zich online en/of offline schuldig aan pesten/bedreiging/intimidatie', '25', '25'],
  // Source lacks "schuldig" in this item; kept as in the source.
  ['DI-2B-10', '2B', C, 'Groepsleden maken zich online en/of offline aan seksueel overschrijdend gedrag', '26', '26'],
  ['DI-2B-11', '2B', C, 'Groepsleden staan bekend als verzetpleger bij aanhouding', '29', '29'],
  ['DI-3-01', '3', G, 'Volwassen groepsleden (24 jaar of ouder) hebben een rol', '4', '4'],
  ['DI-3-02', '3', G, 'Binnen de groep is sprake van hiërarchie', '7', '7'],
  ['DI-3-03', '3', G, 'Binnen de groep speelt groepsdruk een belangrijke rol', '7', '7'],
  ['DI-3-04', '3', G, 'Groepsleden maken deel uit van een crimineel gezin of criminele familie', '10', '10'],
  ['DI-3-05', '3', B, 'De buurt heeft weinig vertrouwen in daadkracht en optreden door de overheid', '18', '18'],
  ['DI-3-06', '3', C, 'Delicten vinden doelbewust plaats en zijn gericht op financieel gewin', '22', '22'],
  ['DI-3-07', '3', C, 'Groepsleden zijn betrokken bij georganiseerde criminaliteit', '23', '23'],
  ['DI-3-08', '3', C, 'Er zijn zorgen over de hoogte van het recidiverisico van groepsleden', '24', '24'],
  ['DI-3-09', '3', P, 'Groepsleden lijden (mogelijk) aan LVB-problematiek', '32', '32'],
  ['DI-3-10', '3', P, 'Het ontbreekt groepsleden aan een startkwalificatie', '33', '33'],
  ['DI-3-11', '3', P, 'Er zijn zorgen over schoolverzuim door groepsleden', '34', '34'],
  ['DI-3-12', '3', P, 'Groepsleden volgen speciaal onderwijs', '35', '35'],
  ['DI-3-13', '3', P, 'Volwassen groepsleden hebben geen werk c.q. eigen inkomen', '36', '36'],
  ['DI-3-14', '3', P, 'Groepsleden hebben schulden', '37', '37'],
  ['DI-3-15', '3', P, 'Er zijn zorgen over de situatie waarin groepsleden opgroeien', '39', '39'],
  ['DI-3-16', '3', P, 'Er zijn zorgmeldingen gedaan over groepsleden', '40', '40'],
  ['DI-3-17', '3', P, 'Groepsleden hebben een civiel- of strafrechtelijke maatregel opgelegd gekregen', '41', '41'],
  ['DI-3-18', '3', P, 'Groepsleden zijn onderdeel van een persoonsgerichte aanpak (PGA)', '41 (2nd)', '41bis'],
];

/**
 * Every item is answered on the scale about the group as a whole, so it declares 'groep'; screening
 * raises a toelichting that names someone. Exception: DI-3-07 asks for addendum 23
 * "Opsporingsindicaties", which only politie and OM may share (R-2B-4, R-X-11) → 'opsporing'.
 * DI-2B-07 (antecedentenpatroon "van de groep") stays 'groep': it asks for an aggregate judgement
 * (frequentie, ernst) of the group, not for a person's antecedenten; per-person criminal data
 * would be 'bijzonder' and is raised by the author's declaration or screening, not by the question.
 */
function levelOf(id: string): DuidingItem['level'] {
  return id === 'DI-3-07' ? 'opsporing' : 'groep';
}

export const DUIDING_ITEMS: DuidingItem[] = ROWS.map(([id, step, pijler, text, addendum, key]) => {
  const entry = ADDENDUM_BY_KEY.get(key);
  if (!entry) throw new Error(`duiding catalog: unknown addendum ${key} for ${id}`);
  return { id, step, pijler, text, addendum, description: entry.description, level: levelOf(id) };
});

/** Addendum entry (title, cluster, description) behind an item. */
export function addendumForItem(itemId: string): DuidingAddendumEntry | undefined {
  const row = ROWS.find((r) => r[0] === itemId);
  return row ? ADDENDUM_BY_KEY.get(row[5]) : undefined;
}

/** Steps whose items are asked in a given step: R-G-1, cumulative ("aanvullend op stap 1, 2 A …"). */
const CUMULATIVE: Record<StepId, readonly DuidingItem['step'][]> = {
  '1': ['1'],
  '2A': ['1', '2A'],
  '2B': ['1', '2A', '2B'],
  '3': ['1', '2A', '2B', '3'],
  // The instrument covers steps 1–3. Later steps (e.g. a hernieuwde analyse in 6, R-6-3) use the
  // complete step-3 set.
  '4': ['1', '2A', '2B', '3'],
  '5': ['1', '2A', '2B', '3'],
  '6': ['1', '2A', '2B', '3'],
  '7': ['1', '2A', '2B', '3'],
};

/** The items for a duiding round in `step`, cumulative per R-G-1, in source order. */
export function duidingItemsForStep(step: StepId): DuidingItem[] {
  const steps = CUMULATIVE[step];
  return DUIDING_ITEMS.filter((i) => steps.includes(i.step));
}

/** "Vragen om te beantwoorden" per step in Bijlage G (verbatim), shown with a duiding round. */
export const DUIDING_VRAGEN: Record<DuidingItem['step'], string[]> = {
  '1': [
    'Welke probleemsituaties zijn er gesignaleerd?',
    'Wat zien en merken we aan problematisch groepsgedrag?',
    'Is er mogelijk sprake van een jeugdgroep?',
    'Hoe groot is de groep of het netwerk en wat zijn de hotspots van de groep?',
  ],
  '2A': [
    'Wat doen ze?',
    'Hoe erg is dat?',
    'En is het zo erg dat er sprake is van een problematische jeugdgroep?',
    'Waar kennen de groepsleden elkaar van (buurt, school, sport)?',
    'Is er een noodzaak om een plan van aanpak op te stellen?',
  ],
  '2B': [
    'Wie zitten er in de jeugdgroep (namenlijst)?',
    'Welke leden hebben onderling contact online? Komt het online netwerk overeen met het offline netwerk?',
    'Wat weten we van individuele leden met betrekking tot problematisch gedrag?',
    'Zijn er locaties bekend waar groepsleden in wisselende samenstellingen samenkomen, zoals straat, online, school, huis, café?',
  ],
  '3': [
    'Waardoor wordt het problematisch groepsgedrag veroorzaakt?',
    'Welke rollen hebben verschillende leden in de groep?',
    'Zijn er contacten c.q. banden met andere groepen?',
    'Opereert de groep lokaal en/of bovenlokaal?',
    'Is er sprake van wapenbezit en -gebruik?',
    'Gebruikt de groep voertuigen, zo ja welke?',
    'Wat is er bekend over de sociale context (ouders, gezinskenmerken, thuissituatie)?',
    'Wat zijn mogelijkheden en kansen van de leden?',
    'Zijn de leden te typeren (zorgjongeren, risicojongeren, first offenders, criminele jongeren)?',
    'Is er sprake van hiërarchie?',
  ],
};

/** "Onbekend? Dan is er huiswerk" (R-G-2), verbatim for the results card. */
export const DUIDING_HUISWERK_TEXT =
  'Voor items die niet kunnen worden beantwoord, wordt de ontbrekende informatie verzameld.';
