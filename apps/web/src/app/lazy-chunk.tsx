import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n';
import type { RouteProps } from './router';

/** A chunk of pages, fetched once on first use. */
export interface LazyChunk<M> {
  /** Starts (or joins) the download; a failed one is tried again on the next call. */
  fetch(): Promise<M>;
  /** A route's page from the chunk: “Loading…” until it has arrived, then the page at once (every page of the chunk, no flash between them). */
  page(name: keyof M): ComponentType<RouteProps>;
}

/**
 * Pages kept out of the first-visit path: the public pages (app/public-pages.ts),
 * the workspace forms (workspace/workspace-pages.ts) and the cycle workbench in
 * a chunk of its own, so a focal point's first visit over a poor connection
 * downloads only what its page needs.
 */
export function lazyChunk<M extends object>(load: () => Promise<M>): LazyChunk<M> {
  let mod: M | null = null;
  let pending: Promise<M> | null = null;
  const fetch = () =>
    (pending ??= load().then(
      (m) => (mod = m),
      (err: unknown) => {
        pending = null;
        throw err;
      },
    ));
  const page = (name: keyof M): ComponentType<RouteProps> =>
    function LazyPage(props: RouteProps) {
      const [ready, setReady] = useState(mod);
      const [failed, setFailed] = useState(false);
      useEffect(() => {
        if (!ready) fetch().then(setReady, () => setFailed(true));
      }, []);
      if (failed) {
        return (
          <p class="notice notice--error" role="alert">
            {t.common.loadError}
          </p>
        );
      }
      if (!ready) {
        return (
          <p class="status" role="status">
            {t.common.loading}
          </p>
        );
      }
      const Page = ready[name] as ComponentType<RouteProps>;
      return <Page {...props} />;
    };
  return { fetch, page };
}
