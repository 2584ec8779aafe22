import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

export class RefundDto {
  @ApiProperty({ maxLength: 500 }) @IsString() @IsNotEmpty() @MaxLength(500)
  reason!: string;

  @ApiPropertyOptional({ default: false, description: 'Refund even if credits were spent: takes what is left and records the shortfall' })
  @IsOptional() @IsBoolean()
  force?: boolean;
}

export class RefundResponse {
  @ApiProperty() refundTransactionId!: number;
  @ApiProperty({ description: 'Credits the refunded payment had granted' }) refunded!: number;
  @ApiProperty({ description: 'Credits taken back' }) taken!: number;
  @ApiProperty({ description: 'Credits already spent, not taken back' }) shortfall!: number;
  @ApiProperty() balance!: number;
  @ApiProperty() alreadyRefundedAtTelegram!: boolean;
}

export class AuditMismatch {
  @ApiProperty() userId!: number;
  @ApiProperty() credits!: number;
  @ApiProperty() ledgerSum!: number;
}

export class AuditResponse {
  @ApiProperty() users!: number;
  @ApiProperty() ok!: boolean;
  @ApiProperty({ example: 'CREDIT004', nullable: true }) code!: string | null;
  @ApiProperty({ type: [AuditMismatch] }) mismatches!: AuditMismatch[];
}

export class ReconciliationResponse {
  @ApiProperty() scanned!: number;
  @ApiProperty() paymentsApplied!: number;
  @ApiProperty() refundsApplied!: number;
  @ApiProperty() unknown!: number;
  @ApiProperty() offset!: number;
}

export class ReconcileQuery {
  @ApiPropertyOptional({ description: 'Scan Telegram\'s whole Stars ledger again instead of from the kept offset' })
  @IsOptional() @IsIn(['true', 'false'])
  fromStart?: 'true' | 'false';
}
