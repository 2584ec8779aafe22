import { Injectable, Logger } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { DataSource } from 'typeorm';
import { returning } from 'src/database/returning';
import { SessionsService } from 'src/sessions/sessions.service';
import { ReadingConversation, READING_SESSION } from './reading-conversation';
import { ReadingGenerator } from './reading-generator.service';
import { ReadingsService } from './readings.service';

/** A generation not finished this long after its questions were answered is presumed cut off. */
const LEASE_MINUTES = 2;
const MAX_ATTEMPTS = 3;
const BATCH = 10;

/**
 * Picks up readings whose questions were answered but which were never stored (the instance
 * writing them crashed or was stopped). Each is claimed by exactly one instance (`FOR UPDATE
 * SKIP LOCKED`, then a lease), written again, and charged only when stored complete; after
 * three attempts it ends as `error`, uncharged.
 */
@Injectable()
export class ReadingRecoveryJob {
  private readonly logger = new Logger(ReadingRecoveryJob.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionsService,
    private readonly readings: ReadingsService,
    private readonly generator: ReadingGenerator,
  ) {}

  @Cron(CronExpression.EVERY_MINUTE)
  async run(): Promise<number> {
    const claimed = await returning<{ id: number; data: ReadingConversation }>(
      this.dataSource.manager,
      `UPDATE user_sessions SET last_activity_at = now(),
         data = jsonb_set(data, '{attempts}', to_jsonb(COALESCE((data->>'attempts')::int, 0) + 1))
       WHERE id IN (
         SELECT id FROM user_sessions
         WHERE session_type = $1 AND status = 'active' AND data->>'step' = 'generating'
           AND last_activity_at < now() - make_interval(mins => $2)
         ORDER BY id LIMIT $3 FOR UPDATE SKIP LOCKED)
       RETURNING id, data`,
      [READING_SESSION, LEASE_MINUTES, BATCH],
    );
    for (const { id, data } of claimed) {
      if (data.attempts > MAX_ATTEMPTS) {
        await this.readings.fail(data.readingId, `READ001: gave up after ${MAX_ATTEMPTS} attempts`);
        await this.dataSource.transaction((manager) => this.sessions.end(manager, id, 'error'));
        continue;
      }
      this.logger.log(`Recovering reading ${data.readingId} (attempt ${data.attempts})`);
      await this.generator.generate(data.readingId, id, data.price).catch((error: Error) => this.logger.error(error.message));
    }
    return claimed.length;
  }
}
