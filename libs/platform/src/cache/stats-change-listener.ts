import { Logger } from '@nestjs/common';
import { Client, ClientConfig } from 'pg';

/** The channel the stats_notify() triggers signal on (see the StatsChangedNotify migration). */
export const STATS_CHANNEL = 'stats_changed';

const MIN_DELAY_MS = 100;
const MAX_DELAY_MS = 5000;
const SYNC_TIMEOUT_MS = 2000;

export interface StatsChangeHandlers {
  /** A notification arrived and its window opened: keep serving cached copies, store nothing new (see `windowMs`). */
  pending?(): void;
  /** The window closed: stop trusting cached copies until `changed` has run. */
  changing(): void;
  /** Transactions (by id) committed changes to public data; rejecting counts as a lost connection. */
  changed(txids: string[], tables: string[]): Promise<void>;
  /** (Re)connected and listening: changes made while not listening are unknown, so everything is stale. */
  connected(): Promise<void>;
  /** `connected` is done on the connection still in use: cached copies can be trusted again. */
  resumed(): void;
  /** Not listening any more (`err`: why, none when stopped): nothing cached can be trusted until `connected` has run again. */
  disconnected(err?: Error): void;
}

/**
 * One dedicated PostgreSQL connection per process that LISTENs for commits of
 * public data. It reconnects with exponential backoff after any error, and
 * counts as listening only once `connected` (a full invalidation) is done.
 * At most one invalidation per `windowMs`: a notification after a quiet spell
 * is handled at once; those arriving within the window after an invalidation
 * are handled together when it ends, in order — a burst of commits does not
 * empty the cache once per commit.
 */
export class StatsChangeListener {
  private readonly logger = new Logger('StatsChangeListener');
  private client?: Client;
  private live = false;
  private stopped = false;
  private attempt = 0;
  private timer?: NodeJS.Timeout;
  private batch: { txids: Set<string>; tables: Set<string> } | null = null;
  /** The open window's timer, and the handling of its batch (which `sync` waits for). */
  private windowTimer?: NodeJS.Timeout;
  private windowDone?: Promise<void>;
  private windowClose?: () => void;
  /** When the last batch was handled (ms): the next one waits until `windowMs` after it. */
  private lastHandled = 0;
  /** Batches handled (invalidations) since start, for benchmarks and tests. */
  invalidations = 0;
  /** Handler calls run one after another; this is the tail of that chain. */
  private work: Promise<void> = Promise.resolve();
  /** The round trip on the wire, and the one that callers arriving meanwhile share (one query at a time). */
  private ping?: Promise<void>;
  private nextPing?: Promise<void>;

  constructor(
    private readonly connection: ClientConfig,
    private readonly handlers: StatsChangeHandlers,
    private readonly windowMs = 0,
  ) {}

  get listening(): boolean {
    return this.live;
  }

  start(): void {
    if (!this.client && !this.timer && !this.stopped) this.connect();
  }

