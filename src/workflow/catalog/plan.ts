// Plan van aanpak as data: the sections of the template "Integraal plan van aanpak groep"
// (seed 004, digest §6.4) plus the 2022 contents the template lacks (communicatie, werkwijze
// namenlijst; seed 000 Stap 5), the beleidsadvies afspraken (Stap 4), the 2022 doelen (Stap 5),
// the concept-plan onderdelen (Stap 3) and the evaluation aspects (2016, §3.8).
// Guidance lines quote the template/source where it gives prompts; ids are stable keys of
// PlanVersion.sections — never rename them.

import type { Spoor } from '../types.js';
import type { PlanSectionDef } from './types.js';

/** The two risk labels of "Duiding van de groep" in the template. */
export const PLAN_RISICO_DUIDINGEN = ['midden-risico', 'hoog risico'] as const;
export type PlanRisicoDuiding = (typeof PLAN_RISICO_DUIDINGEN)[number];

export interface TussenevaluatieVraag {
  text: string;
  sub?: string[];
}

/** "Voorbeeldtekst voor tussenevaluatie" (seed 004), verbatim. */
export const TUSSENEVALUATIE_VRAGEN: TussenevaluatieVraag[] = [
  {
    text: 'Stand van zaken op casus niveau:',
    sub: [
      'Hoeveel jongeren zijn na zes maanden verder afgegleden of gerecidiveerd?',
      'Hoeveel jongeren uit de schil zijn toegetreden tot de kern?',
      'Hoeveel kernleden zijn verder afgegleden?',
      'Hoeveel jongeren zijn binnen zes maanden wel of juist niet meer in contact met politie en justitie gekomen?',
      'Hoeveel jongeren maken na zes maanden geen onderdeel meer uit van de schil?',
      'Hoeveel kopstukken zijn na zes maanden geen onderdeel meer van de harde kern van groep?',
    ],
  },
  { text: 'Wat weten we na zes maanden over de verhoudingen tussen de groepsleden, de verhoudingen met andere groepen?' },
  {
    text: 'Welke zorg en interventies zijn daadwerkelijk ingezet (dus niet alleen opgesteld in bijvoorbeeld een ZSM-advies of een persoonlijk plan van aanpak) en wat heeft dit opgeleverd?',
  },
];

const tussenevaluatieLines = TUSSENEVALUATIE_VRAGEN.flatMap((q) => [q.text, ...(q.sub ?? [])]);

