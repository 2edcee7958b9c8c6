import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as C from '../../src/cards/index.js';
import { parseCard } from './ac.js';
import { executes, inputById, ofType, renderedTexts, walk } from './helpers.js';
import * as S from './samples.js';

/** Every template file, rendered with sample data. A new template without an entry fails the coverage test. */
const rendered: Record<string, () => C.CardAttachment> = {
  'step.json': () => C.renderStepCard(S.stepView),
  'transition.json': () => C.renderTransitionCard(S.transitionView),
  'checklist.json': () => C.renderChecklistCard(S.checklistView),
  'round.json': () => C.renderRoundCard(S.roundView),
  'who-answered.json': () => C.renderWhoAnsweredCard(S.whoAnsweredView),
  'flipover.json': () => C.renderFlipoverCard(S.flipoverView),
  'duiding-answer.json': () => C.renderDuidingAnswerCard(S.duidingAnswerView),
  'duiding-result.json': () => C.renderDuidingResultCard(S.duidingResultView),
  'namenlijst-naw.json': () => C.renderNamenlijstCard(S.namenlijstNawView),
  'namenlijst-namen.json': () => C.renderNamenlijstCard(S.namenlijstNamenView),
  'namenlijst-naw.json+beheer': () => C.renderNamenlijstCard(S.namenlijstManageView),
  'member-rectify.json': () => C.renderMemberRectifyCard(S.memberRectifyView),
  'rode-draad.json': () => C.renderRodeDraadCard(S.rodeDraadView),
  'notice.json': () => C.renderNoticeCard(S.noticeView),
  'actions.json': () => C.renderActionCard(S.actionView),
  'weighing.json': () => C.renderWeighingConfirmCard(S.weighingView),
  'error.json': () => C.renderErrorCard(S.errorView),
  'help.json': () => C.renderHelpCard(S.helpView),
  'status.json': () => C.renderStatusCard(S.statusView),
  'deelnemers.json': () => C.renderDeelnemersCard(S.deelnemersView),
  'reminder.json': () => C.renderReminderCard(S.reminderView),
  'overview.json': () => C.renderOverviewCard(S.overviewView),
  'gate-denied.json': () => C.renderGateDeniedCard(S.gateDeniedView),
};

const templatesDir = fileURLToPath(new URL('../../src/cards/templates/', import.meta.url));

describe('all cards', () => {
  it('every template file has a rendering test', () => {
    const files = readdirSync(templatesDir).filter((f) => f.endsWith('.json'));
    const covered = new Set(Object.keys(rendered).map((k) => k.replace(/\+.*$/, '')));
    expect(files.sort()).toEqual([...covered].sort());
  });

  describe.each(Object.entries(rendered))('%s', (name, render) => {
    const card = render();

    it('is an Adaptive Card 1.5 attachment', () => {
      expect(card.contentType).toBe('application/vnd.microsoft.card.adaptive');
      expect(card.content.type).toBe('AdaptiveCard');
      expect(card.content.version).toBe('1.5');
    });

    it('parses with the adaptivecards parser without events or validation failures', () => {
      expect(parseCard(card.content)).toEqual({ events: [], failures: [] });
    });

    it('has no unresolved template expressions and no nulls', () => {
      const json = JSON.stringify(card.content);
      expect(json).not.toContain('${');
      expect(json).not.toContain('$when');
      expect(json).not.toContain('$data');
      expect(json).not.toContain('null');
    });

    it('every Action.Execute has a verb, ids and an Action.Submit fallback with the same data', () => {
      for (const action of executes(card.content)) {
        expect(typeof action.verb).toBe('string');
        expect(action.verb).not.toBe('');
        const fallback = action.fallback as Record<string, unknown>;
        expect(fallback.type).toBe('Action.Submit');
        expect(fallback.title).toBe(action.title);
        expect(fallback.data).toEqual({ ...(action.data as object), verb: action.verb });
      }
    });

    it('renders the same twice (templates are not mutated)', () => {
      expect(render()).toEqual(card);
    });

    it('matches its snapshot', async () => {
      await expect(`${JSON.stringify(card.content, null, 2)}\n`).toMatchFileSnapshot(`./__snapshots__/${name}`);
    });
  });

  it('the parser check can fail: unknown elements and duplicate input ids are reported', () => {
    const bad = parseCard({
      type: 'AdaptiveCard',
      version: '1.5',
      body: [
        { type: 'Frobnicator' },
        { type: 'Input.Text', id: 'x' },
        { type: 'Input.Text', id: 'x' },
      ],
    });
    expect(bad.events).toEqual([expect.stringMatching(/^UnknownElementType/)]);
    expect(bad.failures).toEqual([expect.stringMatching(/^DuplicateId/)]);
  });

  it('actions carry aanpakId, version and nonce for stale-card detection and dedupe', () => {
    const card = C.renderRoundCard(S.roundView);
    const submit = executes(card.content).find((a) => a.verb === 'round.submit');
    expect(submit?.data).toEqual({ aanpakId: 'aanpak-1', version: 7, nonce: 'nonce-1', roundId: 'round-1' });
  });
});

