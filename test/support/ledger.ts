import { DataSource } from 'typeorm';

/** Users whose credits differ from the sum of their settled ledger rows, or are negative. */
export async function ledgerMismatches(dataSource: DataSource): Promise<unknown[]> {
  return dataSource.query(
    `SELECT u.id, u.credits, COALESCE(SUM(t.amount) FILTER (WHERE t.status IN ('completed', 'refunded')), 0)::int AS ledger
     FROM users u LEFT JOIN transactions t ON t.user_id = u.id GROUP BY u.id
     HAVING u.credits <> COALESCE(SUM(t.amount) FILTER (WHERE t.status IN ('completed', 'refunded')), 0) OR u.credits < 0`,
  );
}
