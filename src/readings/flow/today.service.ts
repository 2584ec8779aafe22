import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Language } from 'src/common/i18n/i18n.service';
import { SPREAD_POSITION_KEYS } from '../spreads/spread-texts.en';
import { UserSnapshot } from 'src/users/user-snapshot';
import { Reading } from '../reading.entity';
import { ReadingRenderer } from '../delivery/reading-renderer';
import { ReadingsService } from '../readings.service';
import { ReadingWriterService } from '../generation/reading-writer.service';

export const DAILY_SPREAD = 'daily';

function startOfUtcDay(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

/**
 * /today: one free card a day (the UTC calendar day), the same all day for the same user,
 * stored as a `daily` reading with no transaction. Written by the built-in interpreter, so it
 * is ready within the update handler.
 */
@Injectable()
export class TodayService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly readings: ReadingsService,
    private readonly writer: ReadingWriterService,
    private readonly renderer: ReadingRenderer,
  ) {}

  async today(user: UserSnapshot, language: Language, now = new Date()): Promise<{ reading: Reading; fresh: boolean }> {
    const existing = await this.readings.findDaily(user.id, startOfUtcDay(now));
    if (existing) return { reading: existing, fresh: false };
    const written = await this.writer.write({
      spreadKey: DAILY_SPREAD,
      positions: SPREAD_POSITION_KEYS[DAILY_SPREAD],
      question: null,
      responses: null,
      preferences: user.preferences,
      language,
      builtinOnly: true,
      userId: user.id,
    });
    const reading = await this.dataSource.transaction(async (manager) => {
      const created = await this.readings.create(manager, user.id, DAILY_SPREAD);
      await this.readings.complete(manager, created.id, written.cards, this.renderer.stored(written.interpretation, written.cards));
      return created;
    });
    return { reading: (await this.readings.findOne(reading.id))!, fresh: true };
  }
}
