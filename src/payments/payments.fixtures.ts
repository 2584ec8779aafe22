import { Counter } from 'prom-client';
import { DataSource, EntityManager } from 'typeorm';
import { CatalogService, loadCatalog } from 'src/catalog/catalog.service';
import { DomainException } from 'src/common/errors/domain.exception';
import { ErrorCode } from 'src/common/errors/error-code';
import { AppConfig } from 'src/config/app-config';
import { CreditMove, LedgerEntry, LedgerService, STARS_PROVIDER } from 'src/payments/ledger.service';
import { MetricsService } from 'src/metrics/metrics.service';
import { StarsClient } from 'src/telegram/stars-client';
import { SETTLED_STATUSES, STARS_GRANT_TYPES, Transaction } from 'src/payments/transaction.entity';
import { SubscriptionTier, User, UserPreferences, UserStatus } from 'src/users/user.entity';
import { toSnapshot, UserSnapshot } from 'src/users/user-snapshot';
import { UsersService } from 'src/users/users.service';

/**
 * In-memory stand-ins for what the payment services reach outside themselves (the ledger's and
 * the users' tables, the data source, Telegram's Stars methods), for unit specs. They keep the
 * rules the SQL keeps (a guarded balance, a pending row settled once, a grant refunded once) so
 * a spec can assert on state rather than on calls.
 */

/** The manager the fakes hand to the code under test; only ever passed back to the fakes. */
export const FAKE_MANAGER = { fake: 'manager' } as unknown as EntityManager;

/** `transaction(work)` runs the work with the fake manager; the fakes keep no rollback. */
export function fakeDataSource(): DataSource {
  return {
    manager: FAKE_MANAGER,
    transaction: <T>(work: (manager: EntityManager) => Promise<T>) => work(FAKE_MANAGER),
  } as unknown as DataSource;
}

type CounterName = { [K in keyof MetricsService]: MetricsService[K] extends Counter<string> ? K : never }[keyof MetricsService];

/** What a counter of `metrics` holds for exactly these labels (0 when never counted). */
export async function counted(metrics: MetricsService, counter: CounterName, labels: Record<string, string>): Promise<number> {
  const { values } = await (metrics[counter] as Counter<string>).get();
  return values.find((v) => Object.entries(labels).every(([k, l]) => (v.labels as Record<string, unknown>)[k] === l))?.value ?? 0;
}

/** The built-in catalogue (packages, tiers, limits), as the app loads it without CATALOG_PATH. */
export function builtInCatalog(): CatalogService {
  return new CatalogService({ catalogPath: undefined } as AppConfig);
}

export function aUser(overrides: Partial<User> = {}): User {
  return Object.assign(new User(), {
    id: 1,
    telegramId: '1001',
    credits: 0,
    status: 'active',
    preferences: {},
    subscriptionTier: null,
    subscriptionExpiresAt: null,
    createdAt: new Date('2026-01-01T00:00:00Z'),
    updatedAt: new Date('2026-01-01T00:00:00Z'),
    lastActiveAt: null,
    ...overrides,
  });
}

export class FakeUsers {
  readonly byId = new Map<number, User>();

  constructor(...users: User[]) {
    for (const user of users) this.byId.set(user.id, user);
  }

  get service(): UsersService {
    return this as unknown as UsersService;
  }

  async findById(id: number): Promise<User | null> {
    return this.byId.get(id) ?? null;
  }

  async findByTelegramId(telegramId: string): Promise<User | null> {
    return [...this.byId.values()].find((u) => u.telegramId === telegramId) ?? null;
  }

  async snapshotByTelegramId(telegramId: string): Promise<UserSnapshot | null> {
    const user = await this.findByTelegramId(telegramId);
    return user ? toSnapshot(user) : null;
  }

  /** Creates the user on first contact, with no credits, as the INSERT … ON CONFLICT DO NOTHING does. */
  async register(_manager: EntityManager, telegramId: string, preferences: UserPreferences): Promise<{ user: User; created: boolean }> {
    const known = await this.findByTelegramId(telegramId);
    if (known) return { user: known, created: false };
    const user = aUser({ id: Math.max(0, ...this.byId.keys()) + 1, telegramId, preferences });
    this.byId.set(user.id, user);
    return { user, created: true };
  }

  async reactivate(_manager: EntityManager, id: number, preferences: UserPreferences): Promise<void> {
    const user = this.byId.get(id)!;
    if (user.status === 'deleted') Object.assign(user, { status: 'active', preferences });
  }

  async applyCreditDelta(_manager: EntityManager, id: number, delta: number): Promise<{ balance: number; ledgerDrift: number } | null> {
    const user = this.byId.get(id);
    if (!user || user.credits + delta < 0) return null;
    user.credits += delta;
    return { balance: user.credits, ledgerDrift: 0 };
  }

  async lockCredits(_manager: EntityManager, id: number): Promise<number> {
    return this.byId.get(id)!.credits;
  }

  async setStatus(_manager: EntityManager, id: number, status: UserStatus): Promise<User | null> {
    const user = this.byId.get(id);
    if (user) user.status = status;
    return user ?? null;
  }

  async setSubscription(_manager: EntityManager, id: number, tier: SubscriptionTier | null, expiresAt: Date | null): Promise<void> {
    Object.assign(this.byId.get(id)!, { subscriptionTier: tier, subscriptionExpiresAt: expiresAt });
  }

  async updatePreferences(id: number, _telegramId: string, change: Partial<UserPreferences>): Promise<void> {
    const user = this.byId.get(id)!;
    user.preferences = { ...user.preferences, ...change };
  }

