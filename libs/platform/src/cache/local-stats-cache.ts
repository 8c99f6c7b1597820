/** Enough for every dashboard query; past it the map starts over rather than grow without bound. */
const MAX_ENTRIES = 2000;

interface Entry<T> {
  value: T;
  expires: number;
  stored: number;
}

/** A copy kept for when the database cannot be reached, with its age. */
export interface FallbackBody<T> {
  value: T;
  ageSeconds: number;
}

/**
 * The in-process copy of the stats cache, kept by this process's change
 * listener. It serves only while the listener is live and no invalidation is
 * in flight. Each invalidation ends a numbered epoch; a value is stored only
 * under the epoch its lookup started in, so a value read before a change was
 * committed and handled never outlives that change here.
 */
export class LocalStatsCache<T> {
  private entries = new Map<string, Entry<T>>();
  /**
   * What was served when the listener was lost, for `fallback` only: the
   * listener drops when PostgreSQL does, and nothing can be committed while
   * it is down, so these are the current figures for as long as the
   * database cannot answer.
   */
  private lastKnown = new Map<string, Entry<T>>();
  private open = false;
  private holds = 0;
  /** open and no hold: the one flag the hot path reads. */
  private serving = false;
  private current = 0;
  /** A change is notified and its invalidation window open: what is kept is served, nothing new is kept. */
  private waiting = false;

  constructor(private readonly ttlMs: number) {}

  /** The epoch a lookup starts in; pass it back to `set`. */
  get epoch(): number {
    return this.current;
  }

  get(key: string): T | undefined {
    if (!this.serving) return undefined;
    const e = this.entries.get(key);
    if (!e || e.expires < Date.now()) return undefined;
    return e.value;
  }

  set(key: string, epoch: number, value: T): void {
    if (!this.serving || this.waiting || epoch !== this.current) return;
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    const now = Date.now();
    this.entries.set(key, { value, expires: now + this.ttlMs, stored: now });
  }

  /** The copy of `key` from before the listener was lost (expired or not), to answer while the database is unreachable. */
  fallback(key: string): FallbackBody<T> | undefined {
    const e = this.lastKnown.get(key);
    return e && { value: e.value, ageSeconds: Math.max(0, Math.floor((Date.now() - e.stored) / 1000)) };
  }

  /** The database answered while the listener is down: changes may be committed unseen, so the last-known copies are void. */
  forgetFallback(): void {
    this.lastKnown.clear();
  }

  /** Drops the copies served now (e.g. the shared cache's connection was re-established), keeping the last-known ones. */
  drop(): void {
    this.current++;
    this.entries.clear();
  }

  /**
   * A change was notified and will be handled when its window closes: keep
   * serving what is kept (from before the change), but keep nothing new — a
   * value computed now may be from after the change and would be dropped at
   * the close anyway, or from before it and would then outlive a newer one.
   */
  pend(): void {
    this.waiting = true;
  }

  /** Whether a change is waiting for its window to close (see `pend`). */
  get pending(): boolean {
    return this.waiting;
  }

  /** A change is being handled: drop everything and serve nothing until `release`. */
  hold(): void {
    this.holds++;
    this.lastKnown.clear();
    this.reset();
  }

  /** The change is handled (the shared cache too): lookups from now on start a new epoch. */
  release(): void {
    if (this.holds > 0) this.holds--;
    this.lastKnown.clear();
    this.reset();
  }

  /** The listener is live again after a full invalidation. */
  resume(): void {
    this.open = true;
    this.lastKnown.clear();
    this.reset();
  }

  /**
   * The listener is down: changes would go unseen, so nothing is kept or
   * served. `withDatabase`: it went down with PostgreSQL, so what was served
   * is kept as the last-known copies; any other cause (Redis, a stop) voids them.
   */
  suspend(withDatabase = false): void {
    // Only when trusted: a failed reconnection must not replace the last-known copies with nothing.
    if (!withDatabase) this.lastKnown.clear();
    else if (this.serving) [this.lastKnown, this.entries] = [this.entries, new Map()];
    this.open = false;
    this.holds = 0;
    this.reset();
  }

  private reset(): void {
    this.waiting = false;
    this.current++;
    this.entries.clear();
    this.serving = this.open && this.holds === 0;
  }
}
