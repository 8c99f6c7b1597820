import { join } from 'node:path';
import { freePort } from '../../apps/launcher/src/net.util';
import { repoRoot, spawnReady } from '../support/worker-process';

export type TamperMode = 'wrong_audience' | 'expired' | 'wrong_nonce';

export interface OidcTestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** What the provider says about a login name (merged over `<login>@example.org`, verified). */
  account(login: string, claims: Record<string, unknown>): Promise<void>;
  /** The next ID token it issues is re-signed with one claim changed. */
  tamper(mode: TamperMode): Promise<void>;
  stop(): Promise<void>;
}

/** A real oidc-provider 9 in a child process (test/support/oidc-provider.mjs), on a free loopback port. */
export async function startOidcProvider(opts: { redirectUris: string[]; postLogoutUris?: string[] }): Promise<OidcTestProvider> {
  const port = await freePort();
  const clientId = 'gcm-tracker-test';
  const clientSecret = 'test-client-secret-0123456789';
  const { child, exited } = await spawnReady('oidc-provider', join(repoRoot(), 'test', 'support', 'oidc-provider.mjs'), [], {
    ...process.env, OIDC_PORT: String(port), OIDC_CLIENT_ID: clientId, OIDC_CLIENT_SECRET: clientSecret,
    OIDC_REDIRECT_URIS: opts.redirectUris.join(','), OIDC_POST_LOGOUT_URIS: (opts.postLogoutUris ?? []).join(','),
  }, 20_000);
  let seq = 0;
  const send = async (message: object) => {
    const id = ++seq;
    child.send(message);
    // Messages are handled in order: the ack means the one before it is in effect.
    await new Promise<void>((resolve) => {
      const on = (m: { type?: string; id?: number }) => {
        if (m?.type === 'ack' && m.id === id) {
          child.off('message', on);
          resolve();
        }
      };
      child.on('message', on);
      child.send({ type: 'ack', id });
    });
  };
  return {
    issuer: `http://127.0.0.1:${port}`,
    clientId,
    clientSecret,
    account: (login, claims) => send({ type: 'account', login, claims }),
    tamper: (mode) => send({ type: 'tamper', mode }),
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/**
 * Goes through the provider's own login and consent pages over HTTP (a cookie jar, the forms it serves),
 * as a browser would, from its authorization URL until it redirects to `redirectPrefix`; returns that URL.
 */
export async function signInAtProvider(authorizationUrl: string, login: string, redirectPrefix: string): Promise<string> {
  const jar = new Map<string, string>();
  const cookieHeader = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const remember = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = pair.indexOf('=');
      jar.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
  };
  let url = authorizationUrl;
  let body: URLSearchParams | undefined;
  for (let hop = 0; hop < 20; hop++) {
    if (url.startsWith(redirectPrefix)) return url;
    const res = await fetch(url, {
      method: body ? 'POST' : 'GET', body, redirect: 'manual',
      headers: { cookie: cookieHeader(), ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
    });
    remember(res);
    body = undefined;
    const location = res.headers.get('location');
    if (location) {
      url = new URL(location, url).toString();
      continue;
    }
    const html = await res.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    if (!action) throw new Error(`provider page without a form (${res.status}): ${html.slice(0, 300)}`);
    url = new URL(action.replace(/&amp;/g, '&'), url).toString();
    body = html.includes('name="login"')
      ? new URLSearchParams({ prompt: 'login', login, password: 'any-password' })
      : new URLSearchParams({ prompt: 'consent' });
  }
  throw new Error('the provider never redirected back');
}
