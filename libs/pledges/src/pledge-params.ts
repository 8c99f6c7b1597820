import { ParamPatternPipe, ParamUuidPipe, UUID_PATTERN } from '@gcm/platform';

export const pledgeIdPipe = () => new ParamUuidPipe('id');

/** A public reference (GCM-P-2026-00042) or a pledge id. */
export const pledgeKeyPipe = () =>
  new ParamPatternPipe('id', new RegExp(`^(GCM-P-\\d{4}-\\d{5,9}|${UUID_PATTERN.source.slice(1, -1)})$`, 'i'), 'a pledge reference such as GCM-P-2026-00042 or an id');
