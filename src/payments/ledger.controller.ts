import { Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { AdminController } from 'src/common/admin/admin-api.decorator';
import { ErrorCode } from 'src/common/errors/error-code';
import { RequiresScope } from 'src/common/admin/admin-auth.guard';
import { AuditResponse, ReconcileQuery, ReconciliationResponse, StarsAuditResponse } from './dto/refund.dto';
import { LedgerService } from './ledger.service';
import { ReconciliationService } from './reconciliation.service';
import { StarsAuditService } from './stars-audit.service';

@AdminController('', 'ledger')
export class LedgerController {
  constructor(
    private readonly ledger: LedgerService,
    private readonly reconciliation: ReconciliationService,
    private readonly starsAudit: StarsAuditService,
  ) {}

  @Get('ledger/audit')
  @ApiOperation({ summary: "Every user's credits against the sum of their settled transactions; mismatches are CREDIT004" })
  @ApiOkResponse({ type: AuditResponse })
  async audit(): Promise<AuditResponse> {
    const { users, mismatches } = await this.ledger.audit();
    return { users, ok: mismatches.length === 0, code: mismatches.length ? ErrorCode.BalanceInconsistency : null, mismatches };
  }

  @Get('ledger/stars-audit')
  @ApiOperation({
    summary: "Telegram's Stars ledger against the grants: one grant per charge, to the payer, of the invoice's credits; none without a charge",
  })
  @ApiOkResponse({ type: StarsAuditResponse })
  async stars(): Promise<StarsAuditResponse> {
    const report = await this.starsAudit.audit();
    return { ...report, ok: report.mismatchCount === 0 };
  }

  @Post('reconciliation')
  @HttpCode(200)
  @RequiresScope('money')
  @ApiOperation({ summary: "Apply payments and refunds from Telegram's Stars ledger that the bot never saw" })
  @ApiOkResponse({ type: ReconciliationResponse })
  reconcile(@Query() query: ReconcileQuery): Promise<ReconciliationResponse> {
    return this.reconciliation.run(query.fromStart === 'true');
  }
}
