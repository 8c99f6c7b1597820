import { useEffect, useState } from 'preact/hooks';
import type { TokenResponse, UserView } from '../api/models';

/** The signed-in user as sign-in and /api/v1/auth/me return it (generated from openapi.json). */
export type SessionUser = Pick<UserView, 'id' | 'email' | 'name' | 'role' | 'organisationId' | 'organisation' | 'isApprover'>;
export type Role = NonNullable<UserView['role']>;

/** Who is signed in; the tokens are kept apart (see `tokens`). */
export interface Session {
  user: SessionUser;
}

const USER_KEY = 'gcm.user';
const REFRESH_KEY = 'gcm.refresh';
const ACCESS_KEY = 'gcm.access';
type Listener = (s: Session | null) => void;
const listeners = new Set<Listener>();

function read(key: string): string | null {
  try {
    return sessionStorage.getItem(key);
  } catch {
    return null;
  }
}

function load(): Session | null {
  const raw = read(USER_KEY);
  if (!raw || !read(REFRESH_KEY)) return null;
  try {
    return { user: JSON.parse(raw) as SessionUser };
  } catch {
    return null;
  }
}

/**
 * The access token survives a reload of the tab, so a page load does not spend
 * the refresh token (one rotation, one audit row, per page): it is refreshed
 * only when it is about to expire or the API refuses it. It is kept where the
 * refresh token already is, which can do more than it, so this exposes nothing new.
 */
function loadAccess(): { token: string; expiresAt: number } | null {
  try {
    const raw = read(ACCESS_KEY);
    const parsed = raw ? (JSON.parse(raw) as { token: unknown; expiresAt: unknown }) : null;
    return parsed && typeof parsed.token === 'string' && typeof parsed.expiresAt === 'number' && read(REFRESH_KEY)
      ? { token: parsed.token, expiresAt: parsed.expiresAt } : null;
  } catch {
    return null;
  }
}

function forgetAccess(): void {
  access = null;
  sessionStorage.removeItem(ACCESS_KEY);
}

let state: Session | null = load();
let access: { token: string; expiresAt: number } | null = state ? loadAccess() : null;

type TokenPair = Pick<TokenResponse, 'accessToken' | 'expiresIn' | 'refreshToken'> & { user: SessionUser };

/**
 * A tab opened from another starts with a copy of its sessionStorage, hence the
 * same single-use refresh token. When one tab rotates it, it tells the others
 * holding the old one, so they do not present a used token (which would end
 * the session for every tab).
 */
const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('gcm.session');
channel?.addEventListener('message', (e: MessageEvent<{ previous: string | null; pair: TokenPair }>) => {
  if (e.data.previous && e.data.previous === read(REFRESH_KEY)) adopt(e.data.pair);
});

function adopt(res: TokenPair): void {
  access = { token: res.accessToken, expiresAt: Date.now() + res.expiresIn * 1000 };
  state = { user: res.user };
  sessionStorage.setItem(ACCESS_KEY, JSON.stringify(access));
  sessionStorage.setItem(REFRESH_KEY, res.refreshToken);
  sessionStorage.setItem(USER_KEY, JSON.stringify(res.user));
  listeners.forEach((l) => l(state));
}

/**
 * The access token, the single-use refresh token and the user's name live in
 * sessionStorage (gone with the tab), so a reload carries on with the same
 * access token while it lasts. Nothing goes to localStorage or a URL.
 */
export const tokens = {
  access(): string | null {
    // A little early, so a request never leaves with a token that dies on the way.
    return access && access.expiresAt - 20_000 > Date.now() ? access.token : null;
  },
  refresh: (): string | null => read(REFRESH_KEY),
};

export const session = {
  current: (): Session | null => state,
  /** After sign-in, refresh or accepting an invitation. */
  signedIn(res: TokenPair): void {
    const previous = read(REFRESH_KEY);
    adopt(res);
    channel?.postMessage({ previous, pair: res });
  },
  /**
   * The tokens are dead but the page stays as it is (with what the user typed)
   * while the sign-in dialog asks them to come back.
   */
  expire(): void {
    forgetAccess();
    sessionStorage.removeItem(REFRESH_KEY);
  },
  clear(): void {
    forgetAccess();
    sessionStorage.removeItem(REFRESH_KEY);
    sessionStorage.removeItem(USER_KEY);
    if (!state) return;
    state = null;
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
