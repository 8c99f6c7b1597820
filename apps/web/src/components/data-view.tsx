import type { ComponentChildren } from 'preact';
import { ApiError } from '../api/client';
import { t } from '../i18n';
import { NotFound } from './not-found';
import type { DataState } from './use-data';

/** Loading, error (with retry) and not-found states shared by every page. */
export function DataView<T>({ state, children }: { state: DataState<T>; children: (data: T) => ComponentChildren }) {
  if (state.status === 'loading') {
    return (
      <p class="status" role="status">
        {t.common.loading}
      </p>
    );
  }
  if (state.status === 'error') {
    if (state.error instanceof ApiError && state.error.code === 'not_found') return <NotFound />;
    return (
      <div class="notice notice--error" role="alert">
        <p>{t.common.loadError}</p>
        <button type="button" class="button" onClick={state.retry}>
          {t.common.retry}
        </button>
      </div>
    );
  }
  return <>{children(state.data)}</>;
}
