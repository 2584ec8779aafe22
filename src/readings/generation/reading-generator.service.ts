import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { CatalogService } from 'src/catalog/catalog.service';
import { ErrorCode } from 'src/common/errors/error-code';
import { I18nService } from 'src/common/i18n/i18n.service';
import { MetricsService } from 'src/metrics/metrics.service';
import { NotifierService } from 'src/telegram/notifier.service';
import { SHUTDOWN_GRACE_MS } from 'src/telegram/update-pipeline';
import { ReadingDraft } from '../delivery/reading-draft';
import { GenerationJob } from './generation-job';
import { ReadingDeliveryService } from '../delivery/reading-delivery.service';
import { ReadingRenderer } from '../delivery/reading-renderer';
import { ReadingStoreService } from './reading-store.service';
import { ReadingWriterService, WrittenReading } from './reading-writer.service';

const TYPING_EVERY_MS = 4_000;

export type GenerationResult = 'completed' | 'gone' | 'insufficient' | 'failed';

/**
 * Writes, pays for and delivers a reading whose questions are answered, outside any update
 * handler, from the job it is handed. A reading is paid exactly when it is stored complete:
 * one statement stores it, takes the credits (guarded) and writes the ledger row.
 */
@Injectable()
export class ReadingGeneratorService implements BeforeApplicationShutdown {
  private readonly logger = new Logger(ReadingGeneratorService.name);
  private readonly running = new Set<Promise<unknown>>();

  constructor(
    private readonly writer: ReadingWriterService,
    private readonly store: ReadingStoreService,
    private readonly delivery: ReadingDeliveryService,
    private readonly renderer: ReadingRenderer,
    private readonly notifier: NotifierService,
    private readonly catalog: CatalogService,
    private readonly i18n: I18nService,
    private readonly metrics: MetricsService,
  ) {}

  /** Starts generation without waiting for it (the update is answered at once). */
  start(job: GenerationJob): void {
    const work = this.generate(job)
      .catch((error: Error) => this.logger.error(`Reading ${job.readingId}: ${error.stack ?? error.message}`))
      .finally(() => this.running.delete(work));
    this.running.add(work);
  }

  /** Waits for generations in flight (tests, shutdown). */
  async settle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  /**
   * Shutdown: readings being written get the grace period to be stored and paid; one cut off
   * stays `in_progress` with its questions answered, for the recovery pass of a live instance.
   */
  async beforeApplicationShutdown(): Promise<void> {
    const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), SHUTDOWN_GRACE_MS).unref());
    if ((await Promise.race([this.settle(), timeout])) === 'timeout') {
      this.logger.warn(`Shutting down with ${this.running.size} readings unfinished; the recovery pass will complete them`);
    }
  }

  async generate(job: GenerationJob): Promise<GenerationResult> {
    const { readingId, user, language } = job;
    const spread = this.catalog.spread(job.spreadKey);
    const typing = setInterval(() => void this.notifier.typing(user.telegramId), TYPING_EVERY_MS);
    // While an LLM writes the reading, the user watches it grow; the draft is no longer "typing…".
    const draft = new ReadingDraft(
      readingId,
      (draftId, html) => this.notifier.sendDraft(user.telegramId, draftId, html),
      (error) => this.logger.debug(`Reading ${readingId}: no more drafts (${error.message})`),
    );
    let written: WrittenReading;
    try {
      // No "typing…" at once: the user has just been told the deck is being shuffled.
      written = await this.writer.write({
        spreadKey: job.spreadKey,
        positions: spread?.positions ?? [],
        question: job.question,
        responses: job.responses,
        preferences: user.preferences,
        language,
        userId: user.id,
        onProgress: (read, cards) => {
          clearInterval(typing);
          draft.update(() => this.renderer.draft(language, read(), cards));
        },
      });
    } catch (error) {
      clearInterval(typing);
      await draft.close();
      this.logger.error(`Reading ${readingId} could not be written: ${(error as Error).message}`);
      return this.end(job, `${ErrorCode.GenerationFailed}: ${(error as Error).message}`, 'read.failed', 'failed');
    }
    clearInterval(typing);
    await draft.close();
    const charge = await this.store.completeAndCharge(
      { userId: user.id, telegramId: user.telegramId, readingId, sessionId: job.sessionId, price: job.price, spreadKey: job.spreadKey },
      written.cards,
      this.renderer.stored(written.interpretation, written.cards),
    );
    if (charge.kind === 'gone') return 'gone';
    if (charge.kind === 'insufficient') {
      return this.end(job, `${ErrorCode.InsufficientCredits}: the balance no longer covers ${job.price} credits`, 'read.insufficientAtCharge', 'insufficient');
    }
    this.metrics.readings.inc({ spread: job.spreadKey, status: 'completed' });
    this.metrics.creditsSpent.inc({ kind: 'reading_cost' }, job.price);
    try {
      await this.delivery.deliver(user.telegramId, language, written, job.question, { price: job.price, balance: charge.balance }, job.placeholder);
    } catch (error) {
      // The reading is stored and paid; it stays in /past for the user to open again.
      this.logger.warn(`Reading for user ${user.id} stored but not delivered: ${(error as Error).message}`);
    }
    return 'completed';
  }

  private async end(
    job: GenerationJob,
    reason: string,
    message: 'read.failed' | 'read.insufficientAtCharge',
    result: GenerationResult,
  ): Promise<GenerationResult> {
    const failed = await this.store.fail(job.user.id, job.sessionId, job.readingId, reason);
    if (!failed) return 'gone';
    this.metrics.readings.inc({ spread: 'unknown', status: 'error' });
    await this.notifier.send(job.user.telegramId, this.i18n.t(job.language, message)).catch(() => undefined);
    return result;
  }
}
