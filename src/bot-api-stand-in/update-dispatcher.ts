import type { DeliveryReport } from './stand-in-api.types';
import type { TgUpdate, TgWebhookInfo } from './telegram-objects.types';
import type { UpdateQueue } from './update-queue';
import type { WebhookClient, WebhookResponse } from './webhook-client';

export interface WebhookConfig {
  url: string;
  secretToken?: string;
  maxConnections?: number;
  ipAddress?: string;
  lastErrorDate?: number;
  lastErrorMessage?: string;
}

export type WebhookReplyExecutor = (reply: Record<string, unknown>) => Promise<void>;

const EXCLUDED_BY_DEFAULT = new Set(['chat_member', 'message_reaction', 'message_reaction_count']);

/** Routes updates to the webhook when one is set, otherwise to the getUpdates queue, honouring allowed_updates. */
export class UpdateDispatcher {
  private webhookConfig: WebhookConfig | null = null;
  private webhookRedirect: string | null = null;
  private allowedUpdates: string[] | null = null;
  private lastUpdateId: number;
  private executeReply: WebhookReplyExecutor = async () => undefined;

  constructor(
    private readonly queue: UpdateQueue,
    private readonly client: WebhookClient,
    firstUpdateId: number,
    private readonly nowSeconds: () => number,
  ) {
    this.lastUpdateId = firstUpdateId - 1;
  }

  onWebhookReply(executor: WebhookReplyExecutor): void {
    this.executeReply = executor;
  }

  nextUpdateId(): number {
    this.lastUpdateId += 1;
    return this.lastUpdateId;
  }

  /** The last update_id given out, so that a restarted stand-in goes on after it. */
  get lastId(): number {
    return this.lastUpdateId;
  }

  continueAfter(updateId: number): void {
    this.lastUpdateId = Math.max(this.lastUpdateId, updateId);
  }

  get webhook(): WebhookConfig | null {
    return this.webhookConfig && { ...this.webhookConfig };
  }

  get allowed(): string[] | null {
    return this.allowedUpdates && [...this.allowedUpdates];
  }

  setWebhook(config: WebhookConfig, allowedUpdates: string[] | undefined, dropPending: boolean): void {
    this.webhookConfig = { ...config };
    this.setAllowedUpdates(allowedUpdates);
    const waiting = this.queue.drain();
    if (!dropPending) void this.flush(waiting);
  }

  deleteWebhook(dropPending: boolean): void {
    this.webhookConfig = null;
    if (dropPending) this.queue.clear();
  }

  /** Telegram keeps the previous setting when allowed_updates is not given. */
  setAllowedUpdates(allowedUpdates: string[] | undefined): void {
    if (allowedUpdates !== undefined) this.allowedUpdates = allowedUpdates.length ? [...allowedUpdates] : null;
  }

  webhookInfo(): TgWebhookInfo {
    const info: TgWebhookInfo = {
      url: this.webhookConfig?.url ?? '',
      has_custom_certificate: false,
      pending_update_count: this.queue.size,
    };
    if (this.webhookConfig) {
      if (this.webhookConfig.ipAddress) info.ip_address = this.webhookConfig.ipAddress;
      info.max_connections = this.webhookConfig.maxConnections ?? 40;
      if (this.webhookConfig.lastErrorDate) {
        info.last_error_date = this.webhookConfig.lastErrorDate;
        info.last_error_message = this.webhookConfig.lastErrorMessage;
      }
    }
    if (this.allowedUpdates) info.allowed_updates = [...this.allowedUpdates];
    return info;
  }

  /**
   * Tests run the bot's webhook on 127.0.0.1 while the bot registers its public https URL:
   * this sends the webhook's deliveries to the local address instead (null: the registered URL).
   */
  redirectWebhook(url: string | null): void {
    this.webhookRedirect = url;
  }

  async deliver(update: TgUpdate): Promise<DeliveryReport> {
    if (!this.isAllowed(update)) return { update, via: 'filtered' };
    const webhook = this.webhookConfig;
    if (!webhook) {
      this.queue.push(update);
      return { update, via: 'queue' };
    }
    const response = await this.client.post(this.webhookRedirect ?? webhook.url, update, webhook.secretToken);
    if (response.error && this.webhookConfig) {
      this.webhookConfig.lastErrorDate = this.nowSeconds();
      this.webhookConfig.lastErrorMessage = response.error;
    }
    return this.report(update, 'webhook', response);
  }

  async deliverTo(url: string, update: TgUpdate, secretToken?: string): Promise<DeliveryReport> {
    return this.report(update, 'url', await this.client.post(url, update, secretToken));
  }

  clearQueue(): void {
    this.queue.clear();
  }

  resetSetup(): void {
    this.webhookConfig = null;
    this.allowedUpdates = null;
  }

  private async report(update: TgUpdate, via: 'webhook' | 'url', response: WebhookResponse): Promise<DeliveryReport> {
    if (response.reply) await this.executeReply(response.reply);
    const report: DeliveryReport = { update, via, status: response.status };
    if (response.error) report.error = response.error;
    return report;
  }

  private isAllowed(update: TgUpdate): boolean {
    const type = Object.keys(update).find((key) => key !== 'update_id' && update[key] !== undefined);
    if (!type) return true;
    return this.allowedUpdates ? this.allowedUpdates.includes(type) : !EXCLUDED_BY_DEFAULT.has(type);
  }

  private async flush(updates: TgUpdate[]): Promise<void> {
    for (const update of updates) await this.deliver(update);
  }
}