describe('refresh (per-user views)', () => {
  it('carries card.refresh with the userIds from the view', () => {
    const card = C.renderStepCard(S.stepView).content;
    expect(card.refresh).toEqual({
      action: {
        type: 'Action.Execute',
        verb: 'card.refresh',
        data: { aanpakId: 'aanpak-1', version: 7, nonce: 'nonce-1', card: 'step' },
      },
      userIds: ['aad-procesregisseur'],
    });
    const round = C.renderRoundCard(S.roundView).content.refresh as { action: { data: unknown } };
    expect(round.action.data).toMatchObject({ card: 'round', roundId: 'round-1' });
  });

  it('is absent when the view has no refresh or no userIds', () => {
    expect(C.renderStepCard({ ...S.stepView, refresh: undefined }).content).not.toHaveProperty('refresh');
    expect(C.renderChecklistCard({ ...S.checklistView, refresh: { userIds: [] } }).content).not.toHaveProperty('refresh');
  });
});

describe('step card', () => {
  it('shows step, goal, checklist with owners and ticks, questions and one privacy line', () => {
    const texts = renderedTexts(C.renderStepCard(S.stepView).content);
    expect(texts).toContain('Stap 2A · Duiden en analyseren');
    expect(texts).toContain('**Doel:** Vaststellen of er sprake is van een problematische jeugdgroep.');
    expect(texts).toContain('✔ Groepsscan opvragen bij de politie — politie (verplicht)');
    expect(texts).toContain('☐ Online informatie verzamelen — convenantpartners');
    expect(texts).toContain('• Wat is de impact op de buurt?');
    expect(texts.filter((t) => t.includes('In deze stap:'))).toEqual([
      '🔒 In deze stap: alleen informatie op groepsniveau, geen namen',
    ]);
  });

  it('shows "Stap wijzigen" only when the view allows management', () => {
    const verbsOf = (v: C.StepCardView) => executes(C.renderStepCard(v).content).map((a) => (a.data as { card: string }).card);
    expect(verbsOf(S.stepView)).toEqual(['checklist', 'transition']);
    expect(verbsOf({ ...S.stepView, canManage: false })).toEqual(['checklist']);
  });
});

