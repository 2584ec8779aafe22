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

export class StarsMismatchResponse {
  @ApiProperty({ example: 'CREDIT005', description: 'CREDIT005 charge not granted, CREDIT006 grant without charge, CREDIT007 granted to another user, CREDIT008 grant differs from the charge, CREDIT009 refund not applied, CREDIT010 reversed without a Telegram refund' })
  code!: string;
  @ApiProperty({ example: 'charge_not_granted' }) kind!: string;
  @ApiProperty() chargeId!: string;
  @ApiProperty({ nullable: true, type: Number }) transactionId!: number | null;
  @ApiProperty({ nullable: true, type: Number }) userId!: number | null;
  @ApiProperty() detail!: string;
}

export class StarsAuditResponse {
  @ApiProperty({ description: "Payments in Telegram's Stars ledger" }) charges!: number;
  @ApiProperty({ description: "Refunds in Telegram's Stars ledger" }) refunds!: number;
  @ApiProperty({ description: 'Ledger rows that granted credits for a Stars charge' }) grants!: number;
  @ApiProperty() ok!: boolean;
  @ApiProperty({ description: 'Every mismatch found' }) mismatchCount!: number;
  @ApiProperty({ type: [StarsMismatchResponse], description: 'The first 1,000 mismatches' }) mismatches!: StarsMismatchResponse[];
}

export class ReconciliationResponse {
  @ApiProperty() scanned!: number;
  @ApiProperty() paymentsApplied!: number;
  @ApiProperty() refundsApplied!: number;
  @ApiProperty({ description: 'Payments from users the bot does not know' }) unknown!: number;
  @ApiProperty({ description: 'Payments that do not match their invoice, recorded for an operator and not applied' }) refused!: number;
  @ApiProperty() offset!: number;
}

export class ReconcileQuery {
  @ApiPropertyOptional({ description: 'Scan Telegram\'s whole Stars ledger again instead of from the kept offset' })
  @IsOptional() @IsIn(['true', 'false'])
  fromStart?: 'true' | 'false';
}
