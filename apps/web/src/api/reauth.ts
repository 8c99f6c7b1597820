type Listener = (open: boolean) => void;

let pending: { promise: Promise<void>; resolve: () => void; reject: (e: Error) => void } | null = null;
const listeners = new Set<Listener>();

function notify(): void {
  listeners.forEach((l) => l(!!pending));
}

/** Raised to the waiting requests when the user closes the sign-in dialog instead of signing in. */
export class SignInCancelled extends Error {
  readonly status = 401;
}

/**
 * The in-place sign-in dialog as a promise: every request that met an ended
 * session waits on the same one, and all are retried once the user is back.
 */
export const reauth = {
  prompt(): Promise<void> {
    if (!pending) {
      let resolve!: () => void;
      let reject!: (e: Error) => void;
      const promise = new Promise<void>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      pending = { promise, resolve, reject };
      notify();
    }
    return pending.promise;
  },
  isOpen: (): boolean => !!pending,
  done(): void {
    const p = pending;
    pending = null;
    p?.resolve();
    notify();
  },
  cancel(): void {
    const p = pending;
    pending = null;
    p?.reject(new SignInCancelled('Sign in again to continue'));
    notify();
  },
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
