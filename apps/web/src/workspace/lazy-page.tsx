import type { ComponentType } from 'preact';
import type { RouteProps } from '../app/router';
import { lazyChunk } from '../app/lazy-chunk';
import { loadRest } from '../i18n/load';

/** Its modules run once the whole catalogue is in (the workbench, in a chunk of its own, needs only the first-visit sections). */
const workspacePages = lazyChunk(() => loadRest().then(() => import('./workspace-pages')));

/**
 * A workspace page fetched on first use: observers, who never open the
 * workspace, do not download its forms.
 */
export function lazyPage(name: keyof typeof import('./workspace-pages')): ComponentType<RouteProps> {
  return workspacePages.page(name);
}

