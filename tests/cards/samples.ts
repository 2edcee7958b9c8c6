// Sample views for every card: realistic Dutch texts, with a few markdown-looking user texts mixed in.
import type * as Cards from '../../src/cards/index.js';

const ctx: Cards.CardContext = { aanpakId: 'aanpak-1', version: 7, nonce: 'nonce-1' };

export const stepView: Cards.StepCardView = {
  ctx,
  aanpakName: 'Stationsplein',
  step: '2A',
  stepName: 'Duiden en analyseren',
  goal: 'Vaststellen of er sprake is van een problematische jeugdgroep.',
  checklist: [
    { id: 'A-2A-1', text: 'Groepsscan opvragen bij de politie', ownerLabel: 'politie', required: true, done: true },
    { id: 'A-2A-2', text: 'Duidingsronde houden', ownerLabel: 'procesregisseur', required: true, done: false },
    { id: 'A-2A-3', text: 'Online informatie verzamelen', ownerLabel: 'convenantpartners', required: false, done: false },
  ],
  questions: ['Is er sprake van een groep?', 'Wat is de impact op de buurt?'],
  privacyLine: 'In deze stap: alleen informatie op groepsniveau, geen namen',
  canManage: true,
  refresh: { userIds: ['aad-procesregisseur'] },
};

export const transitionView: Cards.TransitionCardView = {
  ctx,
  aanpakName: 'Stationsplein',
  from: '2A',
  fromLabel: 'Stap 2A · Duiden en analyseren',
  targets: [
    { value: '2B', label: 'Stap 2B · Groepsleden in beeld' },
    { value: '1', label: 'Terug naar stap 1' },
    { value: '7', label: 'Afschalen (stap 7)' },
  ],
  exits: [{ value: 'geen_problematische_jeugdgroep', label: 'geen problematische jeugdgroep' }],
  decisions: { '2A': { problematisch: true } },
  openRequired: [{ id: 'A-2A-2', text: 'Duidingsronde houden', ownerLabel: 'procesregisseur' }],
};

export const checklistView: Cards.ChecklistCardView = {
  ctx,
  aanpakName: 'Stationsplein',
  step: '2A',
  stepName: 'Duiden en analyseren',
  items: [
    { id: 'A-2A-1', text: 'Groepsscan opvragen', ownerLabel: 'politie', required: true, done: true, doneLabel: 'Ahmed, 3 mrt', canTick: true },
    { id: 'A-2A-2', text: 'Duidingsronde houden', ownerLabel: 'procesregisseur', required: true, done: false, canTick: false },
  ],
  refresh: { userIds: ['aad-procesregisseur', 'aad-wijkagent'] },
};

export const roundView: Cards.RoundCardView = {
  ctx,
  roundId: 'round-1',
  aanpakName: 'Stationsplein',
  kindLabel: 'Circulair vragen',
  deadlineLabel: 'vr 13 mrt, 17:00',
  closed: false,
  status: 'concept',
  questions: [
    { id: 'CV-1', text: 'Wat valt je op aan deze groep?', draft: 'Ze hangen **elke avond** rond bij de\n- snackbar' },
    { id: 'CV-4', text: 'Wie zijn de spilfiguren?', byRole: true },
  ],
  refresh: { userIds: ['aad-procesregisseur'] },
};

export const whoAnsweredView: Cards.WhoAnsweredView = {
  ctx,
  roundId: 'round-1',
  aanpakName: 'Stationsplein',
  kindLabel: 'Circulair vragen',
  deadlineLabel: 'vr 13 mrt, 17:00',
  invitees: [
    { name: 'Ahmed Yilmaz', organisationLabel: 'Politie', status: 'verstuurd' },
    { name: 'Sanne de Vries', organisationLabel: 'Jongerenwerk', status: 'concept' },
    { name: 'Piet Jansen', organisationLabel: 'School', status: 'nog_niet' },
  ],
  canClose: true,
};

export const flipoverView: Cards.FlipoverView = {
  ctx,
  roundId: 'round-1',
  aanpakName: 'Stationsplein',
  questionId: 'CV-1',
  questionText: 'Wat valt je op aan deze groep?',
  groups: [
    { organisationLabel: 'Politie', items: ['Overlast bij de snackbar', 'Vaker scooters'] },
    { organisationLabel: 'Jongerenwerk', items: ['Groep is jonger dan vorig jaar'] },
  ],
  heldBack: [{ count: 2, reason: 'bevat namen (stap 1)' }],
  rodeDraad: 'Overlast concentreert zich rond het station.',
  canEditRodeDraad: true,
};

