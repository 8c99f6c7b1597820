import { ParamPatternPipe, ParamUuidPipe, UUID_PATTERN } from '@gcm/platform';
import type { Response } from 'express';
import { etagOf } from './domain/if-match';

export const pledgeIdPipe = () => new ParamUuidPipe('id');

/** A public reference (GCM-P-2026-00042) or a pledge id. */
export const pledgeKeyPipe = () =>
  new ParamPatternPipe('id', new RegExp(`^(GCM-P-\\d{4}-\\d{5,9}|${UUID_PATTERN.source.slice(1, -1)})$`, 'i'), 'a pledge reference such as GCM-P-2026-00042 or an id');

export function sendVersion(res: Response, view: { version: number }): void {
  res.setHeader('ETag', etagOf(view.version));
  res.setHeader('Cache-Control', 'private, no-cache');
}

export function sendCreated(res: Response, view: { version: number }, replayed: boolean): void {
  sendVersion(res, view);
  if (replayed) res.setHeader('Idempotent-Replayed', 'true');
}
