import { Body, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { AdminController } from 'src/common/admin/admin-api.decorator';
import { Operator } from 'src/common/admin/operator.decorator';
import { SupportRequestIdParams } from './dto/support-request-id.params';
import { AnswerSupportRequestDto } from './dto/answer-support-request.dto';
import { ListSupportRequestsQuery } from './dto/list-support-requests.query';
import { SupportRequestPageResponse, SupportRequestResponse } from './dto/support-request.response';
import { SupportService } from './support.service';

@AdminController('support/requests', 'support')
export class SupportController {
  constructor(private readonly support: SupportService) {}

  @Get()
  @ApiOperation({ summary: 'Support requests, newest first; by default those waiting for an answer' })
  @ApiOkResponse({ type: SupportRequestPageResponse })
  async list(@Query() query: ListSupportRequestsQuery): Promise<SupportRequestPageResponse> {
    const requests = await this.support.list({ state: query.state, after: query.cursor, limit: query.limit });
    const items = requests.map(SupportRequestResponse.from);
    return { items, nextCursor: requests.length === query.limit ? String(requests.at(-1)!.id) : null };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One support request with its messages' })
  @ApiOkResponse({ type: SupportRequestResponse })
  @ApiNotFoundResponse({ description: 'NOT_FOUND' })
  async get(@Param() params: SupportRequestIdParams): Promise<SupportRequestResponse> {
    return SupportRequestResponse.from(await this.support.get(params.id));
  }

  @Post(':id/answer')
  @HttpCode(200)
  @ApiOperation({ summary: "Answers a request: the text goes to the user in the chat and the user's reply continues the request" })
  @ApiOkResponse({ type: SupportRequestResponse })
  @ApiNotFoundResponse({ description: 'NOT_FOUND' })
  @ApiUnprocessableEntityResponse({ description: 'SUPPORT001: the user deleted their data or cannot be reached' })
  async answer(@Param() params: SupportRequestIdParams, @Body() body: AnswerSupportRequestDto, @Operator() operator: string): Promise<SupportRequestResponse> {
    return SupportRequestResponse.from(await this.support.answer(params.id, body.text, operator));
  }
}
