import { Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { AdminController } from 'src/common/admin/admin-api.decorator';
import { UserIdParams } from 'src/users/dto/user-id.params';
import { RateWindowResponse } from './dto/rate-window.response';
import { RateLimitService } from './rate-limit.service';

@AdminController('users', 'rate limits')
export class RateLimitController {
  constructor(private readonly rateLimits: RateLimitService) {}

  @Get(':id/rate-limits')
  @ApiOperation({ summary: "A user's rate-limit windows, newest first" })
  @ApiOkResponse({ type: [RateWindowResponse] })
  async forUser(@Param() params: UserIdParams): Promise<RateWindowResponse[]> {
    return (await this.rateLimits.currentWindows(params.id)).map(RateWindowResponse.from);
  }
}