  /**
   * Resolves once every notification committed before the call has been
   * handled: PostgreSQL sends a listener its pending notifications before
   * answering its next query, so one round trip on this connection flushes
   * them; an open window is waited out. Bounded: a connection that does not
   * answer is dropped and rebuilt.
   */
  async sync(): Promise<void> {
    const client = this.client;
    if (!client || !this.live) return;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('stats listener did not answer')), SYNC_TIMEOUT_MS);
    });
    try {
      await Promise.race([this.roundTrip(client).then(() => this.windowDone).then(() => this.work), timeout]);
    } catch (err) {
      this.lost(client, err as Error);
    } finally {
      clearTimeout(timer);
    }
  }

  /** A query sent after the call; concurrent callers share one, so the client never queues queries. */
  private roundTrip(client: Client): Promise<void> {
    if (!this.ping) {
      const ping: Promise<void> = client.query('SELECT 1').then(() => undefined).finally(() => {
        if (this.ping === ping) this.ping = undefined;
      });
      this.ping = ping;
      return ping;
    }
    this.nextPing ??= this.ping.catch(() => undefined).then(() => {
      this.nextPing = undefined;
      return this.roundTrip(client);
    });
    return this.nextPing;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    const client = this.client;
    this.drop();
    await client?.end().catch(() => undefined);
  }

  private connect(): void {
    this.timer = undefined;
    const client = new Client(this.connection);
    this.client = client;
    client.on('notification', (m) => this.notified(client, m.payload ?? ''));
    client.on('error', (err) => this.lost(client, err));
    // 08006 (connection failure): the server went away, as its own errors say when it shuts down.
    client.on('end', () => this.lost(client, Object.assign(new Error('connection ended'), { code: '08006' })));
    client
      .connect()
      .then(() => client.query(`LISTEN ${STATS_CHANNEL}`))
      .then(() => this.enqueue(() => this.handlers.connected()))
      .then(() => {
        if (this.client !== client) return;
        if (this.attempt > 0) this.logger.log('stats change listener reconnected; cache invalidated');
        this.attempt = 0;
        this.live = true;
        this.handlers.resumed();
      })
      .catch((err: Error) => this.lost(client, err));
  }

  private notified(client: Client, payload: string): void {
    if (this.client !== client) return;
    const [table, txid] = payload.split(' ');
    if (!this.batch) {
      const batch = { txids: new Set<string>(), tables: new Set<string>() };
      this.batch = batch;
      const handle = (): Promise<void> => {
        this.windowTimer = undefined;
        this.lastHandled = Date.now();
        this.handlers.changing();
        this.invalidations++;
        const done = this.enqueue(() => {
          if (this.batch === batch) this.batch = null;
          return this.handlers.changed([...batch.txids], [...batch.tables]);
        });
        done.catch((err: Error) => this.lost(client, err));
        return done.catch(() => undefined);
      };
      // At most one invalidation per window: a change after a quiet spell is handled at once, later ones wait for the window to end.
      const wait = this.lastHandled + this.windowMs - Date.now();
      if (wait > 0) {
        this.handlers.pending?.();
        let close!: () => void;
        const closed = new Promise<void>((resolve) => (close = resolve));
        // A connection lost meanwhile closes the window with nothing to handle: `disconnected` voided the cache.
        const closing: Promise<void> = closed.then(() => (this.batch === batch ? handle() : undefined)).finally(() => {
          if (this.windowDone === closing) this.windowDone = undefined;
        });
        this.windowDone = closing;
        this.windowClose = close;
        this.windowTimer = setTimeout(close, wait);
      } else void handle();
    }
    if (txid) this.batch.txids.add(txid);
    if (table) this.batch.tables.add(table);
  }

  private enqueue(fn: () => Promise<void>): Promise<void> {
    const step = this.work.then(fn);
    this.work = step.catch(() => undefined);
    return step;
  }

  private drop(err?: Error): void {
    clearTimeout(this.windowTimer);
    this.windowTimer = undefined;
    this.batch = null;
    this.windowClose?.();
    this.windowClose = undefined;
    this.windowDone = undefined;
    this.client = undefined;
    this.ping = undefined;
    this.nextPing = undefined;
    this.live = false;
    this.batch = null;
    this.handlers.disconnected(err);
  }

  private lost(client: Client, err: Error): void {
    if (this.client !== client) return;
    this.drop(err);
    client.end().catch(() => undefined);
    if (this.stopped) return;
    const delay = Math.min(MAX_DELAY_MS, MIN_DELAY_MS * 2 ** this.attempt++) * (0.5 + Math.random() / 2);
    this.logger.warn({ err: err.message, retryInMs: Math.round(delay) }, 'stats change listener lost; cache bypassed until it is back');
    this.timer = setTimeout(() => this.connect(), delay);
    this.timer.unref();
  }
}
