// The reminder cards under src/cards/reminders pass the Adaptive Cards parser, and reminder cards
// rendered by the scheduler carry the verbs and the open action.
import { describe, expect, it } from 'vitest';
import { renderReminderAckCard } from '../../src/cards/reminders/index.js';
import { renderReminder } from '../../src/scheduler/render.js';
import { monitoringSchedule } from '../../src/workflow/schedule.js';
import { atLocalTime } from '../../src/workflow/time.js';
import { parseCard } from '../cards/ac.js';
import { CONFIG, actionFixture, aanpakFixture, roundFixture } from './helpers.js';

describe('reminder cards', () => {
  it('the confirmation card parses without events and escapes markdown', () => {
    for (const kind of ['done', 'snoozed', 'info'] as const) {
      const card = renderReminderAckCard({ kind, title: 'Later', message: 'Ik herinner je op *12 mei* opnieuw.' });
      expect(parseCard(card.content)).toEqual({ events: [], failures: [] });
      expect(JSON.stringify(card.content)).toContain('\\\\*12 mei\\\\*');
    }
  });

  it('scheduler reminder cards parse and carry gedaan, later (1 dag / 1 week) and the open action', () => {
    const aanpak = aanpakFixture();
    const input = { aanpak, members: [], actions: [actionFixture('act1')], rounds: [roundFixture('r1')], answersByRound: { r1: [] }, config: CONFIG, now: atLocalTime('2026-05-01', '10:00') };
    const items = monitoringSchedule(input);
    let rendered = 0;
    for (const item of items) {
      for (const msg of renderReminder({ item, aanpak, input, reminderId: 'rem-1', now: new Date(item.dueAt), late: false })) {
        rendered += 1;
        expect(parseCard(msg.card.content).failures).toEqual([]);
        const json = JSON.stringify(msg.card.content);
        if (item.kind === 'round-deadline') continue; // the who-has-answered card
        expect(json).toContain('"verb":"reminder.done"');
        expect(json).toContain('"days":1');
        expect(json).toContain('"days":7');
        if (item.kind === 'action-reminder') expect(json).toMatch(/"verb":"card.open","data":\{[^}]*"card":"actions"/);
      }
    }
    expect(rendered).toBeGreaterThanOrEqual(8);
  });

  it('a reminder delivered late tells the truth: deadline passed, days on the namenlijst counted', () => {
    const aanpak = aanpakFixture();
    const input = { aanpak, members: [], actions: [actionFixture('act1')], rounds: [], answersByRound: {}, config: CONFIG, now: atLocalTime('2026-05-01', '10:00') };
    const item = monitoringSchedule(input).find((i) => i.kind === 'action-reminder')!;
    const onTime = renderReminder({ item, aanpak, input, reminderId: 'rem-1', now: new Date(item.dueAt), late: false });
    expect(JSON.stringify(onTime[0]!.card.content)).toContain('werkdagen');
    const late = renderReminder({ item, aanpak, input, reminderId: 'rem-1', now: new Date(new Date(item.dueAt).getTime() + 30 * 86_400_000), late: true });
    const json = JSON.stringify(late[0]!.card.content);
    expect(json).toContain('deadline verstreken');
    expect(json).not.toContain('werkdagen');
  });
});
