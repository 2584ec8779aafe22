import { Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { AdminController } from 'src/common/admin/admin-api.decorator';
import { DomainException } from 'src/common/errors/domain.exception';
import { ErrorCode } from 'src/common/errors/error-code';
import { RequiresScope } from 'src/common/admin/admin-auth.guard';
import { AuditQuery, AuditResponse, ReconcileQuery, ReconciliationResponse, StarsAuditResponse } from './dto/refund.dto';
import { LedgerAuditJob } from './ledger-audit.job';
import { LedgerService } from './ledger.service';
import { ReconciliationService } from './reconciliation.service';
import { StarsAuditService } from './stars-audit.service';

@AdminController('', 'ledger')
export class LedgerController {
  constructor(
    private readonly ledger: LedgerService,
    private readonly reconciliation: ReconciliationService,
    private readonly starsAudit: StarsAuditService,
    private readonly sweep: LedgerAuditJob,
  ) {}

  @Get('ledger/audit')
  @ApiOperation({
    summary: "The incremental sweep's last complete pass and the pass in progress (balances against their settled transactions; mismatches are CREDIT004); ?userId checks one user now",
  })
  @ApiOkResponse({ type: AuditResponse })
  async audit(@Query() query: AuditQuery): Promise<AuditResponse> {
    const { current, last } = await this.sweep.state();
    const checked = query.userId ? await this.ledger.auditUser(query.userId) : undefined;
    if (checked === null) throw new DomainException(ErrorCode.UserNotFound, 'No such user', { userId: query.userId });
    const user = checked && { ...checked, ok: checked.credits === checked.ledgerSum && checked.credits >= 0 };
    const ok = current.mismatchCount === 0 && (last?.mismatchCount ?? 0) === 0 && (user?.ok ?? true);
    return { ok, code: ok ? null : ErrorCode.BalanceInconsistency, last, current, ...(user && { user }) };
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
