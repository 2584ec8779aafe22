import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RateLimitModule } from 'src/rate-limit/rate-limit.module';
import { UsersModule } from 'src/users/users.module';
import { LedgerController } from './ledger.controller';
import { LedgerService } from './ledger.service';
import { PaymentsJobs } from './payments.jobs';
import { PaymentsUpdate } from './payments.update';
import { PurchasesService } from './purchases.service';
import { ReconciliationService } from './reconciliation.service';
import { RefundsService } from './refunds.service';
import { StarsClient } from './stars/stars-client';
import { SubscriptionsService } from './subscriptions.service';
import { Transaction } from './transaction.entity';
import { TransactionsController } from './transactions.controller';

/** Money: the ledger, Stars packages and subscriptions, refunds, reconciliation and the audit. */
@Module({
  imports: [TypeOrmModule.forFeature([Transaction]), UsersModule, RateLimitModule],
  controllers: [TransactionsController, LedgerController],
  providers: [
    LedgerService,
    StarsClient,
    PurchasesService,
    SubscriptionsService,
    RefundsService,
    ReconciliationService,
    PaymentsJobs,
    PaymentsUpdate,
  ],
  exports: [LedgerService, SubscriptionsService],
})
export class PaymentsModule {}
