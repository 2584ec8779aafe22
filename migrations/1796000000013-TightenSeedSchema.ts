import { MigrationInterface, QueryRunner } from 'typeorm';

const NOT_NULL: [table: string, column: string][] = [
  ['users', 'status'],
  ['users', 'credits'],
  ['readings', 'user_id'],
  ['readings', 'status'],
  ['transactions', 'user_id'],
  ['transactions', 'status'],
  ['user_sessions', 'user_id'],
  ['user_sessions', 'status'],
  ['rate_limits', 'user_id'],
  ['rate_limits', 'window_start'],
];

const SEED_TYPES = `'purchase', 'reading_cost', 'refund', 'subscription'`;
const WIDER_TYPES = `${SEED_TYPES}, 'bonus', 'adjustment'`;

// Grants are positive, spending and take-backs never are; an operator's change goes either way.
// A tier may give no monthly credits and a refund may find nothing left to take, hence the zeros.
const AMOUNT_SIGN = `CASE type
  WHEN 'purchase' THEN amount > 0
  WHEN 'bonus' THEN amount > 0
  WHEN 'subscription' THEN amount >= 0
  WHEN 'reading_cost' THEN amount <= 0
  WHEN 'refund' THEN amount <= 0
  WHEN 'adjustment' THEN amount <> 0
END`;

/**
 * The seed's schema refuses rows no flow writes, with the same meaning: NOT NULL on every
 * status, `credits`, `user_id` and rate-limit key column (a NULL passed their CHECKs and
 * emptied the rate-limit unique key); `cards` always a JSON array; the sign of `amount` tied
 * to the type; a full index on `user_sessions(user_id)` (the partial one covers only active
 * sessions). The types gain `bonus` (welcome credits, promotions) and `adjustment` (operator
 * changes), so that `purchase` means a sale; existing rows move by their provider. Rows that
 * break a new rule stop the migration, named, instead of being changed silently.
 */
export class TightenSeedSchema1796000000013 implements MigrationInterface {
  name = 'TightenSeedSchema1796000000013';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE transactions DROP CONSTRAINT valid_type`);
    await queryRunner.query(`ALTER TABLE transactions ADD CONSTRAINT valid_type CHECK (type IN (${WIDER_TYPES}))`);
    await queryRunner.query(`UPDATE transactions SET type = 'bonus' WHERE type = 'purchase' AND payment_provider = 'promo'`);
    await queryRunner.query(`UPDATE transactions SET type = 'adjustment' WHERE type = 'purchase' AND payment_provider = 'operator'`);
    await this.refuseBreakingRows(queryRunner);
    for (const [table, column] of NOT_NULL) {
      await queryRunner.query(`ALTER TABLE ${table} ALTER COLUMN ${column} SET NOT NULL`);
    }
    await queryRunner.query(`ALTER TABLE readings ADD CONSTRAINT cards_is_array CHECK (jsonb_typeof(cards) = 'array')`);
    await queryRunner.query(`ALTER TABLE transactions ADD CONSTRAINT amount_sign_matches_type CHECK (${AMOUNT_SIGN})`);
    await queryRunner.query(`CREATE INDEX user_sessions_user_idx ON user_sessions (user_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX user_sessions_user_idx`);
    await queryRunner.query(`ALTER TABLE transactions DROP CONSTRAINT amount_sign_matches_type`);
    await queryRunner.query(`ALTER TABLE readings DROP CONSTRAINT cards_is_array`);
    for (const [table, column] of [...NOT_NULL].reverse()) {
      await queryRunner.query(`ALTER TABLE ${table} ALTER COLUMN ${column} DROP NOT NULL`);
    }
    await queryRunner.query(`UPDATE transactions SET type = 'purchase' WHERE type IN ('bonus', 'adjustment')`);
    await queryRunner.query(`ALTER TABLE transactions DROP CONSTRAINT valid_type`);
    await queryRunner.query(`ALTER TABLE transactions ADD CONSTRAINT valid_type CHECK (type IN (${SEED_TYPES}))`);
  }

  private async refuseBreakingRows(queryRunner: QueryRunner): Promise<void> {
    const checks = [
      ...NOT_NULL.map(([table, column]) => [`${table}.${column} is NULL`, `SELECT id FROM ${table} WHERE ${column} IS NULL`]),
      ['readings.cards is not an array', `SELECT id FROM readings WHERE jsonb_typeof(cards) <> 'array'`],
      ['transactions.amount has the wrong sign for its type', `SELECT id FROM transactions WHERE NOT (${AMOUNT_SIGN})`],
    ];
    const problems: string[] = [];
    for (const [rule, sql] of checks) {
      const rows: { id: number }[] = await queryRunner.query(`${sql} ORDER BY id LIMIT 20`);
      if (rows.length > 0) problems.push(`${rule}: first ids ${rows.map((r) => r.id).join(', ')}`);
    }
    if (problems.length > 0) {
      throw new Error(`Rows break the tightened schema; fix them and migrate again.\n${problems.join('\n')}`);
    }
  }
}
