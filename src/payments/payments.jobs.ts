import { Injectable, Logger } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { DataSource } from 'typeorm';
import { JobLock } from 'src/database/job-lock';
import { LedgerService } from './ledger.service';
import { INVOICE_LIFETIME_MS } from './stars-product';
import { ReconciliationService } from './reconciliation.service';
import { SubscriptionRenewals } from './subscription-renewals';

/** The money jobs, each on one instance at a time. */
@Injectable()
export class PaymentsJobs {
  private readonly logger = new Logger(PaymentsJobs.name);

  constructor(
    private readonly lock: JobLock,
    private readonly dataSource: DataSource,
    private readonly ledger: LedgerService,
    private readonly renewals: SubscriptionRenewals,
    private readonly reconciliation: ReconciliationService,
  ) {}

  /** Unpaid invoices fail after 24 hours. */
  @Cron(CronExpression.EVERY_HOUR)
  async expireInvoices(now = new Date()): Promise<number> {
    const cutoff = new Date(now.getTime() - INVOICE_LIFETIME_MS);
    return (await this.lock.runExclusive('expire-invoices', () => this.ledger.expirePending(this.dataSource.manager, cutoff))) ?? 0;
  }

  @Cron(CronExpression.EVERY_10_MINUTES)
  async lapseSubscriptions(now = new Date()): Promise<number> {
    return (await this.lock.runExclusive('lapse-subscriptions', () => this.renewals.lapse(now))) ?? 0;
  }

  @Cron(CronExpression.EVERY_30_MINUTES)
  async reconcile(): Promise<void> {
    await this.lock
      .runExclusive('reconciliation', () => this.reconciliation.run())
      .catch((error: Error) => this.logger.error(`Reconciliation failed: ${error.message}`));
  }
}
