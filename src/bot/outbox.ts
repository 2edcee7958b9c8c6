// The outbox: the ONLY module that sends to Teams (replies, channel posts, 1:1 proactive
// messages, invoke responses). Every message passes the gate for its real audience first; every
// decision is audited; nothing denied is sent, and the sender gets the reason in their own chat.
import { TeamsInfo, TurnContext, type Activity, type CloudAdapter, type ConversationReference } from 'botbuilder';
import { renderErrorCard, renderGateDeniedCard, type CardAttachment } from '../cards/index.js';
import { safeError, type Logger } from '../log.js';
import type { Store } from '../store/port.js';
import { activeParticipants, findParticipant, participantByAad } from '../workflow/aanpak.js';
import { blockedRecipients, decide, gateAuditEvent } from '../workflow/gate.js';
import { createScreener } from '../workflow/screening.js';
import type { Aanpak, Env, GateDecision, GateReason, Recipient } from '../workflow/types.js';
import type { FileAttachment, HandlerResult, Outgoing, Turn } from './types.js';

export interface OutboxDeps {
  store: Store;
  env: Env;
  logger: Logger;
  adapter?: CloudAdapter;
  /** MicrosoftAppId ('' in local mode). */
  appId: string;
  /** Reads a conversation's members (AAD object ids); defaults to Teams' paged members API. */
  readRoster?: (context: TurnContext) => Promise<string[]>;
}

/** Teams' roster of the conversation of a turn (channel or group chat). */
export async function teamsRoster(context: TurnContext): Promise<string[]> {
  const aad: string[] = [];
  let token: string | undefined;
  for (let page = 0; page < 20; page++) {
    const r = await TeamsInfo.getPagedMembers(context, 500, token);
    for (const m of r.members) aad.push(m.aadObjectId ?? m.id);
    token = r.continuationToken;
    if (!token) break;
  }
  return aad;
}

export interface Delivery {
  label: string;
  outcome: 'sent' | 'denied' | 'unreachable' | 'failed';
  recipients: number;
}

const CHANNEL_REF_PREFIX = 'conv:';
const ROSTER_TTL_MS = 5 * 60_000;
/** The observer that stands for "Teams could not tell who is in this channel". */
export const UNKNOWN_READER = '';

export function channelRefKey(conversationId: string): string {
  return `${CHANNEL_REF_PREFIX}${conversationId}`;
}

function cardActivity(card: CardAttachment | FileAttachment): Partial<Activity> {
  return { type: 'message', attachments: [card] };
}

export class Outbox {
  private readonly log: Logger;
  /** Conversation references already stored by this process (key → JSON). */
  private readonly known = new Map<string, string>();
  /** Channel rosters (AAD object ids) seen in recent turns: who really reads a channel post. */
  private readonly rosters = new Map<string, { at: number; aad: string[] }>();

  constructor(private readonly deps: OutboxDeps) {
    this.log = deps.logger.child({ component: 'outbox' });
  }

  /** Remembers how to reach a conversation later (1:1 per user, channel per conversation id). */
  async remember(context: TurnContext, turn: Turn): Promise<void> {
    // Only the stable parts: no activity id, and a channel's own id (a new post, not a thread reply).
    const { activityId: _activityId, ...ref } = TurnContext.getConversationReference(context.activity);
    if (turn.conversationType !== 'personal' && ref.conversation) ref.conversation = { ...ref.conversation, id: turn.conversationId };
    const key = turn.conversationType === 'personal' ? turn.actor.aadObjectId : channelRefKey(turn.conversationId);
    const json = JSON.stringify(ref);
    if (this.known.get(key) === json) return; // unchanged: no write on every turn
    await this.deps.store.saveConversationRef(key, ref);
    if (this.known.size > 10_000) this.known.clear();
    this.known.set(key, json);
  }

  /** Sends a handler result; returns the gated invoke card (or undefined). */
  async deliver(context: TurnContext, turn: Turn, result: HandlerResult): Promise<CardAttachment | undefined> {
    for (const msg of result.out) await this.send(context, turn, msg);
    if (!result.invoke) return undefined;
    return this.gateInvoke(turn, result.invoke);
  }

