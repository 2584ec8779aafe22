import { Injectable } from '@nestjs/common';
import { AppCacheService } from 'src/cache/app-cache.service';
import { ReadingsService } from './readings.service';

export const PAST_PAGE_SIZE = 5;

/** One entry of /past, small enough to cache. */
export interface PastEntry {
  id: number;
  spreadType: string;
  status: string;
  /** ISO-8601, UTC. */
  createdAt: string;
}

export interface PastPage {
  entries: PastEntry[];
  page: number;
  pages: number;
}

/** /past: the user's readings, newest first, five a page, served from the `reading_history` cache. */
@Injectable()
export class PastReadingsService {
  constructor(
    private readonly readings: ReadingsService,
    private readonly cache: AppCacheService,
  ) {}

  page(userId: number, page: number): Promise<PastPage> {
    return this.cache.getOrSet('reading_history', `${userId}:${page}`, async () => {
      const { items, total } = await this.readings.page(userId, PAST_PAGE_SIZE, page * PAST_PAGE_SIZE);
      return {
        entries: items.map((r) => ({ id: r.id, spreadType: r.spreadType, status: r.status, createdAt: r.createdAt.toISOString() })),
        page,
        pages: Math.max(1, Math.ceil(total / PAST_PAGE_SIZE)),
      };
    });
  }

  /** Called after a reading lands or changes: the user's history pages are rebuilt on next view. */
  async forget(userId: number): Promise<void> {
    await this.cache.invalidate(`reading_history:${userId}:*`);
  }
}
