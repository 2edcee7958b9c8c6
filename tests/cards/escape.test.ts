import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as C from '../../src/cards/index.js';
import { escapeMarkdown, unescapeMarkdown } from '../../src/cards/escape.js';
import { parseCard } from './ac.js';
import { inputById, renderedTexts } from './helpers.js';
import * as S from './samples.js';

describe('escapeMarkdown', () => {
  it.each([
    ['**bold**', '\\*\\*bold\\*\\*'],
    ['_italic_', '\\_italic\\_'],
    ['[link](http://x)', '\\[link\\](http://x)'],
    ['<script>alert(1)</script>', '\\<script\\>alert(1)\\</script\\>'],
    ['# heading', '\\# heading'],
    ['- list', '\\- list'],
    ['  + list', '  \\+ list'],
    ['1. eerste', '1\\. eerste'],
    ['12) twaalfde', '12\\) twaalfde'],
    ['> quote', '\\> quote'],
    ['`code`', '\\`code\\`'],
    ['~~weg~~', '\\~\\~weg\\~\\~'],
    ['&amp;', '\\&amp;'],
    ['{{DATE(2026-03-01T10:00:00Z, SHORT)}}', '\\{\\{DATE(2026-03-01T10:00:00Z, SHORT)\\}\\}'],
    ['a\\b', 'a\\\\b'],
    ['eerst\r\n- dan', 'eerst\n\\- dan'],
    ['gewone zin, met 3 woorden. En - streepje', 'gewone zin, met 3 woorden. En - streepje'],
  ])('%j → %j', (input, expected) => {
    expect(escapeMarkdown(input)).toBe(expected);
  });

  it('round-trips: unescaping gives back the text as typed', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-ascii' }), (s) => {
        expect(unescapeMarkdown(escapeMarkdown(s))).toBe(s.replace(/\r\n?/g, '\n'));
      }),
      { numRuns: 500 },
    );
  });

  it('leaves no active markdown character unescaped', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('*', '_', '[', ']', '<', '>', '`', '\\', 'a', ' ', '\n', '#', '-', '1', '.') }), (s) => {
        const out = escapeMarkdown(s);
        // Every inline special must be preceded by an odd number of backslashes.
        for (let i = 0; i < out.length; i++) {
          if ('*_[]<>`'.includes(out[i] as string)) {
            let n = 0;
            while (i - n - 1 >= 0 && out[i - n - 1] === '\\') n++;
            expect(n % 2).toBe(1);
          }
        }
        // No line starts (after indent) with an unescaped heading/list marker.
        for (const line of out.split('\n')) expect(line).not.toMatch(/^\s*([#+=-]|\d+[.)])/);
      }),
      { numRuns: 500 },
    );
  });
});

describe('user text in cards', () => {
  const nasty = '**vet** [link](http://x) <script> # kop';
  const escaped = escapeMarkdown(nasty);

  it('is escaped in every TextBlock it reaches', () => {
    const cards = [
      C.renderRoundCard({ ...S.roundView, closed: true, questions: [{ id: 'CV-1', text: 'Vraag', draft: nasty }] }),
      C.renderWhoAnsweredCard({ ...S.whoAnsweredView, invitees: [{ name: nasty, organisationLabel: 'Politie', status: 'concept' }] }),
      C.renderFlipoverCard({ ...S.flipoverView, groups: [{ organisationLabel: 'Politie', items: [nasty] }], rodeDraad: nasty }),
      C.renderActionCard({ ...S.actionView, actions: [{ ...S.actionView.actions[1]!, text: nasty, result: nasty }] }),
      C.renderNamenlijstCard({ ...S.namenlijstNamenView, members: [{ naam: nasty }] }),
      C.renderNamenlijstCard({ ...S.namenlijstNawView, members: [{ naam: 'Jan', adres: nasty }] }),
      C.renderDeelnemersCard({ ...S.deelnemersView, participants: [{ id: 'p', name: nasty, organisationLabel: 'Politie', roleLabel: 'partner' }] }),
      C.renderGateDeniedCard({ ...S.gateDeniedView, fragments: [{ kindLabel: 'naam', fragment: nasty }] }),
      C.renderReminderCard({ ...S.reminderView, text: nasty }),
      C.renderStepCard({ ...S.stepView, aanpakName: nasty }),
    ];
    for (const card of cards) {
      const texts = renderedTexts(card.content);
      expect(texts.some((t) => t.includes(escaped))).toBe(true);
      expect(texts.some((t) => t.includes(nasty))).toBe(false);
      expect(parseCard(card.content)).toEqual({ events: [], failures: [] });
    }
  });

  it('is not escaped in input values, so drafts come back exactly as typed', () => {
    const card = C.renderRoundCard({ ...S.roundView, questions: [{ id: 'CV-1', text: 'Vraag', draft: nasty }] });
    expect(inputById(card.content, C.answerInputId('CV-1'))?.value).toBe(nasty);
  });
});

describe('template injection', () => {
  const probes = ['${ctx.aanpakId}', '${$root.aanpakName}', "${if(true, 'ja', 'nee')}", '${json($root)}', '$' + '{nonce}'];

  it.each(probes)('user text %j is never evaluated by the templating engine', (probe) => {
    const round = C.renderRoundCard({
      ...S.roundView,
      aanpakName: probe,
      questions: [{ id: 'CV-1', text: probe, draft: probe }],
    });
    // The input value is the literal text; a TextBlock shows it escaped, which unescapes to the literal.
    expect(inputById(round.content, C.answerInputId('CV-1'))?.value).toBe(probe);
    const texts = renderedTexts(round.content);
    expect(texts).toContain(`**CV-1** ${escapeMarkdown(probe)}`);
    expect(texts).toContain(`${escapeMarkdown(probe)} · concept opgeslagen`);
    expect(unescapeMarkdown(escapeMarkdown(probe))).toBe(probe);
    const json = JSON.stringify(round.content);
    expect(json).not.toContain('"Stationsplein"');
    expect(json.match(/nonce-1/g)?.length).toBe(JSON.stringify(C.renderRoundCard(S.roundView).content).match(/nonce-1/g)?.length);

    const closed = C.renderRoundCard({ ...S.roundView, closed: true, questions: [{ id: 'CV-1', text: 'Vraag', draft: probe }] });
    expect(renderedTexts(closed.content)).toContain(escapeMarkdown(probe));

    const who = C.renderWhoAnsweredCard({ ...S.whoAnsweredView, invitees: [{ name: probe, organisationLabel: probe, status: 'verstuurd' }] });
    expect(renderedTexts(who.content).filter((t) => t === escapeMarkdown(probe))).toHaveLength(2);
  });

  it('holds for plain-text choice titles (not markdown-escaped)', () => {
    const probe = '${ctx.nonce}';
    const card = C.renderTransitionCard({ ...S.transitionView, targets: [{ value: '2B', label: probe }] });
    expect((inputById(card.content, 'to') as { choices: { title: string }[] }).choices[0]?.title).toBe(probe);
  });

  it('holds for ids in action data too', () => {
    const probe = '${ctx.nonce}';
    const card = C.renderRoundCard({ ...S.roundView, roundId: probe });
    const data = (card.content.actions as { data: { roundId: string } }[])[0]?.data;
    expect(data?.roundId).toBe(probe);
  });
});
