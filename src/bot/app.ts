// Teams glue: a @microsoft/teams-ai Application whose routes turn activities into handler calls
// and hand every result to the outbox. Holds no rule and sends nothing itself.
import { Application, type AdaptiveCard } from '@microsoft/teams-ai';
import { ActivityTypes, MemoryStorage, TeamsInfo, type CloudAdapter, type TurnContext } from 'botbuilder';
import { renderErrorCard, renderHelpCard } from '../cards/index.js';
import { safeError, type Logger } from '../log.js';
import type { Store } from '../store/port.js';
import type { Env } from '../workflow/types.js';
import { Handlers, type RosterMember } from './handlers.js';
import { Outbox } from './outbox.js';
import type { ConversationType, HandlerResult, Turn } from './types.js';

/**
 * A feature module (reminders, plan van aanpak, …) that handles its own commands and card verbs.
 * Returning undefined passes the turn on. Plugins translate and render only; the outbox sends.
 */
export interface BotPlugin {
  name: string;
  command?(turn: Turn, text: string): Promise<HandlerResult | undefined>;
  action?(turn: Turn, verb: string, data: Record<string, unknown>): Promise<HandlerResult | undefined>;
  /** The user's answer to a Teams file consent card (accept with upload info, or decline). */
  fileConsent?(turn: Turn, response: unknown): Promise<HandlerResult | undefined>;
}

export interface BotOptions {
  plugins?: BotPlugin[];
  /** Reads a channel's members (tests inject one; default: Teams' roster API). */
  readRoster?: (context: TurnContext) => Promise<string[]>;
  store: Store;
  env: Env;
  logger: Logger;
  adapter?: CloudAdapter;
  appId?: string;
  gemeente: string;
  afterChange?: (aanpakId: string) => Promise<void>;
}

export interface Bot {
  handler: (context: TurnContext) => Promise<void>;
  outbox: Outbox;
  handlers: Handlers;
}

/** A channel thread is "<channel id>;messageid=<ts>": the aanpak belongs to the channel itself. */
export function baseConversationId(id: string | undefined): string {
  return (id ?? '').split(';')[0]!;
}

