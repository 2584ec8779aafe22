import 'reflect-metadata';
import { BadRequestException } from '@nestjs/common';
import { createValidationPipe } from './validation.pipe';

describe('the global validation pipe', () => {
  const pipe = createValidationPipe();

  it('refuses a request body nested past any request of ours, naming where', async () => {
    let deep: unknown = 1;
    for (let i = 0; i < 40; i++) deep = { next: deep };
    const refusal = await pipe.transform(deep, { type: 'body', metatype: Object }).catch((error: BadRequestException) => error.getResponse());
    expect(refusal).toMatchObject({ statusCode: 400, code: 'VALIDATION', fields: [{ field: expect.stringMatching(/^next(\.next)+$/), problems: ['nests deeper than 32 levels'] }] });
  });

  it('leaves a bot handler\'s context alone, cycles and all (Telegraf\'s HTTPS agent holds some)', async () => {
    const agent: Record<string, unknown> = {};
    agent.sockets = { socket: { agent } };
    const ctx = { telegram: { options: { agent } } };
    await expect(pipe.transform(ctx, { type: 'custom' })).resolves.toBe(ctx);
  });
});
