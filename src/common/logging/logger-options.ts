import { Params } from 'nestjs-pino';
import { AppConfig } from 'src/config/app-config';
import { redactingDestination } from './redacting-destination';

/**
 * Structured JSON logs (pretty in local mode). Request bodies are never logged, headers that
 * carry secrets are redacted, and every finished line passes through a last redaction of the
 * configured secrets on its way out (see redactingDestination).
 */
export function loggerOptions(config: AppConfig): Params {
  return {
    pinoHttp: [
      {
        level: config.logLevel,
        redact: {
          paths: ['req.headers.authorization', 'req.headers["x-telegram-bot-api-secret-token"]', 'req.headers.cookie'],
          censor: '[redacted]',
        },
        // Liveness probes, and in local mode the web chat's own traffic (its polls and event streams), are not news.
        autoLogging: { ignore: (req) => req.url === '/health/live' || (config.localMode && Boolean(req.url?.startsWith('/web-chat/'))) },
        serializers: {
          req: (req: { method: string; url: string; id: unknown }) => ({ id: req.id, method: req.method, url: req.url }),
          res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
        },
      },
      redactingDestination(config.localMode ? 'pretty' : 'json'),
    ],
  };
}
