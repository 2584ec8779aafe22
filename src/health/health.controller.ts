import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckResult, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { LlmHealthIndicator } from './llm.health';
import { RedisHealthIndicator } from './redis.health';
import { TelegramHealthIndicator } from 'src/telegram/telegram.health';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly redis: RedisHealthIndicator,
    private readonly telegram: TelegramHealthIndicator,
    private readonly llm: LlmHealthIndicator,
  ) {}

  /** Database, Redis, Telegram and the LLM when configured; 503 when one is down. Needs no token. */
  @Get()
  @HealthCheck()
  check(): Promise<HealthCheckResult> {
    return this.health.check([
      () => this.database.pingCheck('database', { timeout: 2000 }),
      () => this.redis.check(),
      () => this.telegram.check(),
      ...(this.llm.configured ? [() => this.llm.check()] : []),
    ]);
  }

  /** Liveness: the process answers, whatever its dependencies do. */
  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }
}
