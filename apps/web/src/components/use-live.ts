import { useEffect, useRef, useState } from 'preact/hooks';
import type { DataState } from './use-data';

/**
 * Loads `fetcher()` and, while `keepPolling(data)` holds, asks again every
 * `everyMs` without going back to a loading state (so the page does not
 * flicker and focus stays put). Pauses while the tab is hidden.
 */
export function useLive<T>(fetcher: () => Promise<T>, deps: unknown[], everyMs: number, keepPolling: (data: T) => boolean): DataState<T> & { refresh: () => void } {
  const [state, setState] = useState<DataState<T>>({ status: 'loading' });
  const [tick, setTick] = useState(0);
  const first = useRef(true);
  useEffect(() => {
    first.current = true;
  }, deps);
  useEffect(() => {
    let live = true;
    if (first.current) setState({ status: 'loading' });
    fetcher().then(
      (data) => {
        if (!live) return;
        first.current = false;
        setState({ status: 'ready', data });
      },
      (error: Error) => live && setState({ status: 'error', error, retry: () => setTick((n) => n + 1) }),
    );
    return () => {
      live = false;
    };
  }, [...deps, tick]);
  const polling = state.status === 'ready' && keepPolling(state.data);
  useEffect(() => {
    if (!polling) return;
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') setTick((n) => n + 1);
    }, everyMs);
    return () => clearInterval(timer);
  }, [polling, everyMs]);
  return { ...state, refresh: () => setTick((n) => n + 1) };
}
