import type { CallbackQueryRegistry } from './callback-query-registry';
import type { ChatRegistry } from './chat-registry';
import type { IdGenerator } from './id-generator';
import type { ChargeRecord, InvoiceRecord, PaymentLedger } from './payment-ledger';
import type { PreCheckoutRegistry } from './pre-checkout-registry';
import type {
  ButtonPressReport,
  DeliveryReport,
  PayInvoiceOptions,
  PaymentResult,
  PlayingUser,
  PreCheckoutFields,
  UserMessageReport,
} from './stand-in-api.types';
import type { TgMessage, TgSuccessfulPayment, TgUpdate, TgUser } from './telegram-objects.types';
import type { UpdateDispatcher } from './update-dispatcher';

export interface UserActionParts {
  chats: ChatRegistry;
  ledger: PaymentLedger;
  dispatcher: UpdateDispatcher;
  callbacks: CallbackQueryRegistry;
  preCheckouts: PreCheckoutRegistry;
  ids: IdGenerator;
  nowSeconds: () => number;
  preCheckoutTimeoutMs: number;
}

type ServiceFields = Pick<TgMessage, 'successful_payment' | 'refunded_payment'>;

const BOT_COMMAND = /^\/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]+)?/;

/** What Telegram users do: write, press inline buttons, pay invoices; and what Telegram does on its own (renewals, refunds). */
export class UserActionSimulator {
  constructor(private readonly parts: UserActionParts) {}

  async sendText(user: PlayingUser, text: string): Promise<UserMessageReport> {
    const { chats } = this.parts;
    const from = chats.upsertUser(user);
    const message: TgMessage = {
      message_id: chats.nextMessageId(from.id),
      from,
      chat: chats.chat(from.id),
      date: this.parts.nowSeconds(),
      text,
    };
    const command = BOT_COMMAND.exec(text);
    if (command) message.entities = [{ type: 'bot_command', offset: 0, length: command[0].length }];
    chats.append('user', message);
    const report = await this.deliver({ message });
    return { ...report, message };
  }

  async pressButton(user: PlayingUser, messageId: number, callbackData: string): Promise<ButtonPressReport> {
    const { chats, callbacks, ids } = this.parts;
    const userId = idOf(user);
    if (!chats.hasChat(userId)) throw new Error(`user ${userId} has no chat with the bot`);
    const from = chats.upsertUser(user);
    const entry = chats.find(userId, messageId);
    if (!entry || entry.side !== 'bot') throw new Error(`there is no bot message ${messageId} in the chat with user ${userId}`);
    const buttons = entry.message.reply_markup?.inline_keyboard.flat() ?? [];
    if (!buttons.some((button) => button.callback_data === callbackData)) {
      const available = buttons.map((button) => `"${button.text}" → ${button.callback_data ?? '(no callback_data)'}`);
      throw new Error(
        `message ${messageId} has no button with callback_data "${callbackData}"; its buttons: ${available.join(', ') || 'none'}`,
      );
    }
    const callbackQueryId = ids.queryId();
    callbacks.register(callbackQueryId, userId);
    const report = await this.deliver({
      callback_query: {
        id: callbackQueryId,
        from,
        message: entry.message,
        chat_instance: chats.chatInstance(userId),
        data: callbackData,
      },
    });
    return { ...report, callbackQueryId };
  }

  /** ref: the id of a bot message holding an invoice (in the payer's chat, or options.fromChatOf's), or an invoice link/slug. */
  async payInvoice(user: PlayingUser, ref: number | string, options: PayInvoiceOptions = {}): Promise<PaymentResult> {
    const invoice = this.findInvoice(ref, options.fromChatOf ?? idOf(user));
    const payer = this.parts.chats.upsertUser(user);
    const fields = { currency: invoice.currency, total_amount: invoice.totalAmount, invoice_payload: invoice.payload };
    const asked = await this.askPreCheckout(payer, fields, options.timeoutMs);
    if (!asked.ok) return asked;

    const chargeId = this.parts.ids.chargeId();
    const date = this.parts.nowSeconds();
    const period = invoice.subscriptionPeriod;
    const expiresAt = period ? date + period : undefined;
    const charge = this.parts.ledger.recordCharge({
      chargeId,
      user: payer,
      invoice,
      date,
      subscriptionId: period ? chargeId : undefined,
      expiresAt,
    });
    if (period && expiresAt) this.parts.ledger.startSubscription(charge, period, expiresAt);
    const { update, message } = await this.sendPaymentMessage(payer, charge, period ? { first: true } : undefined);
    return { ok: true, chargeId, update, preCheckoutUpdate: asked.preCheckoutUpdate, message };
  }

