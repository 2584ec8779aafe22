import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BotApiStandIn } from './bot-api-stand-in';
import type { TgMessage } from './telegram-objects.types';

const TOKEN = '123456789:AAE-stand-in-test-token';
const USER = { id: 6001, first_name: 'Iris', language_code: 'en' };
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);

async function call(base: string, method: string, params: Record<string, unknown> | FormData): Promise<TgMessage> {
  const multipart = params instanceof FormData;
  const response = await fetch(`${base}/bot${TOKEN}/${method}`, {
    method: 'POST',
    headers: multipart ? {} : { 'content-type': 'application/json' },
    body: multipart ? params : JSON.stringify(params),
  });
  const body = (await response.json()) as { ok: boolean; result: TgMessage; description?: string };
  if (!body.ok) throw new Error(`${method}: ${body.description}`);
  return body.result;
}

describe('BotApiStandIn with a state directory (local mode)', () => {
  let stateDir: string;
  let sut: BotApiStandIn;

  beforeEach(() => {
    stateDir = mkdtempSync(join(tmpdir(), 'stand-in-state-'));
  });

  afterEach(async () => {
    await sut?.stop();
    rmSync(stateDir, { recursive: true, force: true });
  });

  it('starts again with the chats, the payments and the pictures it had, and goes on numbering after them', async () => {
    sut = new BotApiStandIn(null, { stateDir });
    let base = await sut.start();
    const start = await sut.sendText(USER, '/start');
    await call(base, 'sendMessage', { chat_id: USER.id, text: 'Welcome' });
    const photo = new FormData();
    photo.set('chat_id', String(USER.id));
    photo.set('photo', new Blob([PNG], { type: 'image/png' }), 'spread.png');
    const picture = await call(base, 'sendPhoto', photo);
    const invoice = await call(base, 'sendInvoice', {
      chat_id: USER.id,
      title: '50 credits',
      description: 'Credits for readings',
      payload: 'pack-50',
      currency: 'XTR',
      prices: [{ label: 'Credits', amount: 500 }],
    });
    const history = sut.chatHistory(USER.id);
    await sut.stop();

    sut = new BotApiStandIn(null, { stateDir });
    base = await sut.start();

    expect(sut.chatHistory(USER.id)).toEqual(history);
    expect(sut.knownUsers()).toEqual([expect.objectContaining({ id: USER.id, first_name: 'Iris' })]);
    expect(sut.file(picture.photo!.at(-1)!.file_id)).toEqual({ kind: 'bytes', bytes: PNG, mimeType: 'image/png' });
    expect(sut.invoices()).toEqual([expect.objectContaining({ messageId: invoice.message_id, payload: 'pack-50' })]);
    const next = await sut.sendText(USER, 'hello again');
    expect(next.message.message_id).toBe(invoice.message_id + 1);
    expect(next.update.update_id).toBeGreaterThan(start.update.update_id);
  });

  it('keeps the bytes of sent pictures as files in its directory, and deletes them with the chats', async () => {
    sut = new BotApiStandIn(null, { stateDir });
    const base = await sut.start();
    await sut.sendText(USER, '/start');
    const photo = new FormData();
    photo.set('chat_id', String(USER.id));
    photo.set('photo', new Blob([PNG], { type: 'image/png' }), 'spread.png');
    await call(base, 'sendPhoto', photo);

    expect(readdirSync(join(stateDir, 'files'))).toHaveLength(1);
    sut.reset();
    expect(readdirSync(join(stateDir, 'files'))).toHaveLength(0);
  });

  it('starts empty when its saved state cannot be read, and says so', async () => {
    const lines: string[] = [];
    sut = new BotApiStandIn(null, { stateDir });
    await sut.start();
    await sut.sendText(USER, '/start');
    await sut.stop();
    writeFileSync(join(stateDir, 'chats.json'), '{ not json');

    sut = new BotApiStandIn(null, { stateDir, logger: (line) => lines.push(line) });
    await sut.start();

    expect(sut.knownUsers()).toEqual([]);
    expect(lines.join('\n')).toContain('could not be read');
  });

  it('keeps only the latest calls when told to, numbering them on', async () => {
    sut = new BotApiStandIn(null, { maxRecordedCalls: 2 });
    const base = await sut.start();
    await sut.sendText(USER, '/start');
    for (const text of ['one', 'two', 'three']) await call(base, 'sendMessage', { chat_id: USER.id, text });

    expect(sut.calls().map((record) => [record.index, record.params.text])).toEqual([
      [1, 'two'],
      [2, 'three'],
    ]);
    expect(sut.mark()).toBe(3);
  });
});
