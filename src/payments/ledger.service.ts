import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { DomainException } from 'src/common/errors/domain.exception';
import { ErrorCode } from 'src/common/errors/error-code';
import { returning } from 'src/database/returning';
import { MetricsService } from 'src/metrics/metrics.service';
import { UsersService } from 'src/users/users.service';
import { SETTLED_STATUSES, STARS_GRANT_TYPES, Transaction, TransactionStatus, TransactionType } from './transaction.entity';

export interface LedgerEntry {
  userId: number;
  amount: number;
  type: TransactionType;
  status?: TransactionStatus;
  provider?: string | null;
  reference?: string | null;
  metadata?: Record<string, unknown>;
}

export interface CreditMove {
  transaction: Transaction;
  balance: number;
}

export interface TransactionFilter {
  userId?: number;
  type?: TransactionType;
  status?: TransactionStatus;
  from?: Date;
  to?: Date;
  /** Ids below this (newest first). */
  before?: number;
  limit: number;
}

export interface AuditRow {
  userId: number;
  credits: number;
  ledgerSum: number;
}

/** A Stars grant with the Telegram id of the user it credited. */
export type StarsGrant = Transaction & { telegramId: string };

/** What the Stars audit needs of a grant to name one that has no charge. */
export interface GrantRef {
  id: number;
  userId: number;
  chargeId: string;
  amount: number;
}

export const STARS_PROVIDER = 'telegram_stars';

/**
 * The `transactions` table, and the one way credits move: the guarded balance update and its
 * ledger row, together, inside the caller's database transaction.
 */
@Injectable()
export class LedgerService {
  private readonly logger = new Logger(LedgerService.name);

  constructor(
    @InjectRepository(Transaction) private readonly transactions: Repository<Transaction>,
    private readonly users: UsersService,
    private readonly metrics: MetricsService,
  ) {}

  /** Moves `entry.amount` credits (negative spends) and records it completed; CREDIT001 if too few. */
  async move(manager: EntityManager, entry: LedgerEntry): Promise<CreditMove> {
    const moved = await this.users.applyCreditDelta(manager, entry.userId, entry.amount);
    if (moved === null) {
      throw new DomainException(ErrorCode.InsufficientCredits, 'The user does not have enough credits', {
        requested: -entry.amount,
      });
    }
    this.reportDrift(entry.userId, moved.ledgerDrift, entry.type);
    const transaction = await this.record(manager, { ...entry, status: entry.status ?? 'completed' });
    if (entry.amount > 0) this.metrics.creditsGranted.inc({ source: entry.provider ?? entry.type }, entry.amount);
    if (entry.amount < 0) this.metrics.creditsSpent.inc({ kind: entry.type }, -entry.amount);
    return { transaction, balance: moved.balance };
  }

  /**
   * The ledger check every money move makes in its own statement: a balance that was already off
   * its ledger before the move is logged and counted (`tarot_ledger_move_mismatches_total`); the
   * move itself goes ahead, as the user did nothing wrong.
   */
  reportDrift(userId: number, drift: number, kind: string): void {
    if (drift === 0) return;
    this.metrics.ledgerMoveMismatches.inc({ kind });
    this.logger.error(`CREDIT004: user ${userId}'s balance was ${drift > 0 ? '+' : ''}${drift} off their ledger before a ${kind} move`);
  }

  /** Writes a ledger row without moving credits (pending invoices, failed attempts). */
  record(manager: EntityManager, entry: LedgerEntry): Promise<Transaction> {
    return manager.save(
      manager.create(Transaction, {
        userId: entry.userId,
        amount: entry.amount,
        type: entry.type,
        status: entry.status ?? 'pending',
        paymentProvider: entry.provider ?? null,
        paymentReference: entry.reference ?? null,
        metadata: entry.metadata ?? null,
      }),
    );
  }

  /**
   * Settles a pending purchase with the charge that paid it and moves its credits; false when
   * it is no longer pending (paid already, or expired).
   */
  async settlePending(manager: EntityManager, id: number, chargeId: string, metadata: Record<string, unknown>): Promise<CreditMove | null> {
    const rows = await returning<{ id: number; user_id: number; amount: number }>(
      manager,
      `UPDATE transactions SET status = 'completed', payment_reference = $2, metadata = COALESCE(metadata, '{}'::jsonb) || $3::jsonb,
         updated_at = now()
       WHERE id = $1 AND status = 'pending' RETURNING id, user_id, amount`,
      [id, chargeId, JSON.stringify(metadata)],
    );
    if (rows.length === 0) return null;
    // The row settled just above already counts in the ledger; the balance does not have it yet.
    const moved = (await this.users.applyCreditDelta(manager, rows[0].user_id, rows[0].amount, rows[0].amount))!;
    const transaction = (await manager.findOneBy(Transaction, { id }))!;
    this.reportDrift(rows[0].user_id, moved.ledgerDrift, transaction.type);
    return { transaction, balance: moved.balance };
  }

