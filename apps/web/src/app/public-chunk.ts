import { loadRest } from '../i18n/load';
import { lazyChunk } from './lazy-chunk';

/** The chunk of public pages (public-pages.ts), shared by the routes and main.tsx's early fetch; its modules run once the whole catalogue is in. */
export const publicPages = lazyChunk(() => loadRest().then(() => import('./public-pages')));

/** A path the public chunk serves (everything outside /workspace). */
export const isPublicPath = (path: string) => !/^\/workspace(\/|$)/.test(path);
