/** The public page of a compiled cycle's digest (the web app's route; the API's is under /api/v1/digests). */
export function digestPagePath(cycleCode: string): string {
  return `/digests/${encodeURIComponent(cycleCode)}`;
}
