import { MigrationInterface, QueryRunner } from 'typeorm';

const INDEXES: [name: string, definition: string][] = [
  // The session retention job deletes finished conversations oldest first.
  ['user_sessions_finished_idx', `user_sessions (completed_at) WHERE status <> 'active'`],
  // The subscription lapse job (every ten minutes) looks only at subscribers' expiry dates.
  ['users_subscription_expiry_idx', `users (subscription_expires_at) WHERE subscription_tier IS NOT NULL`],
  // A user's rows newest first by id, as the REST lists page them (`id < cursor`): with only the
  // (user_id, created_at) indexes, PostgreSQL walks the primary key backwards through everyone's
  // rows to find an early user's. Nothing orders a user's transactions by date, so that index goes.
  ['transactions_user_id_idx', `transactions (user_id, id)`],
  ['readings_user_id_idx', `readings (user_id, id)`],
];
const REPLACED = { name: 'transactions_user_created_idx', definition: `transactions (user_id, created_at DESC, id DESC)` };

/**
 * Indexes for what otherwise reads a whole growing table (bench:scale found them). Built CONCURRENTLY, outside a
 * transaction, so a large table keeps taking writes while they build; an invalid index left by
 * an interrupted build is dropped and built again.
 */
export class RetentionAndJobIndexes1796000000019 implements MigrationInterface {
  name = 'RetentionAndJobIndexes1796000000019';
  transaction = false;

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const [name, definition] of INDEXES) {
      await queryRunner.query(`DROP INDEX CONCURRENTLY IF EXISTS ${name}`);
      await queryRunner.query(`CREATE INDEX CONCURRENTLY ${name} ON ${definition}`);
    }
    await queryRunner.query(`DROP INDEX CONCURRENTLY IF EXISTS ${REPLACED.name}`);
  }

  // TypeORM reverts inside a transaction whatever the migration says, so the way back is plain.
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX IF NOT EXISTS ${REPLACED.name} ON ${REPLACED.definition}`);
    for (const [name] of [...INDEXES].reverse()) {
      await queryRunner.query(`DROP INDEX IF EXISTS ${name}`);
    }
  }
}
