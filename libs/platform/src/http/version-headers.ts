import type { Response } from 'express';
import { versionEtag } from '../concurrency/if-match';

/** A versioned record's ETag (its version), so the next write can send it back as If-Match. */
export function sendVersion(res: Response, view: { version: number }): void {
  res.setHeader('ETag', versionEtag(view.version));
  res.setHeader('Cache-Control', 'private, no-cache');
}

/** A created record's ETag, and whether this answer is the replay of an earlier request with the same Idempotency-Key. */
export function sendCreated(res: Response, view: { version: number }, replayed: boolean): void {
  sendVersion(res, view);
  sendReplayed(res, replayed);
}

export function sendReplayed(res: Response, replayed: boolean): void {
  if (replayed) res.setHeader('Idempotent-Replayed', 'true');
}
