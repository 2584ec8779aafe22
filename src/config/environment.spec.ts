import { AppConfig } from './app-config';
import { ConfigValidationError, validateEnvironment } from './environment';

describe('validateEnvironment', () => {
  it('accepts an empty environment: local mode with every default', () => {
    const config = new AppConfig(validateEnvironment({}));
    expect(config.localMode).toBe(true);
    expect(config.http).toEqual({ port: 3000, adminPort: 3000 });
    expect(config.telegram.mode).toBe('polling');
    expect(config.telegram.webhookPath).toBe('/telegram/webhook');
    expect(config.database.url).toBeUndefined();
    expect(config.llm).toBeUndefined();
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
      { name: 'alice', token: '0123456789abcdef' },
      { name: 'bob', token: 'fedcba9876543210' },
    ]);
    expect(config.http).toEqual({ port: 8080, adminPort: 9090 });
  });
});
