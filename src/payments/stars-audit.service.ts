import { Injectable } from '@nestjs/common';
import { ErrorCode } from 'src/common/errors/error-code';
import { decodePayload } from './invoice-payload';
import { LedgerService, StarsGrant } from './ledger.service';
import { StarsPayments } from './stars-payments';
import { STARS_LEDGER_PAGE, StarsLedgerEntry, StarsLedgerFeed } from './stars/stars-ledger-feed';

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
  /** Every mismatch found; the first `LISTED_MISMATCHES` of them are in `mismatches`. */
  mismatchCount: number;
  mismatches: StarsMismatch[];
}

/** A ledger that far off needs a person, not a longer list (and the list stays in memory). */
export const LISTED_MISMATCHES = 1000;

type Charge = Extract<StarsLedgerEntry, { kind: 'payment' }>;
type Report = (code: ErrorCode, kind: string, chargeId: string, grant: { id: number; userId: number } | null, detail: string) => void;

/** How much the audit reads at once: Telegram's ledger entries per request, our grants per query. */
export interface StarsAuditPages {
  feed: number;
  grants: number;
}

const PAGES: StarsAuditPages = { feed: STARS_LEDGER_PAGE, grants: 10_000 };

/**
 * The ledger audit proves that balances equal their rows; this proves that the rows equal what
 * Telegram charged. Against the whole of Telegram's Stars ledger: each charge has exactly one
 * grant, to the user who paid, of the product and credits its invoice named (or was refunded
 * by Telegram before anything was granted); every grant has its charge; and a grant is reversed
 * exactly when Telegram refunded its charge.
 *
 * Neither ledger is held whole (a million users' grants ran the app out of memory): Telegram's
 * is walked a page at a time, each page's grants looked up by charge id; then ours by id, in
 * pages, each grant that no charge claimed reported. Held between pages: one bit per
 * transaction id (which grants a charge claimed), and the few charges and reversed grants still
 * waiting for a refund further down Telegram's ledger; and the first thousand mismatches.
 */
@Injectable()
export class StarsAuditService {
  constructor(
    private readonly feed: StarsLedgerFeed,
    private readonly ledger: LedgerService,
    private readonly payments: StarsPayments,
  ) {}

  async audit(pages: StarsAuditPages = PAGES): Promise<StarsAuditReport> {
    // Grants made after this began may belong to charges the walk has passed: only older ones are checked.
    const untilId = await this.ledger.lastTransactionId();
    const claimed = new Uint8Array((untilId >> 3) + 1);
    const mismatches: StarsMismatch[] = [];
    let mismatchCount = 0;
    const report: Report = (code, kind, chargeId, grant, detail) => {
      if (mismatchCount++ < LISTED_MISMATCHES) mismatches.push({ code, kind, chargeId, transactionId: grant?.id ?? null, userId: grant?.userId ?? null, detail });
    };
    const ungranted = new Map<string, Charge>();
    const reversedHere = new Map<string, StarsGrant[]>();
    let charges = 0;
    let refunds = 0;

    for await (const page of this.feed.pages(0, pages.feed)) {
      const grantsOf = this.byCharge(await this.ledger.starsGrantsOf(page.entries.filter((e) => e.kind !== 'other').map((e) => e.chargeId)));
      for (const entry of page.entries) {
        const found = grantsOf.get(entry.chargeId) ?? [];
        if (entry.kind === 'payment') {
          charges++;
          for (const grant of found) if (grant.id <= untilId) claimed[grant.id >> 3] |= 1 << (grant.id & 7);
          if (found.length === 0) ungranted.set(entry.chargeId, entry);
          if (found.length > 1) report(ErrorCode.StarsGrantDiffers, 'granted_more_than_once', entry.chargeId, found[1], `granted ${found.length} times`);
          for (const grant of found) this.compare(entry, grant, report);
          const reversed = found.filter((g) => g.status === 'refunded');
          if (reversed.length) reversedHere.set(entry.chargeId, reversed);
        }
        if (entry.kind === 'refund') {
          refunds++;
          ungranted.delete(entry.chargeId);
          reversedHere.delete(entry.chargeId);
          for (const grant of found.filter((g) => g.status !== 'refunded')) {
            report(ErrorCode.StarsRefundNotApplied, 'refund_not_applied', entry.chargeId, grant, 'Telegram refunded the charge; its credits were not taken back');
          }
        }
      }
    }
    for (const charge of ungranted.values()) {
      report(ErrorCode.StarsChargeNotGranted, 'charge_not_granted', charge.chargeId, null, `${charge.stars} Stars from user ${charge.payerTelegramId} granted nothing`);
    }
    for (const [chargeId, grants] of reversedHere) {
      for (const grant of grants) report(ErrorCode.StarsRefundWithoutTelegram, 'refunded_without_telegram', chargeId, grant, 'reversed here, but Telegram did not refund the charge');
    }

    let grants = 0;
    for (let after = 0; ; ) {
      const page = await this.ledger.starsGrantsAfter(after, untilId, pages.grants);
      for (const grant of page) {
        if (!(claimed[grant.id >> 3] & (1 << (grant.id & 7)))) {
          report(ErrorCode.StarsGrantWithoutCharge, 'grant_without_charge', grant.chargeId, grant, `${grant.amount} credits with no such charge at Telegram`);
        }
      }
      grants += page.length;
      if (page.length < pages.grants) break;
      after = page.at(-1)!.id;
    }
    return { charges, refunds, grants, mismatchCount, mismatches };
  }

  private byCharge(grants: StarsGrant[]): Map<string, StarsGrant[]> {
    const byCharge = new Map<string, StarsGrant[]>();
    for (const grant of grants) byCharge.set(grant.paymentReference!, [...(byCharge.get(grant.paymentReference!) ?? []), grant]);
    return byCharge;
  }

  /** The grant against the charge's payer and invoice; refunds are matched as the walk meets them. */
  private compare(charge: Charge, grant: StarsGrant, report: Report) {
    if (grant.telegramId !== charge.payerTelegramId) {
      report(ErrorCode.StarsGrantToOtherUser, 'granted_to_other_user', charge.chargeId, grant, `paid by ${charge.payerTelegramId}, granted to ${grant.telegramId}`);
    }
    const payload = decodePayload(charge.payload);
    const problem = payload ? this.payments.productFor(payload).grantProblem(grant, payload, charge.stars) : 'the charge names an invoice this bot never wrote';
    if (problem) report(ErrorCode.StarsGrantDiffers, 'grant_differs_from_charge', charge.chargeId, grant, problem);
  }
}
