import { Injectable } from '@nestjs/common';
import { InjectBot } from 'nestjs-telegraf';
import { Telegraf } from 'telegraf';
import { BotContext } from 'src/bot/bot-context';
import { StarTransactions, SubscriptionInvoiceLink } from './stars-api.types';

type UntypedCall = (method: string, payload: Record<string, unknown>) => Promise<unknown>;

/**
 * The Stars methods telegraf 4.16 does not type (refunds, subscription renewal, the Stars
 * ledger, subscription invoice links): one small typed door to Telegram for them.
 */
@Injectable()
export class StarsClient {
  private readonly call: UntypedCall;

  constructor(@InjectBot() bot: Telegraf<BotContext>) {
    const telegram = bot.telegram as unknown as { callApi: UntypedCall };
    this.call = (method, payload) => telegram.callApi.call(bot.telegram, method, payload);
  }

  async refundStarPayment(userId: number, chargeId: string): Promise<boolean> {
    return (await this.call('refundStarPayment', { user_id: userId, telegram_payment_charge_id: chargeId })) as boolean;
  }

  async editUserStarSubscription(userId: number, chargeId: string, isCanceled: boolean): Promise<boolean> {
    return (await this.call('editUserStarSubscription', {
      user_id: userId,
      telegram_payment_charge_id: chargeId,
      is_canceled: isCanceled,
    })) as boolean;
  }

  async getStarTransactions(offset: number, limit: number): Promise<StarTransactions> {
    return (await this.call('getStarTransactions', { offset, limit })) as StarTransactions;
  }

  async createSubscriptionInvoiceLink(link: SubscriptionInvoiceLink): Promise<string> {
    return (await this.call('createInvoiceLink', { ...link })) as string;
  }
}
