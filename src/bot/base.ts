// What the core handlers and the feature plugins share: the store, the clock, card context,
// auditing and loading an aanpak from card data. SDK-free like the handlers themselves.
import type { CardContext } from '../cards/index.js';
import type { Store } from '../store/port.js';
import type { Aanpak, AuditEvent, Env, GateContent, Member } from '../workflow/types.js';
import { UserError } from './results.js';

export abstract class AanpakHandlerBase {
  protected constructor(protected readonly base: { store: Store; env: Env }) {}

  protected get store(): Store {
    return this.base.store;
  }

  protected now(): string {
    return this.base.env.now().toISOString();
  }

  /** Ids every card action carries: the aanpak, its version (stale cards) and a fresh nonce. */
  protected ctx(aanpak: Aanpak): CardContext {
    return { aanpakId: aanpak.id, version: aanpak.version, nonce: this.base.env.newId() };
  }

  protected async audit(events: AuditEvent[]): Promise<void> {
    for (const e of events) await this.store.appendAudit(e);
  }

  /** The aanpak a card action names; refused when unknown or destroyed. */
  protected async load(aanpakId: unknown): Promise<Aanpak> {
    if (typeof aanpakId !== 'string' || !aanpakId) throw new UserError('Deze kaart hoort niet (meer) bij een aanpak.');
    const aanpak = await this.store.getAanpak(aanpakId);
    if (!aanpak || aanpak.state === 'vernietigd') throw new UserError('Deze aanpak bestaat niet (meer).');
    return aanpak;
  }

  /** A namenlijst member as gate content: persoon level, tied to that member. */
  protected memberContent(m: Member, authorId: string): GateContent {
    return { ref: `member:${m.id}`, kind: 'namenlijst', level: 'persoon', memberIds: [m.id], authorId };
  }
}
