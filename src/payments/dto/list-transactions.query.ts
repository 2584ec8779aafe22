import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsCursor, IsInstant } from 'src/common/http/bounds';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { TRANSACTION_STATUSES, TRANSACTION_TYPES, TransactionStatus, TransactionType } from '../transaction.entity';

export class ListTransactionsQuery {
  @ApiPropertyOptional({ enum: TRANSACTION_TYPES }) @IsOptional() @IsIn(TRANSACTION_TYPES)
  type?: TransactionType;

  @ApiPropertyOptional({ enum: TRANSACTION_STATUSES }) @IsOptional() @IsIn(TRANSACTION_STATUSES)
  status?: TransactionStatus;

  @ApiPropertyOptional({ description: 'ISO-8601, inclusive' }) @IsInstant()
  from?: Date;

  @ApiPropertyOptional({ description: 'ISO-8601, exclusive' }) @IsInstant()
  to?: Date;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' }) @IsCursor()
  cursor?: number;

  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 200 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200)
  limit: number = 50;
}