describe('transition card', () => {
  const card = C.renderTransitionCard(S.transitionView).content;

  it('offers the allowed targets and exits as one choice, decodable by parseTransitionChoice', () => {
    const to = inputById(card, 'to') as { choices: { title: string; value: string }[]; isRequired: boolean };
    expect(to.isRequired).toBe(true);
    expect(to.choices.map((c) => c.value)).toEqual(['2B', '1', '7', 'exit:geen_problematische_jeugdgroep']);
    expect(to.choices.map((c) => C.parseTransitionChoice(c.value))).toEqual([
      { kind: 'state', to: '2B' },
      { kind: 'state', to: '1' },
      { kind: 'state', to: '7' },
      { kind: 'exit', exit: 'geen_problematische_jeugdgroep' },
    ]);
    expect(C.parseTransitionChoice('exit:bestaat_niet')).toBeUndefined();
    expect(C.parseTransitionChoice('')).toBeUndefined();
  });

  it('asks only the decision fields the view names, prefilled', () => {
    expect(inputById(card, 'problematisch')).toMatchObject({ value: 'ja', style: 'expanded' });
    expect(inputById(card, 'geprioriteerd')).toBeUndefined();
    expect(inputById(card, 'doelenBereikt')).toBeUndefined();

    const four = C.renderTransitionCard({
      ...S.transitionView,
      decisions: { '4': { geprioriteerd: false, datum: '2026-03-02', randvoorwaarden: 'Binnen 12 maanden' } },
    }).content;
    expect(inputById(four, 'problematisch')).toBeUndefined();
    expect(inputById(four, 'geprioriteerd')).toMatchObject({ value: 'nee' });
    expect(inputById(four, 'datum')).toMatchObject({ type: 'Input.Date', value: '2026-03-02' });
    expect(inputById(four, 'randvoorwaarden')).toMatchObject({ value: 'Binnen 12 maanden' });

    const seven = C.renderTransitionCard({ ...S.transitionView, decisions: { '7': {} } }).content;
    expect(inputById(seven, 'doelenBereikt')).toMatchObject({ value: '' });
    expect(inputById(seven, 'resterendeActiesBelegd')).toMatchObject({ value: '' });
  });

  it('lists open required items with an override reason input, and hides both when none are open', () => {
    expect(renderedTexts(card)).toContain('• Duidingsronde houden — procesregisseur');
    expect(inputById(card, 'overrideReason')).toBeDefined();
    const apply = executes(card).find((a) => a.verb === 'transition.apply');
    expect(apply?.data).toMatchObject({ from: '2A', openRequired: 'A-2A-2' });

    const none = C.renderTransitionCard({ ...S.transitionView, openRequired: [] }).content;
    expect(inputById(none, 'overrideReason')).toBeUndefined();
    expect(JSON.stringify(none)).not.toContain('Nog open');
  });

  it('requires a decision text; cancel does not validate inputs', () => {
    expect(inputById(card, 'decisionText')).toMatchObject({ isRequired: true, isMultiline: true });
    expect(executes(card).find((a) => a.verb === 'transition.cancel')).toMatchObject({ associatedInputs: 'none' });
  });
});

describe('checklist card', () => {
  it('gives a tick button only on items the viewer may tick, toggling the done state', () => {
    const card = C.renderChecklistCard(S.checklistView).content;
    const ticks = executes(card).filter((a) => a.verb === 'checklist.tick');
    expect(ticks.map((a) => [a.title, a.data])).toEqual([
      ['Terugzetten', { aanpakId: 'aanpak-1', version: 7, nonce: 'nonce-1', itemId: 'A-2A-1', done: false, step: '2A' }],
    ]);
    expect(renderedTexts(card)).toContain('Stationsplein · 1 van 2 gedaan');
    expect(renderedTexts(card)).toContain('politie · verplicht · Ahmed, 3 mrt');
  });
});

describe('round card', () => {
  it('has a multiline input per question, prefilled with the raw draft, and save/submit buttons', () => {
    const card = C.renderRoundCard(S.roundView).content;
    const cv1 = inputById(card, C.answerInputId('CV-1'));
    expect(cv1).toMatchObject({ type: 'Input.Text', isMultiline: true, placeholder: 'Je antwoord' });
    // Input values are plain text: the draft comes back exactly as typed.
    expect(cv1?.value).toBe(S.roundView.questions[0]?.draft);
    expect(inputById(card, C.answerInputId('CV-4'))).toMatchObject({ value: '', placeholder: 'Je antwoord, in rollen' });
    expect(renderedTexts(card)).toContain("Noem rollen, geen namen (bijv. 'een spilfiguur').");
    expect(renderedTexts(card)).toContain('Wijzigen kan tot de deadline: vr 13 mrt, 17:00');
    expect(executes(card).map((a) => [a.title, a.verb])).toEqual([
      ['Concept opslaan', 'round.draft'],
      ['Versturen', 'round.submit'],
    ]);
  });

  it('is read-only when the round is closed: no inputs, no buttons, answers shown escaped', () => {
    const card = C.renderRoundCard({ ...S.roundView, closed: true }).content;
    expect(walk(card).some((e) => String(e.node.type).startsWith('Input.'))).toBe(false);
    expect(executes(card)).toEqual([]);
    expect(renderedTexts(card)).toContain('Ze hangen \\*\\*elke avond\\*\\* rond bij de\n\\- snackbar');
    expect(renderedTexts(card)).toContain('—');
    expect(renderedTexts(card)).toContain('Deze ronde is gesloten. Wijzigen kan niet meer.');
  });
});

