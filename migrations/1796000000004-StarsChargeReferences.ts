import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Telegram Stars charge ids run well past the seed's 100 characters: the references are
 * widened so they are stored whole. A charge grants credits once: its id is unique among
 * Stars grants. A transaction is reversed by at most one refund row.
 */
export class StarsChargeReferences1796000000004 implements MigrationInterface {
  name = 'StarsChargeReferences1796000000004';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE transactions ALTER COLUMN payment_reference TYPE VARCHAR(255)`);
    await queryRunner.query(`ALTER TABLE transactions ALTER COLUMN refund_reference TYPE VARCHAR(255)`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX transactions_stars_charge_uniq ON transactions (payment_reference)
       WHERE payment_provider = 'telegram_stars' AND type IN ('purchase', 'subscription') AND payment_reference IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX transactions_one_refund_uniq ON transactions ((metadata->>'reverses'))
       WHERE type = 'refund' AND metadata ? 'reverses'`,
    );
    await queryRunner.query(
      `CREATE INDEX transactions_pending_idx ON transactions (created_at) WHERE status = 'pending'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX transactions_pending_idx`);
    await queryRunner.query(`DROP INDEX transactions_one_refund_uniq`);
    await queryRunner.query(`DROP INDEX transactions_stars_charge_uniq`);
    await queryRunner.query(`ALTER TABLE transactions ALTER COLUMN refund_reference TYPE VARCHAR(100)`);
    await queryRunner.query(`ALTER TABLE transactions ALTER COLUMN payment_reference TYPE VARCHAR(100)`);
  }
}
