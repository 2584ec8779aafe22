import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from 'src/users/user.entity';

/**
 * The seed's four types and two more: `bonus` (welcome credits, promotions) and `adjustment`
 * (an operator's grant or deduction), so that `purchase` means a sale.
 */
export const TRANSACTION_TYPES = ['purchase', 'reading_cost', 'refund', 'subscription', 'bonus', 'adjustment'] as const;
export type TransactionType = (typeof TRANSACTION_TYPES)[number];

/** The types of the rows that grant credits for a Telegram Stars charge (one row per charge). */
export const STARS_GRANT_TYPES = ['purchase', 'subscription'] as const satisfies readonly TransactionType[];
export type StarsGrantType = (typeof STARS_GRANT_TYPES)[number];

export const TRANSACTION_STATUSES = ['pending', 'completed', 'failed', 'refunded'] as const;
export type TransactionStatus = (typeof TRANSACTION_STATUSES)[number];

/** Statuses under which a row's amount has moved credits: the ledger sums exactly these. */
export const SETTLED_STATUSES: readonly TransactionStatus[] = ['completed', 'refunded'];

/** The seed's `transactions` table: the ledger. Grants are positive, spending negative. */
@Entity('transactions')
@Check('valid_type', `type IN ('purchase', 'reading_cost', 'refund', 'subscription', 'bonus', 'adjustment')`)
@Check('valid_status', `status IN ('pending', 'completed', 'failed', 'refunded')`)
@Check(
  'amount_sign_matches_type',
  `CASE type WHEN 'purchase' THEN amount > 0 WHEN 'bonus' THEN amount > 0 WHEN 'subscription' THEN amount >= 0
   WHEN 'reading_cost' THEN amount <= 0 WHEN 'refund' THEN amount <= 0 WHEN 'adjustment' THEN amount <> 0 END`,
)
export class Transaction {
  @PrimaryGeneratedColumn({ primaryKeyConstraintName: 'transactions_pkey' })
  id!: number;

  @Column({ name: 'user_id', type: 'integer' })
  userId!: number;

  @ManyToOne(() => User, { nullable: false })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'transactions_user_id_fkey' })
  user?: User;

  @Column({ type: 'integer' })
  amount!: number;

  @Column({ type: 'varchar', length: 20 })
  type!: TransactionType;

  @Column({ type: 'varchar', length: 20, default: 'pending' })
  status!: TransactionStatus;

  @Column({ name: 'payment_provider', type: 'varchar', length: 50, nullable: true })
  paymentProvider!: string | null;

  @Column({ name: 'payment_reference', type: 'varchar', length: 255, nullable: true })
  paymentReference!: string | null;

  @Column({ name: 'refund_reference', type: 'varchar', length: 255, nullable: true })
  refundReference!: string | null;

  @Column({ name: 'created_at', type: 'timestamp', nullable: true, default: () => 'CURRENT_TIMESTAMP' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamp', nullable: true, default: () => 'CURRENT_TIMESTAMP' })
  updatedAt!: Date;

  @Column({ name: 'error_message', type: 'text', nullable: true })
  errorMessage!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  metadata!: Record<string, unknown> | null;
}
