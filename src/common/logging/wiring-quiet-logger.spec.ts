import { LoggerService } from '@nestjs/common';
import { WiringQuietLogger } from './wiring-quiet-logger';

describe('WiringQuietLogger', () => {
  const calls: Array<[string, unknown[]]> = [];
  const inner: LoggerService = {
    log: (...args: unknown[]) => calls.push(['log', args]),
    error: (...args: unknown[]) => calls.push(['error', args]),
    warn: (...args: unknown[]) => calls.push(['warn', args]),
    debug: (...args: unknown[]) => calls.push(['debug', args]),
  };
  const sut = new WiringQuietLogger(inner);

  beforeEach(() => (calls.length = 0));

  it("turns Nest's module and route wiring lines into debug lines", () => {
    sut.log('UsersModule dependencies initialized', 'InstanceLoader');
    sut.log('Mapped {/health, GET} route', 'RouterExplorer');
    sut.log('HealthController {/health}:', 'RoutesResolver');

    expect(calls.map(([level]) => level)).toEqual(['debug', 'debug', 'debug']);
    expect(calls[0][1]).toEqual(['UsersModule dependencies initialized', 'InstanceLoader']);
  });

  it('passes every other line on at its own level', () => {
    sut.log('Listening on :3000', 'Main');
    sut.warn('REDIS_URL not set', 'Redis');
    sut.error('boom', 'stack', 'Bot');

    expect(calls).toEqual([
      ['log', ['Listening on :3000', 'Main']],
      ['warn', ['REDIS_URL not set', 'Redis']],
      ['error', ['boom', 'stack', 'Bot']],
    ]);
  });
});
