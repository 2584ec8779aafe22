import { Params } from 'nestjs-pino';
import { AppConfig } from 'src/config/app-config';

/**
 * Structured JSON logs (pretty in local mode). Request bodies are never logged, and headers
 * that carry secrets are redacted.
 */
export function loggerOptions(config: AppConfig): Params {
  return {
    pinoHttp: {
      level: config.logLevel,
      transport: config.localMode ? { target: 'pino-pretty', options: { singleLine: true } } : undefined,
      redact: {
        paths: ['req.headers.authorization', 'req.headers["x-telegram-bot-api-secret-token"]', 'req.headers.cookie'],
        censor: '[redacted]',
      },
      autoLogging: { ignore: (req) => req.url === '/health/live' },
      serializers: {
        req: (req: { method: string; url: string; id: unknown }) => ({ id: req.id, method: req.method, url: req.url }),
      },
    },
  };
}
