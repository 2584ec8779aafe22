import { Controller, Get, Header, NotFoundException, Req } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Request } from 'express';
import { AppConfig } from 'src/config/app-config';
import { MetricsService } from './metrics.service';

/** Prometheus metrics, on the admin port only. */
@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly config: AppConfig,
    private readonly metrics: MetricsService,
  ) {}

  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  scrape(@Req() request: Request): Promise<string> {
    const { port, adminPort } = this.config.http;
    if (port !== adminPort && request.socket.localPort !== adminPort) throw new NotFoundException();
    return this.metrics.registry.metrics();
  }
}
