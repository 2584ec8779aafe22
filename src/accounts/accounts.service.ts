import { Injectable } from '@nestjs/common';
import { DataSource, QueryFailedError } from 'typeorm';
import { CatalogService } from 'src/catalog/catalog.service';
import { DomainException } from 'src/common/errors/domain.exception';
import { ErrorCode } from 'src/common/errors/error-code';
import { Transaction } from 'src/payments/transaction.entity';
import { LedgerService } from 'src/payments/ledger.service';
import { SubscriptionsService } from 'src/payments/subscriptions.service';
import { RateLimitService } from 'src/rate-limit/rate-limit.service';
import { ReadingsService } from 'src/readings/readings.service';
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
  idempotencyKey?: string;
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
    private readonly rateLimits: RateLimitService,
    private readonly catalog: CatalogService,
    private readonly subscriptions: SubscriptionsService,
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
    if (result.outcome !== 'returning') await this.users.forget(telegramId);
    const user = result.outcome === 'returning' ? await this.users.snapshotByTelegramId(telegramId) : null;
    return { user: user ?? toSnapshot((await this.users.findById(result.id))!), outcome: result.outcome };
  }

  /** /deleteme, confirmed: erases questions, answers, interpretations, sessions and preferences. */
  async deleteAccount(user: UserSnapshot): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.readings.eraseForUser(manager, user.id);
      await this.sessions.eraseForUser(manager, user.id);
      await this.rateLimits.deleteForUser(manager, user.id);
      await this.users.markDeleted(manager, user.id);
    });
    await this.users.forget(user.telegramId);
    await this.subscriptions.cancelRenewal(user.id, user.telegramId);
  }

  async changeStatus(userId: number, status: 'active' | 'suspended'): Promise<User> {
    const user = await this.dataSource.transaction(async (manager) => {
      const current = await manager.findOneBy(User, { id: userId });
      if (!current) throw new DomainException(ErrorCode.UserNotFound, 'No such user');
      if (current.status === 'deleted') {
        throw new DomainException(ErrorCode.UserNotActive, 'A deleted user can only come back with /start');
      }
      return (await this.users.setStatus(manager, userId, status))!;
    });
    await this.users.forget(user.telegramId);
    if (status === 'suspended') await this.subscriptions.cancelRenewal(user.id, user.telegramId);
    return user;
  }

  /**
   * An operator's grant or deduction: the balance change and its ledger row (naming the
   * operator and the reason) in one database transaction. A retried request with the same
   * Idempotency-Key returns the first result instead of acting again.
   */
  async adjustCredits(adjustment: CreditAdjustment): Promise<{ transaction: Transaction; balance: number }> {
    const key = adjustment.idempotencyKey ? `${adjustment.operator}:${adjustment.idempotencyKey}` : undefined;
    if (key) {
      const earlier = await this.replay(key, adjustment);
      if (earlier) return earlier;
    }
    try {
      const moved = await this.dataSource.transaction(async (manager) => {
        const user = await manager.findOneBy(User, { id: adjustment.userId });
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
            ...(key ? { idempotencyKey: key } : {}),
          },
        });
      });
      const user = await this.users.findById(adjustment.userId);
      await this.users.forget(user!.telegramId);
      return moved;
    } catch (error) {
      // Two retries racing: the unique index let one through; answer the other with its result.
      if (key && error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505') {
        const earlier = await this.replay(key, adjustment);
        if (earlier) return earlier;
      }
      throw error;
    }
  }

  private async replay(key: string, adjustment: CreditAdjustment) {
    const earlier = await this.ledger.findByIdempotencyKey(key);
    if (!earlier) return undefined;
    if (earlier.userId !== adjustment.userId || earlier.amount !== adjustment.amount) {
      throw new DomainException(ErrorCode.IdempotencyConflict, 'This Idempotency-Key was used for a different request');
    }
    const user = await this.users.findById(adjustment.userId);
    return { transaction: earlier, balance: user!.credits };
  }
}
