import { INestApplication } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { createServer } from 'node:http';
import { AppConfig } from 'src/config/app-config';
import { localHostsOnly } from 'src/bot-api-stand-in/local-host-guard';

const EVERY_INTERFACE = ['0.0.0.0', '::'];

/**
 * What each port shows: with ADMIN_PORT apart from PORT, the OpenAPI pages only on the admin
 * port and Telegram's webhook only on the public one. In local mode every request must name
 * this machine in its Host (no DNS rebinding) and come from no other site's page.
 */
export function limitExposure(app: INestApplication, config: AppConfig): void {
  const { port, adminPort, bindAddress } = config.http;
  if (config.localMode) app.use(localHostsOnly(EVERY_INTERFACE.includes(bindAddress) ? [] : [bindAddress]));
  if (port === adminPort) return;
  const onlyOn = (wanted: number) => (request: Request, response: Response, next: NextFunction) => {
    if (request.socket.localPort === wanted) next();
    else response.status(404).json({ statusCode: 404, message: 'Not Found' });
  };
  app.use(['/api/docs', '/api/docs-json'], onlyOn(adminPort));
  app.use(config.telegram.webhookPath, onlyOn(port));
}

/** Listens on PORT, and on ADMIN_PORT when it differs, both on BIND_ADDRESS. */
export async function listenOnPorts(app: INestApplication, config: AppConfig): Promise<void> {
  const { port, adminPort, bindAddress } = config.http;
  await app.listen(port, bindAddress);
  if (adminPort === port) return;
  const admin = createServer(app.getHttpAdapter().getInstance());
  await new Promise<void>((resolve, reject) => {
    admin.once('error', reject);
    admin.listen(adminPort, bindAddress, () => {
      admin.off('error', reject);
      resolve();
    });
  });
  app.getHttpServer().on('close', () => admin.close());
}