  /** Marks a settled grant refunded (its amount still counts: the refund row takes it back). */
  async markRefunded(manager: EntityManager, id: number, refundReference: string): Promise<boolean> {
    const result = await manager.update(
      Transaction,
      { id, status: 'completed' },
      { status: 'refunded', refundReference, updatedAt: new Date() },
    );
    return (result.affected ?? 0) > 0;
  }

  async mergeMetadata(manager: EntityManager, id: number, metadata: Record<string, unknown>): Promise<void> {
    await manager.query(`UPDATE transactions SET metadata = COALESCE(metadata, '{}'::jsonb) || $2::jsonb, updated_at = now() WHERE id = $1`, [
      id,
      JSON.stringify(metadata),
    ]);
  }

  /** An invoice Telegram could not issue: its pending row fails with the reason. */
  async failPending(id: number, reason: string): Promise<void> {
    await this.transactions.query(
      `UPDATE transactions SET status = 'failed', error_message = $2, updated_at = now() WHERE id = $1 AND status = 'pending'`,
      [id, reason.slice(0, 500)],
    );
  }

  /** Unpaid invoices older than `cutoff` become failed. */
  async expirePending(manager: EntityManager, cutoff: Date): Promise<number> {
    const rows = await returning<{ id: number }>(
      manager,
      `UPDATE transactions SET status = 'failed', error_message = 'Invoice not paid within 24 hours', updated_at = now()
       WHERE status = 'pending' AND created_at < $1 RETURNING id`,
      [cutoff],
    );
    return rows.length;
  }

  findById(id: number, manager: EntityManager = this.transactions.manager): Promise<Transaction | null> {
    return manager.findOneBy(Transaction, { id });
  }

  /** The grant a Stars charge produced, if any. */
  findCharge(chargeId: string, manager: EntityManager = this.transactions.manager): Promise<Transaction | null> {
    return manager
      .createQueryBuilder(Transaction, 't')
      .where('t.payment_provider = :provider', { provider: STARS_PROVIDER })
      .andWhere('t.type IN (:...types)', { types: STARS_GRANT_TYPES })
      .andWhere('t.payment_reference = :chargeId', { chargeId })
      .getOne();
  }

  /** The user's newest subscription charge (not a link still unpaid), of one tier if named. */
  latestSubscription(userId: number, tier?: string): Promise<Transaction | null> {
    const query = this.transactions
      .createQueryBuilder('t')
      .where('t.user_id = :userId', { userId })
      .andWhere(`t.type = 'subscription' AND t.payment_provider = :provider`, { provider: STARS_PROVIDER })
      .andWhere('t.status IN (:...settled)', { settled: SETTLED_STATUSES })
      .orderBy('t.id', 'DESC');
    if (tier) query.andWhere(`t.metadata->>'tier' = :tier`, { tier });
    return query.getOne();
  }

  /** The settled grants of these Stars charges, with the payer's Telegram id: one page of the Stars audit. */
  async starsGrantsOf(chargeIds: string[]): Promise<StarsGrant[]> {
    if (chargeIds.length === 0) return [];
    const rows = await this.transactions
      .createQueryBuilder('t')
      .innerJoin('t.user', 'u')
      .addSelect('u.telegram_id', 'telegram_id')
      .where('t.payment_provider = :provider', { provider: STARS_PROVIDER })
      .andWhere('t.type IN (:...types)', { types: STARS_GRANT_TYPES })
      .andWhere('t.status IN (:...settled)', { settled: SETTLED_STATUSES })
      .andWhere('t.payment_reference IN (:...chargeIds)', { chargeIds })
      .orderBy('t.id')
      .getRawAndEntities();
    return rows.entities.map((t, i) => Object.assign(t, { telegramId: String(rows.raw[i].telegram_id) }));
  }

  /** The next settled Stars grants by id after `afterId`, up to `untilId`: the audit's walk of our side, a page at a time. */
  async starsGrantsAfter(afterId: number, untilId: number, limit: number): Promise<GrantRef[]> {
    const rows: { id: number; user_id: number; payment_reference: string; amount: number }[] = await this.transactions.query(
      `SELECT id, user_id, payment_reference, amount FROM transactions
       WHERE payment_provider = $1 AND type = ANY($2) AND status = ANY($3) AND id > $4 AND id <= $5
       ORDER BY id LIMIT $6`,
      [STARS_PROVIDER, STARS_GRANT_TYPES, SETTLED_STATUSES, afterId, untilId, limit],
    );
    return rows.map((r) => ({ id: r.id, userId: r.user_id, chargeId: r.payment_reference, amount: r.amount }));
  }

