import { Check, Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

export const USER_STATUSES = ['active', 'suspended', 'deleted'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

export const SUBSCRIPTION_TIERS = ['basic', 'premium', 'professional'] as const;
export type SubscriptionTier = (typeof SUBSCRIPTION_TIERS)[number];

export interface UserPreferences {
  /** The language the bot speaks to this user; from Telegram's language_code until they choose. */
  language?: string;
  /** Whether the user chose the language in /preferences (then Telegram's language_code no longer applies). */
  languageChosen?: boolean;
  deck?: string;
  reversals?: boolean;
  /** Set when a refund could not take back every credit (credits already spent). */
  refundShortfall?: boolean;
}

/** The seed's `users` table. */
@Entity('users')
@Unique('users_telegram_id_key', ['telegramId'])
@Check('valid_status', `status IN ('active', 'suspended', 'deleted')`)
export class User {
  @PrimaryGeneratedColumn({ primaryKeyConstraintName: 'users_pkey' })
  id!: number;

  /** BIGINT kept as a string: Telegram ids can exceed 2^53 in principle, and must stay exact. */
  @Column({ name: 'telegram_id', type: 'bigint' })
  telegramId!: string;

  @Column({ type: 'integer', default: 0 })
  credits!: number;

  @Column({ name: 'created_at', type: 'timestamp', nullable: true, default: () => 'CURRENT_TIMESTAMP' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamp', nullable: true, default: () => 'CURRENT_TIMESTAMP' })
  updatedAt!: Date;

  @Column({ name: 'last_active_at', type: 'timestamp', nullable: true })
  lastActiveAt!: Date | null;

  @Column({ type: 'varchar', length: 20, default: 'active' })
  status!: UserStatus;

  @Column({ type: 'jsonb', nullable: true, default: () => "'{}'" })
  preferences!: UserPreferences;

  @Column({ name: 'subscription_tier', type: 'varchar', length: 20, nullable: true })
  subscriptionTier!: SubscriptionTier | null;

  @Column({ name: 'subscription_expires_at', type: 'timestamp', nullable: true })
  subscriptionExpiresAt!: Date | null;
}