describe('who-has-answered card', () => {
  it('shows name, organisation and status per invitee, and a count', () => {
    const card = C.renderWhoAnsweredCard(S.whoAnsweredView).content;
    const texts = renderedTexts(card);
    expect(texts).toContain('1 van 3 verstuurd');
    expect(texts).toEqual(expect.arrayContaining(['✔ verstuurd', 'concept', 'nog niet', 'Sanne de Vries', 'Jongerenwerk']));
    expect(executes(card).map((a) => a.verb)).toEqual(['round.close']);
    expect(executes(C.renderWhoAnsweredCard({ ...S.whoAnsweredView, canClose: false }).content)).toEqual([]);
  });
});

describe('flipover card', () => {
  it('groups items by organisation and shows held-back counts with the reason, not the content', () => {
    const texts = renderedTexts(C.renderFlipoverCard(S.flipoverView).content);
    expect(texts).toEqual(expect.arrayContaining(['Politie', '• Overlast bij de snackbar', 'Jongerenwerk']));
    expect(texts).toContain('2 items achtergehouden: bevat namen (stap 1)');
    expect(texts).toContain('Overlast concentreert zich rond het station.');
  });

  it('uses the singular for one item, omits zero counts, and has an empty state', () => {
    const texts = renderedTexts(
      C.renderFlipoverCard({
        ...S.flipoverView,
        groups: [{ organisationLabel: 'School', items: [] }],
        heldBack: [
          { count: 1, reason: 'alleen voor politie en OM' },
          { count: 0, reason: 'nooit getoond' },
        ],
        rodeDraad: undefined,
        canEditRodeDraad: false,
      }).content,
    );
    expect(texts).toContain('1 item achtergehouden: alleen voor politie en OM');
    expect(texts.join('\n')).not.toContain('nooit getoond');
    expect(texts).toContain('Geen antwoorden om te tonen.');
    expect(texts).not.toContain('School');
    expect(texts).toContain('Nog niet vastgelegd.');
  });

  it('refreshes for the procesregisseur with round and question ids; the rode draad line shows the text', () => {
    const card = C.renderFlipoverCard({ ...S.flipoverView, canEditRodeDraad: false, refresh: { userIds: ['aad-1'] } }).content;
    expect(card.refresh).toMatchObject({ userIds: ['aad-1'], action: { verb: 'card.refresh', data: { card: 'flipover', roundId: 'round-1', questionId: 'CV-1' } } });
    expect(inputById(card, C.RODE_DRAAD_INPUT)).toBeUndefined();
    expect(renderedTexts(C.renderRodeDraadCard(S.rodeDraadView).content)).toEqual([
      'Rode draad · CV-1',
      'Stationsplein',
      'Wat valt je op aan deze groep?',
      'Overlast concentreert zich rond het station.',
    ]);
  });
});

describe('duiding cards', () => {
  it('asks niet · 1 · 2 · 3 · sterk · onbekend per item, in the chosen style, with a toelichting', () => {
    for (const style of ['expanded', 'compact'] as const) {
      const card = C.renderDuidingAnswerCard({ ...S.duidingAnswerView, choiceStyle: style }).content;
      const scale = inputById(card, C.scaleInputId('DI-1-01')) as { style: string; value: string; choices: { value: string }[] };
      expect(scale.style).toBe(style);
      expect(scale.value).toBe('2');
      expect(scale.choices.map((c) => c.value)).toEqual(['niet', '1', '2', '3', 'sterk', 'onbekend']);
      expect(inputById(card, C.toelichtingInputId('DI-1-02'))).toMatchObject({ value: 'Vooral 14-16' });
    }
    const texts = renderedTexts(C.renderDuidingAnswerCard(S.duidingAnswerView).content);
    expect(texts).toEqual(expect.arrayContaining(['Groepskenmerken', 'Impact op de buurt']));
  });

  it('is read-only when closed', () => {
    const card = C.renderDuidingAnswerCard({ ...S.duidingAnswerView, closed: true }).content;
    expect(walk(card).some((e) => String(e.node.type).startsWith('Input.'))).toBe(false);
    expect(executes(card)).toEqual([]);
    expect(renderedTexts(card)).toEqual(expect.arrayContaining(['Antwoord: 2', 'Antwoord: onbekend', 'Vooral 14-16']));
  });

  it('shows per item the distribution, ⚠ for disagreement and the huiswerk count', () => {
    const texts = renderedTexts(C.renderDuidingResultCard(S.duidingResultView).content);
    expect(texts).toContain('niet 1 · 1: 0 · 2: 2 · 3: 1 · sterk 0 · onbekend 1');
    expect(texts.filter((t) => t.startsWith('⚠'))).toEqual(['⚠ Partners verschillen van mening']);
    expect(texts).toContain('Huiswerk: 1 × onbekend');
    expect(texts).toContain('Onbekend? Dan is er huiswerk: 1 actie in de actielijst.');
  });
});

