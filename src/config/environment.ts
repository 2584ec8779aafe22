import { existsSync } from 'node:fs';
import { loadEnvFile } from 'node:process';
import { plainToInstance } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsIP,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  ValidateIf,
  validateSync,
} from 'class-validator';

const WEBHOOK_SECRET_SHAPE = /^[A-Za-z0-9_-]{1,256}$/;
const BOT_TOKEN_SHAPE = /^\d+:[A-Za-z0-9_-]{20,}$/;
const SCOPES_SHAPE = '(read|operate|money)(\\+(read|operate|money))*';
const ADMIN_TOKEN_SHAPE = `[A-Za-z0-9_.-]+:[^,:\\s]{16,}(:${SCOPES_SHAPE})?`;
const ADMIN_TOKENS_SHAPE = new RegExp(`^${ADMIN_TOKEN_SHAPE}(,${ADMIN_TOKEN_SHAPE})*$`);
const POSTGRES_URL_SHAPE = /^postgres(ql)?:\/\/.+/;
const REDIS_URL_SHAPE = /^rediss?:\/\/.+/;
const HTTP_URL = { require_tld: false, require_protocol: true, protocols: ['http', 'https'] };

/**
 * Every environment variable the app reads, as it arrives (strings), with the rules a value
 * must meet. Defaults live in AppConfig, so "absent" and "invalid" stay distinguishable here.
 */
export class Environment {
  @IsOptional() @Matches(BOT_TOKEN_SHAPE, { message: 'must look like 123456:ABC-DEF… (a bot token from @BotFather)' })
  TELEGRAM_BOT_TOKEN?: string;

  @IsOptional() @IsUrl(HTTP_URL, { message: 'must be an http(s) URL' })
  TELEGRAM_API_ROOT?: string;

  @IsOptional() @IsIn(['polling', 'webhook'], { message: 'must be "polling" or "webhook"' })
  BOT_MODE?: string;

