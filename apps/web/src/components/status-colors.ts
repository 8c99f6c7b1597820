import type { ImplementationStatus } from '../api/models';

/** Okabe–Ito hues: distinguishable under the common colour-vision deficiencies; tables carry the exact numbers. */
export const STATUS_COLORS: Record<ImplementationStatus, string> = {
  not_started: '#8a939c',
  on_track: '#0072b2',
  delayed: '#e69f00',
  achieved: '#009e73',
  discontinued: '#cc79a7',
};
