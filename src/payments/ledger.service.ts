import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { DomainException } from 'src/common/errors/domain.exception';
import { ErrorCode } from 'src/common/errors/error-code';
import { UsersService } from 'src/users/users.service';
import { Transaction, TransactionStatus, TransactionType } from './transaction.entity';

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

/**
 * The `transactions` table, and the one way credits move: the guarded balance update and its
 * ledger row, together, inside the caller's database transaction.
 */
@Injectable()
export class LedgerService {
  constructor(
    @InjectRepository(Transaction) private readonly transactions: Repository<Transaction>,
    private readonly users: UsersService,
  ) {}

  /** Moves `entry.amount` credits (negative spends) and records it completed; CREDIT001 if too few. */
  async move(manager: EntityManager, entry: LedgerEntry): Promise<CreditMove> {
    const balance = await this.users.applyCreditDelta(manager, entry.userId, entry.amount);
    if (balance === null) {
      throw new DomainException(ErrorCode.InsufficientCredits, 'The user does not have enough credits', {
        requested: -entry.amount,
      });
    }
    const transaction = await this.record(manager, { ...entry, status: entry.status ?? 'completed' });
    return { transaction, balance };
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

  /** The transaction an operator's earlier request with this Idempotency-Key produced, if any. */
  findByIdempotencyKey(key: string): Promise<Transaction | null> {
    return this.transactions
      .createQueryBuilder('t')
      .where(`t.metadata ? 'idempotencyKey'`)
      .andWhere(`t.metadata->>'idempotencyKey' = :key`, { key })
      .getOne();
  }
}
