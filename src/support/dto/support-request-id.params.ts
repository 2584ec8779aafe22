import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';

export class SupportRequestIdParams {
  @ApiProperty() @Type(() => Number) @IsInt() @Min(1) @Max(2_147_483_647)
  id!: number;
}
