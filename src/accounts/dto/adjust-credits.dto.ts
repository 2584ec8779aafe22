import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsNotEmpty, IsString, Max, MaxLength, Min } from 'class-validator';

export class AdjustCreditsDto {
  @ApiProperty({ minimum: 1, maximum: 1_000_000, description: 'How many credits to grant or deduct' })
  @IsInt() @Min(1) @Max(1_000_000)
  amount!: number;

  @ApiProperty({ maxLength: 500, description: 'Why; recorded in the transaction' })
  @IsString() @IsNotEmpty() @MaxLength(500)
  reason!: string;
}

export class CreditAdjustmentResponse {
  @ApiProperty() transactionId!: number;
  @ApiProperty({ description: 'The signed change: positive granted, negative deducted' }) amount!: number;
  @ApiProperty() balance!: number;
}