describe('namenlijst card', () => {
  it('with showNaw shows NAW columns', () => {
    const json = JSON.stringify(C.renderNamenlijstCard(S.namenlijstNawView).content);
    for (const s of ['Jan Bakker (JB)', '2009-04-12', 'Stationsstraat 4, Venlo', 'Adres', 'Geboortedatum', 'uitgereikt 3 mrt']) {
      expect(json).toContain(s);
    }
  });

  it('without showNaw shows names only, even when the view carries NAW by accident', () => {
    const json = JSON.stringify(C.renderNamenlijstCard(S.namenlijstNamenView).content);
    expect(json).toContain('Jan Bakker (JB)');
    expect(json).toContain('Mo El Idrissi');
    for (const s of ['2009', 'Stationsstraat', 'Venlo', 'Adres', 'adres', 'Geboortedatum', 'geboortedatum', 'woonplaats']) {
      expect(json).not.toContain(s);
    }
  });

  it('for a manager: an add form in a ShowCard and one member picker with a "Beheren" button', () => {
    const card = C.renderNamenlijstCard(S.namenlijstManageView).content;
    const add = ofType(card, 'Action.ShowCard').find((a) => a.title === 'Jongere toevoegen')!;
    for (const id of Object.values(C.MEMBER_INPUTS)) expect(inputById(add.card, id)).toBeDefined();
    expect(inputById(add.card, C.MEMBER_INPUTS.geboortedatum)).toMatchObject({ type: 'Input.Date' });
    expect(executes(add.card).map((a) => a.verb)).toEqual(['member.add']);
    const verbs = executes(card).map((a) => [a.verb, (a.data as { card?: string }).card]);
    expect(verbs).toEqual([
      ['card.open', 'member'],
      ['member.add', undefined],
    ]);
    const picker = inputById(card, 'memberId') as { choices: { value: string }[] };
    expect(picker.choices.map((c) => c.value)).toEqual(['m-1', 'm-2']);
  });

  it('stays well under the Teams message size with 40 members', () => {
    const members = Array.from({ length: 40 }, (_, i) => ({ ...S.namenlijstManageView.members[0]!, id: `m-${i}`, naam: `Jongere ${i}` }));
    const size = JSON.stringify(C.renderNamenlijstCard({ ...S.namenlijstManageView, members }).content).length;
    expect(size).toBeLessThan(28_000);
  });

  it('never shows management without NAW, and shows the notice instead of the empty state', () => {
    const names = C.renderNamenlijstCard({ ...S.namenlijstManageView, showNaw: false }).content;
    expect(executes(names)).toEqual([]);
    expect(ofType(names, 'Action.ShowCard')).toEqual([]);
    const notice = C.renderNamenlijstCard({ ...S.namenlijstNamenView, members: [], notice: 'In deze stap is er geen namenlijst.' }).content;
    expect(renderedTexts(notice)).toContain('In deze stap is er geen namenlijst.');
    expect(renderedTexts(notice)).not.toContain('Nog geen namen op de namenlijst.');
  });

  it('member card prefills raw values, escapes only the title, and holds informing and removal', () => {
    const card = C.renderMemberRectifyCard({ ...S.memberRectifyView, informing: 'open' }).content;
    expect(inputById(card, C.rectifyInputId('naam', 'm-1'))).toMatchObject({ value: 'Jan *Bakker*' });
    expect(inputById(card, C.rectifyInputId('bijnamen', 'm-1'))).toMatchObject({ value: 'JB, Jantje' });
    expect(inputById(card, C.rectifyInputId('geboortedatum', 'm-1'))).toMatchObject({ type: 'Input.Date', value: '2009-04-12' });
    expect(inputById(card, C.rectifyInputId('positie', 'm-1'))).toMatchObject({ value: 'kern' });
    expect(renderedTexts(card)[0]).toBe('Beheren · Jan \\*Bakker\\*');
    const base = { aanpakId: 'aanpak-1', version: 7, nonce: 'nonce-1' };
    expect(executes(card).map((a) => [a.verb, a.data])).toEqual([
      ['member.rectify', { ...base, memberId: 'm-1' }],
      ['member.informing', { ...base, memberId: 'm-1', status: 'uitgereikt' }],
      ['member.informing', { ...base, memberId: 'm-1', status: 'uitgesteld' }],
      ['member.remove', { ...base, memberId: 'm-1' }],
      ['card.open', { ...base, card: 'namenlijst' }],
    ]);
    expect(inputById(card, C.informingDateInputId('m-1'))).toMatchObject({ type: 'Input.Date', isRequired: true });
    expect(inputById(card, C.informingReasonInputId('m-1'))).toMatchObject({ isRequired: true });
    expect(inputById(card, C.removeReasonInputId('m-1'))).toMatchObject({ isRequired: true });
    // A letter already handed over: no informing buttons.
    const done = C.renderMemberRectifyCard({ ...S.memberRectifyView, informing: 'uitgereikt' }).content;
    expect(executes(done).map((a) => a.verb)).toEqual(['member.rectify', 'member.remove', 'card.open']);
  });

  it('has an empty state', () => {
    for (const showNaw of [true, false]) {
      const card = C.renderNamenlijstCard({ ...S.namenlijstNawView, showNaw, members: [] }).content;
      expect(renderedTexts(card)).toContain('Nog geen namen op de namenlijst.');
      expect(ofType(card, 'Table')).toEqual([]);
    }
  });
});

