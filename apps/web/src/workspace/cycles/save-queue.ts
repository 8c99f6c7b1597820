import { ApiError } from '../../api/client';

/** A lost connection (fetch rejects) or a gateway/outage answer: worth retrying as it is. */
export function isTransient(err: unknown): boolean {
  if (err instanceof ApiError) return err.status === 0 || err.status === 502 || err.status === 503 || err.status === 504;
  return err instanceof TypeError;
}

type Listener = (state: { pending: number; offline: boolean }) => void;

/**
 * The page's retry queue: the latest save of each row, run one at a time;
 * one that fails for want of a connection stays queued and is retried with
 * backoff (and at once when the browser says it is back online).
 */
export class SaveQueue {
  private readonly jobs = new Map<string, () => Promise<void>>();
  private running = false;
  private offline = false;
  private delay = 1000;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly listeners = new Set<Listener>();

  constructor() {
    if (typeof window !== 'undefined') window.addEventListener('online', () => this.kick(0));
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(): void {
    for (const l of this.listeners) l({ pending: this.jobs.size, offline: this.offline });
  }

  /** Queues (or replaces) the save of `key`; it runs after `wait` ms of quiet. */
  put(key: string, run: () => Promise<void>, wait = 600): void {
    this.jobs.set(key, run);
    this.emit();
    this.kick(wait);
  }

  has(key: string): boolean {
    return this.jobs.has(key);
  }

  private kick(wait: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), wait);
  }

  private async flush(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      for (const [key, run] of [...this.jobs]) {
        try {
          await run();
          // A newer save queued while this one ran stays for the next pass.
          if (this.jobs.get(key) === run) this.jobs.delete(key);
          this.offline = false;
          this.delay = 1000;
        } catch (err) {
          if (!isTransient(err)) {
            if (this.jobs.get(key) === run) this.jobs.delete(key);
            continue;
          }
          this.offline = true;
          this.delay = Math.min(this.delay * 2, 30_000);
          this.kick(this.delay);
          return;
        }
      }
    } finally {
      this.running = false;
      this.emit();
    }
    if (this.jobs.size) this.kick(0);
  }
}
