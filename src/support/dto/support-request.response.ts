import { ApiProperty } from '@nestjs/swagger';
import { SUPPORT_STATES, SupportState } from '../support-request';
import { SupportRequest } from '../support.service';

export class SupportMessageResponse {
  @ApiProperty({ enum: ['user', 'operator'] }) from!: 'user' | 'operator';
  @ApiProperty() text!: string;
  @ApiProperty() at!: string;
  @ApiProperty({ required: false }) operator?: string;
}

export class SupportRequestResponse {
  @ApiProperty() id!: number;
  @ApiProperty() userId!: number;
  @ApiProperty({ description: 'Telegram user id, as a string to stay exact' }) telegramId!: string;
  @ApiProperty({ enum: SUPPORT_STATES }) state!: SupportState;
  @ApiProperty({ description: "Whether the user's next messages still go to this request" }) conversationOpen!: boolean;
  @ApiProperty() language!: string;
  @ApiProperty() startedAt!: string;
  @ApiProperty() lastActivityAt!: string;
  @ApiProperty({ type: [SupportMessageResponse] }) messages!: SupportMessageResponse[];

  static from(request: SupportRequest): SupportRequestResponse {
    return {
      id: request.id,
      userId: request.userId,
      telegramId: request.data.telegramId,
      state: request.data.state,
      conversationOpen: request.conversationOpen,
      language: request.data.language,
      startedAt: request.startedAt.toISOString(),
      lastActivityAt: request.lastActivityAt.toISOString(),
      messages: request.data.messages.map((m) => ({ ...m })),
    };
  }
}

export class SupportRequestPageResponse {
  @ApiProperty({ type: [SupportRequestResponse] }) items!: SupportRequestResponse[];
  @ApiProperty({ nullable: true, description: 'Pass as `cursor` for the next page' }) nextCursor!: string | null;
}
