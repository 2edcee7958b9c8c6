// Baseline for `npm run bench:turn`: an echo bot on the same stack as Groepsaanpak (express 5 +
// CloudAdapter in local mode + a teams-ai Application, same body limit), without any of our logic.
// Messages are echoed as text; an Action.Execute invoke is answered with a small card.
import express, { type NextFunction, type Request, type Response } from 'express';
import { Application, type AdaptiveCard } from '@microsoft/teams-ai';
import {
  ActivityTypes,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
  MemoryStorage,
} from 'botbuilder';

export interface EchoServerOptions {
  /** express/body-parser size string; the bench passes our bot's configured BODY_LIMIT. */
  bodyLimit: string;
  /** Extra routes/middleware registered before /api/messages (the bench's timing hooks). */
  routes?: (app: express.Express) => void;
}

/** Local mode like src/bot/adapter.ts: no app id, so no token checks in or out. */
export function createEchoAdapter(): CloudAdapter {
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}, new ConfigurationServiceClientCredentialFactory({})));
  adapter.onTurnError = async (context, error) => {
    console.error(JSON.stringify({ level: 50, msg: 'echo turn failed', err: error.message, activityType: context.activity.type }));
  };
  return adapter;
}

/** The teams-ai Application with the same options as src/bot/app.ts. */
export function createEchoApplication(): Application {
  const app = new Application({
    storage: new MemoryStorage(),
    removeRecipientMention: true,
    startTypingTimer: false,
    longRunningMessages: false,
  });
  app.activity(ActivityTypes.Message, async (context) => {
    await context.sendActivity(context.activity.text ?? '');
  });
  app.adaptiveCards.actionExecute(/.*/, async (context): Promise<AdaptiveCard> => {
    const verb = String((context.activity.value as { action?: { verb?: string } } | undefined)?.action?.verb ?? '');
    return {
      type: 'AdaptiveCard',
      version: '1.5',
      body: [{ type: 'TextBlock', text: `Ontvangen: ${verb}`, wrap: true }],
    } as AdaptiveCard;
  });
  return app;
}

export function createEchoServer(options: EchoServerOptions): express.Express {
  const adapter = createEchoAdapter();
  const bot = createEchoApplication();
  const app = express();
  app.disable('x-powered-by');
  options.routes?.(app);
  app.post(
    '/api/messages',
    express.json({ limit: options.bodyLimit }),
    (req: Request, res: Response, next: NextFunction) => {
      const body: unknown = req.body;
      if (body === null || typeof body !== 'object' || typeof (body as { type?: unknown }).type !== 'string') {
        res.status(400).json({ error: 'invalid_activity' });
        return;
      }
      next();
    },
    async (req: Request, res: Response) => {
      await adapter.process(req, res, (context) => bot.run(context).then(() => undefined));
    },
  );
  return app;
}
