import { AppConfig } from './app-config';
import { ConfigValidationError, validateEnvironment } from './environment';

describe('validateEnvironment', () => {
  it('accepts an empty environment: local mode with every default', () => {
    const config = new AppConfig(validateEnvironment({}));
    expect(config.localMode).toBe(true);
    expect(config.http).toEqual({ port: 3000, adminPort: 3000, bindAddress: '127.0.0.1' });
    expect(config.telegram.mode).toBe('polling');
    expect(config.telegram.webhookPath).toBe('/telegram/webhook');
    expect(config.database.url).toBeUndefined();
    expect(config.llm).toBeUndefined();
    expect(config.telegram.dedupWindowSeconds).toBe(86_400);
  });

  it('takes a de-duplication window of 60 s to a week', () => {
    expect(new AppConfig(validateEnvironment({ DEDUP_WINDOW_SECONDS: '120' })).telegram.dedupWindowSeconds).toBe(120);
    expect(() => validateEnvironment({ DEDUP_WINDOW_SECONDS: '59' })).toThrow(/DEDUP_WINDOW_SECONDS: must be at least 60 seconds/);
    expect(() => validateEnvironment({ DEDUP_WINDOW_SECONDS: '1h' })).toThrow(/DEDUP_WINDOW_SECONDS: .*must be a whole number of seconds/);
  });

  it('names every bad variable in one error', () => {
    let error: ConfigValidationError | undefined;
    try {
      validateEnvironment({
        PORT: 'eighty',
        BOT_MODE: 'push',
        DATABASE_URL: 'mysql://x',
        REDIS_URL: 'localhost:6379',
        ADMIN_API_TOKENS: 'ops:short',
        TELEGRAM_BOT_TOKEN: 'nope',
      });
    } catch (caught) {
      error = caught as ConfigValidationError;
    }
    expect(error).toBeInstanceOf(ConfigValidationError);
    expect(error!.problems.map((p) => p.split(':')[0])).toEqual([
      'ADMIN_API_TOKENS',
      'BOT_MODE',
      'DATABASE_URL',
      'PORT',
      'REDIS_URL',
      'TELEGRAM_BOT_TOKEN',
    ]);
    expect(error!.message.split('\n')).toHaveLength(7);
  });

  it('requires a https URL and a secret in webhook mode', () => {
    expect(() => validateEnvironment({ BOT_MODE: 'webhook' })).toThrow(/WEBHOOK_SECRET[\s\S]*WEBHOOK_URL|WEBHOOK_URL[\s\S]*WEBHOOK_SECRET/);
    expect(() =>
      validateEnvironment({ BOT_MODE: 'webhook', WEBHOOK_URL: 'http://bot.example.com/hook', WEBHOOK_SECRET: 'ok_secret' }),
    ).toThrow(/WEBHOOK_URL/);
    expect(() =>
      validateEnvironment({ BOT_MODE: 'webhook', WEBHOOK_URL: 'https://bot.example.com/hook', WEBHOOK_SECRET: 'bad secret!' }),
    ).toThrow(/WEBHOOK_SECRET/);
    const config = new AppConfig(
      validateEnvironment({ BOT_MODE: 'webhook', WEBHOOK_URL: 'https://bot.example.com/hook', WEBHOOK_SECRET: 'ok_secret-1' }),
    );
    expect(config.telegram).toMatchObject({ mode: 'webhook', webhookSecret: 'ok_secret-1' });
  });

  it('parses admin tokens and ports', () => {
    const config = new AppConfig(
      validateEnvironment({ ADMIN_API_TOKENS: 'alice:0123456789abcdef,bob:fedcba9876543210', PORT: '8080', ADMIN_PORT: '9090' }),
    );
    expect(config.admin.tokens).toEqual([
      { name: 'alice', token: '0123456789abcdef', scopes: ['read', 'operate', 'money'] },
      { name: 'bob', token: 'fedcba9876543210', scopes: ['read', 'operate', 'money'] },
    ]);
    expect(config.http).toEqual({ port: 8080, adminPort: 9090, bindAddress: '127.0.0.1' });
    expect(config.admin.grantLimit).toBe(10_000);
  });

  it('parses scoped admin tokens, the grant limit, the metrics token and the bind address', () => {
    const config = new AppConfig(
      validateEnvironment({
        ADMIN_API_TOKENS: 'viewer:0123456789abcdef:read,ops:fedcba9876543210:read+operate+money',
        ADMIN_GRANT_LIMIT: '500',
        METRICS_TOKEN: 'metrics-token-0123456789',
        BIND_ADDRESS: '0.0.0.0',
      }),
    );
    expect(config.admin.tokens).toEqual([
      { name: 'viewer', token: '0123456789abcdef', scopes: ['read'] },
      { name: 'ops', token: 'fedcba9876543210', scopes: ['read', 'operate', 'money'] },
    ]);
    expect(config.admin.grantLimit).toBe(500);
    expect(config.metrics.token).toBe('metrics-token-0123456789');
    expect(config.http.bindAddress).toBe('0.0.0.0');
  });

  it('refuses an unknown scope, a bad bind address and a grant limit out of range', () => {
    expect(() =>
      validateEnvironment({ ADMIN_API_TOKENS: 'ops:0123456789abcdef:admin', BIND_ADDRESS: 'everywhere', ADMIN_GRANT_LIMIT: '0', METRICS_TOKEN: 'short' }),
    ).toThrow(/ADMIN_API_TOKENS[\s\S]*ADMIN_GRANT_LIMIT[\s\S]*BIND_ADDRESS[\s\S]*METRICS_TOKEN/);
  });
});
