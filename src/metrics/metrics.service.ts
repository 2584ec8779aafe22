import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/**
 * The app's Prometheus metrics, in a registry of its own (two app instances in one process,
 * as in the tests, never collide).
 */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();

  readonly updates = new Counter({
    name: 'tarot_updates_total',
    help: 'Telegram updates handled, by update type and outcome',
    labelNames: ['type', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly updateDuration = new Histogram({
    name: 'tarot_update_duration_seconds',
    help: 'Time to handle one update, from receipt to the handler finishing',
    labelNames: ['type'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  readonly readings = new Counter({
    name: 'tarot_readings_total',
    help: 'Readings that ended, by spread and status',
    labelNames: ['spread', 'status'] as const,
    registers: [this.registry],
  });

  readonly retentionDeleted = new Counter({
    name: 'tarot_retention_rows_deleted_total',
    help: 'Rows the retention jobs deleted, by table (rate_limits, user_sessions)',
    labelNames: ['table'] as const,
    registers: [this.registry],
  });

  readonly ledgerAuditChecked = new Counter({
    name: 'tarot_ledger_audit_users_checked_total',
    help: 'Users whose balance the incremental ledger sweep compared with their ledger',
    registers: [this.registry],
  });

  readonly ledgerMismatches = new Counter({
    name: 'tarot_ledger_mismatches_found_total',
    help: 'Balances the incremental ledger sweep found different from their ledger (alert on any increase)',
    registers: [this.registry],
  });

  readonly ledgerMoveMismatches = new Counter({
    name: 'tarot_ledger_move_mismatches_total',
    help: 'Money moves that found the balance before them different from the ledger before them, by kind of move (alert on any increase)',
    labelNames: ['kind'] as const,
    registers: [this.registry],
  });

  readonly creditsGranted = new Counter({
    name: 'tarot_credits_granted_total',
    help: 'Credits granted, by source (telegram_stars, promo, operator, or the type)',
    labelNames: ['source'] as const,
    registers: [this.registry],
  });

  readonly creditsSpent = new Counter({
    name: 'tarot_credits_spent_total',
    help: 'Credits spent on readings or taken back, by kind',
    labelNames: ['kind'] as const,
    registers: [this.registry],
  });

  readonly payments = new Counter({
    name: 'tarot_payments_total',
    help: 'Stars payments and refunds, by kind and outcome',
    labelNames: ['kind', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly paymentRejections = new Counter({
    name: 'tarot_payment_rejections_total',
    help: 'Payment updates not applied because they do not match our own rows, by update and reason (alert on any outside pre_checkout_query)',
    labelNames: ['update', 'reason'] as const,
    registers: [this.registry],
  });

  readonly cache = new Counter({
    name: 'tarot_cache_requests_total',
    help: 'Cache look-ups, by cache type and result (hit or miss)',
    labelNames: ['type', 'result'] as const,
    registers: [this.registry],
  });

  readonly parkedUpdates = new Counter({
    name: 'tarot_parked_updates_total',
    help: 'Payment updates set aside for an operator (logged whole, then acknowledged), by update type and cause',
    labelNames: ['type', 'cause'] as const,
    registers: [this.registry],
  });

  readonly rateLimited = new Counter({
    name: 'tarot_rate_limit_rejections_total',
    help: 'Updates refused by a rate limit, by action',
    labelNames: ['action'] as const,
    registers: [this.registry],
  });

  readonly llmLatency = new Histogram({
    name: 'tarot_llm_latency_seconds',
    help: 'Latency of LLM interpretation calls that answered',
    buckets: [0.25, 0.5, 1, 2, 4, 8, 15, 30],
    registers: [this.registry],
  });

  readonly llmEvents = new Counter({
    name: 'tarot_llm_events_total',
    help: 'LLM outcomes: success, failure, fallback, breaker_open',
    labelNames: ['kind'] as const,
    registers: [this.registry],
  });

  readonly telegramCalls = new Counter({
    name: 'tarot_telegram_calls_total',
    help: 'Outgoing Bot API calls, by method and outcome (ok, an error code, network, skipped_blocked, dropped_over_budget)',
    labelNames: ['method', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly spreadPictures = new Counter({
    name: 'tarot_spread_pictures_total',
    help: 'Spread pictures: uploaded, reused (sent again by file_id) or failed (the reading went as text alone)',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }
}
