/** Rows a retention job deletes per statement, and the most statements one run makes (1,000,000 rows). */
export const RETENTION_BATCH = 10_000;
const MAX_BATCHES_PER_RUN = 100;

/**
 * Runs `deleteBatch` until it removes fewer than `batch` rows or the run's bound is reached: each
 * statement is short, so a backlog (the first run on a large table) never holds a long lock or
 * one huge transaction; the next run goes on where this one stopped.
 */
export async function deleteInBatches(deleteBatch: (batch: number) => Promise<number>, batch = RETENTION_BATCH): Promise<number> {
  let total = 0;
  for (let i = 0; i < MAX_BATCHES_PER_RUN; i++) {
    const deleted = await deleteBatch(batch);
    total += deleted;
    if (deleted < batch) break;
  }
  return total;
}
