import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { SUBSCRIPTION_TIERS, SubscriptionTier } from 'src/users/user.entity';

const KEY = /^[a-z][a-z0-9_]{0,31}$/;
/** Telegram refuses a Stars invoice above 10,000 ⭐. */
export const MAX_STARS_PER_INVOICE = 10_000;

export class SpreadDefinition {
  @Matches(KEY) key!: string;
  @IsInt() @Min(1) @Max(78) cards!: number;
  @IsInt() @Min(0) price!: number;
  @IsOptional() @IsString() questionnaire!: string | null;
  /** Position keys in draw order; one per card. */
  @IsArray() @Matches(KEY, { each: true }) positions!: string[];
}

export class CreditPackage {
  @Matches(KEY) key!: string;
  @IsInt() @Min(1) credits!: number;
  @IsInt() @Min(1) @Max(MAX_STARS_PER_INVOICE) stars!: number;
}

export class ReadingLimits {
  @IsInt() @Min(1) readingsPerHour!: number;
  @IsInt() @Min(1) readingsPerDay!: number;
}

export class SubscriptionTierDefinition {
  @IsIn(SUBSCRIPTION_TIERS) key!: SubscriptionTier;
  @IsInt() @Min(1) @Max(MAX_STARS_PER_INVOICE) stars!: number;
  @IsInt() @Min(0) monthlyCredits!: number;
  @IsInt() @Min(0) @Max(100) packageBonusPercent!: number;
  @ValidateNested() @Type(() => ReadingLimits) limits!: ReadingLimits;
}

export class Limits extends ReadingLimits {
  @IsInt() @Min(1) messagesPerMinute!: number;
  @IsInt() @Min(1) paymentsPerHour!: number;
}

/** What an operator can change without code: spreads, prices, packages, tiers and limits. */
export class Catalog {
  @IsInt() @Min(0) welcomeCredits!: number;
  @IsNumber() @Min(0) @Max(1) reversalProbability!: number;
  @ValidateNested({ each: true }) @Type(() => SpreadDefinition) @ArrayMinSize(1) spreads!: SpreadDefinition[];
  @ValidateNested({ each: true }) @Type(() => CreditPackage) @ArrayMinSize(1) packages!: CreditPackage[];
  @ValidateNested({ each: true }) @Type(() => SubscriptionTierDefinition) tiers!: SubscriptionTierDefinition[];
  @ValidateNested() @Type(() => Limits) limits!: Limits;
}