  async lapseSubscriptions(_manager: EntityManager, now: Date): Promise<{ id: number; telegram_id: string }[]> {
    const lapsed = [...this.byId.values()].filter((u) => u.subscriptionTier !== null && u.subscriptionExpiresAt !== null && u.subscriptionExpiresAt < now);
    for (const user of lapsed) user.subscriptionTier = null;
    return lapsed.map((u) => ({ id: u.id, telegram_id: u.telegramId }));
  }
}

export class FakeLedger {
  readonly rows: Transaction[] = [];
  private nextId = 1;

  constructor(private readonly users: FakeUsers) {}

  get service(): LedgerService {
    return this as unknown as LedgerService;
  }

  /** A row as it would stand in the table, e.g. a grant made before the spec starts. */
  add(fields: Partial<Transaction> & Pick<Transaction, 'userId' | 'amount' | 'type'>): Transaction {
    const row = Object.assign(new Transaction(), {
      id: this.nextId++,
      status: 'completed',
      paymentProvider: STARS_PROVIDER,
      paymentReference: null,
      refundReference: null,
      errorMessage: null,
      metadata: null,
      createdAt: new Date(),
      updatedAt: new Date(),
      ...fields,
    });
    this.rows.push(row);
    return row;
  }

  async record(_manager: EntityManager, entry: LedgerEntry): Promise<Transaction> {
    return this.add({
      userId: entry.userId,
      amount: entry.amount,
      type: entry.type,
      status: entry.status ?? 'pending',
      paymentProvider: entry.provider ?? null,
      paymentReference: entry.reference ?? null,
      metadata: entry.metadata ?? null,
    });
  }

  async move(manager: EntityManager, entry: LedgerEntry): Promise<CreditMove> {
    const moved = await this.users.applyCreditDelta(manager, entry.userId, entry.amount);
    if (moved === null) throw new DomainException(ErrorCode.InsufficientCredits, 'The user does not have enough credits', { requested: -entry.amount });
    return { transaction: await this.record(manager, { ...entry, status: entry.status ?? 'completed' }), balance: moved.balance };
  }

  async settlePending(manager: EntityManager, id: number, chargeId: string, metadata: Record<string, unknown>): Promise<CreditMove | null> {
    const row = this.rows.find((r) => r.id === id && r.status === 'pending');
    if (!row) return null;
    Object.assign(row, { status: 'completed', paymentReference: chargeId, metadata: { ...row.metadata, ...metadata } });
    return { transaction: row, balance: (await this.users.applyCreditDelta(manager, row.userId, row.amount))!.balance };
  }

  async markRefunded(_manager: EntityManager, id: number, refundReference: string): Promise<boolean> {
    const row = this.rows.find((r) => r.id === id && r.status === 'completed');
    if (!row) return false;
    Object.assign(row, { status: 'refunded', refundReference });
    return true;
  }

  async mergeMetadata(_manager: EntityManager, id: number, metadata: Record<string, unknown>): Promise<void> {
    const row = this.rows.find((r) => r.id === id)!;
    row.metadata = { ...row.metadata, ...metadata };
  }

  /** Unpaid invoices older than `cutoff` fail, as the UPDATE … WHERE created_at < $1 does. */
  async expirePending(_manager: EntityManager, cutoff: Date): Promise<number> {
    const expired = this.rows.filter((r) => r.status === 'pending' && r.createdAt < cutoff);
    for (const row of expired) Object.assign(row, { status: 'failed', errorMessage: 'Invoice not paid within 24 hours' });
    return expired.length;
  }

  async failPending(id: number, reason: string): Promise<void> {
    const row = this.rows.find((r) => r.id === id && r.status === 'pending');
    if (row) Object.assign(row, { status: 'failed', errorMessage: reason });
  }

  async findById(id: number): Promise<Transaction | null> {
    return this.rows.find((r) => r.id === id) ?? null;
  }

  async findCharge(chargeId: string): Promise<Transaction | null> {
    const grantTypes: readonly string[] = STARS_GRANT_TYPES;
    return this.rows.find((r) => r.paymentProvider === STARS_PROVIDER && grantTypes.includes(r.type) && r.paymentReference === chargeId) ?? null;
  }

  async findByIdempotencyKey(key: string): Promise<Transaction | null> {
    return this.rows.find((r) => r.metadata?.idempotencyKey === key) ?? null;
  }

  async latestSubscription(userId: number, tier?: string): Promise<Transaction | null> {
    const matching = this.rows.filter(
      (r) =>
        r.userId === userId &&
        r.type === 'subscription' &&
        r.paymentProvider === STARS_PROVIDER &&
        SETTLED_STATUSES.includes(r.status) &&
        (!tier || r.metadata?.tier === tier),
    );
    return matching.at(-1) ?? null;
  }
}

/** Telegram's Stars methods: each call noted; `fail` makes the next calls throw as Telegram's errors do. */
export class FakeStars {
  readonly calls: { method: string; args: unknown[] }[] = [];
  failure: { description: string } | undefined;

  get client(): StarsClient {
    return this as unknown as StarsClient;
  }

  async refundStarPayment(userId: number, chargeId: string): Promise<boolean> {
    return this.answer('refundStarPayment', [userId, chargeId], true);
  }

  async editUserStarSubscription(userId: number, chargeId: string, isCanceled: boolean): Promise<boolean> {
    return this.answer('editUserStarSubscription', [userId, chargeId, isCanceled], true);
  }

  async createSubscriptionInvoiceLink(link: Record<string, unknown>): Promise<string> {
    return this.answer('createSubscriptionInvoiceLink', [link], 'https://t.me/$subscription');
  }

  private answer<T>(method: string, args: unknown[], result: T): T {
    this.calls.push({ method, args });
    if (this.failure) throw Object.assign(new Error(this.failure.description), this.failure);
    return result;
  }
}
