import { applyDecorators } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsDate, IsInt, IsOptional, Matches, Max, MaxDate, Min, MinDate, ValidateBy } from 'class-validator';

/** The largest id of a `serial`/`integer` column: a cursor or id past it cannot name a row. */
export const MAX_INT4 = 2_147_483_647;
const MAX_INT8 = 9_223_372_036_854_775_807n;
/** Timestamps an operator may filter by: wide enough for any real row, narrow enough for PostgreSQL and Date. */
export const EARLIEST_INSTANT = new Date('1970-01-01T00:00:00Z');
export const LATEST_INSTANT = new Date('9999-12-31T23:59:59Z');

/** An optional `cursor` query value: the id of the last row of the previous page. */
export function IsCursor(): PropertyDecorator {
  return applyDecorators(
    IsOptional(),
    Type(() => Number),
    IsInt({ message: '$property must be a whole number (the nextCursor of the previous page)' }),
    Min(1, { message: '$property must be at least 1' }),
    Max(MAX_INT4, { message: `$property must be at most ${MAX_INT4}` }),
  ) as PropertyDecorator;
}

/** A row id in a path: 1 … 2^31−1. */
export function IsRowId(): PropertyDecorator {
  return applyDecorators(
    Type(() => Number),
    IsInt({ message: '$property must be a whole number' }),
    Min(1, { message: '$property must be at least 1' }),
    Max(MAX_INT4, { message: `$property must be at most ${MAX_INT4}` }),
  ) as PropertyDecorator;
}

/** A positive `bigint` as decimal digits: 1 … 2^63−1 (Telegram ids). */
export function IsPositiveBigIntString(): PropertyDecorator {
  return applyDecorators(
    Matches(/^[1-9]\d{0,18}$/, { message: '$property must be a positive integer' }),
    ValidateBy({
      name: 'maxInt8',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && /^\d{1,19}$/.test(value) && BigInt(value) <= MAX_INT8,
        defaultMessage: () => `$property must be at most ${MAX_INT8}`,
      },
    }),
  ) as PropertyDecorator;
}

/** An optional ISO-8601 instant between 1970 and 9999. */
export function IsInstant(): PropertyDecorator {
  return applyDecorators(
    IsOptional(),
    Type(() => Date),
    IsDate({ message: '$property must be an ISO-8601 date' }),
    MinDate(EARLIEST_INSTANT, { message: '$property must be 1970-01-01 or later' }),
    MaxDate(LATEST_INSTANT, { message: '$property must be 9999-12-31 or earlier' }),
  ) as PropertyDecorator;
}
