import { Injectable } from '@nestjs/common';
import { ErrorCode } from 'src/common/errors/error-code';
import { decodePayload } from './invoice-payload';
import { LedgerService } from './ledger.service';
import { StarsPayments } from './stars-payments';
import { StarsLedgerEntry, StarsLedgerFeed } from './stars/stars-ledger-feed';
import { Transaction } from './transaction.entity';

export interface StarsMismatch {
  code: ErrorCode;
  kind: string;
  chargeId: string;
  transactionId: number | null;
  userId: number | null;
  detail: string;
}

export interface StarsAuditReport {
  charges: number;
  refunds: number;
  grants: number;
  mismatches: StarsMismatch[];
}

type Charge = Extract<StarsLedgerEntry, { kind: 'payment' }>;
type Grant = Transaction & { telegramId: string };

/**
 * The ledger audit proves that balances equal their rows; this proves that the rows equal what
 * Telegram charged. Against the whole of Telegram's Stars ledger: each charge has exactly one
 * grant, to the user who paid, of the product and credits its invoice named (or was refunded
 * by Telegram before anything was granted); every grant has its charge; and a grant is reversed
 * exactly when Telegram refunded its charge.
 */
@Injectable()
export class StarsAuditService {
  constructor(
    private readonly feed: StarsLedgerFeed,
    private readonly ledger: LedgerService,
    private readonly payments: StarsPayments,
  ) {}

  async audit(): Promise<StarsAuditReport> {
    const charges = new Map<string, Charge>();
    const refunded = new Set<string>();
    for await (const page of this.feed.pages(0)) {
      for (const entry of page.entries) {
        if (entry.kind === 'payment') charges.set(entry.chargeId, entry);
        if (entry.kind === 'refund') refunded.add(entry.chargeId);
      }
    }
    const grants = await this.ledger.starsGrants();
    const byCharge = new Map<string, Grant[]>();
    for (const grant of grants) byCharge.set(grant.paymentReference!, [...(byCharge.get(grant.paymentReference!) ?? []), grant]);

    const mismatches: StarsMismatch[] = [];
    const report = (code: ErrorCode, kind: string, chargeId: string, grant: Grant | null, detail: string) =>
      mismatches.push({ code, kind, chargeId, transactionId: grant?.id ?? null, userId: grant?.userId ?? null, detail });

    for (const charge of charges.values()) {
      const found = byCharge.get(charge.chargeId) ?? [];
      if (found.length === 0 && !refunded.has(charge.chargeId)) {
        report(ErrorCode.StarsChargeNotGranted, 'charge_not_granted', charge.chargeId, null, `${charge.stars} Stars from user ${charge.payerTelegramId} granted nothing`);
      }
      if (found.length > 1) report(ErrorCode.StarsGrantDiffers, 'granted_more_than_once', charge.chargeId, found[1], `granted ${found.length} times`);
      for (const grant of found) this.compare(charge, grant, refunded.has(charge.chargeId), report);
    }
    for (const grant of grants) {
      if (!charges.has(grant.paymentReference!)) {
        report(ErrorCode.StarsGrantWithoutCharge, 'grant_without_charge', grant.paymentReference!, grant, `${grant.amount} credits with no such charge at Telegram`);
      }
    }
    return { charges: charges.size, refunds: refunded.size, grants: grants.length, mismatches };
  }

  private compare(charge: Charge, grant: Grant, refundedAtTelegram: boolean, report: (code: ErrorCode, kind: string, chargeId: string, grant: Grant, detail: string) => void) {
    if (grant.telegramId !== charge.payerTelegramId) {
      report(ErrorCode.StarsGrantToOtherUser, 'granted_to_other_user', charge.chargeId, grant, `paid by ${charge.payerTelegramId}, granted to ${grant.telegramId}`);
    }
    const payload = decodePayload(charge.payload);
    const problem = payload ? this.payments.productFor(payload).grantProblem(grant, payload, charge.stars) : 'the charge names an invoice this bot never wrote';
    if (problem) report(ErrorCode.StarsGrantDiffers, 'grant_differs_from_charge', charge.chargeId, grant, problem);
    if (refundedAtTelegram && grant.status !== 'refunded') {
      report(ErrorCode.StarsRefundNotApplied, 'refund_not_applied', charge.chargeId, grant, 'Telegram refunded the charge; its credits were not taken back');
    }
    if (!refundedAtTelegram && grant.status === 'refunded') {
      report(ErrorCode.StarsRefundWithoutTelegram, 'refunded_without_telegram', charge.chargeId, grant, 'reversed here, but Telegram did not refund the charge');
    }
  }
}
