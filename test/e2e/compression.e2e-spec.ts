import { get, IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { createUser } from '../helpers/auth';
import { publishedPledge, text } from '../helpers/pledges';
import { until } from '../helpers/stats-cache';
import { createTestApp, TestApp } from '../helpers/test-app';

interface Raw {
  status: number;
  headers: IncomingHttpHeaders;
  /** The bytes as sent, before any decoding. */
  body: Buffer;
  /** How many pieces the body arrived in. */
  chunks: number;
}

/**
 * Every response over 1 kB goes out compressed when the client accepts it:
 * cached aggregates from bodies encoded once (brotli and gzip, each with its
 * ETag, Vary: Accept-Encoding, 304 per representation), other JSON and the
 * streamed exports through the compression middleware, still streamed.
 * Requests are made with node:http, which (unlike supertest) decodes nothing.
 */
describe('compression', () => {
  let t: TestApp;
  let base: string;

  const raw = (path: string, headers: Record<string, string> = {}): Promise<Raw> =>
    new Promise((resolve, reject) => {
      get(base + path, { headers }, (res) => {
        const parts: Buffer[] = [];
        res.on('data', (c: Buffer) => parts.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts), chunks: parts.length }));
        res.on('error', reject);
      }).on('error', reject);
    });
  const decoded = (r: Raw): string => {
    const e = r.headers['content-encoding'];
    return (e === 'br' ? brotliDecompressSync(r.body) : e === 'gzip' ? gunzipSync(r.body) : r.body).toString();
  };

  beforeAll(async () => {
    t = await createTestApp({ env: { STATS_CACHE_TTL_SECONDS: '900' } });
    const secretariat = await createUser(t, { role: 'secretariat' });
    const fra = await createUser(t, { role: 'focal_point', organisationAlpha3: 'FRA' });
    for (let i = 0; i < 3; i++) await publishedPledge(t, fra, secretariat, { title: `Compressed pledge ${i}`, description: text(600) });
    const server = t.app.getHttpServer() as Server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    await until(async () => (await raw('/api/v1/stats/headline')).status === 200, 'the API');
  });
  afterAll(() => t.close());

  it('a cached aggregate is sent in br, gzip or identity as accepted, each with its own ETag and Vary, the same bytes on a hit', async () => {
    const path = '/api/v1/stats/map';
    const identity = await raw(path, { 'accept-encoding': 'identity' });
    expect(identity.status).toBe(200);
    expect(identity.headers['content-encoding']).toBeUndefined();
    expect(Number(identity.headers['content-length'])).toBe(identity.body.length);
    expect(identity.body.length).toBeGreaterThan(1024);
    const seen = new Set<string>([String(identity.headers.etag)]);
    for (const [accept, encoding] of [['br, gzip', 'br'], ['gzip, deflate', 'gzip'], ['gzip;q=1, br;q=0.5', 'gzip'], ['*', 'br']] as const) {
      const first = await raw(path, { 'accept-encoding': accept });
      const again = await raw(path, { 'accept-encoding': accept });
      for (const r of [first, again]) {
        expect(r.headers['content-encoding']).toBe(encoding);
        expect(r.headers.vary).toBe('Accept-Encoding, Accept-Language');
        expect(Number(r.headers['content-length'])).toBe(r.body.length);
        expect(r.body.length).toBeLessThan(identity.body.length / 3);
        expect(decoded(r)).toBe(identity.body.toString());
        expect(r.headers['content-security-policy']).toBeDefined();
        expect(r.headers['x-correlation-id']).toBeDefined();
      }
      expect(again.body.equals(first.body)).toBe(true);
      expect(again.headers.etag).toBe(first.headers.etag);
      seen.add(String(first.headers.etag));
    }
    expect(seen.size).toBe(3);
    // No acceptable coding but identity: identity, however many are named.
    expect((await raw(path, { 'accept-encoding': 'deflate, br;q=0' })).headers['content-encoding']).toBeUndefined();
  });

  it('304 answers If-None-Match of the representation asked for, with no body; another representation is sent whole', async () => {
    const path = '/api/v1/stats/pledges-by/objective';
    const br = await raw(path, { 'accept-encoding': 'br' });
    const notModified = await raw(path, { 'accept-encoding': 'br', 'if-none-match': String(br.headers.etag) });
    expect(notModified.status).toBe(304);
    expect(notModified.body.length).toBe(0);
    expect(notModified.headers.etag).toBe(br.headers.etag);
    expect(notModified.headers.vary).toBe('Accept-Encoding, Accept-Language');
    const gzip = await raw(path, { 'accept-encoding': 'gzip', 'if-none-match': String(br.headers.etag) });
    expect(gzip.status).toBe(200);
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(decoded(gzip)).toBe(decoded(br));
    expect((await raw(path, { 'accept-encoding': 'gzip', 'if-none-match': String(gzip.headers.etag) })).status).toBe(304);
  });

  it('other JSON over 1 kB is compressed too (the country list); small bodies are not', async () => {
    const identity = await raw('/api/v1/framework/countries', { 'accept-encoding': 'identity' });
    expect(identity.body.length).toBeGreaterThan(10_000);
    const br = await raw('/api/v1/framework/countries', { 'accept-encoding': 'br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toContain('Accept-Encoding');
    expect(JSON.parse(decoded(br))).toEqual(JSON.parse(identity.body.toString()));
    const gzip = await raw('/api/v1/framework/countries', { 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(decoded(gzip)).toBe(identity.body.toString());
    const small = await raw('/api/v1/stats/headline', { 'accept-encoding': 'br, gzip' });
    expect(small.body.length).toBeLessThan(1024);
    expect(small.headers['content-encoding']).toBeUndefined();
  });

  it('streamed exports and open data are compressed on the way, still streamed (chunked, no length)', async () => {
    for (const path of ['/api/v1/pledges/export.csv', '/api/v1/open-data/pledges.json', '/api/v1/open-data/pledges.csv']) {
      const identity = await raw(path, { 'accept-encoding': 'identity' });
      expect(identity.status).toBe(200);
      const gzip = await raw(path, { 'accept-encoding': 'gzip' });
      expect(gzip.status).toBe(200);
      expect(gzip.headers['content-encoding']).toBe('gzip');
      expect(gzip.headers['transfer-encoding']).toBe('chunked');
      expect(gzip.headers['content-length']).toBeUndefined();
      expect(decoded(gzip)).toBe(identity.body.toString());
      const br = await raw(path, { 'accept-encoding': 'br' });
      expect(br.headers['content-encoding']).toBe('br');
      expect(decoded(br)).toBe(identity.body.toString());
    }
  });
});
