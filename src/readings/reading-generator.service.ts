import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CatalogService } from 'src/catalog/catalog.service';
import { DomainException } from 'src/common/errors/domain.exception';
import { ErrorCode } from 'src/common/errors/error-code';
import { I18nService, Language } from 'src/common/i18n/i18n.service';
import { MetricsService } from 'src/metrics/metrics.service';
import { LedgerService } from 'src/payments/ledger.service';
import { SessionsService } from 'src/sessions/sessions.service';
import { callbackData } from 'src/telegram/callback-data';
import { Notifier } from 'src/telegram/notifier.service';
import { User } from 'src/users/user.entity';
import { UsersService } from 'src/users/users.service';
import { PastReadingsService } from './past-readings.service';
import { ReadingRenderer } from './reading-renderer';
import { ReadingsService } from './readings.service';
import { SHUTDOWN_GRACE_MS } from 'src/telegram/update-pipeline';
import { ReadingWriter, WrittenReading } from './reading-writer.service';
import { ReadingDraft } from './delivery/reading-draft';
import { Paid, ReadingDelivery } from './delivery/reading-delivery.service';

const TYPING_EVERY_MS = 4_000;

export type GenerationResult = 'completed' | 'gone' | 'insufficient' | 'failed';

/**
 * Writes, pays for and delivers a reading whose questions are answered, outside any update
 * handler. A reading is paid exactly when it is stored complete: one database transaction
 * stores it and takes the credits with a single guarded statement.
 */
@Injectable()
export class ReadingGenerator implements BeforeApplicationShutdown {
  private readonly logger = new Logger(ReadingGenerator.name);
  private readonly running = new Set<Promise<unknown>>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly readings: ReadingsService,
    private readonly sessions: SessionsService,
    private readonly ledger: LedgerService,
    private readonly users: UsersService,
    private readonly writer: ReadingWriter,
    private readonly renderer: ReadingRenderer,
    private readonly history: PastReadingsService,
    private readonly notifier: Notifier,
    private readonly delivery: ReadingDelivery,
    private readonly catalog: CatalogService,
    private readonly i18n: I18nService,
    private readonly metrics: MetricsService,
  ) {}

  /**
   * Starts generation without waiting for it (the update handler answers at once). `placeholder`:
   * the message that tells the user the deck is being shuffled, which the picture replaces.
   */
  start(readingId: number, sessionId: number, price: number, placeholder?: number): void {
    const work = this.generate(readingId, sessionId, price, placeholder)
      .catch((error: Error) => this.logger.error(`Reading ${readingId}: ${error.stack ?? error.message}`))
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

  async generate(readingId: number, sessionId: number, price: number, placeholder?: number): Promise<GenerationResult> {
    const reading = await this.readings.findWithUser(readingId);
    if (!reading?.user || reading.status !== 'in_progress') return 'gone';
    const user = reading.user;
    const language = this.i18n.resolveLanguage(user.preferences?.language);
    const spread = this.catalog.spread(reading.spreadType);
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
        spreadKey: reading.spreadType,
        positions: spread?.positions ?? [],
        question: reading.question,
        responses: reading.questionnaireResponses,
        preferences: user.preferences ?? {},
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
      return this.end(user, readingId, sessionId, `${ErrorCode.GenerationFailed}: ${(error as Error).message}`, 'read.failed', 'failed');
    }
    clearInterval(typing);
    await draft.close();
    let balance: number | null;
    try {
      balance = await this.dataSource.transaction(async (manager) => {
        const completed = await this.readings.complete(manager, readingId, written.cards, this.renderer.stored(written.interpretation, written.cards));
        if (!completed) return null;
        const moved = await this.ledger.move(manager, {
          userId: user.id,
          amount: -price,
          type: 'reading_cost',
          metadata: { readingId, spread: reading.spreadType },
        });
        await this.sessions.end(manager, sessionId, 'completed');
        return moved.balance;
      });
      if (balance === null) return 'gone';
    } catch (error) {
      if (error instanceof DomainException && error.code === ErrorCode.InsufficientCredits) {
        return this.end(user, readingId, sessionId, `${ErrorCode.InsufficientCredits}: the balance no longer covers ${price} credits`, 'read.insufficientAtCharge', 'insufficient');
      }
      throw error;
    }
    this.metrics.readings.inc({ spread: reading.spreadType, status: 'completed' });
    await this.users.forget(user.telegramId);
    await this.history.forget(user.id);
    await this.deliver(user, language, written, reading.question, { price, balance }, placeholder);
    return 'completed';
  }

  private async deliver(user: User, language: Language, written: WrittenReading, question: string | null, paid: Paid, placeholder?: number) {
    try {
      await this.delivery.deliver(user.telegramId, language, written, question, paid, placeholder);
    } catch (error) {
      // The reading is stored and paid; it stays in /past for the user to open again.
      this.logger.warn(`Reading for user ${user.id} stored but not delivered: ${(error as Error).message}`);
    }
  }

  private async end(
    user: User,
    readingId: number,
    sessionId: number,
    reason: string,
    message: 'read.failed' | 'read.insufficientAtCharge',
    result: GenerationResult,
  ): Promise<GenerationResult> {
    const failed = await this.readings.fail(readingId, reason);
    if (failed) this.metrics.readings.inc({ spread: 'unknown', status: 'error' });
    await this.dataSource.transaction((manager) => this.sessions.end(manager, sessionId, 'error'));
    if (!failed) return 'gone';
    const language = this.i18n.resolveLanguage(user.preferences?.language);
    await this.notifier.send(user.telegramId, this.i18n.t(language, message)).catch(() => undefined);
    return result;
  }
}