  /** An invoke response goes to the interactor only. */
  private async gateInvoke(turn: Turn, msg: Outgoing): Promise<CardAttachment> {
    // An invoke response is always an Adaptive Card (a file card goes out as a message instead).
    if (msg.card.contentType !== 'application/vnd.microsoft.card.adaptive') return renderErrorCard({ message: 'Verwerkt.' });
    if (!msg.aanpakId || msg.contents.length === 0) return msg.card;
    const aanpak = await this.deps.store.getAanpak(msg.aanpakId);
    const me = aanpak && participantByAad(aanpak, turn.actor.aadObjectId);
    if (!aanpak || !me) return renderErrorCard({ message: 'Je doet niet (meer) mee aan deze aanpak.' });
    const denied = await this.check(aanpak, msg, [{ kind: 'participant', participantId: me.id }], me.id);
    if (!denied) return msg.card;
    return this.deniedCard(aanpak, msg, denied.reasons);
  }

  /**
   * The members of the aanpak's channel (AAD object ids), read from Teams: in a turn of that
   * channel directly, otherwise through the stored channel reference; kept for five minutes.
   * Undefined when Teams cannot tell (no reference, connector unreachable).
   */
  private async channelRoster(context: TurnContext | undefined, channelId: string): Promise<string[] | undefined> {
    const now = this.deps.env.now().getTime();
    const cached = this.rosters.get(channelId);
    if (cached && now - cached.at < ROSTER_TTL_MS) return cached.aad;
    const read = this.deps.readRoster ?? teamsRoster;
    let aad: string[] | undefined;
    try {
      const a = context?.activity;
      if (a && a.conversation?.conversationType !== 'personal' && (a.conversation?.id ?? '').split(';')[0] === channelId) {
        aad = await read(context!);
      } else {
        const ref = (await this.deps.store.getConversationRef(channelRefKey(channelId))) as Partial<ConversationReference> | undefined;
        if (ref && this.deps.adapter) {
          await this.deps.adapter.continueConversationAsync(this.deps.appId, ref, async (ctx) => {
            aad = await read(ctx);
          });
        }
      }
    } catch {
      aad = undefined;
    }
    if (!aad) return cached?.aad;
    this.rosters.set(channelId, { at: now, aad });
    return aad;
  }

  /**
   * Channel members who are not active participants may see group level only. When the roster
   * cannot be read, the channel counts as having an unknown reader: group level only as well.
   */
  private async observers(context: TurnContext | undefined, aanpak: Aanpak): Promise<Recipient[]> {
    const roster = await this.channelRoster(context, aanpak.channelId);
    if (!roster) return [{ kind: 'observer', aadObjectId: UNKNOWN_READER }];
    const members = new Set(activeParticipants(aanpak).map((p) => p.aadObjectId));
    return roster.filter((aad) => !members.has(aad)).map((aad) => ({ kind: 'observer', aadObjectId: aad }));
  }

  /** Resolves the real audience of a message. */
  private async audience(aanpak: Aanpak, turn: Turn | undefined, msg: Outgoing, context?: TurnContext): Promise<Recipient[]> {
    const everyone = async (): Promise<Recipient[]> => [
      ...activeParticipants(aanpak).map((p): Recipient => ({ kind: 'participant', participantId: p.id })),
      ...(await this.observers(context, aanpak)),
    ];
    switch (msg.to.kind) {
      case 'channel':
        return everyone();
      case 'direct':
        return [{ kind: 'participant', participantId: msg.to.participantId }];
      case 'reply': {
        if (!turn || turn.conversationType !== 'personal') return everyone();
        const me = participantByAad(aanpak, turn.actor.aadObjectId);
        // A non-participant reading in 1:1 is an audience the gate must refuse.
        return [{ kind: 'participant', participantId: me?.id ?? `aad:${turn.actor.aadObjectId}` }];
      }
    }
  }