export const PLAN_SECTIONS: PlanSectionDef[] = [
  { id: 'probleemanalyse', title: 'Probleemanalyse', guidance: [] },
  {
    id: 'probleemanalyse.aanleiding',
    parent: 'probleemanalyse',
    title: 'Aanleiding',
    guidance: [
      'Beschrijf het probleem en beantwoord daarbij onder meer de volgende vragen:',
      'Wanneer zijn de problemen begonnen?',
      'Wat speelt er?',
      'Benoem incidenten / strafbare feiten.',
    ],
  },
  {
    id: 'probleemanalyse.jeugdgroep',
    parent: 'probleemanalyse',
    title: 'De jeugdgroep',
    guidance: [
      'Beschrijf de samenstelling van de jeugdgroep op basis van de groepsscan van de politie en aanvullingen van partners. Beantwoord onder meer de onderstaande vragen:',
      'Uit hoeveel jongeren bestaat de jeugdgroep?',
      'Beschrijf de groepssamenstelling. Maak onderscheid in kerngroep, en de schil daaromheen, en tussen de kopstukken en meelopers.',
      'Benoem de leeftijd van de jeugdgroepleden.',
      'Geef aan of ze bekend zijn bij zorgpartners/hulpverlening of andere aanpakken (voor zover bekend bij convenantpartners).',
      'Geef aan wat het recidiverisico is van de groepsleden. Beargumenteer.',
      'Benoem de zorgen die er zijn over deze jongeren en de eventuele meldingen bij Veilig Thuis.',
      'Beschrijf het verband tussen de jongeren in de groep.',
    ],
  },
  {
    id: 'probleemanalyse.strafrecht',
    parent: 'probleemanalyse',
    title: 'Bekend strafrecht / OM',
    guidance: [
      'Beschrijf wat er bij het OM bekend is over de groepsleden, en volg onderstaand voorbeeld dat je aanvult met andere gegevens van het OM:',
      'Uit de systemen van het OM blijkt dat <AANTAL> jongeren bekend zijn bij het OM, <AANTAL> hebben geen openstaande zaken of proeftijden, <AANTAL> hebben alleen openstaande overtredingen en <AANTAL> gerelateerd aan misdrijven.',
    ],
  },
  {
    id: 'probleemanalyse.duiding',
    parent: 'probleemanalyse',
    title: 'Duiding van de groep',
    guidance: [
      'Beschrijf hoe jullie als partners de groep duiden',
      'De gemeente, politie en het OM duiden deze groep op dit moment als [midden-risico] of [hoog risico.]',
      'Deze inschatting wordt gemaakt op basis van het risico op afglijden en/of het ontwikkelen van een criminele carrière bij een aantal jongeren.',
    ],
  },
  {
    id: 'probleemanalyse.wat_is_nodig',
    parent: 'probleemanalyse',
    title: 'Wat is nodig?',
    guidance: ['Beschrijf dat een integraal plan van aanpak nodig is, op groep, individu en omgeving'],
  },
  {
    id: 'doelstellingen',
    title: 'Doelstellingen aanpak',
    guidance: [
      'Beschrijf de doelen van de aanpak',
      'Het voorkomen van verder afglijden/recidive van de individuele groepsleden die al met politie en justitie in aanraking zijn gekomen.',
      'Gedragsveranderingen bij de jongeren in de groep.',
      'Voorkomen dat het gedrag van de jongeren omslaat naar strafbaar gedrag.',
      'Het weerbaar maken van de jongeren uit de groep om te voorkomen dat ze verder afglijden, hun gedrag verhardt of zelfs strafbaar wordt.',
      'Zicht krijgen op de onderlinge verhouding tussen de groepsleden, en ook met andere groepen.',
    ],
  },
  {
    id: 'plan_van_aanpak',
    title: 'Plan van aanpak',
    guidance: [
      'Beschrijf hoe jullie de doelstellingen gaan bereiken.',
      'Om de doelstellingen te bereiken zetten we in op de individuele groepsleden, de groep als geheel en indien mogelijk ook de omgeving.',
    ],
  },
  {
    id: 'plan_van_aanpak.informatiepositie',
    parent: 'plan_van_aanpak',
    title: 'Informatiepositie versterken',
    guidance: [
      'Verhoudingen in de groep beter in zicht krijgen.',
      'Zit in de strafbare feiten die zijn gepleegd door de groep een patroon, of zijn er hotcrimes te benoemen waar de leden zich schuldig aan maken?',
      'Wat zijn de verhoudingen tussen (jeugd)groepen in de gemeente en uit andere gemeenten.',
      'In kaart brengen wat de lokale context is.',
      'Verbinding zoeken in de regio over achtergrond groepsproblematiek en best practices.',
    ],
  },
  {
    id: 'plan_van_aanpak.individu',
    parent: 'plan_van_aanpak',
    title: 'Inzet op het individu',
    // The template gives every member a PGA; the 2022 model decides aanmelding per member in the
    // jeugdgroepenoverleg (R-X-57), so the guidance asks for that decision instead.
    guidance: [
      'Per groepslid: welke aanmelding spreekt het jeugdgroepenoverleg af (leerplicht, lokaal team/sociaal domein, lokale PGA of Zorg- en Veiligheidshuis)?',
      'Hierbij is aandacht voor het gehele gezin.',
      'Bij een aanmelding worden de jongere en zijn ouders/verzorgers geïnformeerd, bij voorkeur in een persoonlijk gesprek.',
    ],
  },
  {
    id: 'plan_van_aanpak.groep',
    parent: 'plan_van_aanpak',
    title: 'Inzet op de groep',
    guidance: [
      'Een duidelijke boodschap afgeven aan de groepsleden en hun ouders dat ze onderdeel zijn van de groepsaanpak en de zorgen die er zijn bij gemeente, politie en OM.',
      'Onderzoeken of er een meerwaarde is om een bijeenkomst voor ouders te organiseren en met welk doel.',
      'Onderzoeken wat een mogelijk alternatief is voor bezigheid groepsleden.',
      'Onderzoeken wat de mogelijkheid is voor het inzetten van rolmodellen.',
      'Onderzoeken hoe via de individuele trajecten invloed uit te oefenen op de groep.',
    ],
  },
  {
    id: 'plan_van_aanpak.locatie',
    parent: 'plan_van_aanpak',
    title: 'Inzet op locatie',
    guidance: [
      'Inzet van bestuurlijke maatregelen (gebiedsverboden of andere maatregelen)',
      'Extra politietoezicht of andere vormen van toezicht zoals cameratoezicht.',
      'Aanpassingen in de openbare ruimte.',
    ],
  },
  {
    id: 'rollen_partners',
    title: 'Rollen partners',
    guidance: [
      'Beschrijf de rollen van de afzonderlijke partners.',
      'Rol Gemeente (procesregisseur OOV)',
      'Rol Zorg- en Veiligheidshuis',
      'Rol politie',
      'Rol Openbaar Ministerie',
    ],
  },
  {
    id: 'overlegstructuur',
    title: 'Overlegstructuur',
    guidance: [
      'Beschrijf jullie lokale overlegstructuur met deelnemende partners',
      'Eens per ca. 6-8 weken vindt er een jeugdgroepenoverleg plaats.',
      'Als veel jongeren worden toegevoegd waardoor een andere capaciteitsinzet nodig is, moeten we dit ter besluitvorming voorleggen in de driehoek.',
    ],
  },
  // 2022 contents of the plan (Stap 5) that the template has no section for.
  {
    id: 'communicatie',
    title: 'Communicatie',
    guidance: [
      'Communicatie (inclusief eventuele inzet van sociale media)',
      "Wie de communicatie 'naar buiten' voor zijn rekening neemt en wanneer er gezamenlijk wordt gecommuniceerd.",
    ],
  },
  {
    id: 'werkwijze_namenlijst',
    title: 'Werkwijze namenlijst',
    guidance: [
      'Bovendien staat hierin de werkwijze beschreven rond het informeren van de jongere en/of zijn ouders/verzorgers zodra de namenlijst is vastgesteld.',
      'Ook wat de werkwijze is bij het toevoegen of verwijderen van een groepslid, staat hier uitgewerkt.',
      'Verder wordt hier opgenomen dat de namenlijst tijdens het proces continu wordt geëvalueerd.',
    ],
  },
  {
    id: 'monitoring',
    title: 'Monitoring van het Plan van aanpak',
    guidance: [
      'Beschrijf hoe je samen met partners het plan van aanpak monitort en hoe je tussentijds evalueert',
      'Over 6 maanden wordt de aanpak geëvalueerd door politie, OM en gemeente.',
      'Het streven is om de groepsaanpak binnen 12 maanden af te sluiten.',
      'Bij de tussenevaluatie hebben we in ieder geval aandacht voor onderstaande vragen:',
      ...tussenevaluatieLines,
    ],
  },
];