  /**
   * A pre_checkout_query carrying these invoice fields, as a client could send them (a tampered
   * or replayed invoice too), and the bot's answer. Nothing is charged, even on a yes.
   */
  async askPreCheckout(user: PlayingUser, fields: PreCheckoutFields, timeoutMs?: number): Promise<PaymentResult> {
    const { ids, preCheckouts } = this.parts;
    const queryId = ids.queryId();
    const answer = preCheckouts.wait(queryId, timeoutMs ?? this.parts.preCheckoutTimeoutMs);
    const preCheckoutUpdate = this.update({ pre_checkout_query: { id: queryId, from: this.parts.chats.upsertUser(user), ...fields } });
    const delivery = this.parts.dispatcher.deliver(preCheckoutUpdate);
    const outcome = await answer;
    if (outcome.kind !== 'answered') return { ok: false, reason: outcome.kind, update: preCheckoutUpdate, preCheckoutUpdate };
    await delivery;
    if (!outcome.ok) {
      return { ok: false, reason: 'refused', errorMessage: outcome.errorMessage, update: preCheckoutUpdate, preCheckoutUpdate };
    }
    return { ok: true, update: preCheckoutUpdate, preCheckoutUpdate };
  }

  /** A recurring subscription payment, unless the bot canceled the subscription. */
  async renewSubscription(user: PlayingUser, firstChargeId: string): Promise<PaymentResult> {
    const { ledger, ids } = this.parts;
    const subscription = ledger.subscription(firstChargeId);
    if (!subscription) throw new Error(`charge "${firstChargeId}" is not part of a subscription`);
    if (subscription.user.id !== idOf(user)) {
      throw new Error(`subscription "${firstChargeId}" belongs to user ${subscription.user.id}, not ${idOf(user)}`);
    }
    if (subscription.isCanceled) return { ok: false, reason: 'canceled' };
    const charge = ledger.recordRenewal(subscription, ids.chargeId(), this.parts.nowSeconds());
    const { update, message } = await this.sendPaymentMessage(subscription.user, charge, { first: false });
    return { ok: true, chargeId: charge.chargeId, update, message };
  }

  /** A refund Telegram makes on its own (e.g. after a dispute), reported with a refunded_payment message. */
  async refundFromTelegram(user: PlayingUser, chargeId: string): Promise<DeliveryReport> {
    const userId = idOf(user);
    const charge = this.parts.ledger.refund(userId, chargeId, this.parts.nowSeconds());
    const message = this.serviceMessage(charge.user, {
      refunded_payment: {
        currency: charge.currency,
        total_amount: charge.amount,
        invoice_payload: charge.payload,
        telegram_payment_charge_id: charge.chargeId,
      },
    });
    return this.deliver({ message });
  }

  private async sendPaymentMessage(
    payer: TgUser,
    charge: ChargeRecord,
    recurring: { first: boolean } | undefined,
  ): Promise<{ update: TgUpdate; message: TgMessage }> {
    const payment: TgSuccessfulPayment = {
      currency: charge.currency,
      total_amount: charge.amount,
      invoice_payload: charge.payload,
      telegram_payment_charge_id: charge.chargeId,
      provider_payment_charge_id: '',
    };
    if (recurring) {
      payment.subscription_expiration_date = charge.expiresAt;
      payment.is_recurring = true;
      // Telegram leaves out boolean fields that are false.
      if (recurring.first) payment.is_first_recurring = true;
    }
    const message = this.serviceMessage(payer, { successful_payment: payment });
    const report = await this.deliver({ message });
    return { update: report.update, message };
  }

  private serviceMessage(user: TgUser, fields: ServiceFields): TgMessage {
    const { chats } = this.parts;
    const from = chats.upsertUser(user);
    const message: TgMessage = {
      message_id: chats.nextMessageId(from.id),
      from,
      chat: chats.chat(from.id),
      date: this.parts.nowSeconds(),
      ...fields,
    };
    chats.append('user', message);
    return message;
  }

  private findInvoice(ref: number | string, holderChatId: number): InvoiceRecord {
    if (typeof ref === 'number') {
      const invoice = this.parts.ledger.invoiceForMessage(holderChatId, ref);
      if (!invoice || !this.parts.chats.find(holderChatId, ref)) {
        throw new Error(`message ${ref} in the chat with user ${holderChatId} is not an invoice (or was deleted)`);
      }
      return invoice;
    }
    const invoice = this.parts.ledger.invoiceForLink(ref);
    if (!invoice) throw new Error(`unknown invoice link "${ref}"`);
    return invoice;
  }

  private deliver(content: Omit<TgUpdate, 'update_id'>): Promise<DeliveryReport> {
    return this.parts.dispatcher.deliver(this.update(content));
  }

  private update(content: Omit<TgUpdate, 'update_id'>): TgUpdate {
    return { update_id: this.parts.dispatcher.nextUpdateId(), ...content };
  }
}

function idOf(user: PlayingUser): number {
  return typeof user === 'number' ? user : user.id;
}
