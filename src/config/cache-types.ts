/** The seed's cache types. TTLs and per-value size limits are the seed's defaults. */
export const CACHE_TYPES = {
  user_data: { ttlSeconds: 3600, maxBytes: 100_000 },
  reading_history: { ttlSeconds: 7200, maxBytes: 500_000 },
  card_data: { ttlSeconds: 86400, maxBytes: 1_000_000 },
} as const;

export type CacheType = keyof typeof CACHE_TYPES;