export const duidingAnswerView: Cards.DuidingAnswerView = {
  ctx,
  roundId: 'round-2',
  aanpakName: 'Stationsplein',
  deadlineLabel: 'ma 16 mrt, 12:00',
  closed: false,
  status: 'nog_niet',
  choiceStyle: 'expanded',
  pijlers: [
    {
      name: 'Groepskenmerken',
      items: [
        { id: 'DI-1-01', text: 'Omvang van de groep', help: 'Hoeveel jongeren horen bij de kern?', draft: '2' },
        { id: 'DI-1-02', text: 'Leeftijd', toelichting: 'Vooral 14-16' },
      ],
    },
    { name: 'Impact op de buurt', items: [{ id: 'DI-1-10', text: 'Overlast in de buurt', draft: 'onbekend' }] },
  ],
};

export const duidingResultView: Cards.DuidingResultView = {
  ctx,
  roundId: 'round-2',
  aanpakName: 'Stationsplein',
  pijler: 'Groepskenmerken',
  items: [
    {
      id: 'DI-1-01',
      text: 'Omvang van de groep',
      distribution: { niet: 1, '1': 0, '2': 2, '3': 1, sterk: 0, onbekend: 1 },
      disagreement: true,
      huiswerk: 1,
    },
    {
      id: 'DI-1-02',
      text: 'Leeftijd',
      distribution: { niet: 0, '1': 0, '2': 4, '3': 0, sterk: 0, onbekend: 0 },
      disagreement: false,
      huiswerk: 0,
    },
  ],
};

export const namenlijstNawView: Cards.NamenlijstView = {
  ctx,
  aanpakName: 'Stationsplein',
  showNaw: true,
  members: [
    {
      naam: 'Jan Bakker',
      bijnamen: ['JB'],
      positie: 'kern',
      geboortedatum: '2009-04-12',
      adres: 'Stationsstraat 4',
      woonplaats: 'Venlo',
      briefLabel: 'uitgereikt 3 mrt',
    },
    { naam: 'Mo El Idrissi', positie: 'schil', briefLabel: 'open' },
  ],
};

export const namenlijstNamenView: Cards.NamenlijstView = { ...namenlijstNawView, showNaw: false };

/** The procesregisseur's view in their 1:1 chat: add form and per-member buttons. */
export const namenlijstManageView: Cards.NamenlijstView = {
  ...namenlijstNawView,
  canManage: true,
  members: [
    { ...namenlijstNawView.members[0]!, id: 'm-1', informing: 'uitgereikt' },
    { ...namenlijstNawView.members[1]!, id: 'm-2', informing: 'open' },
  ],
};

export const memberRectifyView: Cards.MemberRectifyView = {
  ctx,
  aanpakName: 'Stationsplein',
  memberId: 'm-1',
  naam: 'Jan *Bakker*',
  bijnamen: ['JB', 'Jantje'],
  geboortedatum: '2009-04-12',
  adres: 'Stationsstraat 4',
  woonplaats: 'Venlo',
  positie: 'kern',
};

export const rodeDraadView: Cards.RodeDraadView = {
  aanpakName: 'Stationsplein',
  questionId: 'CV-1',
  questionText: 'Wat valt je op aan deze groep?',
  text: 'Overlast concentreert zich rond het station.',
};

export const noticeView: Cards.NoticeView = { title: 'Rode draad', message: 'Opgeslagen en gedeeld in het kanaal.' };

export const actionView: Cards.ActionCardView = {
  ctx,
  aanpakName: 'Stationsplein',
  title: 'Acties',
  actions: [
    {
      id: 'act-1',
      text: 'Huisbezoek bij gezin van de kern',
      ownerLabel: 'Jongerenwerk (Sanne)',
      dueLabel: '20 mrt',
      spoorLabel: 'persoon/gezin',
      status: 'open',
      overdue: true,
      canUpdate: true,
    },
    {
      id: 'act-2',
      text: 'Extra verlichting bij het station',
      ownerLabel: 'Gemeente',
      spoorLabel: 'gebied',
      status: 'gedaan',
      result: 'Geplaatst op 2 mrt',
    },
  ],
};

