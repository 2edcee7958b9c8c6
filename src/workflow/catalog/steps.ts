// The seven steps (2022 Wegwijzer, seed 000) as data: name, goal, "wie doet wat" checklist,
// "Vragen die aan bod kunnen komen", Bijlage B informatievragen and the sharing line per step.
// Dutch source texts are verbatim (PDF line-break hyphens removed, as in the digest).
//
// Which checklist items are `required` (guard the forward transition, overridable with a reason):
// per step the items without which the step's decision is empty.
// - 1:  A-1-5 — the weighing whether to start a groepsaanpak IS the decision of step 1 (D-1-1/D-1-2).
// - 2A: A-2A-3 — jointly deciding "problematische jeugdgroep?" is D-2A-1/D-2A-2; names only after it (R-2B-1).
// - 2B: A-2B-6 — the netto namenlijst is the result of 2B (D-2B-1);
//       A-2B-9 — informing follows the vaststelling (R-2B-8). Ticking it means every member is
//       "uitgereikt" or "uitgesteld" with a reason (art. 9 lid 1 / 13 lid 4; informing "na de
//       vaststelling in de driehoek" is such a reason), so the guard never forces an early letter.
// - 3:  A-3-5 (groepsduiding, besluit over maatregelen) and A-3-7 (concept plan): D-3-1 needs both;
//       the OM will not agree to prioritising without a clear concept plan.
// - 4:  A-4-1 (beleidsadvies opgesteld) and A-4-4 (aangeboden aan de driehoek). The driehoek's own
//       decision (A-4-7) is captured in the step-4 decision fields, not in a tick.
// - 5:  A-5-1 — SMART effects are what makes a plan "vastgesteld" monitorable (stap 6, tussenevaluatie).
// - 6:  A-6-3 — monitoring with evaluatiemomenten is what decides "doelen bereikt / afschalen" (D-6-4).
// - 7:  A-7-1 (doelen bereikt?), A-7-2 (resterende acties belegd) and A-7-4 (evaluatie): leaving 7 closes
//       the dossier read-only ('inactief'), so these must be done while it can still be edited.
//       A-7-3 is "bij voorkeur" in the source and therefore not required.

import type { StepId } from '../types.js';
import type { ChecklistItem, StepDef } from './types.js';

const SRC = '000_4b6b0422ad4a4a5e.txt';

function item(
  id: string,
  text: string,
  owner: ChecklistItem['owner'],
  source: string,
  required = false,
): ChecklistItem {
  return { id, text, owner, required, source: `${SRC}, ${source}` };
}

