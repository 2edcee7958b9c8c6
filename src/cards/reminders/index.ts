// Reminder-specific cards: the confirmation that replaces a reminder card after "gedaan" or
// "later". Same pipeline as src/cards (templating, escaping, Submit fallbacks).
import { Template } from 'adaptivecards-templating';
import { ADAPTIVE_CARD_CONTENT_TYPE, addSubmitFallbacks, escapeMarkdown, type CardAttachment } from '../index.js';
import ackTemplate from './reminder-ack.json' with { type: 'json' };

export interface ReminderAckView {
  kind: 'done' | 'snoozed' | 'info';
  title: string;
  /** "Ik herinner je op 12 mrt 2026, 09:00 opnieuw." */
  message: string;
}

const ack = new Template(ackTemplate);

export function renderReminderAckCard(view: ReminderAckView): CardAttachment {
  const expanded = ack.expand({
    $root: { icon: view.kind === 'done' ? '✔' : view.kind === 'snoozed' ? '⏰' : 'ℹ', title: escapeMarkdown(view.title), message: escapeMarkdown(view.message) },
  }) as Record<string, unknown>;
  return { contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: addSubmitFallbacks(expanded) as Record<string, unknown> };
}
