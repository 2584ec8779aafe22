import { Injectable } from '@nestjs/common';
import { AppCacheService } from 'src/cache/app-cache.service';
import { Reading } from '../reading.entity';
import { HISTORY_CACHE, ReadingsService } from '../readings.service';

export const PAST_PAGE_SIZE = 5;
/**
 * How many of a user's newest readings share their one `reading_history` entry (50 pages, about
 * 25 kB of JSON, well under the type's 500 kB limit); older pages are read from the database.
 */
export const CACHED_HISTORY = 250;

/** One entry of /past, small enough to cache. */
export interface PastEntry {
  id: number;
  spreadType: string;
  status: string;
  /** ISO-8601, UTC. */
  createdAt: string;
  /** The question's first words, or the first card: what tells one reading from another. */
  label?: string;
}

const LABEL_LENGTH = 32;

/** The first words of `text` that fit LABEL_LENGTH, cut at a word, with an ellipsis when cut. */
export function firstWords(text: string): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= LABEL_LENGTH) return clean;
  const cut = clean.slice(0, LABEL_LENGTH);
  const space = cut.lastIndexOf(' ');
  return `${(space > LABEL_LENGTH / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:!?-]+$/, '')}…`;
}

export interface PastPage {
  entries: PastEntry[];
  page: number;
  pages: number;
}

/** What the cache holds per user: the newest readings and how many there are in all. */
interface CachedHistory {
  entries: PastEntry[];
  total: number;
}

function entryOf(reading: Reading): PastEntry {
  const label = reading.question ? firstWords(reading.question) : reading.cards?.[0]?.name;
  return {
    id: reading.id,
    spreadType: reading.spreadType,
    status: reading.status,
    createdAt: reading.createdAt.toISOString(),
    ...(label ? { label } : {}),
  };
}

/**
 * /past: the user's readings, newest first, five a page. The newest are cached as one
 * `reading_history:<userId>` entry, so that a new or changed reading forgets them with a single
 * delete rather than a scan for every page's key.
 */
@Injectable()
export class PastReadingsService {
  constructor(
    private readonly readings: ReadingsService,
    private readonly cache: AppCacheService,
  ) {}

  async page(userId: number, page: number): Promise<PastPage> {
    const history = await this.cache.getOrSet<CachedHistory>(HISTORY_CACHE, String(userId), async () => {
      const { items, total } = await this.readings.summaries(userId, CACHED_HISTORY, 0);
      return { entries: items.map(entryOf), total };
    });
    const pages = Math.max(1, Math.ceil(history.total / PAST_PAGE_SIZE));
    // A page past the last (an old keyboard, a forged press) shows the last one.
    page = Math.min(Math.max(0, page), pages - 1);
    const start = page * PAST_PAGE_SIZE;
    if (start < CACHED_HISTORY) return { entries: history.entries.slice(start, start + PAST_PAGE_SIZE), page, pages };
    const { items } = await this.readings.summaries(userId, PAST_PAGE_SIZE, start);
    return { entries: items.map(entryOf), page, pages };
  }
}
