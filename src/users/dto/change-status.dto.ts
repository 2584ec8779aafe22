import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { UserStatus } from '../user.entity';

/** Operators suspend and reactivate; deletion is the user's own act (/deleteme). */
export const OPERATOR_STATUSES = ['active', 'suspended'] as const;

export class ChangeStatusDto {
  @ApiProperty({ enum: OPERATOR_STATUSES })
  @IsIn(OPERATOR_STATUSES)
  status!: Extract<UserStatus, 'active' | 'suspended'>;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional() @IsString() @MaxLength(500)
  reason?: string;
}