  /** Gates every content of a message; audits each decision; returns the first blocking decision. */
  private async check(aanpak: Aanpak, msg: Outgoing, audience: Recipient[], actorId: string): Promise<GateDecision | undefined> {
    const screener = createScreener(await this.deps.store.listMembers(aanpak.id));
    const ctx = { aanpak, screener, ...(msg.purpose ? { purpose: msg.purpose } : {}) };
    const at = this.deps.env.now().toISOString();
    const decisions = msg.contents.map((content) => ({ content, decision: decide(content, ctx, audience) }));
    const blocking = decisions.find((d) => d.decision.outcome !== 'allow')?.decision;
    // One refused item stops the whole message: the audit says whether the item was really sent,
    // so an inzage export does not list recipients of a message that was stopped.
    for (const { content, decision } of decisions) {
      const event = gateAuditEvent(decision, content, actorId, audience, at, aanpak.id);
      await this.deps.store.appendAudit({ ...event, data: { ...event.data, released: !blocking } });
    }
    return blocking;
  }

  private deniedCard(aanpak: Aanpak, msg: Outgoing, reasons: GateReason[]): CardAttachment {
    return renderGateDeniedCard({
      subjectLabel: `Bericht "${msg.label}"`,
      aanpakName: aanpak.name,
      fragments: [],
      reasons: reasons.map((r) => ({ ruleId: r.ruleId, message: r.message })),
    });
  }

  /**
   * Sends without an inbound turn (scheduler, reminders): channel posts and 1:1 messages through
   * stored conversation references, gated and audited like every other message.
   */
  async sendProactive(msg: Outgoing, actor = 'system'): Promise<Delivery> {
    if (msg.to.kind === 'reply') throw new Error('a proactive message needs a channel or direct destination');
    if (!msg.aanpakId) return this.report(msg, 'failed', 0);
    const aanpak = await this.deps.store.getAanpak(msg.aanpakId);
    if (!aanpak) return this.report(msg, 'failed', 0);
    const audience = await this.audience(aanpak, undefined, msg);
    if (msg.contents.length > 0) {
      const blocking = await this.check(aanpak, msg, audience, actor);
      if (blocking) return this.report(msg, 'denied', audience.length, blocking);
    }
    const activity = cardActivity(msg.card);
    try {
      let sent = false;
      if (msg.to.kind === 'channel') sent = await this.proactive(channelRefKey(aanpak.channelId), activity);
      else {
        const p = findParticipant(aanpak, msg.to.participantId);
        sent = !!p && (await this.proactive(p.aadObjectId, activity));
      }
      return this.report(msg, sent ? 'sent' : 'unreachable', sent ? 1 : 0);
    } catch (err) {
      this.log.error({ label: msg.label, err: safeError(err) }, 'send failed');
      return this.report(msg, 'failed', 0);
    }
  }

  async send(context: TurnContext, turn: Turn, msg: Outgoing): Promise<Delivery> {
    let aanpak: Aanpak | undefined;
    if (msg.aanpakId) {
      aanpak = await this.deps.store.getAanpak(msg.aanpakId);
      if (!aanpak) return this.report(msg, 'failed', 0);
    } else if (msg.contents.length > 0) {
      // Content without an aanpak cannot be gated: refuse rather than guess.
      this.log.error({ label: msg.label }, 'content without aanpak refused');
      return this.report(msg, 'denied', 0);
    }
    if (aanpak && msg.contents.length > 0) {
      const audience = await this.audience(aanpak, turn, msg, context);
      const actor = participantByAad(aanpak, turn.actor.aadObjectId);
      const blocking = await this.check(aanpak, msg, audience, actor?.id ?? `aad:${turn.actor.aadObjectId}`);
      if (blocking) {
        await this.notifySender(context, turn, aanpak, msg, blocking);
        return this.report(msg, 'denied', audience.length, blocking);
      }
    }
    try {
      const sent = await this.transmit(context, turn, msg, aanpak);
      return this.report(msg, sent ? 'sent' : 'unreachable', 1);
    } catch (err) {
      this.log.error({ label: msg.label, err: safeError(err) }, 'send failed');
      return this.report(msg, 'failed', 0);
    }
  }

