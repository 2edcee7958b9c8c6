// Small builders shared by the handlers and the feature plugins: outgoing messages and user errors.
import { renderErrorCard, type CardAttachment } from '../cards/index.js';
import type { GateContent } from '../workflow/types.js';
import type { HandlerResult, Outgoing } from './types.js';

/** A user-facing problem: shown as an error card in the user's own conversation. */
export class UserError extends Error {
  constructor(
    readonly userMessage: string,
    readonly ruleIds: string[] = [],
  ) {
    super(userMessage);
    this.name = 'UserError';
  }
}

/** A reply in the conversation of the turn, carrying the given contents for the gate. */
export function reply(card: CardAttachment, label: string, aanpakId?: string, contents: GateContent[] = []): Outgoing {
  return { to: { kind: 'reply' }, card, label, contents, ...(aanpakId ? { aanpakId } : {}) };
}

export function errorResult(message: string, ruleIds: string[] = []): HandlerResult {
  return { out: [reply(renderErrorCard({ message, ...(ruleIds.length ? { ruleIds } : {}) }), 'error')] };
}