describe('action card', () => {
  it('shows text, owner, due, spoor, status and result; buttons only on open actions the viewer may update', () => {
    const card = C.renderActionCard(S.actionView).content;
    const facts = ofType(card, 'FactSet').map((f) => f.facts);
    expect(facts[0]).toEqual([
      { title: 'Eigenaar', value: 'Jongerenwerk (Sanne)' },
      { title: 'Deadline', value: '20 mrt' },
      { title: 'Spoor', value: 'persoon/gezin' },
      { title: 'Status', value: 'open' },
    ]);
    expect(facts[1]).toContainEqual({ title: 'Resultaat', value: 'Geplaatst op 2 mrt' });
    expect(renderedTexts(card).filter((t) => t === 'Te laat')).toHaveLength(1);
    expect(executes(card).map((a) => [a.verb, (a.data as { actionId: string }).actionId])).toEqual([
      ['action.done', 'act-1'],
      ['action.result', 'act-1'],
    ]);
    expect(inputById(card, C.resultInputId('act-1'))).toMatchObject({ isRequired: true });
  });
});

describe('weighing confirm card', () => {
  it('R-X-31: asks doelmatigheid, subsidiariteit and proportionaliteit with the verbatim questions', () => {
    const card = C.renderWeighingConfirmCard(S.weighingView).content;
    for (const [id, label] of Object.entries(C.WEIGHING_QUESTIONS)) {
      expect(inputById(card, id)).toMatchObject({ type: 'Input.Text', label, isRequired: true, isMultiline: true });
      expect(label.startsWith(`${id}: `)).toBe(true);
      expect(label.endsWith('?')).toBe(true);
    }
    expect(executes(card).map((a) => [a.verb, (a.data as { subjectRef: string }).subjectRef])).toEqual([
      ['weighing.confirm', 'answer:round-1:CV-4'],
      ['weighing.cancel', 'answer:round-1:CV-4'],
    ]);
  });
});

