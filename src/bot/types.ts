// SDK-free shapes between the Teams glue (app.ts, outbox.ts) and the handlers. Handlers turn a
// Turn into workflow commands and workflow results into Outgoing messages; they never send.
import type { CardAttachment } from '../cards/index.js';
import type { GateContext } from '../workflow/gate.js';
import type { GateContent } from '../workflow/types.js';

export type ConversationType = 'personal' | 'channel' | 'groupChat';

export interface Actor {
  aadObjectId: string;
  name: string;
  /** Teams user id (29:…), when known. */
  teamsUserId?: string;
}

export interface Turn {
  actor: Actor;
  conversationId: string;
  conversationType: ConversationType;
  tenantId?: string;
}

export type Destination =
  /** The conversation of the current turn (channel, group chat or 1:1). */
  | { kind: 'reply' }
  /** The aanpak's shared channel. */
  | { kind: 'channel'; aanpakId: string }
  /** A participant's 1:1 chat with the bot. */
  | { kind: 'direct'; aanpakId: string; participantId: string };

/** A Teams attachment other than an Adaptive Card (file consent card, file info card). */
export interface FileAttachment {
  contentType: 'application/vnd.microsoft.teams.card.file.consent' | 'application/vnd.microsoft.teams.card.file.info';
  name: string;
  content: Record<string, unknown>;
  contentUrl?: string;
}

export interface Outgoing {
  to: Destination;
  card: CardAttachment | FileAttachment;
  /** The aanpak whose content this message carries (required when contents is non-empty). */
  aanpakId?: string;
  /** Every piece of aanpak content in the card, with its level: the outbox gates each one. */
  contents: GateContent[];
  /** Content-free description for logs and for the sender's notice ("flipover CV-1"). */
  label: string;
  /** Passed to the gate (e.g. 'inzage' for a rights request on an inactief dossier). */
  purpose?: GateContext['purpose'];
}

export interface HandlerResult {
  /** Messages to send, each through the gate. */
  out: Outgoing[];
  /** Card that replaces the clicked card for the interactor (Action.Execute), also gated. */
  invoke?: Outgoing;
}

export const EMPTY: HandlerResult = { out: [] };