  private report(msg: Outgoing, outcome: Delivery['outcome'], recipients: number, decision?: GateDecision): Delivery {
    this.log.info(
      { label: msg.label, aanpakId: msg.aanpakId, outcome, recipients, ...(decision ? { ruleIds: decision.reasons.map((r) => r.ruleId), blocked: blockedRecipients(decision).length } : {}) },
      'outbound',
    );
    return { label: msg.label, outcome, recipients };
  }

  /** The sender hears why, in their own 1:1 chat (or as reply when already in 1:1). */
  private async notifySender(context: TurnContext, turn: Turn, aanpak: Aanpak, msg: Outgoing, decision: GateDecision): Promise<void> {
    const card = this.deniedCard(aanpak, msg, decision.reasons);
    if (turn.conversationType === 'personal') {
      await context.sendActivity(cardActivity(card));
      return;
    }
    const ref = await this.deps.store.getConversationRef(turn.actor.aadObjectId);
    if (ref && this.deps.adapter) {
      await this.deps.adapter.continueConversationAsync(this.deps.appId, ref as Partial<ConversationReference>, async (ctx) => {
        await ctx.sendActivity(cardActivity(card));
      });
      return;
    }
    // No 1:1 chat known: a content-free notice in place (reasons only, no content).
    await context.sendActivity(cardActivity(card));
  }

  private async transmit(context: TurnContext, turn: Turn, msg: Outgoing, aanpak: Aanpak | undefined): Promise<boolean> {
    const activity = cardActivity(msg.card);
    if (msg.to.kind === 'reply') {
      await context.sendActivity(activity);
      return true;
    }
    if (!aanpak) return false;
    if (msg.to.kind === 'channel') {
      if ((context.activity.conversation?.id ?? '').split(';')[0] === aanpak.channelId) {
        await context.sendActivity(activity);
        return true;
      }
      return this.proactive(channelRefKey(aanpak.channelId), activity);
    }
    const p = findParticipant(aanpak, msg.to.participantId);
    if (!p) return false;
    if (turn.conversationType === 'personal' && turn.actor.aadObjectId === p.aadObjectId) {
      await context.sendActivity(activity);
      return true;
    }
    if (await this.proactive(p.aadObjectId, activity)) return true;
    return this.createPersonal(context, p.aadObjectId, activity);
  }

  private async proactive(refKey: string, activity: Partial<Activity>): Promise<boolean> {
    const ref = (await this.deps.store.getConversationRef(refKey)) as Partial<ConversationReference> | undefined;
    if (!ref || !this.deps.adapter) return false;
    await this.deps.adapter.continueConversationAsync(this.deps.appId, ref, async (ctx) => {
      await ctx.sendActivity(activity);
    });
    return true;
  }

  /** No stored 1:1 reference: create the personal conversation from the team or chat roster. */
  private async createPersonal(context: TurnContext, aadObjectId: string, activity: Partial<Activity>): Promise<boolean> {
    const adapter = this.deps.adapter;
    const a = context.activity;
    if (!adapter || !a?.serviceUrl || a.conversation?.conversationType === 'personal') return false;
    let memberId: string;
    try {
      memberId = (await TeamsInfo.getMember(context, aadObjectId)).id;
    } catch {
      return false;
    }
    const tenantId = a.conversation?.tenantId ?? (a.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id;
    await adapter.createConversationAsync(
      this.deps.appId,
      a.channelId ?? 'msteams',
      a.serviceUrl,
      'https://api.botframework.com',
      { isGroup: false, bot: a.recipient, members: [{ id: memberId, name: '' }], tenantId, channelData: { tenant: { id: tenantId } } } as never,
      async (ctx) => {
        await this.deps.store.saveConversationRef(aadObjectId, TurnContext.getConversationReference(ctx.activity));
        await ctx.sendActivity(activity);
      },
    );
    return true;
  }

  /** The HTTP answer to an invoke the bot does not handle (no content). */
  async invokeResponse(context: TurnContext, status: number, body: object): Promise<void> {
    await context.sendActivity({ type: 'invokeResponse', value: { status, body } });
  }

  /** A reply that carries no aanpak content (help, errors, welcome). */
  async sendStatic(context: TurnContext, card: CardAttachment): Promise<void> {
    await context.sendActivity(cardActivity(card));
  }
}
