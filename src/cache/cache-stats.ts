import { CacheType } from 'src/config/cache-types';

export interface CacheTypeStats {
  hits: number;
  misses: number;
  hitRatio: number | null;
  errors: number;
  oversize: number;
  keys: number;
}

export interface CacheStats {
  store: 'redis' | 'memory';
  available: boolean;
  types: Record<CacheType, CacheTypeStats>;
  /** Bytes Redis uses in all (null in memory mode or when Redis is down). */
  memoryBytes: number | null;
  budgetBytes: number;
  evicted: number;
}
