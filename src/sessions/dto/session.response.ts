import { ApiProperty } from '@nestjs/swagger';
import { SESSION_STATUSES, SessionStatus, UserSession } from '../user-session.entity';

export class SessionResponse {
  @ApiProperty() id!: number;
  @ApiProperty() userId!: number;
  @ApiProperty() sessionType!: string;
  @ApiProperty({ enum: SESSION_STATUSES }) status!: SessionStatus;
  @ApiProperty() startedAt!: string;
  @ApiProperty() lastActivityAt!: string;
  @ApiProperty({ nullable: true }) completedAt!: string | null;
  @ApiProperty({ nullable: true, description: 'The conversation state' }) data!: Record<string, unknown> | null;

  static from(session: UserSession): SessionResponse {
    return {
      id: session.id,
      userId: session.userId,
      sessionType: session.sessionType,
      status: session.status,
      startedAt: session.startedAt.toISOString(),
      lastActivityAt: session.lastActivityAt.toISOString(),
      completedAt: session.completedAt?.toISOString() ?? null,
      data: session.data,
    };
  }
}
