import { ApiProperty } from '@nestjs/swagger';
import { SUBSCRIPTION_TIERS, SubscriptionTier, User, USER_STATUSES, UserStatus } from '../user.entity';

export class UserResponse {
  @ApiProperty() id!: number;
  @ApiProperty({ description: 'Telegram user id, as a string to stay exact' }) telegramId!: string;
  @ApiProperty() credits!: number;
  @ApiProperty({ enum: USER_STATUSES }) status!: UserStatus;
  @ApiProperty({ description: 'language, deck, reversals' }) preferences!: Record<string, unknown>;
  @ApiProperty({ enum: SUBSCRIPTION_TIERS, nullable: true }) subscriptionTier!: SubscriptionTier | null;
  @ApiProperty({ nullable: true }) subscriptionExpiresAt!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ nullable: true }) lastActiveAt!: string | null;

  static from(user: User): UserResponse {
    return {
      id: user.id,
      telegramId: String(user.telegramId),
      credits: user.credits,
      status: user.status,
      preferences: { ...user.preferences },
      subscriptionTier: user.subscriptionTier,
      subscriptionExpiresAt: user.subscriptionExpiresAt?.toISOString() ?? null,
      createdAt: user.createdAt.toISOString(),
      lastActiveAt: user.lastActiveAt?.toISOString() ?? null,
    };
  }
}

export class UserPageResponse {
  @ApiProperty({ type: [UserResponse] }) items!: UserResponse[];
  @ApiProperty({ nullable: true, description: 'Pass as `cursor` for the next page' }) nextCursor!: string | null;
}
