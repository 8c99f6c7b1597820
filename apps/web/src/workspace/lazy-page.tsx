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
