/** Stable error codes, shared by every transport (REST bodies, bot replies, logs). */
export enum ErrorCode {
  InsufficientCredits = 'CREDIT001',
  BalanceInconsistency = 'CREDIT004',
  /** The Stars audit: a charge Telegram made that granted nothing (and was not refunded). */
  StarsChargeNotGranted = 'CREDIT005',
  /** The Stars audit: a Stars grant whose charge Telegram's ledger does not have. */
  StarsGrantWithoutCharge = 'CREDIT006',
  /** The Stars audit: a charge granted to someone other than the user who paid. */
  StarsGrantToOtherUser = 'CREDIT007',
  /** The Stars audit: a grant whose product, Stars or credits differ from the charge's invoice. */
  StarsGrantDiffers = 'CREDIT008',
  /** The Stars audit: Telegram refunded a charge whose grant stands. */
  StarsRefundNotApplied = 'CREDIT009',
  /** The Stars audit: a grant reversed here that Telegram never refunded. */
  StarsRefundWithoutTelegram = 'CREDIT010',
  PaymentFailed = 'PAY001',
  RefundRefused = 'PAY002',
  GenerationFailed = 'READ001',
  UserNotFound = 'USER001',
  UserNotActive = 'USER002',
  /** A support answer could not reach its user (their data deleted, or the bot blocked). */
  SupportUserUnreachable = 'SUPPORT001',
  NotFound = 'NOT_FOUND',
  RateLimited = 'RATE001',
  IdempotencyConflict = 'IDEMPOTENCY001',
  ValidationFailed = 'VALIDATION',
}
