import { Body, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { AdminController } from 'src/common/admin/admin-api.decorator';
import { AppCacheService } from './app-cache.service';
import { CacheStats } from './cache-stats';
import { InvalidateCacheDto, InvalidateCacheResponse } from './dto/invalidate.dto';

@AdminController('cache', 'cache')
export class CacheController {
  constructor(private readonly cache: AppCacheService) {}

  @Get('stats')
  @ApiOperation({ summary: 'Hits, misses and hit ratio per cache type, keys, memory and budget' })
  stats(): Promise<CacheStats> {
    return this.cache.stats();
  }

  @Post('invalidate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Delete every cached key matching a pattern (SCAN, never KEYS)' })
  @ApiOkResponse({ type: InvalidateCacheResponse })
  async invalidate(@Body() body: InvalidateCacheDto): Promise<InvalidateCacheResponse> {
    return { pattern: body.pattern, deleted: await this.cache.invalidate(body.pattern) };
  }
}
