import { Injectable, Logger } from '@nestjs/common';
import { MetricsService } from 'src/metrics/metrics.service';
import { Refusal } from './stars-product';

/** Where a payment came from: an update of that kind, or Telegram's Stars ledger read by reconciliation. */
export type PaymentSource = 'pre_checkout_query' | 'successful_payment' | 'refunded_payment' | 'reconciliation';

export interface RejectedPayment {
  payerTelegramId: string;
  stars: number;
  currency: string;
  chargeId?: string;
  payload?: string;
}

/**
 * Payments not applied because they do not match our own rows, recorded for an operator: a log
 * line and `tarot_payment_rejections_total{update, reason}`. Outside pre-checkout (where an
 * expired invoice is ordinary) any increase is worth an alert: a bug, a replayed or misrouted
 * update, or a leaked webhook secret. The update itself is acknowledged, so Telegram does not
 * deliver it again.
 */
@Injectable()
export class PaymentRejections {
  private readonly logger = new Logger('Payments');

  constructor(private readonly metrics: MetricsService) {}

  record(source: PaymentSource, reason: Refusal, payment: RejectedPayment): void {
    this.metrics.paymentRejections.inc({ update: source, reason });
    const line =
      `${source} not applied (${reason}): payer ${payment.payerTelegramId}, ${payment.stars} ${payment.currency}` +
      `${payment.chargeId ? `, charge ${payment.chargeId.slice(0, 200)}` : ''}${payment.payload ? `, payload ${payment.payload.slice(0, 128)}` : ''}`;
    if (source === 'pre_checkout_query') this.logger.log(line);
    else this.logger.warn(line);
  }
}
