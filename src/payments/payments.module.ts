import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UsersModule } from 'src/users/users.module';
import { LedgerService } from './ledger.service';
import { Transaction } from './transaction.entity';

/** Money: the ledger now; Stars packages, subscriptions, refunds and reconciliation build on it. */
@Module({
  imports: [TypeOrmModule.forFeature([Transaction]), UsersModule],
  providers: [LedgerService],
  exports: [LedgerService],
})
export class PaymentsModule {}
