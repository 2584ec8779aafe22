import { Params } from 'nestjs-pino';
import { AppConfig } from 'src/config/app-config';
import { redactSecrets } from 'src/config/secrets';

function redactObject(value: unknown): unknown {
  if (value instanceof Error) return { type: value.name, message: redactSecrets(value.message), stack: redactSecrets(value.stack ?? '') };
  if (value && typeof value === 'object') return JSON.parse(redactSecrets(JSON.stringify(value)));
  return value;
}

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
      hooks: {
        // A last line of defence: no token, key or password reaches the log, whatever logged it.
        logMethod(args, method) {
          method.apply(this, args.map((arg) => (typeof arg === 'string' ? redactSecrets(arg) : redactObject(arg))) as never);
        },
      },
      serializers: {
        req: (req: { method: string; url: string; id: unknown }) => ({ id: req.id, method: req.method, url: req.url }),
      },
    },
  };
}
