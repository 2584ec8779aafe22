import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppCacheService } from 'src/cache/app-cache.service';
import { I18nService } from 'src/common/i18n/i18n.service';
import { returning } from 'src/database/returning';
import { LedgerService } from 'src/payments/ledger.service';
import { READING_SESSION } from 'src/sessions/session-types';
import { UserPreferences } from 'src/users/user.entity';
import { MAX_ACTIVE_SESSIONS } from 'src/sessions/sessions.service';
import { UsersService } from 'src/users/users.service';
import { ReadingConversation } from '../flow/reading-conversation';
import { GenerationJob } from './generation-job';
import { DrawnCard, QuestionnaireResponses } from '../reading.entity';
import { ReadingsService } from '../readings.service';

export type ChargeOutcome = { kind: 'charged'; balance: number } | { kind: 'gone' } | { kind: 'insufficient' };

/**
 * Each step of a paid reading as one SQL statement over its `readings` row and its conversation
 * in `user_sessions` (and, at the charge, the balance and the ledger row): a statement is atomic
 * on its own, so a step needs neither a transaction's BEGIN/COMMIT nor a read of what it has just
 * written. Every other write to those tables stays with their modules. The caches that a step
 * makes stale (the user's /past, their snapshot after a charge) are forgotten here, once the
 * statement has committed: in one round trip, with the update's last one when a step runs in an
 * update (the cache's CacheBatch). The charge's statement also checks the user's balance against their
 * ledger, both as they were before it (its snapshot), and reports a difference through the ledger.
 */
