import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { IsCursor } from 'src/common/http/bounds';
import { USER_STATUSES, UserStatus } from '../user.entity';

export class ListUsersQuery {
  @ApiPropertyOptional({ enum: USER_STATUSES })
  @IsOptional() @IsIn(USER_STATUSES)
  status?: UserStatus;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsCursor()
  cursor?: number;

  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 200 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200)
  limit: number = 50;
}
