import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { CatalogService } from 'src/catalog/catalog.service';
import { SpreadDefinition } from 'src/catalog/catalog';
import { I18nService, Language } from 'src/common/i18n/i18n.service';
import { SessionEndReason, SessionsService } from 'src/sessions/sessions.service';
import { UserSession } from 'src/sessions/user-session.entity';
import { Notifier } from 'src/telegram/notifier.service';
import { UserSnapshot } from 'src/users/user-snapshot';
import { UsersService } from 'src/users/users.service';
import { RateLimitService } from 'src/rate-limit/rate-limit.service';
import { PastReadingsService } from './past-readings.service';
import { ReadingTexts } from './reading-texts.service';
import { ReadingsService } from './readings.service';
import { needsCare } from './safety/safety-detector';
import {
  MAX_ANSWER_LENGTH,
  MAX_QUESTION_LENGTH,
  READING_SESSION,
  ReadingConversation,
} from './reading-conversation';

export type ChooseOutcome =
  | { kind: 'unknown_spread' }
  | { kind: 'cannot_pay'; spread: SpreadDefinition }
  /** The reading limit is reached: nothing stored; the next reading can start at `retryAt`. */
  | { kind: 'limited'; spread: SpreadDefinition; retryAt: Date }
  /** A second press on the same spread within seconds: the reading it started goes on, nothing is said. */
  | { kind: 'repeated'; spread: SpreadDefinition }
  | { kind: 'started'; spread: SpreadDefinition; replaced: boolean };

/**
 * A reading given up this soon after it started (cancelled, or replaced by another spread) does
 * not count against the reading limit; a press on the same spread this soon is the same reading.
 */
export const READING_GRACE_SECONDS = 30;
export const REPEAT_PRESS_SECONDS = 10;

export type AnswerOutcome =
  | { kind: 'no_reading' }
  | { kind: 'too_long'; length: number; max: number }
  | { kind: 'care' }
  | { kind: 'ask'; index: number; total: number; question: string; first: boolean }
  | { kind: 'generate'; readingId: number; sessionId: number; price: number }
  | { kind: 'busy' };

/**
 * The conversation of a reading, in the seed's order: validate and start (nothing is stored
 * for a user who cannot pay), the optional question, then the spread's questionnaire one
 * question at a time. Its state lives in `user_sessions`, so any instance can continue it.
 */
@Injectable()
export class ReadingFlowService {
  private readonly logger = new Logger(ReadingFlowService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly catalog: CatalogService,
    private readonly sessions: SessionsService,
    private readonly readings: ReadingsService,
    private readonly texts: ReadingTexts,
    private readonly history: PastReadingsService,
    private readonly users: UsersService,
    private readonly notifier: Notifier,
    private readonly i18n: I18nService,
    private readonly rateLimits: RateLimitService,
  ) {
    this.sessions.onEnded((ended, reason) => this.interruptEnded(ended, reason));
  }

  /** The press `pressId` (Telegram's callback query id) on a spread: a reading starts, or waits to be paid for. */
  async choose(user: UserSnapshot, spreadKey: string, pressId: string, now = new Date()): Promise<ChooseOutcome> {
    const spread = this.catalog.spread(spreadKey);
    if (!spread) return { kind: 'unknown_spread' };
    if (user.credits < spread.price) return { kind: 'cannot_pay', spread };
    const current = await this.sessions.findActive(user.id, READING_SESSION);
    const conversation = current?.data as unknown as ReadingConversation | undefined;
    // The same press delivered again: its reading goes on, and its question is asked again (the first answer may be lost).
    if (conversation?.pressId === pressId) return { kind: 'started', spread, replaced: false };
    // Another press on the same spread within seconds: the same reading, nothing more to say.
    if (current && conversation?.spreadKey === spread.key && conversation.step === 'question' && this.ageSeconds(current, now) < REPEAT_PRESS_SECONDS) {
      return { kind: 'repeated', spread };
    }
    const verdict = await this.rateLimits.hit(user, 'reading', now);
    if (!verdict.allowed) {
      await this.rateLimits.release(user.id, 'reading', now);
      return { kind: 'limited', spread, retryAt: verdict.retryAt! };
    }
    const replaced = await this.dataSource.transaction(async (manager) => {
      const previous = await this.sessions.findActive(user.id, READING_SESSION, manager);
      const started = previous?.data as unknown as ReadingConversation | undefined;
      if (previous) {
        await this.sessions.end(manager, previous.id, 'completed');
        if (started) await this.readings.interrupt(manager, [started.readingId]);
        if (this.ageSeconds(previous, now) < READING_GRACE_SECONDS) await this.rateLimits.release(user.id, 'reading', previous.startedAt);
      }
      const reading = await this.readings.create(manager, user.id, spread.key);
      const conversation: ReadingConversation = {
        readingId: reading.id,
        spreadKey: spread.key,
        price: spread.price,
        step: 'question',
        questionIndex: 0,
        answers: [],
        attempts: 0,
        pressId,
      };
      await this.sessions.open(manager, user.id, READING_SESSION, { ...conversation });
      return previous !== null;
    });
    await this.history.forget(user.id);
    return { kind: 'started', spread, replaced };
  }

