// The adaptivecards parser, used to validate rendered cards. Its lib/ build is ESM with extension-less
// imports that Node cannot load, so we load the UMD bundle in dist/ (no DOM needed for parsing).
import { createRequire } from 'node:module';
import type * as ACTypes from 'adaptivecards';

const require = createRequire(import.meta.url);
const AC = require('adaptivecards/dist/adaptivecards.js') as typeof ACTypes;

export interface ParseReport {
  events: string[];
  failures: string[];
}

/** Parses a card payload; returns every parse event and validation failure as text. */
export function parseCard(content: unknown): ParseReport {
  const card = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  card.parse(content, context);
  const events: string[] = [];
  for (let i = 0; i < context.eventCount; i++) {
    const e = context.getEventAt(i);
    events.push(`${AC.ValidationEvent[e.event]}: ${e.message}`);
  }
  const failures: string[] = [];
  const results = card.validateProperties();
  for (const e of results.validationEvents) failures.push(`${AC.ValidationEvent[e.event]}: ${e.message}`);
  return { events, failures };
}
