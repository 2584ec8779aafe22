import './config/force-utc';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Logger as PinoLogger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { setUpApp } from './app-setup';
import { listenOnPorts } from './common/http/exposure';
import { announceLocalMode } from './local-mode-banner';
import { WiringQuietLogger } from './common/logging/wiring-quiet-logger';
import { AppConfig } from './config/app-config';
import { ConfigValidationError, preflightEnvironment } from './config/environment';
import { redactSecrets } from './config/secrets';

async function bootstrap(): Promise<void> {
  const started = Date.now();
  preflightEnvironment();
  const app = await NestFactory.create<NestExpressApplication>(AppModule, { bufferLogs: true, abortOnError: false });
  const config = app.get(AppConfig);
  app.useLogger(config.localMode ? new WiringQuietLogger(app.get(PinoLogger)) : app.get(PinoLogger));
  // Nest would hold the logs until the start completes; an operator watching a slow start needs them now.
  app.flushLogs();
  app.enableShutdownHooks();
  setUpApp(app);
  await listenOnPorts(app, config);
  const { port, adminPort, bindAddress } = config.http;
  const logger = new Logger('Main');
  logger.log(`Listening on ${bindAddress}:${port} (REST API, /api/docs and /metrics on :${adminPort}); started in ${Date.now() - started} ms`);
  announceLocalMode(config);
}

bootstrap().catch((error: unknown) => {
  // What was logged before the failure is still buffered: it is the story of the start, print it.
  Logger.flush();
  const message = error instanceof ConfigValidationError || error instanceof Error ? error.message : String(error);
  process.stderr.write(`Cannot start: ${redactSecrets(message)}\n`, () => process.exit(1));
});