  /** Whether the user is in a conversation other than a reading (support), which their free text belongs to. */
  async inOtherConversation(userId: number): Promise<boolean> {
    return (await this.sessions.findActive(userId)) !== null;
  }

  /** A text from the user (message `messageId`) while a reading waits for it; `null` is /skip. */
  async answer(user: UserSnapshot, language: Language, text: string | null, messageId: number): Promise<AnswerOutcome> {
    const session = await this.sessions.findActive(user.id, READING_SESSION);
    if (!session) return { kind: 'no_reading' };
    const conversation = session.data as unknown as ReadingConversation;
    if (conversation.step === 'generating') return { kind: 'busy' };
    const spread = this.catalog.spread(conversation.spreadKey);
    const questions = this.texts.questionnaire(language, spread?.questionnaire ?? null);
    if (conversation.lastMessageId !== undefined && messageId <= conversation.lastMessageId) {
      // Taken already: the question it was answering is asked again, and nothing is written.
      const index = conversation.questionIndex;
      return { kind: 'ask', index: index + 1, total: questions.length, question: questions[index], first: false };
    }
    const trimmed = text?.trim() || null;
    const max = conversation.step === 'question' ? MAX_QUESTION_LENGTH : MAX_ANSWER_LENGTH;
    if (trimmed && trimmed.length > max) return { kind: 'too_long', length: trimmed.length, max };
    if (needsCare(trimmed)) {
      await this.dataSource.transaction(async (manager) => {
        await this.sessions.end(manager, session.id, 'completed');
        await this.readings.interrupt(manager, [conversation.readingId]);
      });
      await this.history.forget(user.id);
      return { kind: 'care' };
    }
    return this.dataSource.transaction(async (manager) => {
      const next = { ...conversation, answers: [...conversation.answers], lastMessageId: messageId };
      const question = conversation.step === 'question' ? { text: trimmed } : undefined;
      if (question) {
        next.step = 'questionnaire';
        next.questionIndex = 0;
      } else {
        next.answers[conversation.questionIndex] = trimmed;
        next.questionIndex = conversation.questionIndex + 1;
      }
      if (next.questionIndex < questions.length) {
        if (question) await this.readings.setQuestion(manager, conversation.readingId, question.text);
        await this.sessions.advance(manager, session.id, { ...next });
        return {
          kind: 'ask',
          index: next.questionIndex + 1,
          total: questions.length,
          question: questions[next.questionIndex],
          first: conversation.step === 'question',
        };
      }
      // The last answer, or the question of a spread without a questionnaire: stored with the responses.
      return this.readyToGenerate(manager, session, next, spread?.questionnaire ?? null, questions, question);
    });
  }

  private async readyToGenerate(
    manager: EntityManager,
    session: UserSession,
    conversation: ReadingConversation,
    questionnaire: string | null,
    questions: string[],
    question?: { text: string | null },
  ): Promise<AnswerOutcome> {
    conversation.step = 'generating';
    await this.sessions.advance(manager, session.id, { ...conversation });
    await this.readings.setResponses(
      manager,
      conversation.readingId,
      { questionnaire, answers: questions.map((asked, i) => ({ question: asked, answer: conversation.answers[i] ?? null })) },
      question,
    );
    return { kind: 'generate', readingId: conversation.readingId, sessionId: session.id, price: conversation.price };
  }

  /**
   * A reading conversation cancelled or left idle: its reading is interrupted, nothing charged.
   * /cancel answers for itself; a user whose reading expired is told here.
   */
  private async interruptEnded(ended: UserSession[], reason: SessionEndReason): Promise<void> {
    const readings = ended.filter((s) => s.sessionType === READING_SESSION && s.data);
    const ids = readings.map((s) => (s.data as unknown as ReadingConversation).readingId);
    if (reason === 'cancelled') {
      const now = new Date();
      for (const session of readings) {
        if (this.ageSeconds(session, now) < READING_GRACE_SECONDS) await this.rateLimits.release(session.userId, 'reading', session.startedAt);
      }
    }
    const owners = new Set((await this.readings.interrupt(this.dataSource.manager, ids)).map((r) => r.userId));
    for (const userId of owners) {
      await this.history.forget(userId);
      if (reason === 'expired') await this.tellExpired(userId);
    }
  }

  private ageSeconds(session: UserSession, now: Date): number {
    return (now.getTime() - new Date(session.startedAt).getTime()) / 1000;
  }

  private async tellExpired(userId: number): Promise<void> {
    const user = await this.users.findById(userId);
    if (user?.status !== 'active') return;
    const language = this.i18n.resolveLanguage(user.preferences?.language);
    await this.notifier
      .send(user.telegramId, this.i18n.t(language, 'read.expired'))
      .catch((error: Error) => this.logger.warn(`Could not tell user ${userId} their reading expired: ${error.message}`));
  }
}
