import type { ComponentType } from 'preact';
import type { Role } from './session';
import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n';
import { localePath, splitLocale } from '../i18n/locale-path';

export interface RouteProps {
  params: Record<string, string>;
  query: URLSearchParams;
}

export interface RouteDef {
  /** `/objectives/:number`; a `:name` segment matches one path segment. */
  path: string;
  page: ComponentType<RouteProps>;
  /** `signed-in` routes (the workspace) show a sign-in form in place of the page without a session. */
  access?: 'public' | 'signed-in';
  /** Roles that see the page (the API is the real gate; this spares others a page of refusals). */
  roles?: Role[];
}

export interface Location {
  path: string;
  query: URLSearchParams;
}

/** Paths the server answers itself: links to them leave the single-page app (and carry no language prefix). */
export const SERVER_PATHS = /^\/(api|health)(\/|$)|^\/(sitemap\.xml|robots\.txt|favicon\.svg)$/;

type Listener = (loc: Location, how: 'push' | 'pop' | 'replace') => void;
const listeners = new Set<Listener>();

/** The page's path as routes.ts knows it: the language prefix (`/fr`) is taken off. */
export function currentLocation(): Location {
  return { path: splitLocale(window.location.pathname).path, query: new URLSearchParams(window.location.search) };
}

export function navigate(to: string, opts: { replace?: boolean } = {}): void {
  const url = new URL(to, window.location.href);
  if (url.origin !== window.location.origin || SERVER_PATHS.test(url.pathname)) {
    window.location.assign(url.href);
    return;
  }
  // An unprefixed path is a page in the current language; a page in another language loads afresh (its catalogue, `<html lang dir>`).
  const prefixed = splitLocale(url.pathname);
  const explicit = prefixed.path !== url.pathname;
  if (explicit && prefixed.locale !== t.lang) {
    window.location.assign(url.href);
    return;
  }
  const target = localePath(prefixed.path, t.lang) + url.search + url.hash;
  if (opts.replace) window.history.replaceState(null, '', target);
  else window.history.pushState(null, '', target);
  notify(opts.replace ? 'replace' : 'push');
}

function notify(how: 'push' | 'pop' | 'replace'): void {
  const loc = currentLocation();
  listeners.forEach((l) => l(loc, how));
}

export function onNavigate(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useLocation(): Location {
  const [loc, setLoc] = useState(currentLocation);
  useEffect(() => onNavigate(setLoc), []);
  return loc;
}

export function matchRoute(routes: RouteDef[], path: string): { route: RouteDef; params: Record<string, string> } | null {
  const parts = path.replace(/\/+$/, '').split('/').slice(1);
  for (const route of routes) {
    const pattern = route.path === '/' ? [] : route.path.split('/').slice(1);
    if (pattern.length !== parts.length) continue;
    const params: Record<string, string> = {};
    const ok = pattern.every((seg, i) => {
      if (seg.startsWith(':')) {
        params[seg.slice(1)] = decodeURIComponent(parts[i]);
        return parts[i] !== '';
      }
      return seg === parts[i];
    });
    if (ok) return { route, params };
  }
  return null;
}

/**
 * Plain `<a href>` everywhere: one document-level listener turns same-origin
 * clicks into history navigation, leaving new-tab, download and API links alone.
 */
export function interceptLinks(): () => void {
  const onClick = (e: MouseEvent) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    const a = (e.target as Element | null)?.closest?.('a');
    if (!a || !a.href || a.target || a.hasAttribute('download')) return;
    const url = new URL(a.href);
    if (url.origin !== window.location.origin || SERVER_PATHS.test(url.pathname)) return;
    if (url.pathname === window.location.pathname && url.search === window.location.search && url.hash) return;
    e.preventDefault();
    navigate(url.pathname + url.search + url.hash);
  };
  const onPop = () => notify('pop');
  document.addEventListener('click', onClick);
  window.addEventListener('popstate', onPop);
  return () => {
    document.removeEventListener('click', onClick);
    window.removeEventListener('popstate', onPop);
  };
}
