/**
 * URL prefixes of hot public GETs (the dashboard aggregates): answered from
 * memory ahead of the request pipeline when cached (publicCacheFastPath), and
 * not access-logged when they succeed — they are the busiest, side-effect-free
 * responses, and a log line each cost more than the answer. Errors still log.
 * Features register their prefixes at start-up.
 */
const prefixes: string[] = [];

export function registerHotPublicPath(prefix: string): void {
  if (!prefixes.includes(prefix)) prefixes.push(prefix);
}

export function isHotPublicPath(url: string | undefined): boolean {
  return !!url && prefixes.some((p) => url.startsWith(p));
}

/** The registered prefix `url` falls under (a metrics label for an answer from memory, which no route matched). */
export function hotPublicPrefix(url: string | undefined): string | undefined {
  return url ? prefixes.find((p) => url.startsWith(p)) : undefined;
}
