// A real OpenID provider (oidc-provider 9, ESM) for the single sign-on tests, run as a child process: Jest's
// CommonJS module system cannot load it, Node can. Configured by environment, steered over IPC:
//   { type: 'account', login, claims }   what the ID token says about a login name (default: <login>@example.org, verified)
//   { type: 'tamper', mode }              the next ID token is re-signed with the provider's own key after one claim is
//                                         changed ('wrong_audience' | 'expired' | 'wrong_nonce'), as a misbehaving provider would
import { createServer } from 'node:http';
import { generateKeyPairSync } from 'node:crypto';
import Provider from 'oidc-provider';
import { decodeJwt, decodeProtectedHeader, importJWK, SignJWT } from 'jose';

const port = Number(process.env.OIDC_PORT);
const issuer = `http://127.0.0.1:${port}`;
const redirectUris = (process.env.OIDC_REDIRECT_URIS ?? '').split(',').filter(Boolean);
const postLogoutUris = (process.env.OIDC_POST_LOGOUT_URIS ?? '').split(',').filter(Boolean);

const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const jwk = { ...privateKey.export({ format: 'jwk' }), kid: 'test-key', alg: 'RS256', use: 'sig' };
const signingKey = await importJWK(jwk, 'RS256');

const accounts = new Map();
let tamper = null;

const provider = new Provider(issuer, {
  clients: [{
    client_id: process.env.OIDC_CLIENT_ID, client_secret: process.env.OIDC_CLIENT_SECRET,
    redirect_uris: redirectUris, post_logout_redirect_uris: postLogoutUris,
    response_types: ['code'], grant_types: ['authorization_code'], token_endpoint_auth_method: 'client_secret_basic',
  }],
  jwks: { keys: [jwk] },
  cookies: { keys: ['oidc-test-cookie-key-0123456789'] },
  pkce: { required: () => true },
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
  // The ID token carries the claims itself (openid-client reads them from there, not from userinfo).
  conformIdTokenClaims: false,
  features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
  findAccount: async (_ctx, id) => ({
    accountId: id,
    claims: async () => ({ sub: id, email: `${id}@example.org`, email_verified: true, name: id, ...(accounts.get(id) ?? {}) }),
  }),
});

provider.use(async (ctx, next) => {
  await next();
  if (ctx.path !== '/token' || !tamper || !ctx.body?.id_token) return;
  const mode = tamper;
  tamper = null;
  const claims = decodeJwt(ctx.body.id_token);
  const { kid } = decodeProtectedHeader(ctx.body.id_token);
  if (mode === 'wrong_audience') claims.aud = 'some-other-client';
  if (mode === 'wrong_nonce') claims.nonce = 'not-the-nonce-that-was-sent';
  if (mode === 'expired') {
    claims.iat -= 7200;
    claims.exp = claims.iat + 600;
  }
  ctx.body = { ...ctx.body, id_token: await new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid }).sign(signingKey) };
});

process.on('message', (m) => {
  if (m?.type === 'account') accounts.set(m.login, m.claims);
  if (m?.type === 'tamper') tamper = m.mode;
  if (m?.type === 'ack') process.send?.({ type: 'ack', id: m.id });
});

createServer(provider.callback()).listen(port, '127.0.0.1', () => process.send?.({ type: 'ready' }));