  @ValidateIf((env: Environment) => env.BOT_MODE === 'webhook' || env.WEBHOOK_URL !== undefined)
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['https'] }, {
    message: 'must be the public https URL Telegram posts updates to (required in webhook mode)',
  })
  WEBHOOK_URL?: string;

  @IsOptional() @Matches(/^\/[A-Za-z0-9/_-]*$/, { message: 'must be a path starting with /' })
  WEBHOOK_PATH?: string;

  @ValidateIf((env: Environment) => env.BOT_MODE === 'webhook' || env.WEBHOOK_SECRET !== undefined)
  @Matches(WEBHOOK_SECRET_SHAPE, { message: 'must be 1-256 characters of A-Z a-z 0-9 _ - (required in webhook mode)' })
  WEBHOOK_SECRET?: string;

  @IsOptional() @Matches(POSTGRES_URL_SHAPE, { message: 'must be a postgres:// URL' })
  DATABASE_URL?: string;

  @IsOptional() @Matches(POSTGRES_URL_SHAPE, { message: 'must be a postgres:// URL' })
  MIGRATION_DATABASE_URL?: string;

  @IsOptional() @Matches(REDIS_URL_SHAPE, { message: 'must be a redis:// or rediss:// URL' })
  REDIS_URL?: string;

  @IsOptional() @Matches(ADMIN_TOKENS_SHAPE, {
    message: 'must be comma-separated name:token or name:token:scopes entries, each token at least 16 characters, scopes read, operate and money joined by +',
  })
  ADMIN_API_TOKENS?: string;

  @IsOptional() @IsInt({ message: 'must be a whole number of credits' }) @Min(1, { message: 'must be at least 1' })
  @Max(1_000_000, { message: 'must be at most 1000000' })
  ADMIN_GRANT_LIMIT?: number;

  @IsOptional() @Matches(/^[^\s,]{16,}$/, { message: 'must be a token of at least 16 characters, without spaces' })
  METRICS_TOKEN?: string;

  @IsOptional() @IsIP(undefined, { message: 'must be an IP address to listen on (0.0.0.0 for every interface)' })
  BIND_ADDRESS?: string;

  @IsOptional() @IsInt({ message: 'must be a port number' }) @Min(1, { message: 'must be a port number' })
  @Max(65535, { message: 'must be a port number' })
  ADMIN_PORT?: number;

  @IsOptional() @IsString() @Matches(/\.json$/i, { message: 'must name a .json file' })
  CATALOG_PATH?: string;

  @IsOptional() @IsUrl(HTTP_URL, { message: 'must be an http(s) URL of an OpenAI-compatible API' })
  LLM_BASE_URL?: string;

  @IsOptional() @IsString()
  LLM_API_KEY?: string;

  @IsOptional() @Matches(/^\S{1,200}$/, { message: 'must be a model name' })
  LLM_MODEL?: string;

  @IsOptional() @IsInt({ message: 'must be a number of milliseconds' }) @Min(100, { message: 'must be at least 100 ms' })
  @Max(120_000, { message: 'must be at most 120000 ms' })
  LLM_TIMEOUT_MS?: number;

  @IsOptional() @IsInt({ message: 'must be a number of milliseconds' }) @Min(1_000, { message: 'must be at least 1000 ms' })
  @Max(300_000, { message: 'must be at most 300000 ms' })
  LLM_BUDGET_MS?: number;

  @IsOptional() @IsInt({ message: 'must be a whole number of tokens' }) @Min(256, { message: 'must be at least 256' })
  @Max(100_000, { message: 'must be at most 100000' })
  LLM_MAX_TOKENS?: number;

  @IsOptional() @IsInt({ message: 'must be a port number' }) @Min(1, { message: 'must be a port number' })
  @Max(65535, { message: 'must be a port number' })
  PORT?: number;

  @IsOptional() @IsInt({ message: 'must be a port number (0 picks a free one)' }) @Min(0) @Max(65535)
  LOCAL_BOT_API_PORT?: number;

  @IsOptional() @IsIn(['on', 'off'], { message: 'must be "on" or "off"' })
  TELEGRAM_RATE_LIMIT?: string;

  @IsOptional() @IsInt({ message: 'must be a whole number of megabytes' }) @Min(1) @Max(1_000_000)
  CACHE_BUDGET_MB?: number;

  @IsOptional() @IsInt({ message: 'must be a whole number of seconds' }) @Min(1) @Max(31_536_000)
  CACHE_DEFAULT_TTL?: number;

  @IsOptional() @IsInt({ message: 'must be a whole number of messages a second' }) @Min(1) @Max(1000)
  TELEGRAM_GLOBAL_RATE?: number;

  @IsOptional() @IsInt({ message: 'must be a whole number of updates' }) @Min(0, { message: 'must be 0 or more' })
  @Max(1000, { message: 'must be at most 1000' })
  USER_QUEUE_LIMIT?: number;

  @IsOptional() @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
    message: 'must be one of fatal, error, warn, info, debug, trace, silent',
  })
  LOG_LEVEL?: string;

  @IsOptional() @IsString()
  DATA_DIR?: string;

  @IsOptional() @IsString()
  BOT_API_SPEC?: string;

  // Telegram redelivers an update for up to a day: a shorter window is for benchmarks only.
  @IsOptional() @IsInt({ message: 'must be a whole number of seconds' }) @Min(60, { message: 'must be at least 60 seconds' })
  @Max(604_800, { message: 'must be at most 604800 seconds (a week)' })
  DEDUP_WINDOW_SECONDS?: number;

  // The longest rate-limit window is a day: a window must outlive it to keep counting.
  @IsOptional() @IsInt({ message: 'must be a whole number of hours' }) @Min(25, { message: 'must be at least 25 hours (the longest window is a day)' })
  @Max(8760, { message: 'must be at most 8760 hours (a year)' })
  RETENTION_RATE_LIMIT_HOURS?: number;

  @IsOptional() @IsInt({ message: 'must be a whole number of days' }) @Min(1, { message: 'must be at least 1 day' })
  @Max(3650, { message: 'must be at most 3650 days' })
  RETENTION_FINISHED_SESSIONS_DAYS?: number;

  @IsOptional() @Matches(/^-?\d{1,20}$/, { message: 'must be a Telegram chat id (a whole number, negative for a group)' })
  SUPPORT_CHAT_ID?: string;
}

