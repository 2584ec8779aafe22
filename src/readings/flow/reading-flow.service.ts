import { Injectable, Logger } from '@nestjs/common';
import { CatalogService } from 'src/catalog/catalog.service';
import { SpreadDefinition } from 'src/catalog/catalog';
import { I18nService, Language } from 'src/common/i18n/i18n.service';
import { RateLimitService } from 'src/rate-limit/rate-limit.service';
import { READING_SESSION } from 'src/sessions/session-types';
import { SessionsService } from 'src/sessions/sessions.service';
import { NotifierService } from 'src/telegram/notifier.service';
import { UserSnapshot } from 'src/users/user-snapshot';
import { ReadingGeneratorService } from '../generation/reading-generator.service';
import { ReadingStoreService } from '../generation/reading-store.service';
import { ReadingTextsService } from '../delivery/reading-texts.service';
import { needsCare } from '../safety/safety-detector';
import {
  MAX_ANSWER_LENGTH,
  MAX_QUESTION_LENGTH,
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
  /** The questions are answered: the user was told the cards are being drawn, and generation has started. */
  | { kind: 'generate'; readingId: number }
  | { kind: 'busy' };

/**
 * The conversation of a reading, in the seed's order: validate and start (nothing is stored
 * for a user who cannot pay), the optional question, then the spread's questionnaire one
 * question at a time, and once the last is answered, generation starts with all it needs. Its
 * state lives in `user_sessions`, so any instance can continue it. Each step that writes is one
 * statement (ReadingStoreService).
 */
@Injectable()
export class ReadingFlowService {
  private readonly logger = new Logger(ReadingFlowService.name);

  constructor(
    private readonly catalog: CatalogService,
    private readonly sessions: SessionsService,
    private readonly store: ReadingStoreService,
    private readonly texts: ReadingTextsService,
    private readonly rateLimits: RateLimitService,
    private readonly generator: ReadingGeneratorService,
    private readonly notifier: NotifierService,
    private readonly i18n: I18nService,
  ) {}

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
    if (current && conversation?.spreadKey === spread.key && conversation.step === 'question' && ageSeconds(current.startedAt, now) < REPEAT_PRESS_SECONDS) {
      return { kind: 'repeated', spread };
    }
    const verdict = await this.rateLimits.hit(user, 'reading', now);
    if (!verdict.allowed) {
      await this.rateLimits.release(user.id, 'reading', now);
      return { kind: 'limited', spread, retryAt: verdict.retryAt! };
    }
    const { replacedStartedAt } = await this.store.start(user.id, spread.key, {
      spreadKey: spread.key,
      price: spread.price,
      step: 'question',
      questionIndex: 0,
      answers: [],
      attempts: 0,
      pressId,
    });
    // A reading replaced within seconds of its start was not a reading.
    if (replacedStartedAt && ageSeconds(replacedStartedAt, now) < READING_GRACE_SECONDS) {
      await this.rateLimits.release(user.id, 'reading', replacedStartedAt);
    }
    return { kind: 'started', spread, replaced: replacedStartedAt !== null };
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
      await this.store.abandon(user.id, session.id, conversation.readingId);
      return { kind: 'care' };
    }
    const next: ReadingConversation = { ...conversation, answers: [...conversation.answers], lastMessageId: messageId };
    const question = conversation.step === 'question' ? { text: trimmed } : undefined;
    if (question) {
      next.step = 'questionnaire';
      next.questionIndex = 0;
      next.question = question.text;
    } else {
      next.answers[conversation.questionIndex] = trimmed;
      next.questionIndex = conversation.questionIndex + 1;
    }
    if (next.questionIndex < questions.length) {
      await this.store.advance(session.id, next, question);
      return {
        kind: 'ask',
        index: next.questionIndex + 1,
        total: questions.length,
        question: questions[next.questionIndex],
        first: conversation.step === 'question',
      };
    }
    // The last answer, or the question of a spread without a questionnaire: stored with the responses, and the cards are drawn.
    next.step = 'generating';
    next.language = language;
    const responses = {
      questionnaire: spread?.questionnaire ?? null,
      answers: questions.map((asked, i) => ({ question: asked, answer: next.answers[i] ?? null })),
    };
    await this.store.awaitGeneration(session.id, next, responses, question);
    const placeholder = await this.notifier
      .send(user.telegramId, this.i18n.t(language, 'read.shuffling'))
      .catch((error: Error) => {
        this.logger.warn(`Could not tell user ${user.id} their cards are being drawn: ${error.message}`);
        return undefined;
      });
    this.generator.start({
      readingId: next.readingId,
      sessionId: session.id,
      price: next.price,
      spreadKey: next.spreadKey,
      question: next.question ?? null,
      responses,
      language,
      user: { id: user.id, telegramId: user.telegramId, preferences: user.preferences },
      placeholder,
    });
    return { kind: 'generate', readingId: next.readingId };
  }
}

function ageSeconds(startedAt: Date, now: Date): number {
  return (now.getTime() - new Date(startedAt).getTime()) / 1000;
}
