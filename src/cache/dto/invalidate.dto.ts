import { ApiProperty } from '@nestjs/swagger';
import { Matches, MaxLength } from 'class-validator';

export class InvalidateCacheDto {
  @ApiProperty({ example: 'user_data:*', description: 'A glob over one cache type: `<type>:<pattern>` with * and ?' })
  @MaxLength(200)
  @Matches(/^(user_data|reading_history|card_data):[A-Za-z0-9_:*?-]*$/, {
    message: 'pattern must be <type>:<glob> with type user_data, reading_history or card_data, and only A-Z a-z 0-9 _ : - * ?',
  })
  pattern!: string;
}

export class InvalidateCacheResponse {
  @ApiProperty() pattern!: string;
  @ApiProperty({ description: 'Keys deleted' }) deleted!: number;
}