export const STEP_DEFS: Record<StepId, StepDef> = {
  '1': {
    id: '1',
    name: 'Signalen over groepsgedrag delen',
    goal: 'Convenantpartners delen signalen op groepsniveau over problematisch groepsgedrag en besluiten of er aanleiding is om meer informatie te verzamelen.',
    checklist: [
      item('A-1-1', 'Politie en jongerenwerk uitnodigen om signalen te delen (eventueel ook de (jeugd)boa)', 'procesregisseur', 'Stap 1 – Wie doet wat'),
      item('A-1-2', 'Signalen over groepsgedrag delen met de procesregisseur', 'convenantpartners', 'Stap 1 – privacy'),
      item('A-1-3', 'Jongerenwerk en politie actief vragen naar online informatie', 'procesregisseur', 'Stap 1 – privacy'),
      item('A-1-4', 'Eventueel navragen of de groep bekend is bij school, winkelcentrum, woningcorporatie of lokaal team', 'procesregisseur', 'Stap 1 – privacy'),
      item('A-1-5', 'Afwegen of we een gezamenlijke groepsaanpak starten en doorgaan naar stap 2', 'convenantpartners', 'Stap 1 – Wie doet wat', true),
    ],
    questions: [
      'Welke probleemsituaties zijn er gesignaleerd?',
      'Wat zien en merken we aan problematisch groepsgedrag?',
      'Is er mogelijk sprake van een jeugdgroep?',
    ],
    informatievragen: {
      procesregisseur: ['Wat zien en merken we aan problematisch groepsgedrag?'],
      online: ['Zijn er online signalen die duiden op problematisch groepsgedrag?'],
      kenmerken: ['Enkelvoudige signalen over problematisch groepsgedrag.', 'Observaties vanuit het werk en de omgeving.'],
    },
    privacyLine: 'In deze stap: alleen informatie op groepsniveau, geen namen.',
    maxSharedLevel: 'groep',
  },
  '2A': {
    id: '2A',
    name: 'Beoordelen groepsgedrag: is er sprake van een problematische jeugdgroep?',
    goal: 'Meer informatie over de groep verzamelen en delen om te bepalen óf er sprake is van een problematische jeugdgroep / (fluïde) netwerk en of een concept plan van aanpak nodig is.',
    checklist: [
      item('A-2A-1', 'Feitelijke informatie verzamelen; politie en jongerenwerk (en eventueel de boa) vragen meer informatie te verzamelen', 'procesregisseur', 'Stap 2 A – Wie doet wat'),
      item('A-2A-2', 'Groepskenmerken en omgevingsfactoren verkennen (ernst, frequentie, zichtbaar middelengebruik)', 'convenantpartners', 'Stap 2 A – Wie doet wat'),
      item('A-2A-3', 'Samen bepalen of het gaat om een problematische jeugdgroep', 'convenantpartners', 'Stap 2 A – Wie doet wat', true),
      item('A-2A-4', 'Eventueel navragen of de groep bekend is bij lokaal team, school, winkelcentrum of woningcorporatie', 'procesregisseur', 'Stap 2 A – privacy'),
      item('A-2A-5', 'Eventueel het sociaal domein om algemeen advies vragen over interventies op de groep', 'procesregisseur', 'Stap 2 A – privacy'),
      item('A-2A-6', 'Eventueel een derde uitnodigen als incidentele deelnemer', 'procesregisseur', 'Stap 2 A – privacy'),
    ],
    questions: [
      'Wat doen ze?',
      'Hoe erg is dat?',
      'Wat is de aard en omvang van de groep / het netwerk?',
      'Wat is de samenstelling van de groep / het netwerk?',
      'Binnen welke leeftijdsgroep valt de groep / het netwerk?',
      'Waar kennen de groepsleden elkaar van? (zoals school en sport)',
      'Is er sprake van een groepscultuur?',
      'Is er sprake van drugs- en alcoholgebruik binnen de groep / het netwerk?',
      'Vaststellen van het gebied: wat zijn locaties en tijdstippen?',
      'Wat is het gedrag van de groep richting burgers en buurt, en richting professionals?',
      'Is de groep online actief?',
      'Bij welke partners is de groep / het netwerk bekend?',
      'Is het gedrag zo ernstig dat er sprake is van een problematische jeugdgroep/ netwerk?',
    ],
    informatievragen: {
      procesregisseur: [
        'Wat doen ze?',
        'Hoe erg is dat?',
        'En is het zo erg dat er sprake is van een problematische jeugdgroep?',
        'Is er een noodzaak om een plan van aanpak op te stellen?',
      ],
      online: ['Welke sentimenten leven er online?', 'Draagt dat bij aan zorgen over het problematisch gedrag?'],
      kenmerken: ['Informatie over aard en omvang van de jeugdgroep op groepsniveau.'],
    },
    privacyLine: 'In deze stap: algemeen niveau, zonder namen.',
    maxSharedLevel: 'groep',
  },
  '2B': {
    id: '2B',
    name: 'Beoordelen groepsgedrag: namenlijst en groepsscan',
    goal: 'Een namenlijst van de groepsleden opstellen; de politie maakt een groepsscan. De convenantpartners zoomen in op de individuele leden van de groep.',
    checklist: [
      item('A-2B-1', 'Lijst van groepsleden opstellen met politie en jongerenwerk', 'procesregisseur', 'Stap 2 B – Wie doet wat'),
      item('A-2B-2', 'De teamchef van het basisteam vragen om de standaardrapportage groepsscan', 'procesregisseur', 'Stap 2 B – Werkafspraken'),
      item('A-2B-3', 'Lijst vergelijken met de politiesystemen; in de aanbiedingsbrief vermelden hoeveel namen onbekend waren', 'politie', 'Stap 2 B – Werkafspraken'),
      item('A-2B-4', 'Bruto lijst laten checken door wijk- en jeugdagent', 'politie', 'Stap 2 B – Groepsscan'),
      item('A-2B-5', 'Standaardrapportage delen met gemeente én OM', 'politie', 'Stap 2 B – Standaardrapportage'),
      item('A-2B-6', 'Netto namenlijst samen met de convenantpartners vaststellen', 'procesregisseur', 'Stap 2 B – Wie doet wat met de namenlijst', true),
      item('A-2B-7', 'Online informatie meenemen bij het opstellen van de namenlijst', 'procesregisseur', 'Stap 2 B – Wie doet wat met de namenlijst'),
      item('A-2B-8', 'Gegevens vastleggen in het bestand problematische jeugdgroepen', 'procesregisseur', 'Stap 2 B – Wie doet wat met de namenlijst'),
      item('A-2B-9', 'Groepsleden en ouders/verzorgers informeren (of uitstel met reden vastleggen)', 'procesregisseur', 'Stap 2 B – Wie doet wat met de namenlijst; privacy', true),
      item('A-2B-10', 'Namenlijst continu evalueren; wie niet meer bij de groep hoort, verwijderen', 'procesregisseur', 'Stap 2 B – Dynamisch proces'),
      item('A-2B-11', "OM actief betrekken bij strafbare feiten, zorgen over afglijden of andere risico's", 'procesregisseur', 'Stap 2 B – Jeugdgroepenoverleg'),
      item('A-2B-12', 'Informatie ordenen en de groep beschrijven in het jeugdgroepenoverleg', 'procesregisseur', 'Stap 2 B – Jeugdgroepenoverleg'),
    ],
    questions: [
      'Wie zitten er in de jeugdgroep?',
      'Welke leden hebben onderling contact online, en komt het online netwerk overeen met het offline netwerk?',
      'Wat weten we van individuele leden met betrekking tot problematisch gedrag (groepsscan politie)?',
      'Plegen ze samen feiten?',
      'Zijn er locaties bekend waar groepsleden in wisselende samenstellingen samenkomen, zoals op straat, online, school, huis, café etc.',
    ],
    informatievragen: {
      // The source has no question mark after "opstellen"; kept as in the source.
      procesregisseur: [
        'Als er sprake is van een problematische jeugdgroep: wie zitten daar in?',
        'Kan de politie een groepsscan opstellen',
      ],
      // The source introduces these with "Als er sprake is van een problematische groep:", which
      // always holds in 2B; the two sub-questions are kept as separate questions.
      online: ['Welke leden hebben onderling contact online?', 'Komt het online netwerk overeen met het offline netwerk?'],
      kenmerken: ['Informatie over aard en omvang van de jeugdgroep, eventueel op persoonsniveau.'],
    },
    privacyLine: 'Vanaf nu mogen convenantpartners namen delen; incidentele deelnemers niet zonder grondslag.',
    maxSharedLevel: 'persoon',
  },
  '3': {
    id: '3',
    name: 'Groepsduiding en concept plan van aanpak opstellen',
    goal: 'De duiding van de groep afronden en een helder en degelijk concept plan van aanpak maken, zodat de driehoek goed geïnformeerd kan besluiten over prioritering.',
    checklist: [
      item('A-3-1', 'Informatie inbrengen over groepsdynamiek en mogelijke rollen van leden', 'convenantpartners', 'Stap 3 – Wie doet wat'),
      item('A-3-2', 'Bepalen welke aanvullende informatie nodig is en wie die levert', 'convenantpartners', 'Stap 3 – Wie doet wat'),
      item('A-3-3', 'Bepalen of een incidentele deelnemer wordt uitgenodigd, wie en met welk doel', 'convenantpartners', 'Stap 3 – Wie doet wat'),
      item('A-3-4', 'Eventueel incidentele deelnemers betrekken voor advies over de aanpak of toeleiding', 'procesregisseur', 'Stap 3 – Wie doet wat'),
      item('A-3-5', 'Groepsduiding maken en samen besluiten over de maatregelen', 'convenantpartners', 'Stap 3 – Wie doet wat', true),
      item('A-3-6', 'Informatie op persoonsniveau aanvullen (afhankelijk van groepsscan en opsporingsindicaties)', 'om', 'Stap 3 – Wie doet wat'),
      item('A-3-7', 'Concept plan van aanpak opstellen met politie en OM', 'procesregisseur', 'Stap 3 – Het concept plan van aanpak', true),
    ],
    questions: [
      'Waardoor wordt het problematisch groepsgedrag veroorzaakt?',
      'Is er sprake van hiërarchie?',
      'Zijn de leden te typeren (zorgjongeren, risicojongeren, first offenders, criminele jongeren)?',
      'Welke rollen hebben verschillende leden in de groep?',
      'Zijn er contacten c.q. banden met andere groepen?',
      'Opereert de groep lokaal en/of bovenlokaal?',
      'Is er sprake van wapenbezit en -gebruik?',
      'Wat is er bekend over de sociale context (ouders, gezinskenmerken, thuissituatie)?',
      'Wat zijn mogelijkheden en kansen van de leden?',
    ],
    informatievragen: {
      procesregisseur: [
        'Waardoor wordt het problematisch groepsgedrag veroorzaakt?',
        'Hoe en met wie kunnen we de groep aanpakken?',
        'Wat is daar voor nodig?',
        'Wat adviseren we?',
      ],
      online: [
        'Welke verklaringen voor het groepsgedrag vinden we online?',
        'Kan een deel van de aanpak online plaatsvinden?',
        'Hoe kan online informatie helpen bij de aanpak?',
      ],
      kenmerken: [
        'Informatie over de aard, ernst en omvang van het problematisch gedrag, op niveau van de groep, locatie en persoon.',
        'Inzicht in groepsdynamiek en rollen in de groep.',
        'Inzicht in de typen problematiek die spelen binnen de groep op verschillende domeinen (geaggregeerd niveau).',
      ],
    },
    privacyLine: 'In deze stap: vooral groepsniveau; persoonsinformatie alleen als het nodig is, en alleen onder convenantpartners.',
    maxSharedLevel: 'persoon',
  },
  '4': {
    id: '4',
    name: 'Adviseren en prioriteren',
    goal: 'De problematiek kort omschrijven en een beleidsadvies over prioritering, samen met het concept plan van aanpak, aanbieden aan de driehoek. De driehoek besluit of de groep wordt geprioriteerd.',
    checklist: [
      item('A-4-1', 'Beleidsadvies opstellen: karakterisering van de groep, ernst van het gedrag en concept plan van aanpak', 'procesregisseur', 'Stap 4 – Wie doet wat', true),
      item('A-4-2', 'Waar nodig contact opnemen met andere gemeenten waar de groep actief is', 'procesregisseur', 'Stap 4 – Wie doet wat'),
      item('A-4-3', 'Afspraken opnemen in het beleidsadvies (doelen, sturing, informeren driehoek, sociale media, communicatie, strafrecht)', 'procesregisseur', 'Stap 4 – Wie doet wat'),
      item('A-4-4', 'Beleidsadvies en concept plan van aanpak aanbieden aan de driehoek', 'procesregisseur', 'Stap 4 – Wie doet wat', true),
      item('A-4-5', 'Eventueel een aanvullende analyse vragen, met motivering en domeinen', 'driehoek', 'Stap 4 – Wie doet wat'),
      item('A-4-6', 'Bij aanmelding voor een PGA Z&V of ZVH: afstemmen met de procesregisseur daarvan', 'procesregisseur', 'Stap 4 – Wie doet wat'),
      item('A-4-7', 'Besluiten over prioritering en de aanpak; capaciteit en middelen waarborgen', 'driehoek', 'Stap 4 – Wie doet wat'),
    ],
    // The 2022 model lists no "Vragen die aan bod kunnen komen" for steps 4–7; Bijlage B covers them.
    questions: [],
    informatievragen: {
      procesregisseur: [
        'Wat is de aard en omvang van het problematische gedrag?',
        'Welke aanpak werkt bij deze jeugdgroep en wat vergt dat aan inzet?',
      ],
      online: [
        'Wat is de aard en omvang van het online problematische gedrag?',
        'Kan een deel van de aanpak online plaatsvinden?',
        'Hoe kan online informatie helpen bij de aanpak?',
      ],
      kenmerken: [
        'Informatie over andere jeugdgroepen (afwegen).',
        'Besluit tot al dan niet prioriteren van de jeugdgroep, inclusief randvoorwaarden.',
      ],
    },
    privacyLine: 'Naar de driehoek gaat niets over individuele jongeren; het concept plan gaat geanonimiseerd.',
    maxSharedLevel: 'persoon',
  },
  '5': {
    id: '5',
    name: 'Vaststellen plan van aanpak',
    goal: 'Het concept plan van aanpak aanvullen en vaststellen: hoe de problemen van de groep worden aangepakt. Het plan kan tijdens de uitvoering worden bijgesteld.',
    checklist: [
      item('A-5-1', 'Gewenste effecten en resultaten SMART uitwerken', 'procesregisseur', 'Stap 5 – Wie doet wat', true),
      item('A-5-2', 'Afstemmen met de procesregisseur van de PGA Z&V of het ZVH', 'procesregisseur', 'Stap 5 – Wie doet wat'),
      item('A-5-3', 'Samen bedenken hoe sociale media de offline aanpak kunnen ondersteunen', 'partners', 'Stap 5 – Wie doet wat'),
      item('A-5-4', 'In het plan vastleggen welke groepsleden bij welke partij worden aangemeld', 'procesregisseur', 'Stap 5 – Het plan van aanpak bevat'),
    ],
    questions: [],
    informatievragen: {
      // Source sub-lists are appended to their question, in source order and spelling.
      procesregisseur: [
        'Welke interventies spreken we af om de jeugdgroep aan te pakken? Gebiedsgericht; Groepsgericht; Persoonsgericht',
        'Welke jongeren melden we aan bij: PGA Z&V; Lokaal team/sociaal domein; Leerplichtambtenaar; Andere individuele hulp of ondersteuning?',
        'Hoe ziet de afstemming eruit met de PGA Z&V?',
        'Op welke wijze betrekken we andere partijen?',
      ],
      online: [
        'Welke online kanalen willen we volgen?',
        'Welke mogelijkheden en bevoegdheden zijn daartoe?',
        'Worden op bevel van het OM opsporingsbevoegdheden ingezet die kunnen bijdragen aan het benodigde online beeld?',
      ],
      kenmerken: ['Informatie vastleggen in plan van aanpak, met vaste onderdelen als doelen, acties, monitoring.'],
    },
    privacyLine: 'In deze stap: namen alleen onder convenantpartners; met de PGA Z&V alleen afstemmingsinformatie.',
    maxSharedLevel: 'persoon',
  },
  '6': {
    id: '6',
    name: 'Uitvoeren en monitoren plan van aanpak',
    goal: 'Het plan van aanpak uitvoeren. De procesregisseur monitort of de partners de geplande acties uitvoeren en stuurt waar nodig bij; dit kan terugvoeren naar een eerdere stap.',
    checklist: [
      item('A-6-1', 'Geplande acties uitvoeren', 'partners', 'Stap 6 – Wie doet wat'),
      item('A-6-2', 'Waar nodig afstemmen met de procesregisseur van de lokale PGA of het ZVH', 'procesregisseur', 'Stap 6 – Wie doet wat'),
      item('A-6-3', 'Uitvoering en resultaten monitoren; na elke stap een kort evaluatiemoment', 'procesregisseur', 'Stap 6 – Wie doet wat', true),
      item('A-6-4', 'Bewaken dat online en offline acties synchroon lopen', 'procesregisseur', 'Stap 6 – Wie doet wat'),
    ],
    questions: [],
    informatievragen: {
      procesregisseur: ['Hoe verloopt het uitvoeren van de aanpak?', 'Welk effect heeft dat?', 'Welke bijstelling is nodig?'],
      online: ['Hebben de gezette acties online het vooraf opgestelde gewenste effect?'],
      kenmerken: ['Afspraken (mogelijk) bijstellen.', 'Voortgang in acties en resultaten.', 'Effecten (op doelen).'],
    },
    privacyLine: 'In deze stap: voortgang per jongere alleen onder convenantpartners; met de PGA Z&V alleen afstemmingsinformatie.',
    maxSharedLevel: 'persoon',
  },
  '7': {
    id: '7',
    name: 'Afschalen en evalueren',
    goal: 'Bepalen of de doelen van de aanpak zijn bereikt en of de aanpak kan worden afgeschaald of gestopt. Na het stoppen volgt een evaluatie.',
    checklist: [
      item('A-7-1', 'Samen bekijken of de doelen uit het plan van aanpak zijn bereikt', 'convenantpartners', 'Stap 7 – Wie doet wat', true),
      item('A-7-2', 'Resterende actiepunten beleggen', 'procesregisseur', 'Stap 7 – Wie doet wat', true),
      item('A-7-3', 'Bij voorkeur jongeren en/of ouders informeren dat ze niet langer onderdeel zijn van de aanpak', 'procesregisseur', 'Stap 7 – Wie doet wat'),
      item('A-7-4', 'Evaluatie uitvoeren (eventueel met het perspectief van jongeren en ouders)', 'procesregisseur', 'Stap 7 – Wie doet wat', true),
      item('A-7-5', 'Evaluatieverslag bespreken met de convenantpartners', 'convenantpartners', 'Stap 7 – Wie doet wat'),
      {
        id: 'A-7-6',
        text: 'Afspraken maken over de bewaartermijn van de verzamelde informatie',
        owner: 'procesregisseur',
        required: false,
        source: '001_685187b0cd630e60.txt, 3.8; 002_06bf14d234cdd7b3.txt, Werkproces 1.9',
      },
    ],
    questions: [],
    informatievragen: {
      procesregisseur: [
        'Is de jeugdgroep afdoende aangepakt? Zijn de doelen bereikt?',
        'Welke resterende acties worden bij wie belegd?',
        'Wat zijn de leer- en verbeterpunten uit de aanpak?',
      ],
      online: [
        'Welke resterende online acties worden bij wie belegd?',
        'Wat zijn de leer- en verbeterpunten uit de online aanpak?',
      ],
      kenmerken: [
        'Beleggen resterende acties en leerpunten vastleggen.',
        'Informeren betrokkene(n).',
        'Tijdig overdragen in het kader van de archiefwet en anonimiseren.',
      ],
    },
    privacyLine: 'In deze stap: na afsluiten wordt het dossier inactief en alleen met een reden heropend.',
    maxSharedLevel: 'persoon',
  },
};

/**
 * Informatievragen that ask for persons (who is in the group, who is aangemeld): they declare
 * 'persoon' so the gate treats their answers accordingly. All other Bijlage B texts are group level.
 */
export const PERSON_LEVEL_INFORMATIEVRAGEN: ReadonlySet<string> = new Set([
  'Als er sprake is van een problematische jeugdgroep: wie zitten daar in?',
  'Welke leden hebben onderling contact online?',
  'Welke jongeren melden we aan bij: PGA Z&V; Lokaal team/sociaal domein; Leerplichtambtenaar; Andere individuele hulp of ondersteuning?',
]);
