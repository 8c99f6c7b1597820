import { useCallback, useEffect, useState } from 'preact/hooks';
import { ApiError } from '../api/client';

export type DataState<T> =
  { status: 'loading' } | { status: 'error'; error: ApiError | Error; retry: () => void } | { status: 'ready'; data: T };

/** Loads `fetcher()` whenever `deps` (the fetcher's inputs) change; a late answer for old deps is dropped. */
export function useData<T>(fetcher: () => Promise<T>, deps: unknown[]): DataState<T> {
  const [state, setState] = useState<DataState<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const retry = useCallback(() => setAttempt((a) => a + 1), []);
  useEffect(() => {
    let live = true;
    setState({ status: 'loading' });
    fetcher().then(
      (data) => live && setState({ status: 'ready', data }),
      (error: Error) => live && setState({ status: 'error', error, retry }),
    );
    return () => {
      live = false;
    };
  }, [...deps, attempt]);
  return state;
}

/** Several independent loads as one state (ready when all are). */
export function combine<A, B>(a: DataState<A>, b: DataState<B>): DataState<[A, B]> {
  if (a.status === 'error') return a;
  if (b.status === 'error') return b;
  if (a.status === 'loading' || b.status === 'loading') return { status: 'loading' };
  return { status: 'ready', data: [a.data, b.data] };
}
