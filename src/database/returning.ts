import { EntityManager } from 'typeorm';

/**
 * Runs a statement with a RETURNING clause and gives its rows. TypeORM answers UPDATE and
 * DELETE with `[rows, rowCount]` but INSERT and SELECT with the rows alone; this hides that.
 */
export async function returning<T>(manager: EntityManager, sql: string, params: unknown[]): Promise<T[]> {
  const result: unknown = await manager.query(sql, params);
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') {
    return result[0] as T[];
  }
  return result as T[];
}