describe('error, help and status cards', () => {
  it('error card shows the message and optional rule ids', () => {
    expect(renderedTexts(C.renderErrorCard(S.errorView).content)).toEqual([
      '⚠ Namen delen kan pas vanaf stap 2B.',
      'Regels: R-2A-1, R-X-14',
    ]);
    expect(renderedTexts(C.renderErrorCard({ message: 'Onbekende opdracht.' }).content)).toEqual(['⚠ Onbekende opdracht.']);
  });

  it('help card lists exactly the commands in the view', () => {
    const facts = ofType(C.renderHelpCard(S.helpView).content, 'FactSet')[0]?.facts as { title: string }[];
    expect(facts.map((f) => f.title)).toEqual(['status', 'stap', 'nieuwe aanpak \\<naam\\>']);
    const partner = C.renderHelpCard({ commands: [{ command: 'status', description: 'Stand' }] }).content;
    expect(JSON.stringify(partner)).not.toContain('stap');
  });

  it('status card shows the step and counts', () => {
    const facts = ofType(C.renderStatusCard(S.statusView).content, 'FactSet')[0]?.facts;
    expect(facts).toContainEqual({ title: 'Stap', value: 'Stap 2A · Duiden en analyseren' });
    expect(facts).toContainEqual({ title: 'Te laat', value: '⚠ 1' });
    const calm = ofType(C.renderStatusCard({ ...S.statusView, overdueActions: 0 }).content, 'FactSet')[0]?.facts;
    expect(calm).not.toContainEqual(expect.objectContaining({ title: 'Te laat' }));
  });
});

describe('deelnemers card', () => {
  it('lists participants and, for managers, an add form and remove buttons that skip form validation', () => {
    const card = C.renderDeelnemersCard(S.deelnemersView).content;
    expect(renderedTexts(card)).toEqual(
      expect.arrayContaining(['Politie · partner · wijkagent', 'Geheimhouding: getekend 3 mrt 2026', 'Geheimhouding: nog niet vastgelegd']),
    );
    // Only incidentele deelnemers need a verklaring: one warning, for Lies.
    expect(renderedTexts(card).filter((t) => t === 'Geheimhouding: nog niet vastgelegd')).toHaveLength(1);
    for (const id of Object.values(C.PARTICIPANT_INPUTS)) expect(inputById(card, id)).toBeDefined();
    expect((inputById(card, 'organisation') as { choices: unknown[] }).choices).toEqual([
      { title: 'Politie', value: 'politie' },
      { title: 'School', value: 'school' },
    ]);
    const removes = executes(card).filter((a) => a.verb === 'participant.remove');
    // Not for yourself (p-1 is the viewer).
    expect(removes.map((r) => (r.data as { participantId: string }).participantId)).toEqual(['p-2', 'p-3', 'p-4']);
    for (const r of removes) expect(r.associatedInputs).toBe('none');
    // The add form sits in a ShowCard: its required inputs do not block the buttons in the list.
    const showCards = ofType(card, 'Action.ShowCard');
    expect(showCards.map((a) => a.title)).toEqual(['Deelnemer toevoegen']);
    expect(inputById(showCards[0]!.card, 'naam')).toMatchObject({ isRequired: true });
    expect(inputById(card.body, 'naam')).toBeUndefined();
  });

  it('offers a geheimhouding date per incidentele deelnemer without one, and flags who the bot cannot reach', () => {
    const card = C.renderDeelnemersCard(S.deelnemersView).content;
    expect(inputById(card, C.geheimhoudingInputId('p-4'))).toMatchObject({ type: 'Input.Date' });
    expect(inputById(card, C.geheimhoudingInputId('p-3'))).toBeUndefined();
    expect(inputById(card, C.geheimhoudingInputId('p-2'))).toBeUndefined();
    const record = executes(card).filter((a) => a.verb === 'participant.geheimhouding');
    expect(record.map((a) => a.data)).toEqual([{ aanpakId: 'aanpak-1', version: 7, nonce: 'nonce-1', participantId: 'p-4' }]);
    const texts = renderedTexts(card);
    expect(texts).toContain('Nog niet bereikbaar: installeer de app persoonlijk.');
    expect(texts).toContain('1 deelnemer is nog niet bereikbaar in een persoonlijke chat: Lies Leerplicht.');
    const partner = C.renderDeelnemersCard({ ...S.deelnemersView, canManage: false }).content;
    expect(JSON.stringify(partner)).not.toContain('bereikbaar');
    expect(inputById(partner, C.geheimhoudingInputId('p-4'))).toBeUndefined();
  });

  it('shows no form or buttons to non-managers', () => {
    const card = C.renderDeelnemersCard({ ...S.deelnemersView, canManage: false }).content;
    expect(walk(card).some((e) => String(e.node.type).startsWith('Input.'))).toBe(false);
    expect(executes(card)).toEqual([]);
  });
});

