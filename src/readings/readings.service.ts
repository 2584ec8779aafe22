import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, MoreThanOrEqual, Repository } from 'typeorm';
import { AppCacheService } from 'src/cache/app-cache.service';
import { CacheType } from 'src/config/cache-types';
import { afterCommit } from 'src/database/after-commit';
import { returning } from 'src/database/returning';
import { DrawnCard, Reading } from './reading.entity';

/**
 * A reading emptied by /deleteme, kept only for its ledger row: completed, with neither cards nor
 * an interpretation (a reading is stored completed only with both).
 */
export function isErased(reading: Pick<Reading, 'status' | 'cards' | 'interpretation'>): boolean {
  return reading.status === 'completed' && reading.cards.length === 0 && reading.interpretation === '';
}

/** SQL for "not erased", for the lists a user sees. */
const NOT_ERASED = `NOT (r.status = 'completed' AND r.cards = '[]'::jsonb AND r.interpretation = '')`;

export interface ReadingPage {
  items: Reading[];
  total: number;
}

/** The cache entry of a user's newest readings for /past (PastReadingsService reads it; every change here forgets it). */
export const HISTORY_CACHE: CacheType = 'reading_history';

/**
 * The `readings` table: a reading's life from `in_progress` to `completed`, `error` or
 * `interrupted`. A change forgets the user's cached /past once it is committed.
 */
@Injectable()
export class ReadingsService {
  constructor(
    @InjectRepository(Reading) private readonly readings: Repository<Reading>,
    private readonly cache: AppCacheService,
  ) {}

  /** For a change made outside this service (one statement over a reading and its conversation). */
  forgetHistory(userId: number): Promise<void> {
    return this.cache.delete(HISTORY_CACHE, String(userId));
  }

  private forgetAfterCommit(manager: EntityManager, userIds: number[]): Promise<void> {
    return afterCommit(manager, async () => {
      for (const userId of new Set(userIds)) await this.forgetHistory(userId);
    });
  }

  /** A reading starts empty: cards and interpretation exist only once it is written. */
  async create(manager: EntityManager, userId: number, spreadType: string): Promise<Reading> {
    const reading = await manager.save(manager.create(Reading, { userId, spreadType, cards: [], interpretation: '', status: 'in_progress' }));
    await this.forgetAfterCommit(manager, [userId]);
    return reading;
  }

  /**
   * Stores the written reading as completed, only if it is still in progress; false when it was
   * completed or ended meanwhile (so the caller charges nothing).
   */
  async complete(manager: EntityManager, id: number, cards: DrawnCard[], interpretation: string): Promise<boolean> {
    const rows = await returning<{ user_id: number }>(
      manager,
      `UPDATE readings SET status = 'completed', cards = $2, interpretation = $3, completed_at = now(),
         duration_seconds = GREATEST(0, round(extract(epoch FROM now() - created_at)))::int, error_message = NULL
       WHERE id = $1 AND status = 'in_progress' RETURNING user_id`,
      [id, JSON.stringify(cards), interpretation],
    );
    await this.forgetAfterCommit(manager, rows.map((r) => r.user_id));
    return rows.length > 0;
  }

  /** Ends readings still in progress as interrupted; returns the owners of those it ended. */
  async interrupt(ids: number[], manager: EntityManager = this.readings.manager): Promise<{ userId: number }[]> {
    if (ids.length === 0) return [];
    const owners = await returning<{ userId: number }>(
      manager,
      `UPDATE readings SET status = 'interrupted' WHERE id = ANY($1) AND status = 'in_progress' RETURNING user_id AS "userId"`,
      [ids],
    );
    await this.forgetAfterCommit(manager, owners.map((r) => r.userId));
    return owners;
  }

  findOne(id: number): Promise<Reading | null> {
    return this.readings.findOneBy({ id });
  }

  /** A page of the user's readings, newest first, with only what a list shows (the question and cards, to label them; no interpretation). */
  async summaries(userId: number, limit: number, offset: number): Promise<ReadingPage> {
    const [items, total] = await this.readings
      .createQueryBuilder('r')
      .select(['r.id', 'r.spreadType', 'r.status', 'r.createdAt', 'r.question', 'r.cards'])
      .where('r.user_id = :userId', { userId })
      .andWhere(NOT_ERASED)
      .orderBy('r.createdAt', 'DESC')
      .addOrderBy('r.id', 'DESC')
      .take(limit)
      .skip(offset)
      .getManyAndCount();
    return { items, total };
  }

  /** Today's (UTC) card of the day, if the user already drew it. */
  findDaily(userId: number, since: Date): Promise<Reading | null> {
    return this.readings.findOne({
      where: { userId, spreadType: 'daily', status: 'completed', createdAt: MoreThanOrEqual(since) },
      order: { id: 'ASC' },
    });
  }

  /** The interpretations of the user's latest completed readings, newest first, so a new one says nothing they have just read. */
  async recentInterpretations(userId: number, limit: number): Promise<string[]> {
    const rows = await this.readings.find({
      select: { id: true, interpretation: true },
      where: { userId, status: 'completed' },
      order: { id: 'DESC' },
      take: limit,
    });
    return rows.map((r) => r.interpretation);
  }

  /** Cursor pagination for the REST API: newest first, ids below `before`. */
  async listForUser(userId: number, before: number | undefined, limit: number): Promise<Reading[]> {
    const query = this.readings
      .createQueryBuilder('r')
      .where('r.user_id = :userId', { userId })
      .orderBy('r.id', 'DESC')
      .take(limit + 1);
    if (before) query.andWhere('r.id < :before', { before });
    return query.getMany();
  }

  /**
   * /deleteme: every reading goes, except those a `reading_cost` row of the ledger points at
   * (`paid`); they stay as an empty shell (spread, dates, status) with no question, answers, cards
   * or interpretation. A running reading is deleted, so its writer finds nothing to complete.
   */
  async eraseForUser(manager: EntityManager, userId: number, paid: number[]): Promise<void> {
    await manager.query(`DELETE FROM readings WHERE user_id = $1 AND NOT (id = ANY($2::int[]))`, [userId, paid]);
    await manager.query(
      `UPDATE readings SET question = NULL, questionnaire_responses = NULL, interpretation = '', cards = '[]',
         error_message = NULL
       WHERE user_id = $1`,
      [userId],
    );
    await this.forgetAfterCommit(manager, [userId]);
  }
}
