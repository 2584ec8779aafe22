import { MigrationInterface, QueryRunner } from 'typeorm';

/** Credits never go below zero: the database refuses it even if a guarded update is missed. */
export class NonNegativeCredits1796000000001 implements MigrationInterface {
  name = 'NonNegativeCredits1796000000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE users ADD CONSTRAINT credits_non_negative CHECK (credits >= 0)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE users DROP CONSTRAINT credits_non_negative`);
  }
}