@Injectable()
export class ReadingStoreService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly readings: ReadingsService,
    private readonly users: UsersService,
    private readonly i18n: I18nService,
    private readonly ledger: LedgerService,
    private readonly cache: AppCacheService,
  ) {}

  /**
   * Ends the user's reading conversation if one is open (its reading interrupted), creates the
   * new reading and its conversation, and expires the oldest conversations past the per-user cap.
   * Returns the new ids and when the replaced conversation started, if there was one.
   */
  async start(
    userId: number,
    spreadKey: string,
    conversation: Omit<ReadingConversation, 'readingId'>,
  ): Promise<{ readingId: number; sessionId: number; replacedStartedAt: Date | null }> {
    // The statement's parts see the table as it was: the cap keeps room for the session it inserts
    // and leaves alone the one it ends.
    const [row] = await returning<{ reading_id: number; session_id: number; replaced_started_at: Date | null }>(
      this.dataSource.manager,
      `WITH replaced AS (
         UPDATE user_sessions SET status = 'completed', completed_at = now()
         WHERE user_id = $1 AND session_type = $2 AND status = 'active'
         RETURNING id, started_at, (data->>'readingId')::int AS reading_id),
       interrupted AS (
         UPDATE readings SET status = 'interrupted' WHERE id IN (SELECT reading_id FROM replaced) AND status = 'in_progress'),
       reading AS (
         INSERT INTO readings (user_id, spread_type, cards, interpretation, status)
         VALUES ($1, $3, '[]', '', 'in_progress') RETURNING id),
       session AS (
         INSERT INTO user_sessions (user_id, session_type, status, data)
         SELECT $1, $2, 'active', $4::jsonb || jsonb_build_object('readingId', reading.id) FROM reading RETURNING id),
       capped AS (
         UPDATE user_sessions SET status = 'expired', completed_at = now()
         WHERE id IN (SELECT id FROM user_sessions WHERE user_id = $1 AND status = 'active' AND id NOT IN (SELECT id FROM replaced)
                      ORDER BY last_activity_at DESC, id DESC OFFSET $5))
       SELECT reading.id AS reading_id, session.id AS session_id,
         (SELECT max(started_at) FROM replaced) AS replaced_started_at
       FROM reading, session`,
      [userId, READING_SESSION, spreadKey, JSON.stringify(conversation), MAX_ACTIVE_SESSIONS - 1],
    );
    await this.readings.forgetHistory(userId);
    return { readingId: row.reading_id, sessionId: row.session_id, replacedStartedAt: row.replaced_started_at };
  }

  /** The next question: the conversation moves on, and the reading takes the user's question if this answered it. */
  async advance(sessionId: number, conversation: ReadingConversation, question?: { text: string | null }): Promise<void> {
    await this.dataSource.query(
      `WITH session AS (
         UPDATE user_sessions SET data = $2, last_activity_at = now() WHERE id = $1 AND status = 'active' RETURNING id)
       UPDATE readings SET question = $4 WHERE id = $3 AND status = 'in_progress' AND $5`,
      [sessionId, JSON.stringify(conversation), conversation.readingId, question?.text ?? null, question !== undefined],
    );
  }

  /**
   * The questions are answered: the conversation waits for generation (which the recovery pass
   * also finds) and the reading stores the answers, with the question of a spread that asks no more.
   */
  async awaitGeneration(
    sessionId: number,
    conversation: ReadingConversation,
    responses: QuestionnaireResponses,
    question?: { text: string | null },
  ): Promise<void> {
    await this.dataSource.query(
      `WITH session AS (
         UPDATE user_sessions SET data = $2, last_activity_at = now() WHERE id = $1 AND status = 'active' RETURNING id)
       UPDATE readings SET questionnaire_responses = $4, question = CASE WHEN $6 THEN $5 ELSE question END
       WHERE id = $3 AND status = 'in_progress'`,
      [sessionId, JSON.stringify(conversation), conversation.readingId, JSON.stringify(responses), question?.text ?? null, question !== undefined],
    );
  }

  /** The conversation ends before its reading was written (the user needs care, not cards): nothing is charged. */
  async abandon(userId: number, sessionId: number, readingId: number): Promise<void> {
    await this.dataSource.query(
      `WITH session AS (
         UPDATE user_sessions SET status = 'completed', completed_at = now() WHERE id = $1 AND status = 'active' RETURNING id)
       UPDATE readings SET status = 'interrupted' WHERE id = $2 AND status = 'in_progress'`,
      [sessionId, readingId],
    );
    await this.readings.forgetHistory(userId);
  }

  /**
   * Stores the written reading complete, takes its price and writes the ledger row, and ends the
   * conversation, in one statement: all of it or none. The user's row is locked first and its
   * balance checked on its latest version, so concurrent charges on one balance queue there and
   * never take it below zero; a reading that is no longer in progress (completed by another
   * instance, interrupted) is neither stored nor charged.
   */
  async completeAndCharge(
    charge: { userId: number; telegramId: string; readingId: number; sessionId: number; price: number; spreadKey: string },
    cards: DrawnCard[],
    interpretation: string,
  ): Promise<ChargeOutcome> {
    const [row] = await returning<{ can_pay: boolean; balance: number | null; ledger_drift: string | null }>(
      this.dataSource.manager,
      `WITH payer AS MATERIALIZED (
         SELECT id FROM users WHERE id = $1 AND credits >= $4 FOR UPDATE),
       done AS (
         UPDATE readings SET status = 'completed', cards = $5, interpretation = $6, completed_at = now(),
           duration_seconds = GREATEST(0, round(extract(epoch FROM now() - created_at)))::int, error_message = NULL
         WHERE id = $2 AND status = 'in_progress' AND EXISTS (SELECT 1 FROM payer) RETURNING id),
       paid AS (
         UPDATE users SET credits = credits - $4, updated_at = now()
         WHERE id = $1 AND EXISTS (SELECT 1 FROM done) RETURNING credits),
       ledger AS (
         INSERT INTO transactions (user_id, amount, type, status, metadata)
         SELECT $1, -$4::int, 'reading_cost', 'completed', jsonb_build_object('readingId', $2::int, 'spread', $7::text) FROM paid),
       ended AS (
         UPDATE user_sessions SET status = 'completed', completed_at = now()
         WHERE id = $3 AND status = 'active' AND EXISTS (SELECT 1 FROM done))
       SELECT EXISTS (SELECT 1 FROM payer) AS can_pay, (SELECT credits FROM paid) AS balance,
         CASE WHEN EXISTS (SELECT 1 FROM paid) THEN (SELECT credits FROM users WHERE id = $1)
           - (SELECT COALESCE(SUM(amount), 0) FROM transactions WHERE user_id = $1 AND status IN ('completed', 'refunded')) END AS ledger_drift`,
      [charge.userId, charge.readingId, charge.sessionId, charge.price, JSON.stringify(cards), interpretation, charge.spreadKey],
    );
    if (row.balance === null) return row.can_pay ? { kind: 'gone' } : { kind: 'insufficient' };
    this.ledger.reportDrift(charge.userId, Number(row.ledger_drift), 'reading_cost');
    await this.cache.forgetTogether(async () => {
      await this.users.forget(charge.telegramId);
      await this.readings.forgetHistory(charge.userId);
    });
    return { kind: 'charged', balance: row.balance };
  }

  /** Ends a reading as `error` and its conversation too, uncharged; false when the reading was no longer in progress. */
  async fail(userId: number, sessionId: number, readingId: number, message: string): Promise<boolean> {
    const rows = await returning<{ id: number }>(
      this.dataSource.manager,
      `WITH session AS (
         UPDATE user_sessions SET status = 'error', completed_at = now() WHERE id = $1 AND status = 'active' RETURNING id)
       UPDATE readings SET status = 'error', error_message = $3 WHERE id = $2 AND status = 'in_progress' RETURNING id`,
      [sessionId, readingId, message.slice(0, 1000)],
    );
    if (rows.length > 0) await this.readings.forgetHistory(userId);
    return rows.length > 0;
  }

  /**
   * The generation jobs of conversations whose questions were answered (the recovery pass), read
   * in one statement with their readings and users; a reading no longer in progress has none.
   */
  async jobs(sessions: { id: number; data: Record<string, unknown> | null }[]): Promise<GenerationJob[]> {
    if (sessions.length === 0) return [];
    const rows = await returning<{
      session_id: number;
      reading_id: number;
      spread_type: string;
      question: string | null;
      questionnaire_responses: QuestionnaireResponses | null;
      user_id: number;
      telegram_id: string;
      preferences: UserPreferences | null;
    }>(
      this.dataSource.manager,
      `SELECT s.id AS session_id, r.id AS reading_id, r.spread_type, r.question, r.questionnaire_responses,
         u.id AS user_id, u.telegram_id, u.preferences
       FROM user_sessions s
       JOIN readings r ON r.id = (s.data->>'readingId')::int AND r.status = 'in_progress'
       JOIN users u ON u.id = r.user_id
       WHERE s.id = ANY($1::int[])`,
      [sessions.map((s) => s.id)],
    );
    return rows.map((row) => {
      const conversation = sessions.find((s) => s.id === row.session_id)!.data as unknown as ReadingConversation;
      const preferences = row.preferences ?? {};
      return {
        readingId: row.reading_id,
        sessionId: row.session_id,
        price: conversation.price,
        spreadKey: row.spread_type,
        question: row.question,
        responses: row.questionnaire_responses,
        language: conversation.language ?? this.i18n.resolveLanguage(preferences.language),
        user: { id: row.user_id, telegramId: String(row.telegram_id), preferences },
      };
    });
  }
}
