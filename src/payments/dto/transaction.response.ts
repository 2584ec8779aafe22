import { ApiProperty } from '@nestjs/swagger';
import { Transaction, TRANSACTION_STATUSES, TRANSACTION_TYPES, TransactionStatus, TransactionType } from '../transaction.entity';

export class TransactionResponse {
  @ApiProperty() id!: number;
  @ApiProperty() userId!: number;
  @ApiProperty({ description: 'Grants positive, spending and take-backs negative' }) amount!: number;
  @ApiProperty({ enum: TRANSACTION_TYPES }) type!: TransactionType;
  @ApiProperty({ enum: TRANSACTION_STATUSES }) status!: TransactionStatus;
  @ApiProperty({ nullable: true }) paymentProvider!: string | null;
  @ApiProperty({ nullable: true }) paymentReference!: string | null;
  @ApiProperty({ nullable: true }) refundReference!: string | null;
  @ApiProperty({ nullable: true }) errorMessage!: string | null;
  @ApiProperty({ nullable: true, type: Object }) metadata!: Record<string, unknown> | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;

  static from(t: Transaction): TransactionResponse {
    return {
      id: t.id,
      userId: t.userId,
      amount: t.amount,
      type: t.type,
      status: t.status,
      paymentProvider: t.paymentProvider,
      paymentReference: t.paymentReference,
      refundReference: t.refundReference,
      errorMessage: t.errorMessage,
      metadata: t.metadata,
      createdAt: t.createdAt.toISOString(),
      updatedAt: t.updatedAt.toISOString(),
    };
  }
}

export class TransactionPageResponse {
  @ApiProperty({ type: [TransactionResponse] }) items!: TransactionResponse[];
  @ApiProperty({ nullable: true, description: 'Pass as `cursor` for the next (older) page' }) nextCursor!: string | null;
}
