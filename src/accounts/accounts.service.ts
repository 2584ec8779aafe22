import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CatalogService } from 'src/catalog/catalog.service';
import { DomainException } from 'src/common/errors/domain.exception';
import { ErrorCode } from 'src/common/errors/error-code';
import { IdempotencyKeyUse } from 'src/common/http/idempotency-key.decorator';
import { isUniqueViolation } from 'src/database/unique-violation';
import { Transaction } from 'src/payments/transaction.entity';
import { LedgerService } from 'src/payments/ledger.service';
import { OperatorIdempotency } from 'src/payments/operator-idempotency';
import { SubscriptionRenewals } from 'src/payments/subscription-renewals';
import { RateLimitService } from 'src/rate-limit/rate-limit.service';
import { ReadingsService } from 'src/readings/readings.service';
import { NotifierService } from 'src/telegram/notifier.service';
import { SessionsService } from 'src/sessions/sessions.service';
import { User, UserPreferences } from 'src/users/user.entity';
import { toSnapshot, UserSnapshot } from 'src/users/user-snapshot';
import { UsersService } from 'src/users/users.service';

export type StartOutcome = 'new' | 'returning' | 'reactivated';

export interface CreditAdjustment {
  userId: number;
  /** Positive grants, negative deducts. */
  amount: number;
  reason: string;
  operator: string;
  idempotency?: IdempotencyKeyUse;
}

/** The account's life: registration with welcome credits, operator changes, and deletion. */
@Injectable()
export class AccountsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly ledger: LedgerService,
    private readonly sessions: SessionsService,
    private readonly readings: ReadingsService,
    private readonly notifier: NotifierService,
    private readonly rateLimits: RateLimitService,
    private readonly catalog: CatalogService,
    private readonly renewals: SubscriptionRenewals,
    private readonly idempotency: OperatorIdempotency,
  ) {}

  /**
   * /start: registers a new user with the welcome credits (once per Telegram account, ever),
   * brings back a deleted one without them, or greets a returning one.
   */
  async start(telegramId: string, preferences: UserPreferences): Promise<{ user: UserSnapshot; outcome: StartOutcome }> {
    const result = await this.dataSource.transaction(async (manager) => {
      const { user, created } = await this.users.register(manager, telegramId, preferences);
      if (created) {
        const welcome = this.catalog.welcomeCredits;
        if (welcome > 0) {
          await this.ledger.move(manager, {
            userId: user.id,
            amount: welcome,
            type: 'bonus',
            provider: 'promo',
            metadata: { reason: 'welcome' },
          });
        }
        return { id: user.id, outcome: 'new' as const };
      }
      if (user.status === 'deleted') {
        await this.users.reactivate(manager, user.id, preferences);
        return { id: user.id, outcome: 'reactivated' as const };
      }
      return { id: user.id, outcome: 'returning' as const };
    });
    const user = result.outcome === 'returning' ? await this.users.snapshotByTelegramId(telegramId) : null;
    return { user: user ?? toSnapshot((await this.users.findById(result.id))!), outcome: result.outcome };
  }

  /**
   * /deleteme, confirmed: the readings go (those the ledger charged for stay, emptied of question,
   * answers, cards and interpretation), and so do the conversations' contents, the rate-limit
   * windows, the preferences, the cached copies and, in local mode, the web chat's history. The
   * user row (status `deleted`, credits) and the ledger stay, for the accounts.
   */
  async deleteAccount(user: UserSnapshot): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.readings.eraseForUser(manager, user.id, await this.ledger.paidReadingIds(manager, user.id));
      await this.sessions.eraseForUser(manager, user.id);
      await this.rateLimits.deleteForUser(manager, user.id);
      await this.users.markDeleted(manager, user.id);
    });
    this.notifier.eraseChatHistory(user.telegramId);
    await this.renewals.cancelRenewal(user.id, user.telegramId);
  }

  async changeStatus(userId: number, status: 'active' | 'suspended'): Promise<User> {
    const user = await this.dataSource.transaction(async (manager) => {
      const current = await this.users.findById(userId, manager);
      if (!current) throw new DomainException(ErrorCode.UserNotFound, 'No such user');
      if (current.status === 'deleted') {
        throw new DomainException(ErrorCode.UserNotActive, 'A deleted user can only come back with /start');
      }
      return (await this.users.setStatus(manager, userId, status))!;
    });
    if (status === 'suspended') await this.renewals.cancelRenewal(user.id, user.telegramId);
    return user;
  }

  /**
   * An operator's grant or deduction: the balance change and its ledger row (naming the
   * operator and the reason) in one database transaction. The same request again with its
   * Idempotency-Key gets the first result instead of acting again; another request with that
   * key is refused (IDEMPOTENCY001).
   */
  async adjustCredits(adjustment: CreditAdjustment): Promise<{ transaction: Transaction; balance: number }> {
    const keyed = adjustment.idempotency && {
      ...adjustment.idempotency,
      operator: adjustment.operator,
      body: { amount: Math.abs(adjustment.amount), reason: adjustment.reason },
    };
    const earlier = await this.idempotency.earlier(keyed);
    if (earlier) return this.answer(earlier);
    try {
      const moved = await this.dataSource.transaction(async (manager) => {
        const user = await this.users.findById(adjustment.userId, manager);
        if (!user) throw new DomainException(ErrorCode.UserNotFound, 'No such user');
        return this.ledger.move(manager, {
          userId: adjustment.userId,
          amount: adjustment.amount,
          type: 'adjustment',
          provider: 'operator',
          metadata: {
            kind: adjustment.amount > 0 ? 'grant' : 'deduction',
            reason: adjustment.reason,
            operator: adjustment.operator,
            ...this.idempotency.stamp(keyed),
          },
        });
      });
      return moved;
    } catch (error) {
      // Two retries racing: the unique index let one through; answer the other with its result.
      const winner = isUniqueViolation(error) && (await this.idempotency.earlier(keyed));
      if (winner) return this.answer(winner);
      throw error;
    }
  }

  private async answer(transaction: Transaction): Promise<{ transaction: Transaction; balance: number }> {
    const user = await this.users.findById(transaction.userId);
    return { transaction, balance: user!.credits };
  }
}
