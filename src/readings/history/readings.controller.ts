import { Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { AdminController } from 'src/common/admin/admin-api.decorator';
import { DomainException } from 'src/common/errors/domain.exception';
import { ErrorCode } from 'src/common/errors/error-code';
import { UserIdParams } from 'src/users/dto/user-id.params';
import { ListReadingsQuery } from '../dto/list-readings.query';
import { ReadingPageResponse, ReadingResponse } from '../dto/reading.response';
import { ReadingsService } from '../readings.service';

@AdminController('', 'readings')
export class ReadingsController {
  constructor(private readonly readings: ReadingsService) {}

  @Get('users/:id/readings')
  @ApiOperation({ summary: "A user's readings, newest first" })
  @ApiOkResponse({ type: ReadingPageResponse })
  async forUser(@Param() params: UserIdParams, @Query() query: ListReadingsQuery): Promise<ReadingPageResponse> {
    const rows = await this.readings.listForUser(params.id, query.cursor, query.limit);
    const page = rows.slice(0, query.limit);
    const more = rows.length > query.limit;
    return { items: page.map(ReadingResponse.from), nextCursor: more ? String(page[page.length - 1].id) : null };
  }

  @Get('readings/:id')
  @ApiOkResponse({ type: ReadingResponse })
  async one(@Param() params: UserIdParams): Promise<ReadingResponse> {
    const reading = await this.readings.findOne(params.id);
    if (!reading) throw new DomainException(ErrorCode.NotFound, 'No such reading');
    return ReadingResponse.from(reading);
  }
}
