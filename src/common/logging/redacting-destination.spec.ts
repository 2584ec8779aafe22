import { redactingDestination } from './redacting-destination';

describe('redactingDestination', () => {
  const TOKEN = '555000:redacting-destination-token-value';
  let before: string | undefined;

  beforeAll(() => {
    before = process.env.TELEGRAM_BOT_TOKEN;
    process.env.TELEGRAM_BOT_TOKEN = TOKEN;
  });
  afterAll(() => {
    if (before === undefined) delete process.env.TELEGRAM_BOT_TOKEN;
    else process.env.TELEGRAM_BOT_TOKEN = before;
  });

  it('replaces a configured secret anywhere in the finished line', () => {
    const lines: string[] = [];
    const sut = redactingDestination('json', { write: (line) => lines.push(line) });
    sut.write(`{"msg":"calling https://api.telegram.org/bot${TOKEN}/getMe","err":{"stack":"at ${TOKEN}"}}\n`);
    expect(lines).toEqual(['{"msg":"calling https://api.telegram.org/bot[redacted]/getMe","err":{"stack":"at [redacted]"}}\n']);
  });

  it('drops a line it cannot write instead of throwing into the caller', () => {
    const sut = redactingDestination('json', {
      write: () => {
        throw new Error('EPIPE');
      },
    });
    expect(() => sut.write('{"msg":"x"}\n')).not.toThrow();
  });
});
