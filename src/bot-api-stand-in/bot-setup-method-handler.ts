import { BotApiError } from './bot-api-error';
import type { MethodContext, MethodTable } from './bot-api-method.types';
import type { ParamReader } from './param-reader';
import type { TgBotCommand, TgUpdate, TgUser, TgWebhookInfo } from './telegram-objects.types';
import type { UpdateDispatcher } from './update-dispatcher';
import type { UpdateQueue } from './update-queue';

const MAX_UPDATES_PAGE = 100;

/** The bot's own setup: identity, commands, webhook, and fetching updates. */
export class BotSetupMethodHandler {
  private readonly commandSets = new Map<string, TgBotCommand[]>();

  constructor(
    private readonly dispatcher: UpdateDispatcher,
    private readonly queue: UpdateQueue,
  ) {}

  methods(): MethodTable {
    return {
      getMe: ({ bot }) => this.getMe(bot),
      setMyCommands: (context) => this.setMyCommands(context),
      getMyCommands: ({ reader }) => this.commands(reader.optionalObject('scope'), reader.optionalString('language_code')),
      deleteMyCommands: ({ reader }) => this.deleteMyCommands(reader),
      setWebhook: ({ reader }) => this.setWebhook(reader),
      deleteWebhook: ({ reader }) => this.deleteWebhook(reader),
      getWebhookInfo: () => this.getWebhookInfo(),
      getUpdates: ({ reader }) => this.getUpdates(reader),
    };
  }

  /** Commands stored for a scope and language ("" = all languages). */
  commands(scope?: Record<string, unknown>, languageCode?: string): TgBotCommand[] {
    return structuredClone(this.commandSets.get(commandKey(scope, languageCode)) ?? []);
  }

  clearCommands(): void {
    this.commandSets.clear();
  }

  private getMe(bot: TgUser): TgUser {
    return {
      ...bot,
      can_join_groups: true,
      can_read_all_group_messages: false,
      supports_inline_queries: false,
      can_connect_to_business: false,
      has_main_web_app: false,
    };
  }

  private setMyCommands({ reader }: MethodContext): boolean {
    const commands = reader.optionalArray('commands');
    if (!commands) throw BotApiError.badRequest('parameter "commands" is required');
    const key = commandKey(reader.optionalObject('scope'), reader.optionalString('language_code'));
    if (commands.length) this.commandSets.set(key, structuredClone(commands) as TgBotCommand[]);
    else this.commandSets.delete(key);
    return true;
  }

  private deleteMyCommands(reader: ParamReader): boolean {
    this.commandSets.delete(commandKey(reader.optionalObject('scope'), reader.optionalString('language_code')));
    return true;
  }

  private setWebhook(reader: ParamReader): boolean {
    const url = reader.optionalString('url') ?? '';
    const dropPending = reader.boolean('drop_pending_updates', false);
    if (!url) {
      this.dispatcher.deleteWebhook(dropPending);
      return true;
    }
    if (!isWebhookUrl(url)) throw BotApiError.badRequest('bad webhook: An HTTP(S) URL must be provided for webhook');
    this.dispatcher.setWebhook(
      {
        url,
        secretToken: reader.optionalString('secret_token'),
        maxConnections: reader.optionalInteger('max_connections'),
        ipAddress: reader.optionalString('ip_address'),
      },
      this.allowedUpdates(reader),
      dropPending,
    );
    return true;
  }

  private deleteWebhook(reader: ParamReader): boolean {
    this.dispatcher.deleteWebhook(reader.boolean('drop_pending_updates', false));
    return true;
  }

  private getWebhookInfo(): TgWebhookInfo {
    return this.dispatcher.webhookInfo();
  }

  private getUpdates(reader: ParamReader): Promise<TgUpdate[]> {
    if (this.dispatcher.webhook) {
      throw BotApiError.conflict(
        "can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
      );
    }
    this.dispatcher.setAllowedUpdates(this.allowedUpdates(reader));
    const limit = Math.min(MAX_UPDATES_PAGE, Math.max(1, reader.optionalInteger('limit') ?? MAX_UPDATES_PAGE));
    return this.queue.take({
      offset: reader.optionalInteger('offset'),
      limit,
      timeoutSeconds: Math.max(0, reader.optionalInteger('timeout') ?? 0),
    });
  }

  private allowedUpdates(reader: ParamReader): string[] | undefined {
    const allowed = reader.optionalArray('allowed_updates');
    return allowed?.filter((type): type is string => typeof type === 'string');
  }
}

function commandKey(scope: Record<string, unknown> | undefined, languageCode: string | undefined): string {
  const scopeKey = scope ? [scope.type ?? 'default', scope.chat_id ?? '', scope.user_id ?? ''].join(':') : 'default::';
  return `${scopeKey}|${languageCode ?? ''}`;
}

function isWebhookUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}
