import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainException } from 'src/common/errors/domain.exception';
import { ErrorCode } from 'src/common/errors/error-code';
import { isUniqueViolation } from 'src/database/unique-violation';
import { MetricsService } from 'src/metrics/metrics.service';
import { User } from 'src/users/user.entity';
import { UsersService } from 'src/users/users.service';
import { LedgerService, STARS_PROVIDER } from './ledger.service';
import { IdempotentRequest, OperatorIdempotency } from './operator-idempotency';
import { PaymentRejections, PaymentSource } from './payment-rejections';
import { Refusal, STARS_CURRENCY, starsOf } from './stars-product';
import { StarsPayments } from './stars-payments';
import { StarsClient } from 'src/telegram/stars-client';
import { STARS_GRANT_TYPES, StarsGrantType, Transaction } from './transaction.entity';

export const REFUND_WINDOW_DAYS = 30;

export interface RefundRequest {
  transactionId: number;
  force: boolean;
  reason: string;
  operator: string;
  idempotency?: Omit<IdempotentRequest, 'operator' | 'body'>;
}

export interface RefundResult {
  refundTransactionId: number;
  refunded: number;
  taken: number;
  shortfall: number;
  balance: number;
  alreadyRefundedAtTelegram: boolean;
}

/** What a `refunded_payment` (or a refund in Telegram's Stars ledger) says was refunded, to whom. */
export interface RefundClaim {
  userTelegramId: string;
  currency: string;
  totalAmount: number;
  chargeId: string;
}

function refused(message: string, details?: Record<string, unknown>): DomainException {
  return new DomainException(ErrorCode.RefundRefused, message, details);
}

/**
 * Refunds of Stars payments, by an operator (within 30 days) or by Telegram (which cannot be
 * refused, but must name a charge of the same user, for its Stars). The grant is marked
 * refunded and a `refund` row takes back the credits still there; credits already spent are a
 * shortfall, recorded, and the user is flagged.
 */
@Injectable()
export class RefundsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ledger: LedgerService,
    private readonly users: UsersService,
    private readonly stars: StarsClient,
    private readonly products: StarsPayments,
    private readonly idempotency: OperatorIdempotency,
    private readonly rejections: PaymentRejections,
    private readonly metrics: MetricsService,
  ) {}

  async refundByOperator(request: RefundRequest, now = new Date()): Promise<RefundResult> {
    const keyed = request.idempotency && { ...request.idempotency, operator: request.operator, body: { reason: request.reason, force: request.force } };
    const earlier = await this.idempotency.earlier(keyed);
    if (earlier) return this.resultOf(earlier);
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
    const metadata = { source: 'operator', operator: request.operator, reason: request.reason, alreadyRefundedAtTelegram, ...this.idempotency.stamp(keyed) };
    try {
      return await this.reverse(grant, user, metadata);
    } catch (error) {
      // The same request sent twice at once: the first one's refund is the answer to both.
      const winner = (error instanceof DomainException || isUniqueViolation(error)) && (await this.idempotency.earlier(keyed));
      if (winner) return this.resultOf(winner);
      throw error;
    }
  }

  /**
   * A refund Telegram reports: applied once, whatever was spent meanwhile, when it names a
   * charge of the same user for its Stars; anything else is recorded for an operator.
   */
  async applyTelegramRefund(claim: RefundClaim, source: PaymentSource): Promise<RefundResult | undefined> {
    const grant = await this.ledger.findCharge(claim.chargeId);
    const user = grant ? await this.users.findById(grant.userId) : null;
    const problem = this.refundProblem(claim, grant, user);
    if (problem) {
      this.rejections.record(source, problem, { payerTelegramId: claim.userTelegramId, stars: claim.totalAmount, currency: claim.currency, chargeId: claim.chargeId });
      return undefined;
    }
    if (grant!.status === 'refunded') return undefined;
    return this.reverse(grant!, user!, { source: 'telegram' });
  }

  private refundProblem(claim: RefundClaim, grant: Transaction | null, user: User | null): Refusal | undefined {
    if (claim.currency !== STARS_CURRENCY) return 'currency';
    if (!grant || !user) return 'unknown_charge';
    if (String(user.telegramId) !== claim.userTelegramId) return 'other_user';
    if (starsOf(grant) !== claim.totalAmount) return 'amount';
    return undefined;
  }

  private async reverse(grant: Transaction, user: User, metadata: Record<string, unknown>): Promise<RefundResult> {
    const result = await this.dataSource.transaction(async (manager) => {
      if (!(await this.ledger.markRefunded(manager, grant.id, grant.paymentReference!))) {
        throw refused('This payment was already refunded', { transactionId: grant.id });
      }
      const credits = await this.users.lockCredits(manager, user.id);
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
      await this.products.productOfGrant(grant)?.onRefund(manager, grant, user);
      return { refundTransactionId: moved.transaction.id, refunded: grant.amount, taken, shortfall, balance: moved.balance };
    });
    this.metrics.payments.inc({ kind: 'refund', outcome: String(metadata.source ?? 'unknown') });
    return { ...result, alreadyRefundedAtTelegram: metadata.alreadyRefundedAtTelegram === true };
  }

  private assertRefundable(grant: Transaction): void {
    const isGrant = (STARS_GRANT_TYPES as readonly string[]).includes(grant.type as StarsGrantType);
    if (grant.paymentProvider !== STARS_PROVIDER || !isGrant || !grant.paymentReference) {
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
      alreadyRefundedAtTelegram: meta.alreadyRefundedAtTelegram === true,
    };
  }
}
