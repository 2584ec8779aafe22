import { AppConfig } from './config/app-config';
import { validateEnvironment } from './config/environment';
import { localModeBanner } from './local-mode-banner';

const config = (env: Record<string, string>): AppConfig => new AppConfig(validateEnvironment(env));

describe('localModeBanner', () => {
  it('names the web chat first, then the REST API with its token file and the data directory, relative to where npm start ran', () => {
    const sut = localModeBanner(config({ PORT: '3000', DATA_DIR: '/home/ann/tarot/data' }), '/home/ann/tarot');

    expect(sut[1]).toMatch(/Chat with the bot: +http:\/\/localhost:3000\/$/);
    expect(sut[2]).toMatch(/REST API: +http:\/\/localhost:3000\/api\/docs +\(Bearer token in \.\/data\/admin-token\)/);
    expect(sut[3]).toMatch(/Data: +\.\/data +\(the embedded PostgreSQL/);
    expect(sut.at(-1)).toMatch(/Ctrl-C/);
  });

  it('gives the admin port, absolute paths outside the working directory, and the configured database', () => {
    const sut = localModeBanner(
      config({ PORT: '3000', ADMIN_PORT: '3005', DATA_DIR: '/var/tarot', DATABASE_URL: 'postgres://db/tarot' }),
      '/home/ann/tarot',
    ).join('\n');

    expect(sut).toContain('http://localhost:3005/api/docs');
    expect(sut).toContain('/var/tarot/admin-token');
    expect(sut).toContain('the database is DATABASE_URL');
  });
});
