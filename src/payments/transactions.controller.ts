import { Body, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { IdempotencyKey, IdempotencyKeyUse } from 'src/common/http/idempotency-key.decorator';
import { AdminController } from 'src/common/admin/admin-api.decorator';
import { Operator } from 'src/common/admin/operator.decorator';
import { RequiresScope } from 'src/common/admin/admin-auth.guard';
import { DomainException } from 'src/common/errors/domain.exception';
import { ErrorCode } from 'src/common/errors/error-code';
import { UserIdParams } from 'src/users/dto/user-id.params';
import { ListTransactionsQuery } from './dto/list-transactions.query';
import { RefundDto, RefundResponse } from './dto/refund.dto';
import { TransactionPageResponse, TransactionResponse } from './dto/transaction.response';
import { LedgerService, TransactionFilter } from './ledger.service';
import { RefundsService } from './refunds.service';
import { Transaction } from './transaction.entity';

function page(rows: Transaction[], limit: number): TransactionPageResponse {
  const items = rows.slice(0, limit);
  return { items: items.map(TransactionResponse.from), nextCursor: rows.length > limit ? String(items[items.length - 1].id) : null };
}

function filterOf(query: ListTransactionsQuery, userId?: number): TransactionFilter {
  return { userId, type: query.type, status: query.status, from: query.from, to: query.to, before: query.cursor, limit: query.limit };
}

@AdminController('', 'transactions')
export class TransactionsController {
  constructor(
    private readonly ledger: LedgerService,
    private readonly refunds: RefundsService,
  ) {}

  @Get('transactions')
  @ApiOperation({ summary: 'Transactions, newest first, filtered by type, status and date range' })
  @ApiOkResponse({ type: TransactionPageResponse })
  async list(@Query() query: ListTransactionsQuery): Promise<TransactionPageResponse> {
    return page(await this.ledger.list(filterOf(query)), query.limit);
  }

  @Get('users/:id/transactions')
  @ApiOkResponse({ type: TransactionPageResponse })
  async forUser(@Param() params: UserIdParams, @Query() query: ListTransactionsQuery): Promise<TransactionPageResponse> {
    return page(await this.ledger.list(filterOf(query, params.id)), query.limit);
  }

  @Get('transactions/:id')
  @ApiOkResponse({ type: TransactionResponse })
  async one(@Param() params: UserIdParams): Promise<TransactionResponse> {
    const transaction = await this.ledger.findById(params.id);
    if (!transaction) throw new DomainException(ErrorCode.NotFound, 'No such transaction');
    return TransactionResponse.from(transaction);
  }

  @Post('transactions/:id/refund')
  @HttpCode(200)
  @RequiresScope('money')
  @ApiOperation({ summary: 'Refund a Stars payment (within 30 days); PAY002 if credits were spent, unless forced' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'A retried request with the same key acts once; the key reused for another request is 409 IDEMPOTENCY001' })
  @ApiOkResponse({ type: RefundResponse })
  refund(
    @Param() params: UserIdParams,
    @Body() body: RefundDto,
    @Operator() operator: string,
    @IdempotencyKey() idempotency?: IdempotencyKeyUse,
  ): Promise<RefundResponse> {
    return this.refunds.refundByOperator({ transactionId: params.id, force: body.force ?? false, reason: body.reason, operator, idempotency });
  }
}
