import { BaseClient, custom, Issuer } from 'openid-client';

/**
 * openid-client v5: the last CommonJS line (v6 is ESM only, which this
 * CommonJS build could load on Node 20.19+, but Jest's module system could
 * not). Discovery documents are cached per provider version, so editing a
 * provider takes effect at the next sign-in.
 */
export class SsoClients {
  private readonly cache = new Map<string, Promise<BaseClient>>();

  constructor(timeoutMs: number) {
    custom.setHttpOptionsDefaults({ timeout: timeoutMs });
  }

  client(p: { id: string; version: number; issuer: string; clientId: string }, secret: () => string, redirectUri: string): Promise<BaseClient> {
    const key = `${p.id}:${p.version}:${redirectUri}`;
    let client = this.cache.get(key);
    if (!client) {
      client = Issuer.discover(p.issuer).then(
        (issuer) => new issuer.Client({
          client_id: p.clientId, client_secret: secret(), redirect_uris: [redirectUri], response_types: ['code'],
          token_endpoint_auth_method: 'client_secret_basic',
        }),
      );
      // A failed discovery is tried again next time, not remembered.
      client.catch(() => this.cache.delete(key));
      this.cache.set(key, client);
    }
    return client;
  }
}
