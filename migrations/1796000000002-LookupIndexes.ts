import { MigrationInterface, QueryRunner } from 'typeorm';

/** Indexes for the lookups every flow makes: a user's rows newest first, active sessions, old windows. */
export class LookupIndexes1796000000002 implements MigrationInterface {
  name = 'LookupIndexes1796000000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX readings_user_created_idx ON readings (user_id, created_at DESC, id DESC)`);
    await queryRunner.query(`CREATE INDEX transactions_user_created_idx ON transactions (user_id, created_at DESC, id DESC)`);
    await queryRunner.query(`CREATE INDEX user_sessions_active_idx ON user_sessions (user_id) WHERE status = 'active'`);
    await queryRunner.query(
      `CREATE INDEX user_sessions_idle_idx ON user_sessions (last_activity_at) WHERE status = 'active'`,
    );
    await queryRunner.query(`CREATE INDEX rate_limits_window_start_idx ON rate_limits (window_start)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const index of [
      'rate_limits_window_start_idx',
      'user_sessions_idle_idx',
      'user_sessions_active_idx',
      'transactions_user_created_idx',
      'readings_user_created_idx',
    ]) {
      await queryRunner.query(`DROP INDEX ${index}`);
    }
  }
}
