import { describe, expect, it } from 'vitest';
import { renderPlanDiffCard, renderPlanSectionCard } from '../../src/cards/plan/index.js';
import { parseCard } from '../cards/ac.js';

const ctx = { aanpakId: 'a1', version: 3, nonce: 'n1' };

describe('plan cards parse with the adaptivecards parser', () => {
  it('section cards: risico, SMART goals, actions and goal results; texts are escaped', () => {
    const base = { ctx, aanpakName: 'Station*plein', versionLabel: 'Versie 2', title: 'Duiding', guidance: ['[klik](https://x)'], text: '# kop', level: 'groep' };
    const cards = [
      renderPlanSectionCard({ ...base, sectionId: 'probleemanalyse.duiding', risico: { value: 'hoog risico' } }),
      renderPlanSectionCard({ ...base, sectionId: 'doelstellingen', goals: [{ id: 'doel-1', text: 'a', indicator: 'b', target: 'c', date: '2026-12-31' }] }),
      renderPlanSectionCard({ ...base, sectionId: 'plan_van_aanpak.groep', actions: { choices: [{ id: 'x1', label: 'Ouderavond' }], selected: ['x1'] } }),
      renderPlanSectionCard({ ...base, sectionId: 'evaluatie.doelen', goalResults: [{ goalId: 'doel-1', label: 'Doel 1', value: 'deels' }] }),
    ];
    for (const c of cards) expect(parseCard(c.content).failures).toEqual([]);
    const json = JSON.stringify(cards[1]!.content);
    expect(json).toContain('goal.text.2'); // one existing goal plus the empty rows
    expect(json).not.toContain('[klik](https://x)');
    expect(JSON.stringify(cards[0]!.content)).toContain('"value":"# kop"'); // input values stay as typed
  });

  it('diff card', () => {
    const card = renderPlanDiffCard({
      aanpakName: 'Stationsplein',
      fromLabel: 'Versie 4',
      toLabel: 'Versie 6',
      changes: [{ title: 'Aanleiding', statusLabel: 'gewijzigd', fieldsLabel: 'Gewijzigd: text', lines: ['+ Nu ook in het park.'] }],
    });
    expect(parseCard(card.content).failures).toEqual([]);
    expect(JSON.stringify(card.content)).toContain('Nu ook in het park');
  });
});
