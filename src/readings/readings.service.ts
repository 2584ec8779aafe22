import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { Reading } from './reading.entity';

/** The `readings` table. The reading flow itself (draw, questionnaire, interpretation) builds on this. */
@Injectable()
export class ReadingsService {
  constructor(@InjectRepository(Reading) private readonly readings: Repository<Reading>) {}

  findForUser(userId: number, limit: number, offset = 0): Promise<Reading[]> {
    return this.readings.find({ where: { userId }, order: { createdAt: 'DESC', id: 'DESC' }, take: limit, skip: offset });
  }

  findOne(id: number): Promise<Reading | null> {
    return this.readings.findOneBy({ id });
  }

  /**
   * /deleteme: questions, answers and interpretations are erased; the rows stay (empty) so the
   * ledger's `reading_cost` entries still point at something. A running reading is interrupted.
   */
  async eraseForUser(manager: EntityManager, userId: number): Promise<void> {
    await manager.query(
      `UPDATE readings SET question = NULL, questionnaire_responses = NULL, interpretation = '',
         error_message = NULL,
         status = CASE WHEN status = 'in_progress' THEN 'interrupted' ELSE status END
       WHERE user_id = $1`,
      [userId],
    );
  }
}
