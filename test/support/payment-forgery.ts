import { randomBytes } from 'node:crypto';
import { BotApiStandIn } from 'src/bot-api-stand-in/bot-api-stand-in';
import { DeliveryReport } from 'src/bot-api-stand-in/stand-in-api.types';
import { Player } from './reading-helpers';
import { startTestApp, TestApp, WEBHOOK_SECRET } from './test-app';
import { prepareTestEnvironment } from './test-environment';

let messageId = 900_000;

export interface ForgedPayment {
  currency: string;
  total_amount: number;
  invoice_payload: string;
  telegram_payment_charge_id?: string;
  subscription_expiration_date?: number;
  is_recurring?: boolean;
  is_first_recurring?: boolean;
}

/** A charge id Telegram never issued. */
export function forgedChargeId(): string {
  return `forged_${randomBytes(12).toString('hex')}`;
}

/**
 * Delivers a payment service message as `from` that Telegram never sent (a bug, a replay from a
 * log, a leaked webhook secret): nothing is charged in the stand-in's Stars ledger.
 */
export function deliverForged(
  standIn: BotApiStandIn,
  from: Player,
  field: 'successful_payment' | 'refunded_payment',
  payment: ForgedPayment,
): Promise<DeliveryReport> {
  const body = {
    ...payment,
    telegram_payment_charge_id: payment.telegram_payment_charge_id ?? forgedChargeId(),
    ...(field === 'successful_payment' ? { provider_payment_charge_id: '' } : {}),
  };
  return standIn.deliver({
    update_id: standIn.nextUpdateId(),
    message: {
      message_id: ++messageId,
      from: { id: from.id, is_bot: false, first_name: from.first_name ?? 'Forger' },
      chat: { id: from.id, type: 'private', first_name: from.first_name ?? 'Forger' },
      date: Math.floor(Date.now() / 1000),
      [field]: body,
    },
  });
}

/** The value of `tarot_payment_rejections_total{update, reason}` in a Prometheus text page. */
export function rejectionCount(metrics: string, update: string, reason: string): number {
  const line = metrics.split('\n').find((l) => l.startsWith(`tarot_payment_rejections_total{update="${update}",reason="${reason}"}`));
  return line ? Number(line.split(' ').at(-1)) : 0;
}

/**
 * The app in webhook mode, the stand-in delivering to it: a delivery returns once the update is
 * handled, with the status Telegram would see (200 means it is not delivered again).
 */
export async function startWebhookApp(standIn: BotApiStandIn): Promise<TestApp> {
  const sut = await startTestApp(await prepareTestEnvironment(), standIn, {
    BOT_MODE: 'webhook',
    WEBHOOK_URL: 'https://bot.example.test/telegram/webhook',
    WEBHOOK_SECRET,
  });
  standIn.redirectWebhook(`${await sut.listen()}/telegram/webhook`);
  return sut;
}