export function turnOf(context: TurnContext): Turn {
  const a = context.activity;
  const type = a.conversation?.conversationType;
  const conversationType: ConversationType = type === 'channel' || type === 'groupChat' ? type : 'personal';
  const tenantId = a.conversation?.tenantId ?? (a.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id;
  return {
    actor: {
      aadObjectId: a.from?.aadObjectId || a.from?.id || '',
      name: a.from?.name || 'onbekend',
      ...(a.from?.id ? { teamsUserId: a.from.id } : {}),
    },
    conversationId: baseConversationId(a.conversation?.id),
    conversationType,
    ...(tenantId ? { tenantId } : {}),
  };
}

async function roster(context: TurnContext): Promise<RosterMember[]> {
  if (context.activity.conversation?.conversationType === 'personal') return [];
  try {
    const members = await TeamsInfo.getPagedMembers(context, 200);
    return members.members.map((m) => ({
      aadObjectId: m.aadObjectId ?? m.id,
      teamsUserId: m.id,
      name: m.name ?? '',
      ...(m.email ? { email: m.email } : m.userPrincipalName ? { email: m.userPrincipalName } : {}),
    }));
  } catch {
    return [];
  }
}

/** Strips any leftover <at>…</at> mention and HTML the channel may add around the command. */
export function commandText(raw: string | undefined): string {
  return (raw ?? '')
    .replace(/<at[^>]*>.*?<\/at>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function createBot(options: BotOptions): Bot {
  const log = options.logger.child({ component: 'bot' });
  const handlers = new Handlers({
    store: options.store,
    env: options.env,
    gemeente: options.gemeente,
    ...(options.afterChange ? { afterChange: options.afterChange } : {}),
  });
  const outbox = new Outbox({
    store: options.store,
    env: options.env,
    logger: options.logger,
    appId: options.appId ?? '',
    ...(options.adapter ? { adapter: options.adapter } : {}),
    ...(options.readRoster ? { readRoster: options.readRoster } : {}),
  });
  const app = new Application({
    storage: new MemoryStorage(),
    removeRecipientMention: true,
    startTypingTimer: false,
    longRunningMessages: false,
  });

  const plugins = options.plugins ?? [];

  /** Domain and user errors from a plugin become an error card, like in the core handlers. */
  async function guarded(fn: () => Promise<HandlerResult | undefined> | undefined): Promise<HandlerResult | undefined> {
    try {
      return await fn();
    } catch (err) {
      const r = handlers.fail(err);
      return r;
    }
  }

  async function dispatchAction(context: TurnContext, turn: Turn, verb: string, data: Record<string, unknown>): Promise<HandlerResult> {
    for (const plugin of plugins) {
      const r = await guarded(() => plugin.action?.(turn, verb, data));
      if (r) return r.invoke || r.out.length !== 1 ? r : { out: [], invoke: r.out[0]! };
    }
    return handlers.handleAction(turn, verb, data, verb === 'participant.add' ? await roster(context) : []);
  }

  /** Repeated activity ids (Teams retries) change nothing twice. */
  async function firstTime(context: TurnContext): Promise<boolean> {
    const id = context.activity.id;
    if (!id) return true;
    return options.store.markProcessed(`activity:${context.activity.conversation?.id ?? ''}:${id}`);
  }

  async function run(context: TurnContext, work: (turn: Turn) => Promise<HandlerResult>): Promise<HandlerResult | undefined> {
    const turn = turnOf(context);
    if (!turn.actor.aadObjectId || !turn.conversationId) return undefined;
    await outbox.remember(context, turn);
    return work(turn);
  }

  // Universal Actions (Action.Execute): the returned card replaces the clicked one for the clicker.
  app.adaptiveCards.actionExecute(/.*/, async (context, _state, data): Promise<AdaptiveCard> => {
    const verb = String((context.activity.value as { action?: { verb?: string } } | undefined)?.action?.verb ?? '');
    if (!(await firstTime(context))) return renderErrorCard({ message: 'Dit is al verwerkt.' }).content as AdaptiveCard;
    const turn = turnOf(context);
    try {
      await outbox.remember(context, turn);
      const result = await dispatchAction(context, turn, verb, (data ?? {}) as Record<string, unknown>);
      const card = await outbox.deliver(context, turn, result);
      return (card ?? renderErrorCard({ message: 'Verwerkt.' })).content as AdaptiveCard;
    } catch (err) {
      // A card action always gets an answer card, never a 5xx.
      log.error({ err: safeError(err), verb }, 'card action failed');
      return renderErrorCard({ message: 'Er ging iets mis. Probeer het opnieuw; blijft het misgaan, meld het dan bij de beheerder.' }).content as AdaptiveCard;
    }
  });

  // Teams file consent (production documents): the plugin that offered the file uploads it.
  const onFileConsent = async (context: TurnContext, response: unknown) => {
    if (!(await firstTime(context))) return;
    const turn = turnOf(context);
    for (const plugin of plugins) {
      const r = await guarded(() => plugin.fileConsent?.(turn, response));
      if (r) {
        await outbox.deliver(context, turn, r.invoke ? { out: [...r.out, r.invoke] } : r);
        return;
      }
    }
  };
  app.fileConsentAccept(async (context, _state, response) => onFileConsent(context, response));
  app.fileConsentDecline(async (context, _state, response) => onFileConsent(context, response));

  // Any other invoke (unknown name, unsupported feature): a clear 200 answer instead of 501.
  app.addRoute(
    async (context) => context.activity.type === ActivityTypes.Invoke && context.activity.name !== 'adaptiveCard/action',
    async (context) => {
      await outbox.invokeResponse(context, 200, { message: 'Dit verzoek ken ik niet.' });
    },
    true,
  );

  // Clients without Universal Actions send Action.Submit: data.verb routes it the same way.
  app.adaptiveCards.actionSubmit(/.*/, async (context, _state, data) => {
    if (!(await firstTime(context))) return;
    const verb = String((data as { verb?: unknown }).verb ?? '');
    const result = await run(context, async (turn) => dispatchAction(context, turn, verb, data as Record<string, unknown>));
    if (!result) return;
    const turn = turnOf(context);
    // Without an invoke response, the "replacement" card is sent as a reply.
    await outbox.deliver(context, turn, result.invoke ? { out: [...result.out, result.invoke] } : result);
  });

  app.activity(ActivityTypes.Message, async (context) => {
    if (!(await firstTime(context))) return;
    const text = commandText(context.activity.text);
    const result = await run(context, async (turn) => {
      for (const plugin of plugins) {
        const r = await guarded(() => plugin.command?.(turn, text));
        if (r) return r;
      }
      return handlers.handleMessage(turn, text, []);
    });
    if (result) await outbox.deliver(context, turnOf(context), result);
  });

  app.conversationUpdate('membersAdded', async (context) => {
    const botId = context.activity.recipient?.id;
    const added = context.activity.membersAdded ?? [];
    if (!added.some((m) => m.id === botId)) return;
    await outbox.sendStatic(
      context,
      renderHelpCard({
        commands: [
          { command: 'help', description: 'Wat ik kan.' },
          { command: 'nieuwe aanpak <naam>', description: 'Start een aanpak voor een groep in dit kanaal.' },
        ],
      }),
    );
  });

  app.error(async (context, err) => {
    log.error({ err: safeError(err), activityType: context.activity.type }, 'turn failed');
    try {
      await outbox.sendStatic(context, renderErrorCard({ message: 'Er ging iets mis. Probeer het opnieuw; blijft het misgaan, meld het dan bij de beheerder.' }));
    } catch {
      // The connector is unreachable: nothing more to do for this turn.
    }
  });

  return {
    handler: async (context) => {
      await app.run(context);
    },
    outbox,
    handlers,
  };
}
