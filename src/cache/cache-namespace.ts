/** Keyv namespace: every cache key in Redis reads `tarot::tarot:<type>:<id>`. */
export const CACHE_NAMESPACE = 'tarot';
