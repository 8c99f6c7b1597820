import { Client } from 'pg';

/** Runs SQL on a connection of its own, as psql or another program would. */
export async function sql<T = Record<string, unknown>>(url: string, text: string, params: unknown[] = []): Promise<T[]> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(text, params)).rows as T[];
  } finally {
    await c.end();
  }
}

/**
 * A committed write that fires no trigger, so no listener hears of it — the
 * situation of a change committed while a listener was disconnected.
 */
export async function hiddenWrite(url: string, text: string, params: unknown[] = []): Promise<void> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    await c.query('BEGIN');
    await c.query('SET LOCAL session_replication_role = replica');
    await c.query(text, params);
    await c.query('COMMIT');
  } finally {
    await c.end();
  }
}

/** Backend pids of the stats change listeners connected to this database. */
export async function listenerPids(url: string): Promise<number[]> {
  const rows = await sql<{ pid: number }>(url, `SELECT pid FROM pg_stat_activity
    WHERE datname = current_database() AND application_name LIKE '%:stats-listener' ORDER BY backend_start`);
  return rows.map((r) => r.pid);
}

/** Polls `read` until `done` holds (5 s at most) and returns the last value, for the caller to assert on. */
export async function until<T>(read: () => Promise<T>, what: string, done: (v: T) => boolean = Boolean): Promise<T> {
  const deadline = Date.now() + 5000;
  let value = await read();
  while (!done(value) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 25));
    value = await read();
  }
  if (!done(value)) process.stderr.write(`still waiting for ${what} after 5 s\n`);
  return value;
}
