import { Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppConfig } from 'src/config/app-config';
import { SubscriptionTier } from 'src/users/user.entity';
import { Catalog, CreditPackage, ReadingLimits, SpreadDefinition, SubscriptionTierDefinition } from './catalog';

function flatten(errors: ValidationError[], path = ''): string[] {
  return errors.flatMap((e) => {
    const here = path ? `${path}.${e.property}` : e.property;
    return Object.values(e.constraints ?? {}).map((c) => `${here}: ${c}`).concat(flatten(e.children ?? [], here));
  });
}

/** Loads the catalogue once (the built-in one, or CATALOG_PATH), refusing to start on a bad file. */
export function loadCatalog(path: string | undefined): Catalog {
  const file = path ?? join(__dirname, 'default-catalog.json');
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`CATALOG_PATH: cannot read ${file} as JSON (${(error as Error).message})`);
  }
  const catalog = plainToInstance(Catalog, raw);
  const problems = flatten(validateSync(catalog, { forbidUnknownValues: true }));
  const keys = catalog.spreads?.map((s) => s.key) ?? [];
  if (new Set(keys).size !== keys.length) problems.push('spreads: keys must be unique');
  for (const spread of catalog.spreads ?? []) {
    if (spread.positions?.length !== spread.cards) {
      problems.push(`spreads.${spread.key}.positions: must name one position per card (${spread.cards})`);
    }
  }
  if (problems.length > 0) throw new Error(`CATALOG_PATH: ${file} is invalid:\n  - ${problems.join('\n  - ')}`);
  return catalog;
}

@Injectable()
export class CatalogService {
  readonly catalog: Catalog;

  constructor(config: AppConfig) {
    this.catalog = loadCatalog(config.catalogPath);
  }

  get welcomeCredits(): number {
    return this.catalog.welcomeCredits;
  }

  spread(key: string): SpreadDefinition | undefined {
    return this.catalog.spreads.find((s) => s.key === key);
  }

  get spreads(): readonly SpreadDefinition[] {
    return this.catalog.spreads;
  }

  get packages(): readonly CreditPackage[] {
    return this.catalog.packages;
  }

  tier(key: SubscriptionTier | null | undefined): SubscriptionTierDefinition | undefined {
    return key ? this.catalog.tiers.find((t) => t.key === key) : undefined;
  }

  /** Reading limits for a user: a subscriber's tier raises them while it is current. */
  readingLimits(tier: SubscriptionTier | null, expiresAt: Date | null, now = new Date()): ReadingLimits {
    const current = expiresAt !== null && expiresAt > now ? this.tier(tier) : undefined;
    return current?.limits ?? this.catalog.limits;
  }

  get messagesPerMinute(): number {
    return this.catalog.limits.messagesPerMinute;
  }

  get paymentsPerHour(): number {
    return this.catalog.limits.paymentsPerHour;
  }
}
