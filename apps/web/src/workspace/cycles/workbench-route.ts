import { lazyChunk } from '../../app/lazy-chunk';
import type { RouteDef } from '../../app/router';

/** The cycle workbench in a chunk of its own (built for a poor connection: it does not wait for the rest of the workspace). */
export const workbenchChunk = lazyChunk(() => import('./workbench.page'));

/** Its route; main.tsx fetches the chunk beside the app when a first visit lands on it. */
export const workbenchRoute: RouteDef = {
  path: '/workspace/cycles/:code',
  page: workbenchChunk.page('WorkbenchPage'),
  access: 'signed-in',
  roles: ['focal_point'],
};
