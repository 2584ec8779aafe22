import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, MoreThan, Repository } from 'typeorm';
import { AppCacheService } from 'src/cache/app-cache.service';
import { SubscriptionTier, User, UserPreferences, UserStatus } from './user.entity';
import { toSnapshot, UserSnapshot } from './user-snapshot';
import { afterCommit } from 'src/database/after-commit';
import { returning } from 'src/database/returning';

export interface UserPage {
  items: User[];
  nextCursor: number | null;
}

/**
 * The `users` table: lookups, registration, status and the guarded credit update. Every write
 * here forgets the user's cached snapshot once it is committed, whoever's transaction it is in.
 */
@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly cache: AppCacheService,
  ) {}

  /** The user's row; inside a transaction when given its manager. */
  findById(id: number, manager?: EntityManager): Promise<User | null> {
    return manager ? manager.findOneBy(User, { id }) : this.users.findOneBy({ id });
  }

  findByTelegramId(telegramId: string): Promise<User | null> {
    return this.users.findOneBy({ telegramId });
  }

  /** The user behind a Telegram id, from the cache when warm; null if they never sent /start. */
  /**
   * The user's snapshot from the cache (the database on a miss). `cached`: the cache entry as
   * read already at `snapshotKey` (the update gate reads it with its claim).
   */
  async snapshotByTelegramId(telegramId: string, cached?: string | null): Promise<UserSnapshot | null> {
    return this.cache.getOrSetRead('user_data', `tg:${telegramId}`, cached, async () => {
      const user = await this.findByTelegramId(telegramId);
      return user ? toSnapshot(user) : null;
    });
  }

  /** Where the user's cached snapshot is kept in Redis (null without Redis). */
  snapshotKey(telegramId: string): string | null {
    return this.cache.redisKey('user_data', `tg:${telegramId}`);
  }

  /** For a change to a user made outside this service (one statement over several tables): no reader sees the old balance or status. */
  forget(telegramId: string): Promise<void> {
    return this.cache.delete('user_data', `tg:${telegramId}`);
  }

  private forgetAfterCommit(manager: EntityManager, telegramIds: (string | number)[]): Promise<void> {
    return afterCommit(manager, async () => {
      for (const telegramId of telegramIds) await this.forget(String(telegramId));
    });
  }

  async list(filter: { status?: UserStatus; after?: number; limit: number }): Promise<UserPage> {
    const items = await this.users.find({
      where: { ...(filter.status ? { status: filter.status } : {}), ...(filter.after ? { id: MoreThan(filter.after) } : {}) },
      order: { id: 'ASC' },
      take: filter.limit + 1,
    });
    const hasMore = items.length > filter.limit;
    const page = items.slice(0, filter.limit);
    return { items: page, nextCursor: hasMore ? page[page.length - 1].id : null };
  }

  /**
   * Creates the user on first contact, or returns the existing row. `created` is true exactly
   * once per Telegram account, ever: rows are never removed, only marked deleted.
   */
  async register(
    manager: EntityManager,
    telegramId: string,
    preferences: UserPreferences,
  ): Promise<{ user: User; created: boolean }> {
    const inserted: { id: number }[] = await manager.query(
      `INSERT INTO users (telegram_id, preferences, last_active_at) VALUES ($1, $2, now())
       ON CONFLICT (telegram_id) DO NOTHING RETURNING id`,
      [telegramId, preferences],
    );
    const user = await manager.findOneByOrFail(User, { telegramId });
    // A Telegram id with no user is cached as such until it registers.
    if (inserted.length > 0) await this.forgetAfterCommit(manager, [telegramId]);
    return { user, created: inserted.length > 0 };
  }

  /** A deleted user who sends /start again becomes active, with fresh preferences. */
  async reactivate(manager: EntityManager, id: number, preferences: UserPreferences): Promise<void> {
    const rows = await returning<{ telegram_id: string }>(
      manager,
      `UPDATE users SET status = 'active', preferences = $2, updated_at = now() WHERE id = $1 AND status = 'deleted' RETURNING telegram_id`,
      [id, preferences],
    );
    await this.forgetAfterCommit(manager, rows.map((r) => r.telegram_id));
  }

  /**
   * Moves credits with one guarded statement: never below zero, never read-then-write. Returns
   * the new balance, or null when the user has too few credits, with the ledger check of the same
   * statement: `ledgerDrift` is the balance before the move less the user's settled ledger rows
   * before it (0 when they agree). Its subqueries read the statement's snapshot, so both sides are
   * from one consistent moment even when a concurrent move on this user committed meanwhile.
   * `ledgerAhead` is what the caller's transaction already settled for this move (a pending
   * purchase marked completed first).
   */
  async applyCreditDelta(manager: EntityManager, id: number, delta: number, ledgerAhead = 0): Promise<{ balance: number; ledgerDrift: number } | null> {
    const rows = await returning<{ credits: number; telegram_id: string; ledger_drift: string }>(
      manager,
      `UPDATE users SET credits = credits + $1, updated_at = now()
       WHERE id = $2 AND credits + $1 >= 0
       RETURNING credits, telegram_id,
         (SELECT credits FROM users WHERE id = $2) + $3
           - (SELECT COALESCE(SUM(amount), 0) FROM transactions WHERE user_id = $2 AND status IN ('completed', 'refunded')) AS ledger_drift`,
      [delta, id, ledgerAhead],
    );
    await this.forgetAfterCommit(manager, rows.map((r) => r.telegram_id));
    return rows.length > 0 ? { balance: rows[0].credits, ledgerDrift: Number(rows[0].ledger_drift) } : null;
  }

  /** The user's balance, with the row locked until the caller's transaction ends. */
  async lockCredits(manager: EntityManager, id: number): Promise<number> {
    const [row] = await manager.query(`SELECT credits FROM users WHERE id = $1 FOR UPDATE`, [id]);
    return row.credits;
  }

  async setStatus(manager: EntityManager, id: number, status: UserStatus): Promise<User | null> {
    await manager.update(User, { id }, { status, updatedAt: new Date() });
    const user = await manager.findOneBy(User, { id });
    if (user) await this.forgetAfterCommit(manager, [user.telegramId]);
    return user;
  }

  /** Marks the user deleted and erases their preferences; the money columns stay for the ledger. */
  async markDeleted(manager: EntityManager, id: number): Promise<void> {
    const rows = await returning<{ telegram_id: string }>(
      manager,
      `UPDATE users SET status = 'deleted', preferences = '{}', updated_at = now() WHERE id = $1 RETURNING telegram_id`,
      [id],
    );
    await this.forgetAfterCommit(manager, rows.map((r) => r.telegram_id));
  }

  async setSubscription(manager: EntityManager, id: number, tier: SubscriptionTier | null, expiresAt: Date | null): Promise<void> {
    const rows = await returning<{ telegram_id: string }>(
      manager,
      `UPDATE users SET subscription_tier = $2, subscription_expires_at = $3, updated_at = now() WHERE id = $1 RETURNING telegram_id`,
      [id, tier, expiresAt],
    );
    await this.forgetAfterCommit(manager, rows.map((r) => r.telegram_id));
  }

  /** Subscribers whose paid month has ended lose their tier (the credits granted stay). */
  async lapseSubscriptions(manager: EntityManager, now: Date): Promise<{ id: number; telegram_id: string }[]> {
    const lapsed = await returning<{ id: number; telegram_id: string }>(
      manager,
      `UPDATE users SET subscription_tier = NULL, updated_at = now()
       WHERE subscription_tier IS NOT NULL AND subscription_expires_at < $1 RETURNING id, telegram_id`,
      [now],
    );
    await this.forgetAfterCommit(manager, lapsed.map((r) => r.telegram_id));
    return lapsed;
  }

  /** Merges a change into the user's preferences (language, deck, reversals) and forgets the cached copy. */
  async updatePreferences(
    id: number,
    telegramId: string,
    change: Partial<UserPreferences>,
    manager: EntityManager = this.users.manager,
  ): Promise<void> {
    await manager.query(`UPDATE users SET preferences = COALESCE(preferences, '{}'::jsonb) || $2::jsonb, updated_at = now() WHERE id = $1`, [
      id,
      JSON.stringify(change),
    ]);
    await this.forgetAfterCommit(manager, [telegramId]);
  }

  /** Writes the last-activity times gathered in memory, one statement for many users. */
  async recordActivity(activity: Map<number, Date>): Promise<void> {
    if (activity.size === 0) return;
    const ids = [...activity.keys()];
    const times = ids.map((id) => activity.get(id)!.toISOString());
    await this.users.query(
      `UPDATE users AS u SET last_active_at = GREATEST(COALESCE(u.last_active_at, v.at), v.at)
       FROM unnest($1::int[], $2::timestamptz[]) AS v(id, at) WHERE u.id = v.id`,
      [ids, times],
    );
  }
}
