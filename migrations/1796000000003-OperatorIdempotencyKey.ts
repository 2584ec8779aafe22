import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An operator's retried money request (same Idempotency-Key) must act once, even across
 * instances: the key is kept in the transaction's metadata and made unique here.
 */
export class OperatorIdempotencyKey1796000000003 implements MigrationInterface {
  name = 'OperatorIdempotencyKey1796000000003';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE UNIQUE INDEX transactions_idempotency_key_uniq ON transactions ((metadata->>'idempotencyKey'))
       WHERE metadata ? 'idempotencyKey'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX transactions_idempotency_key_uniq`);
  }
}
