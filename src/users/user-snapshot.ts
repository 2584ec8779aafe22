import { SubscriptionTier, User, UserPreferences, UserStatus } from './user.entity';

/** What the bot needs of a user on every update: small, JSON-safe, and cached as `user_data`. */
export interface UserSnapshot {
  id: number;
  telegramId: string;
  credits: number;
  status: UserStatus;
  preferences: UserPreferences;
  subscriptionTier: SubscriptionTier | null;
  /** ISO-8601, UTC. */
  subscriptionExpiresAt: string | null;
}

export function toSnapshot(user: User): UserSnapshot {
  return {
    id: user.id,
    telegramId: String(user.telegramId),
    credits: user.credits,
    status: user.status,
    preferences: user.preferences ?? {},
    subscriptionTier: user.subscriptionTier,
    subscriptionExpiresAt: user.subscriptionExpiresAt?.toISOString() ?? null,
  };
}
