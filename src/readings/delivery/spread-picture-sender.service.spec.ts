import { TelegramError } from 'telegraf';
import type { AppCacheService } from 'src/cache/app-cache.service';
import type { I18nService } from 'src/common/i18n/i18n.service';
import type { MetricsService } from 'src/metrics/metrics.service';
import type { NotifierService } from 'src/telegram/notifier.service';
import { DrawnCard } from '../reading.entity';
import { SpreadPictureSenderService } from './spread-picture-sender.service';

/** The picture's file_id is kept in memory as well as in the cache: a reused picture costs no Redis read. */
describe('SpreadPictureSenderService file_ids', () => {
  const card: DrawnCard = { cardId: 'the_fool', name: 'The Fool', reversed: false, positionKey: 'card', positionName: 'Card' };
  let cacheReads: number;
  let cached: Map<string, string>;
  let photos: (Buffer | string)[];
  let refuse: string | undefined;
  let sender: SpreadPictureSenderService;

  beforeEach(() => {
    cacheReads = 0;
    cached = new Map();
    photos = [];
    refuse = undefined;
    const cache = {
      get: async (_type: string, id: string) => (cacheReads++, cached.get(id)),
      set: async (_type: string, id: string, value: string) => void cached.set(id, value),
    } as unknown as AppCacheService;
    const notifier = {
      sendPhoto: async (_chat: number, photo: Buffer | string) => {
        if (photo === refuse) throw new TelegramError({ error_code: 400, description: 'Bad Request: wrong file identifier' });
        photos.push(photo);
        return `file-${photos.length}`;
      },
    } as unknown as NotifierService;
    const metrics = { spreadPictures: { inc: () => undefined } } as unknown as MetricsService;
    sender = new SpreadPictureSenderService(notifier, cache, {} as I18nService, metrics);
  });

  const send = () => sender.send(1, 'en', 'single', 'Single card', [card]);

  it('reads the cache once per picture, then reuses the file_id from memory', async () => {
    expect(await send()).toBe(true);
    expect(Buffer.isBuffer(photos[0])).toBe(true);
    await send();
    await send();
    expect(photos.slice(1)).toEqual(['file-1', 'file-1']);
    expect(cacheReads).toBe(1);
  });

  it('takes a file_id from the cache (another instance uploaded it) and keeps it', async () => {
    await send();
    const [id] = cached.keys();
    cached.set(id, 'from-another-instance');
    const fresh = new SpreadPictureSenderService(
      { sendPhoto: async (_c: number, photo: Buffer | string) => (photos.push(photo), 'x') } as unknown as NotifierService,
      { get: async (_t: string, key: string) => (cacheReads++, cached.get(key)), set: async () => undefined } as unknown as AppCacheService,
      {} as I18nService,
      { spreadPictures: { inc: () => undefined } } as unknown as MetricsService,
    );
    await fresh.send(1, 'en', 'single', 'Single card', [card]);
    await fresh.send(1, 'en', 'single', 'Single card', [card]);
    expect(photos.slice(1)).toEqual(['from-another-instance', 'from-another-instance']);
    expect(cacheReads).toBe(2);
  });

  it('draws and uploads again when Telegram refuses the kept file_id, and keeps the new one', async () => {
    await send();
    refuse = 'file-1';
    await send();
    expect(Buffer.isBuffer(photos[1])).toBe(true);
    await send();
    expect(photos[2]).toBe('file-2');
  });
});