const KNOWN_KEYS: string[] = [
  'TELEGRAM_BOT_TOKEN', 'TELEGRAM_API_ROOT', 'BOT_MODE', 'WEBHOOK_URL', 'WEBHOOK_PATH',
  'WEBHOOK_SECRET', 'DATABASE_URL', 'MIGRATION_DATABASE_URL', 'REDIS_URL', 'ADMIN_API_TOKENS', 'ADMIN_PORT', 'ADMIN_GRANT_LIMIT', 'METRICS_TOKEN', 'BIND_ADDRESS',
  'CATALOG_PATH', 'LLM_BASE_URL', 'LLM_API_KEY', 'LLM_MODEL', 'LLM_TIMEOUT_MS', 'LLM_BUDGET_MS', 'LLM_MAX_TOKENS', 'PORT', 'LOCAL_BOT_API_PORT',
  'LOG_LEVEL', 'DATA_DIR', 'BOT_API_SPEC', 'TELEGRAM_RATE_LIMIT', 'TELEGRAM_GLOBAL_RATE', 'CACHE_BUDGET_MB', 'CACHE_DEFAULT_TTL',
  'USER_QUEUE_LIMIT', 'DEDUP_WINDOW_SECONDS', 'RETENTION_RATE_LIMIT_HOURS', 'RETENTION_FINISHED_SESSIONS_DAYS', 'SUPPORT_CHAT_ID',
];

const NUMERIC = new Set<keyof Environment>([
  'ADMIN_PORT', 'ADMIN_GRANT_LIMIT', 'PORT', 'LOCAL_BOT_API_PORT', 'LLM_TIMEOUT_MS', 'LLM_BUDGET_MS', 'LLM_MAX_TOKENS',
  'TELEGRAM_GLOBAL_RATE', 'CACHE_BUDGET_MB', 'CACHE_DEFAULT_TTL', 'USER_QUEUE_LIMIT', 'RETENTION_RATE_LIMIT_HOURS',
  'RETENTION_FINISHED_SESSIONS_DAYS', 'DEDUP_WINDOW_SECONDS',
]);

export class ConfigValidationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigValidationError';
  }
}

/** Validates the raw environment and throws one error naming every bad variable. */
export function validateEnvironment(raw: Record<string, unknown>): Environment {
  const picked: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const key of KNOWN_KEYS) {
    const value = raw[key];
    if (value === undefined || value === '') continue;
    if (NUMERIC.has(key as keyof Environment)) {
      const text = String(value).trim();
      picked[key] = /^\d+$/.test(text) ? Number(text) : text;
    } else {
      picked[key] = String(value);
    }
  }
  const env = plainToInstance(Environment, picked);
  for (const error of validateSync(env, { skipMissingProperties: false })) {
    const reasons = Object.values(error.constraints ?? {});
    problems.push(`${error.property}: ${[...new Set(reasons)].join('; ')}`);
  }
  if (env.LLM_API_KEY !== undefined && env.LLM_BASE_URL === undefined) {
    problems.push('LLM_API_KEY: is set but LLM_BASE_URL is not');
  }
  if (problems.length > 0) throw new ConfigValidationError(problems.sort());
  return env;
}

/**
 * What main.ts runs before Nest starts: reads `.env` when there is one (variables already set
 * win) and validates, so a bad configuration stops the process with exactly one message.
 */
export function preflightEnvironment(envFile = '.env'): Environment {
  if (existsSync(envFile)) loadEnvFile(envFile);
  return validateEnvironment(process.env);
}
