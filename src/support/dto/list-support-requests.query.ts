import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { SUPPORT_STATES, SupportState } from '../support-request';

export class ListSupportRequestsQuery {
  @ApiPropertyOptional({ enum: SUPPORT_STATES, default: 'open', description: '`open`: waiting for an answer' })
  @IsOptional() @IsIn(SUPPORT_STATES)
  state: SupportState = 'open';

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1)
  cursor?: number;

  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 200 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200)
  limit: number = 50;
}
