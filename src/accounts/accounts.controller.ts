import { Body, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { AdminController } from 'src/common/admin/admin-api.decorator';
import { RequiresScope } from 'src/common/admin/admin-auth.guard';
import { Operator } from 'src/common/admin/operator.decorator';
import { IdempotencyKey, IdempotencyKeyUse } from 'src/common/http/idempotency-key.decorator';
import { fieldError } from 'src/common/http/validation.pipe';
import { AppConfig } from 'src/config/app-config';
import { ChangeStatusDto } from 'src/users/dto/change-status.dto';
import { UserIdParams } from 'src/users/dto/user-id.params';
import { UserResponse } from 'src/users/dto/user.response';
import { AccountsService } from './accounts.service';
import { AdjustCreditsDto, CreditAdjustmentResponse } from './dto/adjust-credits.dto';

const IDEMPOTENCY_HEADER = { name: 'Idempotency-Key', required: false, description: 'A retried request with the same key acts once; the key reused for another request is 409 IDEMPOTENCY001' };

@AdminController('users', 'users')
export class AccountsController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly config: AppConfig,
  ) {}

  @Patch(':id/status')
  @ApiOperation({ summary: 'Suspend or reactivate a user' })
  @ApiOkResponse({ type: UserResponse })
  async changeStatus(@Param() params: UserIdParams, @Body() body: ChangeStatusDto): Promise<UserResponse> {
    return UserResponse.from(await this.accounts.changeStatus(params.id, body.status));
  }

  @Post(':id/credits/grant')
  @HttpCode(200)
  @RequiresScope('money')
  @ApiOperation({ summary: 'Grant credits, with a reason; at most ADMIN_GRANT_LIMIT (default 10000) a call' })
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiOkResponse({ type: CreditAdjustmentResponse })
  grant(
    @Param() params: UserIdParams,
    @Body() body: AdjustCreditsDto,
    @Operator() operator: string,
    @IdempotencyKey() key?: IdempotencyKeyUse,
  ): Promise<CreditAdjustmentResponse> {
    const { grantLimit } = this.config.admin;
    if (body.amount > grantLimit) throw fieldError('amount', `must be at most ${grantLimit} a call (ADMIN_GRANT_LIMIT)`);
    return this.adjust(params.id, body.amount, body.reason, operator, key);
  }

  @Post(':id/credits/deduct')
  @HttpCode(200)
  @RequiresScope('money')
  @ApiOperation({ summary: 'Deduct credits, with a reason; refused with CREDIT001 below zero' })
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiOkResponse({ type: CreditAdjustmentResponse })
  deduct(
    @Param() params: UserIdParams,
    @Body() body: AdjustCreditsDto,
    @Operator() operator: string,
    @IdempotencyKey() key?: IdempotencyKeyUse,
  ): Promise<CreditAdjustmentResponse> {
    return this.adjust(params.id, -body.amount, body.reason, operator, key);
  }

  private async adjust(userId: number, amount: number, reason: string, operator: string, idempotency?: IdempotencyKeyUse) {
    const { transaction, balance } = await this.accounts.adjustCredits({ userId, amount, reason, operator, idempotency });
    return { transactionId: transaction.id, amount: transaction.amount, balance };
  }
}
