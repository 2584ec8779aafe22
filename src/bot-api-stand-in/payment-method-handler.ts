import { BotApiError } from './bot-api-error';
import type { MethodContext, MethodTable } from './bot-api-method.types';
import type { BotMessageFactory } from './bot-message-factory';
import type { IdGenerator } from './id-generator';
import type { ParamReader } from './param-reader';
import type { InvoiceRecord, PaymentLedger } from './payment-ledger';
import type { PreCheckoutRegistry } from './pre-checkout-registry';
import type { TgMessage, TgStarTransaction } from './telegram-objects.types';

const MAX_TRANSACTIONS_PAGE = 100;

/** Invoices, pre-checkout answers, refunds, subscriptions and the bot's Star transactions. */
export class PaymentMethodHandler {
  constructor(
    private readonly messages: BotMessageFactory,
    private readonly ledger: PaymentLedger,
    private readonly preCheckouts: PreCheckoutRegistry,
    private readonly ids: IdGenerator,
    private readonly nowSeconds: () => number,
  ) {}

  methods(): MethodTable {
    return {
      sendInvoice: (context) => this.sendInvoice(context),
      createInvoiceLink: (context) => this.createInvoiceLink(context),
      answerPreCheckoutQuery: (context) => this.answerPreCheckoutQuery(context),
      refundStarPayment: (context) => this.refundStarPayment(context),
      editUserStarSubscription: (context) => this.editUserStarSubscription(context),
      getStarTransactions: (context) => this.getStarTransactions(context),
    };
  }

  private sendInvoice({ reader, bot, params }: MethodContext): TgMessage {
    const chat = this.messages.targetChat(reader);
    const details = this.invoiceDetails(reader, params);
    const message = this.messages.compose(chat, bot, reader);
    message.invoice = {
      title: details.title,
      description: details.description,
      start_parameter: reader.optionalString('start_parameter') ?? '',
      currency: details.currency,
      total_amount: details.totalAmount,
    };
    this.messages.store(message, reader);
    this.ledger.addInvoice({ ...details, kind: 'message', chatId: chat.id, messageId: message.message_id });
    return message;
  }

  private createInvoiceLink({ reader, params }: MethodContext): string {
    const details = this.invoiceDetails(reader, params);
    const slug = this.ids.invoiceSlug();
    const link = `https://t.me/$${slug}`;
    const subscriptionPeriod = reader.optionalInteger('subscription_period');
    this.ledger.addInvoice({ ...details, kind: 'link', slug, link, subscriptionPeriod });
    return link;
  }

  private answerPreCheckoutQuery({ reader }: MethodContext): boolean {
    if (!reader.has('ok')) throw BotApiError.badRequest('parameter "ok" is required');
    this.preCheckouts.answer(
      reader.string('pre_checkout_query_id'),
      reader.boolean('ok', false),
      reader.optionalString('error_message'),
    );
    return true;
  }

  private refundStarPayment({ reader }: MethodContext): boolean {
    this.ledger.refund(reader.integer('user_id'), reader.string('telegram_payment_charge_id'), this.nowSeconds());
    return true;
  }

  private editUserStarSubscription({ reader }: MethodContext): boolean {
    if (!reader.has('is_canceled')) throw BotApiError.badRequest('parameter "is_canceled" is required');
    this.ledger.setSubscriptionCanceled(
      reader.integer('user_id'),
      reader.string('telegram_payment_charge_id'),
      reader.boolean('is_canceled', false),
    );
    return true;
  }

  private getStarTransactions({ reader }: MethodContext): { transactions: TgStarTransaction[] } {
    const offset = Math.max(0, reader.optionalInteger('offset') ?? 0);
    const limit = Math.min(MAX_TRANSACTIONS_PAGE, Math.max(1, reader.optionalInteger('limit') ?? MAX_TRANSACTIONS_PAGE));
    return { transactions: this.ledger.starTransactions(offset, limit) };
  }

  private invoiceDetails(reader: ParamReader, params: Record<string, unknown>): Omit<InvoiceRecord, 'kind'> {
    const prices = reader.optionalArray('prices');
    if (!prices?.length) throw BotApiError.badRequest('parameter "prices" is required');
    const totalAmount = prices.reduce<number>((sum, price) => sum + Number((price as { amount?: unknown }).amount ?? 0), 0);
    return {
      title: reader.string('title'),
      description: reader.string('description'),
      payload: reader.string('payload'),
      currency: reader.string('currency'),
      totalAmount,
      params: structuredClone(params),
      createdAt: this.nowSeconds(),
    };
  }
}