  /** The highest transaction id so far (0 when there is none). */
  async lastTransactionId(): Promise<number> {
    const [{ id }] = await this.transactions.query(`SELECT COALESCE(MAX(id), 0)::bigint AS id FROM transactions`);
    return Number(id);
  }

  /** The transaction an operator's earlier request with this Idempotency-Key produced, if any. */
  findByIdempotencyKey(key: string): Promise<Transaction | null> {
    return this.transactions
      .createQueryBuilder('t')
      .where(`t.metadata ? 'idempotencyKey'`)
      .andWhere(`t.metadata->>'idempotencyKey' = :key`, { key })
      .getOne();
  }

  list(filter: TransactionFilter): Promise<Transaction[]> {
    const query = this.transactions.createQueryBuilder('t').orderBy('t.id', 'DESC').take(filter.limit + 1);
    if (filter.userId) query.andWhere('t.user_id = :userId', { userId: filter.userId });
    if (filter.type) query.andWhere('t.type = :type', { type: filter.type });
    if (filter.status) query.andWhere('t.status = :status', { status: filter.status });
    if (filter.from) query.andWhere('t.created_at >= :from', { from: filter.from });
    if (filter.to) query.andWhere('t.created_at < :to', { to: filter.to });
    if (filter.before) query.andWhere('t.id < :before', { before: filter.before });
    return query.getMany();
  }

  /** The readings the user paid for: their `reading_cost` rows point at them, so they outlive /deleteme (emptied). */
  async paidReadingIds(manager: EntityManager, userId: number): Promise<number[]> {
    const rows: { id: number }[] = await manager.query(
      `SELECT DISTINCT (metadata->>'readingId')::int AS id FROM transactions
       WHERE user_id = $1 AND type = 'reading_cost' AND metadata->>'readingId' ~ '^[0-9]+$'`,
      [userId],
    );
    return rows.map((r) => r.id);
  }

  recentPayments(userId: number, limit: number): Promise<Transaction[]> {
    return this.transactions
      .createQueryBuilder('t')
      .where('t.user_id = :userId', { userId })
      .andWhere('t.payment_provider = :provider', { provider: STARS_PROVIDER })
      .andWhere('t.type IN (:...types)', { types: STARS_GRANT_TYPES })
      .orderBy('t.id', 'DESC')
      .take(limit)
      .getMany();
  }

  /**
   * The audit of the `limit` users after `afterUserId` (by id): each balance against the sum of the
   * user's settled rows, read through the `(user_id, id)` index. Bounded, for the incremental sweep.
   */
  async auditRange(afterUserId: number, limit: number): Promise<{ checked: number; lastUserId: number; mismatches: AuditRow[] }> {
    const rows: { user_id: number; credits: number; ledger_sum: string }[] = await this.transactions.query(
      `SELECT u.id AS user_id, u.credits, s.ledger_sum
       FROM (SELECT id, credits FROM users WHERE id > $1 ORDER BY id LIMIT $2) u
       CROSS JOIN LATERAL (
         SELECT COALESCE(SUM(t.amount) FILTER (WHERE t.status IN ('completed', 'refunded')), 0) AS ledger_sum
         FROM transactions t WHERE t.user_id = u.id) s
       ORDER BY u.id`,
      [afterUserId, limit],
    );
    const mismatches = rows
      .filter((r) => r.credits !== Number(r.ledger_sum) || r.credits < 0)
      .map((r) => ({ userId: r.user_id, credits: r.credits, ledgerSum: Number(r.ledger_sum) }));
    return { checked: rows.length, lastUserId: rows.at(-1)?.user_id ?? afterUserId, mismatches };
  }

  /** One user's balance against their settled rows, read through the `(user_id, id)` index; null for no such user. */
  async auditUser(userId: number): Promise<AuditRow | null> {
    const [row]: { credits: number; ledger_sum: string }[] = await this.transactions.query(
      `SELECT u.credits, (SELECT COALESCE(SUM(t.amount), 0) FROM transactions t
                          WHERE t.user_id = u.id AND t.status IN ('completed', 'refunded')) AS ledger_sum
       FROM users u WHERE u.id = $1`,
      [userId],
    );
    return row ? { userId, credits: row.credits, ledgerSum: Number(row.ledger_sum) } : null;
  }
}