/** Spoor (actions, interventiematrix) for the plan tracks; informatiepositie has no spoor of its own. */
export const PLAN_TRACK_SPOOR: Record<string, Spoor | undefined> = {
  'plan_van_aanpak.informatiepositie': undefined,
  'plan_van_aanpak.individu': 'persoon_gezin',
  'plan_van_aanpak.groep': 'groep_netwerk',
  'plan_van_aanpak.locatie': 'gebied',
};

export interface BeleidsadviesAfspraak {
  id: string;
  /** Dutch, short heading for the document. */
  title: string;
  /** Source text (Stap 4 – Wie doet wat), verbatim. */
  text: string;
}

/** Afspraken the beleidsadvies must contain (Stap 4, digest §6.2). */
export const BELEIDSADVIES_AFSPRAKEN: BeleidsadviesAfspraak[] = [
  {
    id: 'BA-1',
    title: 'Doelen en kaders',
    text: 'de (voornaamste) doelen die met de aanpak moeten worden gehaald en de eventuele kaders daarbij (bijvoorbeeld over kosten en inzet).',
  },
  {
    id: 'BA-2',
    title: 'Sturing en escalatie',
    text: 'Wie er stuurt op afgesproken acties in de aanpak van de jeugdgroep (ook in verband met de mogelijkheid tot escaleren). Dit kan bijvoorbeeld gedaan worden door het management van de deelnemende organisaties die de acties uitvoeren.',
  },
  {
    id: 'BA-3',
    title: 'Informeren van de driehoek',
    text: 'Op welke momenten en over welke onderdelen de lokale driehoek periodiek van informatie wordt voorzien met betrekking tot aanpak, voortgang en effect.',
  },
  {
    id: 'BA-4',
    title: 'Sociale media',
    text: 'Het bijhouden van sociale media kanalen door politie of jongerenwerk voor het verzamelen van online informatie.',
  },
  {
    id: 'BA-5',
    title: 'Communicatie naar buiten',
    text: "Wie de communicatie 'naar buiten' voor zijn rekening neemt en wanneer er gezamenlijk wordt gecommuniceerd.",
  },
  {
    id: 'BA-6',
    title: 'Strafrechtelijk traject',
    text: 'Is er ook een strafrechtelijk traject aan de orde dan wordt duidelijk aangegeven wat de verhouding is tussen het plan van aanpak waar de gemeente de regie op voert en de strafrechtelijke aanpak.',
  },
];

