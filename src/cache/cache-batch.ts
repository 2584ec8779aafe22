import { AsyncLocalStorage } from 'node:async_hooks';

/** A value to store at the end of the batch, if the key still holds the batch's lease. */
export interface LeasedStore {
  key: string;
  /** As the store writes it (Keyv's serialised `{value, expires}`). */
  raw: string;
  ttlMs: number;
}

/** What a closed batch leaves to do, in one round trip: delete `forget`, then write `store` where the lease still holds. */
export interface CacheWrites {
  forget: string[];
  store: LeasedStore[];
  /** The placeholder the leased keys hold (absent: no lease). */
  lease?: string;
}

/**
 * The cache writes of a unit of work (an update, a charge) made together at its end, in one Redis
 * round trip rather than one each (issue 20). Forgets wait for the end; while the batch is open,
 * a forgotten entry reads as a miss in the same unit of work. A key the update gate leased (it
 * found the key empty with its claim and left a placeholder there) is written at the end only if
 * the placeholder is still there: a forget in between (another instance's change) wins over a
 * value read before it. Once closed, the batch's forgets and writes are immediate again.
 */
export class CacheBatch {
  private readonly forgets = new Set<string>();
  private readonly stores = new Map<string, LeasedStore>();
  private readonly leased = new Set<string>();
  private open = true;

  private static readonly current = new AsyncLocalStorage<CacheBatch>();

  /** @param lease the placeholder that keys leased to this batch hold */
  constructor(readonly lease?: string) {}

  /** The batch the running code belongs to, if one is open. */
  static get active(): CacheBatch | undefined {
    const batch = CacheBatch.current.getStore();
    return batch?.open ? batch : undefined;
  }

  /** Runs `work` with this batch as the one its cache writes go to (and those of what it starts, awaited or not). */
  run<T>(work: () => Promise<T>): Promise<T> {
    return CacheBatch.current.run(this, work);
  }

  /** The key holds this batch's placeholder: a value read from the source may be written with the batch. */
  holdLease(key: string): void {
    if (this.lease !== undefined) this.leased.add(key);
  }

  holdsLease(key: string): boolean {
    return this.open && this.leased.has(key);
  }

  forget(key: string): void {
    this.forgets.add(key);
    this.stores.delete(key);
    this.leased.delete(key);
  }

  forgotten(key: string): boolean {
    return this.open && this.forgets.has(key);
  }

  /** Keeps the value to write at the end when the key is leased to this batch; false (write it now) otherwise. */
  storeLater(store: LeasedStore): boolean {
    if (!this.open || !this.leased.has(store.key)) return false;
    this.stores.set(store.key, store);
    return true;
  }

  /** Closes the batch and gives what is left to do, for the caller to do now. */
  close(): CacheWrites {
    this.open = false;
    const writes = { forget: [...this.forgets], store: [...this.stores.values()], lease: this.lease };
    this.forgets.clear();
    this.stores.clear();
    return writes;
  }
}
