import { Controller, Get, Header, NotFoundException, Req } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Request } from 'express';
import { collectDefaultMetrics, register } from 'prom-client';
import { AppConfig } from 'src/config/app-config';

collectDefaultMetrics();

/** Prometheus metrics, on the admin port only. */
@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  constructor(private readonly config: AppConfig) {}

  @Get()
  @Header('Content-Type', register.contentType)
  metrics(@Req() request: Request): Promise<string> {
    const { port, adminPort } = this.config.http;
    if (port !== adminPort && request.socket.localPort !== adminPort) throw new NotFoundException();
    return register.metrics();
  }
}
