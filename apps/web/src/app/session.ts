import { useEffect, useState } from 'preact/hooks';

/** Who is signed in, as the workspace screens (issue 7) will set it after sign-in. */
export interface Session {
  accessToken: string;
  user: { displayName: string; role: 'focal_point' | 'secretariat' | 'expert' };
}

const KEY = 'gcm.session';
type Listener = (s: Session | null) => void;
const listeners = new Set<Listener>();

function load(): Session | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as Session) : null;
  } catch {
    return null;
  }
}

let state: Session | null = load();

/**
 * Kept in sessionStorage (closed with the tab), never in localStorage, and
 * dropped on the first 401 so a stale token does not linger.
 */
export const session = {
  current: (): Session | null => state,
  set(next: Session): void {
    state = next;
    sessionStorage.setItem(KEY, JSON.stringify(next));
    listeners.forEach((l) => l(state));
  },
  clear(): void {
    if (!state) return;
    state = null;
    sessionStorage.removeItem(KEY);
    listeners.forEach((l) => l(state));
  },
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

export function useSession(): Session | null {
  const [value, setValue] = useState(state);
  useEffect(() => session.subscribe(setValue), []);
  return value;
}
