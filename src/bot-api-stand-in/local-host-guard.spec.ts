import type { NextFunction, Request, Response } from 'express';
import { localHostsOnly } from './local-host-guard';

function run(headers: Record<string, string>, alsoAllowed: string[] = []): number {
  let status = 0;
  const response = { status: (code: number) => ((status = code), response), json: () => response } as unknown as Response;
  const next: NextFunction = () => (status = 200);
  localHostsOnly(alsoAllowed)({ headers } as Request, response, next);
  return status;
}

describe('localHostsOnly', () => {
  it('lets loopback names through, with or without a port and an Origin of the same host', () => {
    expect(run({ host: 'localhost:3000' })).toBe(200);
    expect(run({ host: '127.0.0.1:3000', origin: 'http://127.0.0.1:3000' })).toBe(200);
    expect(run({ host: '[::1]:3000' })).toBe(200);
    expect(run({ host: 'LOCALHOST' })).toBe(200);
  });

  it('refuses a rebound name, a missing Host and a foreign Origin', () => {
    expect(run({ host: 'attacker.example:3000' })).toBe(403);
    expect(run({})).toBe(403);
    expect(run({ host: 'localhost:3000', origin: 'https://attacker.example' })).toBe(403);
    expect(run({ host: 'localhost:3000', origin: 'http://localhost:3001' })).toBe(403);
    expect(run({ host: 'localhost:3000', origin: 'null' })).toBe(403);
  });

  it('lets the bound address through when it is named', () => {
    expect(run({ host: '192.168.1.5:3000' })).toBe(403);
    expect(run({ host: '192.168.1.5:3000' }, ['192.168.1.5'])).toBe(200);
    expect(run({ host: '[fd00::5]:3000' }, ['fd00::5'])).toBe(200);
  });
});
