import { Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { AdminController } from 'src/common/admin/admin-api.decorator';
import { UserIdParams } from 'src/users/dto/user-id.params';
import { SessionResponse } from './dto/session.response';
import { SessionsService } from './sessions.service';

@AdminController('users', 'sessions')
export class SessionsController {
  constructor(private readonly sessions: SessionsService) {}

  @Get(':id/sessions')
  @ApiOperation({ summary: "A user's conversations, newest first (last 100)" })
  @ApiOkResponse({ type: [SessionResponse] })
  async forUser(@Param() params: UserIdParams): Promise<SessionResponse[]> {
    return (await this.sessions.listForUser(params.id, 100)).map(SessionResponse.from);
  }
}