/** Doelen of the plan van aanpak (2022, Stap 5), verbatim without the list semicolons. */
export const PLAN_DOELEN_2022: string[] = [
  'beëindigen of verminderen van problematisch groepsgedrag',
  'verminderen van criminaliteit en overlast',
  'versterken van de sociale positie van jongeren en het bieden van perspectief',
  'verstoren van negatieve groepsdynamiek',
  'voorkomen van aanwas bij de groep',
  'voorkomen van doorgroei naar criminele netwerken',
];

/** Meersporen-aanpak (2022, Stap 5), verbatim. */
export const MEERSPOREN_AANPAK: string[] = [
  'Persoons- of gezinsgerichte maatregelen',
  'Groeps- of netwerkgerichte maatregelen',
  'Gebiedsgerichte maatregelen',
];

/** "De volgende onderdelen staan in ieder geval in het concept plan van aanpak" (Stap 3), verbatim. */
export const CONCEPT_PLAN_ONDERDELEN: string[] = [
  'Welke partijen betrokken zijn. Dit wordt ook afgestemd met organisaties die geen convenantpartner zijn.',
  'Zowel de groeps- of netwerkgerichte-, gebiedsgerichte- en persoons- of gezinsgerichte interventies als de voorgestelde toeleiding van individuele groepsleden naar begeleiding of interventies vanuit andere domeinen.',
  'Afspraken over het aanmelden van individuele groepsleden voor een lokale PGA Z&V, het Zorg- en Veiligheidshuis, bij het college van B en W voor bijvoorbeeld de inzet van jeugdhulp, of voor afstemming met Jeugdbescherming, Raad voor de Kinderbescherming, Jeugdreclassering of Halt.',
  'Afspraken voor eventuele opsporingscapaciteit (tussen politie (BT/DR/DRR) en OM) en analysecapaciteit (vanuit DRIO/politie).',
  'Afspraken over de inzet van capaciteit.',
  'Afspraken over afstemming en overlegstructuur, etc.',
];

/** Evaluation aspects besides the results (2016 werkproces 3.8; Beesel Werkproces 1.9), verbatim. */
export const EVALUATION_ASPECTS: string[] = [
  'Duidelijkheid van rolverdeling en werkbaarheid van de afspraken in de samenwerking',
  'Informatieoverdracht tussen de partijen',
  'Hoeveelheid en aard van inzet die nodig was voor de uitvoering',
  'Effectiviteit van de uitvoering',
  'Snelheid van acteren op ontwikkelingen',
  'Begrote en gerealiseerde looptijd van de aanpak',
  'Overige knelpunten',
];
