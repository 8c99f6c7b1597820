import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig, AuditService } from '@gcm/platform';
import { generators, type IdTokenClaims } from 'openid-client';
import { DataSource, EntityManager } from 'typeorm';
import { hashSecretToken } from '../auth/secret-token';
import { RateLimitedError, RateLimitService } from '../auth/rate-limit.service';
import { SessionService } from '../auth/session.service';
import { SsoAttempt, SsoProvider, User } from '../entities';
import { SsoClients } from './sso-client';
import { SsoConfig } from './sso-config';
import { refusalOf, SsoRefusal, SsoRefused } from './sso-refusal';
import { decryptClientSecret } from './sso-secret';
import { SSO_START_PATH } from './sso-providers.service';

export const SSO_CALLBACK_PATH = `${SSO_START_PATH}/callback`;
/** Where the web front end takes over: the refresh token in the fragment (never sent to a server), a refusal as a query. */
export const SSO_COMPLETE_PATH = '/sso-complete';
export const SIGN_IN_PATH = '/sign-in';

export interface SsoCallbackParams {
  code?: string;
  state?: string;
  iss?: string;
  error?: string;
  error_description?: string;
}

/**
 * Single sign-on through OpenID Connect: authorization code with PKCE, a state
 * bound to the browser by a cookie and used once, a nonce in the ID token.
 * A signed-in user gets a session from the same SessionService as a password
 * sign-in; a refused callback creates nothing and is audited with its reason.
 */