describe('reminder card', () => {
  it('offers gedaan, later 1 dag / 1 week and opening the related card; shows "te laat" when late', () => {
    const card = C.renderReminderCard(S.reminderView).content;
    expect(executes(card).map((a) => [a.title, a.verb, a.data])).toEqual([
      ['Gedaan', 'reminder.done', { aanpakId: 'aanpak-1', version: 7, nonce: 'nonce-1', reminderId: 'rem-1' }],
      ['Later: 1 dag', 'reminder.snooze', { aanpakId: 'aanpak-1', version: 7, nonce: 'nonce-1', reminderId: 'rem-1', days: 1 }],
      ['Later: 1 week', 'reminder.snooze', { aanpakId: 'aanpak-1', version: 7, nonce: 'nonce-1', reminderId: 'rem-1', days: 7 }],
      ['Open actie', 'card.open', { aanpakId: 'aanpak-1', version: 7, nonce: 'nonce-1', card: 'actions', actionId: 'act-1' }],
    ]);
    expect(renderedTexts(card)).toContain('te laat');
    const onTime = C.renderReminderCard({ ...S.reminderView, late: false, open: undefined }).content;
    expect(renderedTexts(onTime)).not.toContain('te laat');
    expect(executes(onTime)).toHaveLength(3);
  });
});

describe('overview card', () => {
  it('keeps the caller’s order and shows step, next moment, overdue actions and open rounds', () => {
    const card = C.renderOverviewCard(S.overviewView).content;
    const rows = ofType(card, 'TableRow').slice(1);
    const cellTexts = rows.map((r) =>
      (r.cells as { items: { text: string }[] }[]).map((c) => c.items.map((i) => i.text).join('')),
    );
    expect(cellTexts).toEqual([
      ['Stationsplein', '2A', 'overleg 14 apr', '⚠ 2', '1'],
      ['Blerick-Noord', '5', 'tussenevaluatie 2 mei', '0', '0'],
      ['Tegelen', '1', '—', '0', '2'],
    ]);
    expect(renderedTexts(card)).toContain('3 aanpakken · 2 acties te laat');
  });

  it('has an empty state without a table', () => {
    const card = C.renderOverviewCard({ gemeente: 'Venlo', rows: [] }).content;
    expect(ofType(card, 'Table')).toEqual([]);
    expect(renderedTexts(card)).toContain('0 aanpakken · 0 acties te laat');
  });
});

describe('gate denied notice', () => {
  it('shows the author the fragments that triggered screening and the reasons with rule ids', () => {
    const texts = renderedTexts(C.renderGateDeniedCard(S.gateDeniedView).content);
    expect(texts).toContain('Je antwoord op vraag CV-2 is niet gedeeld in Stationsplein. Alleen jij ziet dit bericht.');
    expect(texts).toContain('• naam: ‘Jan Bakker’');
    expect(texts).toContain('• geboortedatum: ‘12-04-2009’');
    expect(texts).toContain('• In stap 1 geen namen in het kanaal. (R-1-3)');
  });
});

describe('reading inputs back', () => {
  it('reads round answers by question id, as typed', () => {
    const value = { verb: 'round.submit', [C.answerInputId('CV-1')]: '**x**\nregel 2', [C.answerInputId('CV-2')]: 42 };
    expect(C.readAnswerInputs(value, ['CV-1', 'CV-2', 'CV-3'])).toEqual([
      { questionId: 'CV-1', text: '**x**\nregel 2' },
      { questionId: 'CV-2', text: '' },
      { questionId: 'CV-3', text: '' },
    ]);
  });

  it('reads duiding answers, dropping values outside the scale', () => {
    const value = {
      [C.scaleInputId('DI-1-01')]: 'sterk',
      [C.toelichtingInputId('DI-1-01')]: '  vaak  ',
      [C.scaleInputId('DI-1-02')]: '7',
      [C.toelichtingInputId('DI-1-02')]: '   ',
    };
    expect(C.readDuidingInputs(value, ['DI-1-01', 'DI-1-02', 'DI-1-03'])).toEqual([
      { questionId: 'DI-1-01', scale: 'sterk', toelichting: 'vaak' },
      { questionId: 'DI-1-02' },
      { questionId: 'DI-1-03' },
    ]);
  });
});
