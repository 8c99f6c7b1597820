import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { RouteProps } from '../app/router';
import { t } from '../i18n';

type Pages = typeof import('./workspace-pages');
let pages: Pages | null = null;
let loading: Promise<Pages> | null = null;

function load(): Promise<Pages> {
  loading ??= import('./workspace-pages').then((m) => (pages = m));
  return loading;
}

/**
 * A workspace page fetched on first use: observers, who never open the
 * workspace, do not download its forms.
 */
export function lazyPage(name: keyof Pages): ComponentType<RouteProps> {
  return function WorkspacePage(props: RouteProps) {
    const [mod, setMod] = useState(pages);
    const [failed, setFailed] = useState(false);
    useEffect(() => {
      if (!mod) load().then(setMod, () => setFailed(true));
    }, []);
    if (failed) {
      return (
        <p class="notice notice--error" role="alert">
          {t.common.loadError}
        </p>
      );
    }
    if (!mod) {
      return (
        <p class="status" role="status">
          {t.common.loading}
        </p>
      );
    }
    const Page = mod[name] as ComponentType<RouteProps>;
    return <Page {...props} />;
  };
}

/**
 * A page in a chunk of its own, for a page that must stay small on a first
 * visit over a poor connection (the cycle workbench): it does not wait for
 * the rest of the workspace.
 */
export function lazyOwnChunk<M extends Record<string, unknown>>(load: () => Promise<M>, name: keyof M): ComponentType<RouteProps> {
  let mod: M | null = null;
  let pending: Promise<M> | null = null;
  return function OwnChunkPage(props: RouteProps) {
    const [ready, setReady] = useState(mod);
    const [failed, setFailed] = useState(false);
    useEffect(() => {
      if (!ready) (pending ??= load().then((m) => (mod = m))).then(setReady, () => {
        pending = null;
        setFailed(true);
      });
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
}
