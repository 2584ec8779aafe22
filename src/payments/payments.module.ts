import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RateLimitModule } from 'src/rate-limit/rate-limit.module';
import { UsersModule } from 'src/users/users.module';
import { LedgerController } from './ledger.controller';
import { LedgerAuditJob } from './ledger-audit.job';
import { LedgerService } from './ledger.service';
import { OperatorIdempotency } from './operator-idempotency';
import { PaymentRejections } from './payment-rejections';
import { PaymentsJobs } from './payments.jobs';
import { PaymentsUpdate } from './payments.update';
import { PurchasesService } from './purchases.service';
import { ReconciliationService } from './reconciliation.service';
import { RefundsService } from './refunds.service';
import { StarsAuditService } from './stars-audit.service';
import { StarsPayments } from './stars-payments';
import { StarsClient } from 'src/telegram/stars-client';
import { StarsLedgerFeed } from './stars/stars-ledger-feed';
import { SubscriptionRenewals } from './subscription-renewals';
import { SubscriptionsService } from './subscriptions.service';
import { Transaction } from './transaction.entity';
import { TransactionsController } from './transactions.controller';

/** Money: the ledger, Stars packages and subscriptions, refunds, reconciliation and the audits. */
@Module({
  imports: [TypeOrmModule.forFeature([Transaction]), UsersModule, RateLimitModule],
  controllers: [TransactionsController, LedgerController],
  providers: [
    LedgerService,
    LedgerAuditJob,
    StarsClient,
    StarsLedgerFeed,
    PaymentRejections,
    OperatorIdempotency,
    PurchasesService,
    SubscriptionsService,
    SubscriptionRenewals,
    StarsPayments,
    RefundsService,
    ReconciliationService,
    StarsAuditService,
    PaymentsJobs,
    PaymentsUpdate,
  ],
  exports: [LedgerService, SubscriptionRenewals, OperatorIdempotency],
})
export class PaymentsModule {}
