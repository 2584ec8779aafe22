import { Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { AdminController } from 'src/common/admin/admin-api.decorator';
import { DomainException } from 'src/common/errors/domain.exception';
import { ErrorCode } from 'src/common/errors/error-code';
import { ListUsersQuery } from './dto/list-users.query';
import { TelegramIdParams, UserIdParams } from './dto/user-id.params';
import { UserPageResponse, UserResponse } from './dto/user.response';
import { User } from './user.entity';
import { UsersService } from './users.service';

function found(user: User | null): UserResponse {
  if (!user) throw new DomainException(ErrorCode.UserNotFound, 'No such user');
  return UserResponse.from(user);
}

@AdminController('users', 'users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOperation({ summary: 'List users, oldest first, with an optional status filter' })
  @ApiOkResponse({ type: UserPageResponse })
  async list(@Query() query: ListUsersQuery): Promise<UserPageResponse> {
    const page = await this.users.list({ status: query.status, after: query.cursor, limit: query.limit });
    return { items: page.items.map(UserResponse.from), nextCursor: page.nextCursor?.toString() ?? null };
  }

  @Get('by-telegram-id/:telegramId')
  @ApiOkResponse({ type: UserResponse })
  async byTelegramId(@Param() params: TelegramIdParams): Promise<UserResponse> {
    return found(await this.users.findByTelegramId(params.telegramId));
  }

  @Get(':id')
  @ApiOkResponse({ type: UserResponse })
  async byId(@Param() params: UserIdParams): Promise<UserResponse> {
    return found(await this.users.findById(params.id));
  }
}
