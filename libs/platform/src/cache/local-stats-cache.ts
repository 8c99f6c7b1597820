import type { CachedBody } from './stats-cache';

/** Enough for every dashboard query; past it the map starts over rather than grow without bound. */
const MAX_ENTRIES = 2000;

interface Entry {
  value: CachedBody;
  expires: number;
}

/**
 * The in-process copy of the stats cache, kept by this process's change
 * listener. It serves only while the listener is live and no invalidation is
 * in flight. Each invalidation ends a numbered epoch; a value is stored only
 * under the epoch its lookup started in, so a value read before a change was
 * committed and handled never outlives that change here.
 */
export class LocalStatsCache {
  private readonly entries = new Map<string, Entry>();
  private open = false;
  private holds = 0;
  /** open and no hold: the one flag the hot path reads. */
  private serving = false;
  private current = 0;

  constructor(private readonly ttlMs: number) {}

  /** The epoch a lookup starts in; pass it back to `set`. */
  get epoch(): number {
    return this.current;
  }

  get(key: string): CachedBody | undefined {
    if (!this.serving) return undefined;
    const e = this.entries.get(key);
    if (!e || e.expires < Date.now()) return undefined;
    return e.value;
  }

  set(key: string, epoch: number, value: CachedBody): void {
    if (!this.serving || epoch !== this.current) return;
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(key, { value, expires: Date.now() + this.ttlMs });
  }

  /** A change is being handled: drop everything and serve nothing until `release`. */
  hold(): void {
    this.holds++;
    this.reset();
  }

  /** The change is handled (the shared cache too): lookups from now on start a new epoch. */
  release(): void {
    if (this.holds > 0) this.holds--;
    this.reset();
  }

  /** The listener is live again after a full invalidation. */
  resume(): void {
    this.open = true;
    this.reset();
  }

  /** The listener is down: changes would go unseen, so nothing is kept or served. */
  suspend(): void {
    this.open = false;
    this.holds = 0;
    this.reset();
  }

  private reset(): void {
    this.current++;
    this.entries.clear();
    this.serving = this.open && this.holds === 0;
  }
}