@Injectable()
export class SsoService {
  private readonly clients: SsoClients;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly ssoConfig: SsoConfig,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
    private readonly limits: RateLimitService,
  ) {
    this.clients = new SsoClients(ssoConfig.SSO_HTTP_TIMEOUT_MS);
  }

  get attemptTtlSeconds(): number {
    return this.ssoConfig.SSO_ATTEMPT_TTL_SECONDS;
  }

  /** The provider's authorization URL and the state the browser's cookie must hold at the callback; a refusal is a sign-in page URL. */
  async start(providerId: string, origin: string, ip: string): Promise<{ location: string; state?: string }> {
    try {
      await this.limits.consumeSsoStart(ip);
    } catch (err) {
      if (!(err instanceof RateLimitedError)) throw err;
      // Audited once per window (when this start tripped the limit), not once per refused start.
      const refusal = new SsoRefused('rate_limited');
      return { location: err.justTripped ? await this.refuse(refusal, providerId) : `${SIGN_IN_PATH}?sso_error=rate_limited` };
    }
    try {
      const provider = await this.enabledProvider(providerId);
      const redirectUri = `${this.config.PUBLIC_URL ?? origin}${SSO_CALLBACK_PATH}`;
      const client = await this.client(provider, redirectUri);
      const state = generators.state();
      const nonce = generators.nonce();
      const codeVerifier = generators.codeVerifier();
      await this.dataSource.getRepository(SsoAttempt).insert({
        stateHash: hashSecretToken(state), providerId, nonce, codeVerifier, redirectUri,
        expiresAt: new Date(Date.now() + this.attemptTtlSeconds * 1000),
      });
      const location = client.authorizationUrl({
        scope: 'openid email profile', state, nonce,
        code_challenge: generators.codeChallenge(codeVerifier), code_challenge_method: 'S256',
      });
      return { location, state };
    } catch (err) {
      return { location: await this.refuse(refusalOf(err), providerId) };
    }
  }

  /** The provider's answer: where the browser goes next (signed in, or the sign-in page with the reason). */
  async callback(params: SsoCallbackParams, cookieState: string | undefined, ip: string): Promise<string> {
    let providerId: string | null = null;
    try {
      const attempt = await this.claimAttempt(params.state, cookieState);
      providerId = attempt.providerId;
      const provider = await this.enabledProvider(attempt.providerId);
      const client = await this.client(provider, attempt.redirectUri);
      const tokens = await client
        .callback(attempt.redirectUri, { ...params }, { state: params.state, nonce: attempt.nonce, code_verifier: attempt.codeVerifier, response_type: 'code' })
        .catch((err: unknown) => { throw refusalOf(err); });
      const refreshToken = await this.signIn(provider, tokens.claims(), ip);
      return `${SSO_COMPLETE_PATH}#refreshToken=${encodeURIComponent(refreshToken)}`;
    } catch (err) {
      return this.refuse(refusalOf(err), providerId);
    }
  }

  /** The provider's end-session URL for a session that came through it (RP-initiated logout), if it has one. */
  async logoutUrl(providerId: string | null, origin: string): Promise<string | null> {
    if (!providerId) return null;
    try {
      const provider = await this.dataSource.getRepository(SsoProvider).findOneBy({ id: providerId });
      if (!provider) return null;
      const client = await this.client(provider, `${this.config.PUBLIC_URL ?? origin}${SSO_CALLBACK_PATH}`);
      if (!client.issuer.metadata.end_session_endpoint) return null;
      return client.endSessionUrl({ post_logout_redirect_uri: `${this.config.PUBLIC_URL ?? origin}${SIGN_IN_PATH}` });
    } catch {
      // The platform session is over either way; the provider's may outlive it.
      return null;
    }
  }

  /**
   * The state must be present, equal the browser's cookie, known, unexpired
   * and unused; the UPDATE marks it used, so of two callbacks with one state
   * exactly one gets past here.
   */
  private async claimAttempt(state: string | undefined, cookieState: string | undefined): Promise<SsoAttempt> {
    if (!state) throw new SsoRefused('missing_state');
    if (!cookieState || cookieState !== state) throw new SsoRefused('state_mismatch');
    const hash = hashSecretToken(state);
    const [[claimed]] = await this.dataSource.query(
      `UPDATE sso_attempt SET used_at = now() WHERE state_hash = $1 AND used_at IS NULL
       RETURNING id, provider_id AS "providerId", nonce, code_verifier AS "codeVerifier", redirect_uri AS "redirectUri",
                 expires_at AS "expiresAt"`,
      [hash],
    );
    if (!claimed) {
      const [seen] = await this.dataSource.query('SELECT provider_id AS "providerId" FROM sso_attempt WHERE state_hash = $1', [hash]);
      throw new SsoRefused(seen ? 'state_replayed' : 'unknown_state', seen ? { providerId: seen.providerId } : {});
    }
    if (new Date(claimed.expiresAt).getTime() <= Date.now()) throw new SsoRefused('state_expired', { providerId: claimed.providerId });
    return claimed;
  }

  private async enabledProvider(id: string): Promise<SsoProvider> {
    const provider = /^[0-9a-f-]{36}$/i.test(id) ? await this.dataSource.getRepository(SsoProvider).findOneBy({ id }) : null;
    if (!provider?.enabled) throw new SsoRefused('provider_disabled');
    return provider;
  }

  private client(provider: SsoProvider, redirectUri: string) {
    return this.clients.client(provider, () => decryptClientSecret(this.config.AUTH_SECRET, provider.clientSecretEncrypted), redirectUri);
  }

  /** Finds (or, when the provider allows it, creates) the account and opens a session; returns its refresh token. */
  private async signIn(provider: SsoProvider, claims: IdTokenClaims, ip: string): Promise<string> {
    const email = typeof claims.email === 'string' ? claims.email.trim().toLowerCase() : null;
    if (email && !domainAllowed(email, provider.allowedDomains)) throw new SsoRefused('domain_not_allowed', { domain: domainOf(email) });
    return this.dataSource.transaction(async (m) => {
      const user = (await this.bySubject(m, provider.issuer, claims.sub)) ?? (await this.byEmail(m, provider, claims, email));
      if (!user.active) throw new SsoRefused('account_deactivated', { userId: user.id });
      await m.query(
        'INSERT INTO sso_identity (user_id, issuer, subject) VALUES ($1, $2, $3) ON CONFLICT (issuer, subject) DO NOTHING',
        [user.id, provider.issuer, claims.sub],
      );
      await m.query('UPDATE app_user SET last_sign_in_at = now() WHERE id = $1', [user.id]);
      const { sessionId, refreshToken } = await this.sessions.open(m, user.id, ip, provider.id);
      await this.audit.record(m, {
        action: 'auth.sign_in', entityType: 'session', entityId: sessionId, actorId: user.id, actorRole: user.role,
        after: { userId: user.id, via: 'sso', providerId: provider.id },
      });
      return refreshToken;
    });
  }

  private async bySubject(m: EntityManager, issuer: string, subject: string): Promise<User | null> {
    const [row] = await m.query('SELECT user_id AS "userId" FROM sso_identity WHERE issuer = $1 AND subject = $2', [issuer, subject]);
    return row ? m.findOneBy(User, { id: row.userId }) : null;
  }

  /** By verified e-mail; a stranger gets an account only where the provider allows it, never with a role. */
  private async byEmail(m: EntityManager, provider: SsoProvider, claims: IdTokenClaims, email: string | null): Promise<User> {
    if (!email) throw new SsoRefused('email_missing');
    if (claims.email_verified !== true) throw new SsoRefused('email_unverified', { domain: domainOf(email) });
    const existing = await m.findOneBy(User, { email });
    if (existing) return existing;
    if (!provider.allowAccountCreation) throw new SsoRefused('no_account', { domain: domainOf(email) });
    const name = (typeof claims.name === 'string' && claims.name.trim() ? claims.name.trim() : email.split('@')[0]).slice(0, 200);
    const { identifiers } = await m.insert(User, { email, name, role: null, organisationId: null, passwordHash: null, active: true, version: 1 });
    const id = identifiers[0].id as string;
    await this.audit.record(m, {
      action: 'user.create', entityType: 'user', entityId: id, actorId: id, actorRole: null,
      after: { id, email, name, role: null, via: 'sso', providerId: provider.id },
    });
    return (await m.findOneBy(User, { id }))!;
  }

  private async refuse(refusal: SsoRefused, providerId: string | null): Promise<string> {
    await this.audit.recordStandalone({
      action: 'auth.sso_refused', entityType: 'sso_provider', entityId: providerId ?? (refusal.detail.providerId as string | undefined) ?? null,
      after: { reason: refusal.reason, ...refusal.detail },
    });
    return `${SIGN_IN_PATH}?sso_error=${refusal.reason satisfies SsoRefusal}`;
  }
}

function domainOf(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1);
}

/** Exact domains: `iom.int` admits `a@iom.int`, not `a@evil-iom.int` nor `a@sub.iom.int`. */
function domainAllowed(email: string, allowed: string[]): boolean {
  return allowed.length === 0 || allowed.includes(domainOf(email));
}
