import { Injectable, Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { AppCacheService } from 'src/cache/app-cache.service';
import { I18nService, Language } from 'src/common/i18n/i18n.service';
import { MetricsService } from 'src/metrics/metrics.service';
import { NotifierService } from 'src/telegram/notifier.service';
import { isRefusedFile } from 'src/telegram/telegram-failure';
import { cardById } from '../deck/deck';
import { pictureCaption } from '../picture/picture-caption';
import { PictureRequest, SpreadPicture } from '../picture/spread-picture';
import { DrawnCard } from '../reading.entity';

export interface PictureOptions {
  /** The caption in HTML, within Telegram's 1,024 characters; the spread's name (plain) when absent. */
  caption?: string;
  /** A message of the bot's that the picture replaces (editMessageMedia) rather than following. */
  replace?: number;
}

/** Part of every picture's cache key: bump it when the design changes, so pictures are drawn anew. */
const DESIGN_VERSION = 2;

/**
 * How many pictures' file_ids this process keeps in memory besides Redis (about 150 bytes each):
 * a reading's picture then costs no Redis round trip (issue 20). A kept id never goes stale, since
 * the key is the picture's content; one Telegram refuses is forgotten here and uploaded again.
 */
const FILE_IDS_IN_MEMORY = 2_000;

/**
 * Sends the picture of a drawn spread before its text. A picture Telegram already holds (same
 * spread, cards, orientations and language) goes by its file_id: no drawing and no upload, as
 * Telegram recommends. A new one is rasterised off the event loop, uploaded, and its file_id
 * kept in the `card_data` cache, and in this process's memory (the most recently used ones).
 */
@Injectable()
export class SpreadPictureSenderService {
  private readonly logger = new Logger(SpreadPictureSenderService.name);
  private readonly spreadPicture = new SpreadPicture();
  private readonly fileIds = new Map<string, string>();

  constructor(
    private readonly notifier: NotifierService,
    private readonly cache: AppCacheService,
    private readonly i18n: I18nService,
    private readonly metrics: MetricsService,
  ) {}

  /**
   * Sends the captioned picture, best effort: the picture decorates a reading, so a spread that
   * cannot be drawn or that Telegram refuses is logged and counted, and the caller sends the
   * text all the same. Returns whether the picture went. The caption is the spread's name unless
   * `options.caption` (HTML, within Telegram's caption limit) says more; with `options.replace`
   * the picture takes the place of that message of the bot's.
   */
  async send(
    chatId: string | number,
    language: Language,
    spreadKey: string,
    spreadName: string,
    cards: DrawnCard[],
    options: PictureOptions = {},
  ): Promise<boolean> {
    try {
      this.metrics.spreadPictures.inc({ outcome: await this.trySend(chatId, spreadKey, spreadName, cards, options) });
      return true;
    } catch (error) {
      this.metrics.spreadPictures.inc({ outcome: 'failed' });
      this.logger.warn(`The ${spreadKey} picture for chat ${chatId} was not sent (${(error as Error).message}); sending the reading as text`);
      return false;
    }
  }

  private async trySend(chatId: string | number, spreadKey: string, spreadName: string, cards: DrawnCard[], options: PictureOptions): Promise<'uploaded' | 'reused'> {
    const request = this.request(spreadKey, spreadName, cards);
    const caption = options.caption ?? pictureCaption(spreadName);
    const how = { html: options.caption !== undefined, replace: options.replace };
    const id = `picture:${createHash('sha256').update(JSON.stringify([DESIGN_VERSION, request])).digest('base64url')}`;
    const fileId = await this.keptFileId(id);
    if (fileId) {
      try {
        await this.notifier.sendPhoto(chatId, fileId, caption, how);
        return 'reused';
      } catch (error) {
        // Telegram no longer knows the file (another bot token, a wiped test server): upload it again.
        if (!isRefusedFile(error)) throw error;
        this.fileIds.delete(id);
        this.logger.warn(`Telegram refused a kept picture (${error.message}); drawing it again`);
      }
    }
    const png = await this.spreadPicture.renderAsync(request);
    const uploaded = await this.notifier.sendPhoto(chatId, png, caption, how);
    if (uploaded) {
      this.remember(id, uploaded);
      await this.cache.set('card_data', id, uploaded);
    }
    return 'uploaded';
  }

  /** The picture's file_id from memory, else from the cache (then remembered); undefined when never sent. */
  private async keptFileId(id: string): Promise<string | undefined> {
    const known = this.fileIds.get(id);
    if (known !== undefined) {
      this.remember(id, known);
      return known;
    }
    const cached = await this.cache.get<string>('card_data', id);
    if (cached) this.remember(id, cached);
    return cached;
  }

  /** Keeps the id as the most recently used, dropping the least recently used beyond the bound. */
  private remember(id: string, fileId: string): void {
    this.fileIds.delete(id);
    this.fileIds.set(id, fileId);
    if (this.fileIds.size > FILE_IDS_IN_MEMORY) this.fileIds.delete(this.fileIds.keys().next().value!);
  }

  private request(spreadKey: string, spreadName: string, cards: DrawnCard[]): PictureRequest {
    return {
      spreadKey,
      spreadName,
      cards: cards.map((card) => {
        const facts = cardById(card.cardId);
        return {
          name: card.name,
          arcana: facts?.arcana ?? 'major',
          suit: facts?.suit ?? null,
          number: facts?.number ?? 0,
          reversed: card.reversed,
          positionName: card.positionName,
        };
      }),
    };
  }
}
