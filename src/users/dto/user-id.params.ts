import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Matches, Max, Min } from 'class-validator';

export class UserIdParams {
  @ApiProperty() @Type(() => Number) @IsInt() @Min(1) @Max(2_147_483_647)
  id!: number;
}

export class TelegramIdParams {
  @ApiProperty({ description: 'Telegram user id' }) @Matches(/^[1-9]\d{0,18}$/, { message: 'telegramId must be a positive integer' })
  telegramId!: string;
}
