import { ApiProperty } from '@nestjs/swagger';
import { RateLimit } from '../rate-limit.entity';

export class RateWindowResponse {
  @ApiProperty({ example: 'reading:1h' }) endpoint!: string;
  @ApiProperty() windowStart!: string;
  @ApiProperty() requestCount!: number;

  static from(row: RateLimit): RateWindowResponse {
    return { endpoint: row.endpoint, windowStart: row.windowStart.toISOString(), requestCount: row.requestCount };
  }
}
