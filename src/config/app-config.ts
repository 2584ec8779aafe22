import { resolve } from 'node:path';
import { CACHE_TYPES, CacheType } from './cache-types';
import { Environment } from './environment';

/** Telegram keeps an update it could not deliver for 24 hours at most: by default a handled one is remembered that long. */
export const DEDUP_WINDOW_SECONDS = 24 * 3600;

export type BotMode = 'polling' | 'webhook';

/** What a REST token may do: `read` every GET, `operate` (status, cache), `money` (grants, deductions, refunds, reconciliation). */
export const ADMIN_SCOPES = ['read', 'operate', 'money'] as const;
export type AdminScope = (typeof ADMIN_SCOPES)[number];

export interface AdminToken {
  name: string;
  token: string;
  /** A token configured without scopes has them all, as every token had before scopes. */
  scopes: AdminScope[];
}

/**
 * The validated, typed configuration, grouped by concern. Built once from the environment;
 * nothing outside src/config reads process.env.
 */
export class AppConfig {
  readonly http: {
    port: number;
    adminPort: number;
    /** The address both ports listen on; 127.0.0.1 unless BIND_ADDRESS says otherwise (0.0.0.0 in a container). */
    bindAddress: string;
  };
  readonly telegram: {
    /** Absent in local mode: the bot then talks to the built-in Bot API stand-in. */
    token: string | undefined;
    apiRoot: string | undefined;
    mode: BotMode;
    webhookUrl: string | undefined;
    webhookPath: string;
    webhookSecret: string | undefined;
    localApiPort: number;
    /** BOT_API_SPEC; absent: the stand-in checks against the repository's copy. */
    specPath: string | undefined;
    /** Pacing of outgoing messages (off only for benchmarks against the stand-in). */
    rate: { enabled: boolean; globalPerSecond: number; perChatPerSecond: number; perChatBurst: number };
    /** How many of one user's updates may wait behind the one being handled; the rest are answered at once. */
    userQueueLimit: number;
    /** How long a handled update is remembered, so that a redelivery of it is not handled again (DEDUP_WINDOW_SECONDS). */
    dedupWindowSeconds: number;
  };
  readonly database: { url: string | undefined; migrationUrl: string | undefined; dataDir: string };
  readonly redis: { url: string | undefined; commandTimeoutMs: number };
  readonly admin: { tokens: AdminToken[] | undefined; tokenFile: string; grantLimit: number };
  /** A token of its own for /metrics; without one, /metrics takes any REST token. */
  readonly metrics: { token: string | undefined };
  readonly cache: {
    budgetMb: number;
    defaultTtlSeconds: number;
    types: Record<CacheType, { ttlSeconds: number; maxBytes: number }>;
  };
  readonly catalogPath: string | undefined;
  readonly llm:
    | { baseUrl: string; apiKey: string | undefined; model: string; timeoutMs: number; budgetMs: number; maxTokens: number }
    | undefined;
  readonly logLevel: string;
  /** How long the retention jobs keep rows that only grow: rate-limit windows and finished conversations. */
  readonly retention: { rateLimitHours: number; finishedSessionDays: number };
  /** The operators' chat support requests are forwarded to; absent: they are answered through the REST API only. */
  readonly supportChatId: string | undefined;

  constructor(env: Environment) {
    const port = env.PORT ?? 3000;
    const dataDir = resolve(env.DATA_DIR ?? 'data');
    this.http = { port, adminPort: env.ADMIN_PORT ?? port, bindAddress: env.BIND_ADDRESS ?? '127.0.0.1' };
    this.telegram = {
      token: env.TELEGRAM_BOT_TOKEN,
      apiRoot: env.TELEGRAM_API_ROOT,
      mode: (env.BOT_MODE as BotMode | undefined) ?? 'polling',
      webhookUrl: env.WEBHOOK_URL,
      webhookPath: env.WEBHOOK_PATH ?? '/telegram/webhook',
      webhookSecret: env.WEBHOOK_SECRET,
      localApiPort: env.LOCAL_BOT_API_PORT ?? port + 1,
      specPath: env.BOT_API_SPEC ? resolve(env.BOT_API_SPEC) : undefined,
      rate: {
        enabled: env.TELEGRAM_RATE_LIMIT !== 'off',
        globalPerSecond: env.TELEGRAM_GLOBAL_RATE ?? 30,
        perChatPerSecond: 1,
        perChatBurst: 5,
      },
      userQueueLimit: env.USER_QUEUE_LIMIT ?? 3,
      dedupWindowSeconds: env.DEDUP_WINDOW_SECONDS ?? DEDUP_WINDOW_SECONDS,
    };
    this.database = { url: env.DATABASE_URL, migrationUrl: env.MIGRATION_DATABASE_URL, dataDir };
    this.redis = { url: env.REDIS_URL, commandTimeoutMs: 500 };
    this.admin = {
      tokens: env.ADMIN_API_TOKENS?.split(',').map((entry) => {
        const [name, token, scopes] = entry.split(':');
        return { name, token, scopes: scopes ? [...new Set(scopes.split('+') as AdminScope[])] : [...ADMIN_SCOPES] };
      }),
      tokenFile: resolve(dataDir, 'admin-token'),
      grantLimit: env.ADMIN_GRANT_LIMIT ?? 10_000,
    };
    this.metrics = { token: env.METRICS_TOKEN };
    this.cache = {
      budgetMb: env.CACHE_BUDGET_MB ?? 1000,
      defaultTtlSeconds: env.CACHE_DEFAULT_TTL ?? 3600,
      types: CACHE_TYPES,
    };
    this.catalogPath = env.CATALOG_PATH ? resolve(env.CATALOG_PATH) : undefined;
    this.llm = env.LLM_BASE_URL
      ? {
          baseUrl: env.LLM_BASE_URL,
          apiKey: env.LLM_API_KEY,
          model: env.LLM_MODEL ?? 'gpt-4o-mini',
          timeoutMs: env.LLM_TIMEOUT_MS ?? 15_000,
          budgetMs: env.LLM_BUDGET_MS ?? 18_000,
          maxTokens: env.LLM_MAX_TOKENS ?? 2_500,
        }
      : undefined;
    this.logLevel = env.LOG_LEVEL ?? 'info';
    this.retention = {
      rateLimitHours: env.RETENTION_RATE_LIMIT_HOURS ?? 48,
      finishedSessionDays: env.RETENTION_FINISHED_SESSIONS_DAYS ?? 90,
    };
    this.supportChatId = env.SUPPORT_CHAT_ID;
  }

  /** Local mode: no bot token, so the built-in stand-in plays Telegram. */
  get localMode(): boolean {
    return this.telegram.token === undefined;
  }
}
