import { ApiProperty } from '@nestjs/swagger';
import { IsPositiveBigIntString, IsRowId, MAX_INT4 } from 'src/common/http/bounds';

export class UserIdParams {
  @ApiProperty({ minimum: 1, maximum: MAX_INT4 }) @IsRowId()
  id!: number;
}

export class TelegramIdParams {
  @ApiProperty({ description: 'Telegram user id (1 … 2^63−1)' }) @IsPositiveBigIntString()
  telegramId!: string;
}
