import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { DomainException } from 'src/common/errors/domain.exception';
import { ErrorCode } from 'src/common/errors/error-code';
import { MetricsService } from 'src/metrics/metrics.service';
import { User } from 'src/users/user.entity';
import { UsersService } from 'src/users/users.service';
import { LedgerService, STARS_PROVIDER } from './ledger.service';
import { StarsClient } from './stars/stars-client';
import { RefundedPayment } from './stars/stars-api.types';
import { Transaction } from './transaction.entity';

export const REFUND_WINDOW_DAYS = 30;

export interface RefundRequest {
  transactionId: number;
  force: boolean;
  reason: string;
  operator: string;
  idempotencyKey?: string;
}

export interface RefundResult {
  refundTransactionId: number;
  refunded: number;
  taken: number;
  shortfall: number;
  balance: number;
  alreadyRefundedAtTelegram: boolean;
}

function refused(message: string, details?: Record<string, unknown>): DomainException {
  return new DomainException(ErrorCode.RefundRefused, message, details);
}

/**
 * Refunds of Stars payments, by an operator (within 30 days) or by Telegram (which cannot be
 * refused). The grant is marked refunded and a `refund` row takes back the credits still
 * there; credits already spent are a shortfall, recorded, and the user is flagged.
 */
@Injectable()
export class RefundsService {
  private readonly logger = new Logger(RefundsService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly ledger: LedgerService,
    private readonly users: UsersService,
    private readonly stars: StarsClient,
    private readonly metrics: MetricsService,
  ) {}

  async refundByOperator(request: RefundRequest, now = new Date()): Promise<RefundResult> {
    const key = request.idempotencyKey ? `${request.operator}:${request.idempotencyKey}` : undefined;
    if (key) {
      const earlier = await this.ledger.findByIdempotencyKey(key);
      if (earlier) return this.resultOf(earlier);
    }
    const grant = await this.ledger.findById(request.transactionId);
    if (!grant) throw new DomainException(ErrorCode.NotFound, 'No such transaction');
    this.assertRefundable(grant);
    if (grant.status === 'refunded') throw refused('This payment was already refunded', { transactionId: grant.id });
    if (grant.createdAt.getTime() < now.getTime() - REFUND_WINDOW_DAYS * 86_400_000) {
      throw refused(`Payments can be refunded within ${REFUND_WINDOW_DAYS} days`);
    }
    const user = (await this.users.findById(grant.userId))!;
    if (!request.force && user.credits < grant.amount) {
      throw refused('The user has already spent part of these credits; pass force to refund anyway', {
        credits: user.credits,
        granted: grant.amount,
      });
    }
    let alreadyRefundedAtTelegram = false;
    try {
      await this.stars.refundStarPayment(Number(user.telegramId), grant.paymentReference!);
    } catch (error) {
      const description = (error as { description?: string }).description ?? (error as Error).message;
      if (!/CHARGE_ALREADY_REFUNDED/.test(description)) {
        throw new DomainException(ErrorCode.PaymentFailed, `Telegram refused the refund: ${description}`);
      }
      alreadyRefundedAtTelegram = true;
    }
    const metadata = { source: 'operator', operator: request.operator, reason: request.reason, ...(key ? { idempotencyKey: key } : {}) };
    const result = await this.reverse(grant, user, metadata);
    return { ...result, alreadyRefundedAtTelegram };
  }

  /** A refund Telegram reports: applied once, whatever was spent meanwhile. */
  async applyTelegramRefund(refunded: RefundedPayment): Promise<RefundResult | undefined> {
    const grant = await this.ledger.findCharge(refunded.telegram_payment_charge_id);
    if (!grant) {
      this.logger.warn(`Telegram refunded a charge this bot never recorded (${refunded.total_amount} XTR)`);
      return undefined;
    }
    if (grant.status === 'refunded') return undefined;
    const user = (await this.users.findById(grant.userId))!;
    return this.reverse(grant, user, { source: 'telegram' });
  }

  private async reverse(grant: Transaction, user: User, metadata: Record<string, unknown>): Promise<RefundResult> {
    const result = await this.dataSource.transaction(async (manager) => {
      if (!(await this.ledger.markRefunded(manager, grant.id, grant.paymentReference!))) {
        throw refused('This payment was already refunded', { transactionId: grant.id });
      }
      const { credits } = (await manager.query(`SELECT credits FROM users WHERE id = $1 FOR UPDATE`, [user.id]))[0];
      const taken = Math.min(credits, grant.amount);
      const shortfall = grant.amount - taken;
      const moved = await this.ledger.move(manager, {
        userId: user.id,
        amount: -taken,
        type: 'refund',
        provider: STARS_PROVIDER,
        reference: grant.paymentReference,
        metadata: { reverses: grant.id, refunded: grant.amount, taken, shortfall, ...metadata },
      });
      if (shortfall > 0) await this.users.updatePreferences(user.id, user.telegramId, { refundShortfall: true }, manager);
      if (grant.type === 'subscription') await this.endTier(manager, user);
      return { refundTransactionId: moved.transaction.id, refunded: grant.amount, taken, shortfall, balance: moved.balance };
    });
    await this.users.forget(user.telegramId);
    this.metrics.payments.inc({ kind: 'refund', outcome: String(metadata.source ?? 'unknown') });
    return { ...result, alreadyRefundedAtTelegram: false };
  }

  private async endTier(manager: EntityManager, user: User): Promise<void> {
    await this.users.setSubscription(manager, user.id, null, null);
  }

  private assertRefundable(grant: Transaction): void {
    if (grant.paymentProvider !== STARS_PROVIDER || !['purchase', 'subscription'].includes(grant.type) || !grant.paymentReference) {
      throw refused('Only a paid Telegram Stars purchase or subscription can be refunded');
    }
    if (grant.status !== 'completed' && grant.status !== 'refunded') throw refused(`A ${grant.status} payment cannot be refunded`);
  }

  private async resultOf(refund: Transaction): Promise<RefundResult> {
    const meta = refund.metadata ?? {};
    const user = await this.users.findById(refund.userId);
    return {
      refundTransactionId: refund.id,
      refunded: Number(meta.refunded ?? 0),
      taken: Number(meta.taken ?? 0),
      shortfall: Number(meta.shortfall ?? 0),
      balance: user?.credits ?? 0,
      alreadyRefundedAtTelegram: false,
    };
  }
}
