import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

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

export class AuditPass {
  @ApiProperty({ type: String, format: 'date-time' }) startedAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'null while the pass is in progress' }) finishedAt!: string | null;
  @ApiProperty({ description: 'The last user id checked in this pass' }) position!: number;
  @ApiProperty({ description: 'Users checked in this pass' }) checked!: number;
  @ApiProperty({ description: 'Mismatches found in this pass' }) mismatchCount!: number;
  @ApiProperty({ type: [AuditMismatch], description: 'The first 100 of them' }) mismatches!: AuditMismatch[];
}

export class AuditUserCheck extends AuditMismatch {
  @ApiProperty() ok!: boolean;
}

export class AuditResponse {
  @ApiProperty({ description: 'false when the last complete pass or the one in progress found a mismatch, or the checked user is off' }) ok!: boolean;
  @ApiProperty({ example: 'CREDIT004', nullable: true }) code!: string | null;
  @ApiProperty({ type: AuditPass, nullable: true, description: 'The last pass of the sweep that reached the end' }) last!: AuditPass | null;
  @ApiProperty({ type: AuditPass, description: 'The pass in progress' }) current!: AuditPass;
  @ApiPropertyOptional({ type: AuditUserCheck, description: 'The user of ?userId, checked now' }) user?: AuditUserCheck;
}

export class AuditQuery {
  @ApiPropertyOptional({ minimum: 1, description: 'Also check this user now (one indexed sum)' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(2_147_483_647)
  userId?: number;
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