export const weighingView: Cards.WeighingConfirmView = {
  ctx,
  subjectRef: 'answer:round-1:CV-4',
  subjectLabel: 'Je antwoord op vraag CV-4 (Circulair vragen)',
};

export const errorView: Cards.ErrorView = {
  message: 'Namen delen kan pas vanaf stap 2B.',
  ruleIds: ['R-2A-1', 'R-X-14'],
};

export const helpView: Cards.HelpView = {
  roleLabel: 'procesregisseur',
  commands: [
    { command: 'status', description: 'Stand van de aanpak' },
    { command: 'stap', description: 'Naar een andere stap' },
    { command: 'nieuwe aanpak <naam>', description: 'Start een aanpak' },
  ],
};

export const statusView: Cards.StatusView = {
  ctx,
  aanpakName: 'Stationsplein',
  stepLabel: 'Stap 2A',
  stepName: 'Duiden en analyseren',
  sinceLabel: '2 mrt 2026',
  participants: 5,
  openChecklist: 2,
  openRounds: [{ label: 'Circulair vragen', deadlineLabel: 'vr 13 mrt, 17:00' }],
  openActions: 3,
  overdueActions: 1,
  nextMomentLabel: 'jeugdgroepenoverleg 14 apr',
};

export const deelnemersView: Cards.DeelnemersView = {
  ctx,
  aanpakName: 'Stationsplein',
  participants: [
    { id: 'p-1', name: 'Anna Smit', organisationLabel: 'Gemeente', roleLabel: 'procesregisseur', canRemove: false },
    { id: 'p-2', name: 'Ahmed Yilmaz', organisationLabel: 'Politie', roleLabel: 'partner', functie: 'wijkagent' },
    { id: 'p-3', name: 'Piet Jansen', organisationLabel: 'School', roleLabel: 'incidenteel', geheimhoudingLabel: 'getekend 3 mrt 2026', needsGeheimhouding: true },
    { id: 'p-4', name: 'Lies Leerplicht', organisationLabel: 'Leerplicht', roleLabel: 'incidenteel', canRecordGeheimhouding: true, unreachable: true, needsGeheimhouding: true },
  ],
  canManage: true,
  organisations: [
    { value: 'politie', label: 'Politie' },
    { value: 'school', label: 'School' },
  ],
  roles: [
    { value: 'partner', label: 'Convenantpartner' },
    { value: 'incidenteel', label: 'Incidentele deelnemer' },
  ],
};

export const reminderView: Cards.ReminderView = {
  ctx,
  reminderId: 'rem-1',
  title: 'Actie bijna verlopen',
  text: 'Huisbezoek bij gezin van de kern: deadline 20 mrt.',
  whenLabel: 'Verstuurd 18 mrt, 09:00',
  late: true,
  open: { title: 'Open actie', verb: 'card.open', data: { card: 'actions', actionId: 'act-1' } },
};

export const overviewView: Cards.OverviewView = {
  gemeente: 'Venlo',
  rows: [
    { aanpakId: 'a-2', name: 'Stationsplein', stepLabel: '2A', nextMomentLabel: 'overleg 14 apr', overdueActions: 2, openRounds: 1 },
    { aanpakId: 'a-1', name: 'Blerick-Noord', stepLabel: '5', nextMomentLabel: 'tussenevaluatie 2 mei', overdueActions: 0, openRounds: 0 },
    { aanpakId: 'a-3', name: 'Tegelen', stepLabel: '1', overdueActions: 0, openRounds: 2 },
  ],
};

export const gateDeniedView: Cards.GateDeniedView = {
  subjectLabel: 'Je antwoord op vraag CV-2',
  aanpakName: 'Stationsplein',
  fragments: [
    { kindLabel: 'naam', fragment: 'Jan Bakker' },
    { kindLabel: 'geboortedatum', fragment: '12-04-2009' },
  ],
  reasons: [{ ruleId: 'R-1-3', message: 'In stap 1 geen namen in het kanaal.' }],
  edit: { title: 'Antwoord aanpassen', verb: 'card.open', data: { card: 'round', roundId: 'round-1' } },
};
