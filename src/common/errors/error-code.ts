/** Stable error codes, shared by every transport (REST bodies, bot replies, logs). */
export enum ErrorCode {
  InsufficientCredits = 'CREDIT001',
  InvalidCreditAmount = 'CREDIT002',
  BalanceInconsistency = 'CREDIT004',
  PaymentFailed = 'PAY001',
  RefundRefused = 'PAY002',
  GenerationFailed = 'READ001',
  UnknownSpread = 'READ002',
  UserNotFound = 'USER001',
  UserNotActive = 'USER002',
  NotFound = 'NOT_FOUND',
  RateLimited = 'RATE001',
  IdempotencyConflict = 'IDEMPOTENCY001',
  ValidationFailed = 'VALIDATION',
}
