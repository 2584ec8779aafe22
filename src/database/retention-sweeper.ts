import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { MetricsService } from 'src/metrics/metrics.service';
import { deleteInBatches } from './batched-delete';
import { JobLock } from './job-lock';

export interface RetentionSweep {
  /** The job lock's name: one instance sweeps at a time. */
  job: string;
  /** The table swept, the metric's label. */
  table: string;
  /** What the rows are, for the log line ("finished sessions"). */
  rows: string;
  /** Deletes at most `batch` expired rows and says how many it deleted. */
  deleteBatch: (manager: EntityManager, batch: number) => Promise<number>;
}

/**
 * How every retention job deletes: on one instance (the job lock), in short batches, counted in
 * `tarot_retention_rows_deleted_total{table}` and logged when anything went. The module owning the
 * table says which rows expire.
 */
@Injectable()
export class RetentionSweeper {
  private readonly logger = new Logger('Retention');

  constructor(
    private readonly lock: JobLock,
    private readonly dataSource: DataSource,
    private readonly metrics: MetricsService,
  ) {}

  async sweep({ job, table, rows, deleteBatch }: RetentionSweep): Promise<number> {
    const deleted =
      (await this.lock.runExclusive(job, () => deleteInBatches((batch) => deleteBatch(this.dataSource.manager, batch)))) ?? 0;
    this.metrics.retentionDeleted.inc({ table }, deleted);
    if (deleted > 0) this.logger.log(`Deleted ${deleted} ${rows}`);
    return deleted;
  }
}
