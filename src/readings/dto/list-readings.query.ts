import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsCursor } from 'src/common/http/bounds';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export class ListReadingsQuery {
  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsCursor()
  cursor?: number;

  @ApiPropertyOptional({ default: 20, minimum: 1, maximum: 100 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100)
  limit: number = 20;
}
