import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
  type TurnContext,
} from 'botbuilder';
import type { Config } from '../config.js';
import { safeError, type Logger } from '../log.js';

/** The bot logic for one turn; the bot module supplies the real one. */
export type TurnHandler = (context: TurnContext) => Promise<void>;


/** botframework-connector's BotFrameworkAuthentication (not re-exported by botbuilder). */
export type BotFrameworkAuthentication = NonNullable<ConstructorParameters<typeof CloudAdapter>[0]>;

export type TurnErrorHandler = (context: TurnContext, error: Error) => Promise<void>;

export interface CreateAdapterOptions {
  /**
   * Called after a turn failed. The default only logs (without content): replies to the user
   * go through the outbox, so the bot module supplies a handler that uses it.
   */
  onTurnError?: TurnErrorHandler;
  /** Overrides the Bot Framework authentication (tests). */
  auth?: BotFrameworkAuthentication;
}

/**
 * Production: every inbound activity must carry a valid Bot Framework JWT for MicrosoftAppId;
 * CloudAdapter answers 401 otherwise and runs no logic.
 *
 * Local: no app id, so botframework-connector's credential factory reports
 * `isAuthenticationDisabled()` (PasswordServiceClientCredentialFactory: app id empty) and
 * `JwtTokenValidation_authenticateRequest` returns an anonymous ClaimsIdentity without looking
 * at the Authorization header; outbound calls use `MicrosoftAppCredentials.Empty` (no token).
 * This is what the Agents Playground and the Bot Framework Emulator expect.
 */
export function createBotFrameworkAuthentication(config: Config): BotFrameworkAuthentication {
  if (config.mode === 'local') {
    return new ConfigurationBotFrameworkAuthentication({}, new ConfigurationServiceClientCredentialFactory({}));
  }
  const settings = {
    MicrosoftAppId: config.bot.appId,
    MicrosoftAppPassword: config.bot.appPassword,
    MicrosoftAppTenantId: config.bot.tenantId,
    MicrosoftAppType: config.bot.appType,
  };
  return new ConfigurationBotFrameworkAuthentication(settings, new ConfigurationServiceClientCredentialFactory(settings));
}

export function createBotAdapter(config: Config, logger: Logger, options: CreateAdapterOptions = {}): CloudAdapter {
  const adapter = new CloudAdapter(options.auth ?? createBotFrameworkAuthentication(config));
  const log = logger.child({ component: 'adapter' });
  adapter.onTurnError = async (context, error) => {
    // Ids only: the activity's text, value and attachments never reach the log.
    log.error(
      {
        err: safeError(error),
        activityId: context.activity.id,
        activityType: context.activity.type,
        conversationId: context.activity.conversation?.id,
        channelId: context.activity.channelId,
      },
      'turn failed',
    );
    if (options.onTurnError) {
      try {
        await options.onTurnError(context, error);
      } catch (inner) {
        log.error({ err: safeError(inner) }, 'turn error handler failed');
      }
    }
  };
  return adapter;
}
