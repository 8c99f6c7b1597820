import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findWebDist, HASHED_CACHE, INDEX_CACHE, PLAIN_CACHE, pickEncoding, WebAssets } from './web-assets';

describe('WebAssets', () => {
  let checkout: string;
  let dist: string;

  beforeAll(() => {
    checkout = mkdtempSync(join(tmpdir(), 'gcm-web-'));
    dist = join(checkout, 'apps', 'web', 'dist');
    mkdirSync(join(dist, 'assets'), { recursive: true });
    writeFileSync(join(dist, 'index.html'), '<!doctype html><div id="app"></div>');
    writeFileSync(join(dist, 'favicon.svg'), '<svg/>');
    writeFileSync(join(dist, 'assets', 'index-abc123.js'), 'console.log(1)');
    writeFileSync(join(dist, 'assets', 'index-abc123.js.br'), 'br');
    writeFileSync(join(dist, 'assets', 'index-abc123.js.gz'), 'gz');
  });

  afterAll(() => rmSync(checkout, { recursive: true, force: true }));

  it('finds apps/web/dist from anywhere below the checkout, and nothing outside one', () => {
    const deep = join(checkout, 'dist', 'apps', 'api', 'src', 'web');
    mkdirSync(deep, { recursive: true });
    expect(findWebDist(deep)).toBe(dist);
    expect(findWebDist(tmpdir())).toBeUndefined();
  });

  it('caches hashed assets for a year, index.html never without revalidation, other files for an hour', () => {
    const assets = WebAssets.load(dist);
    expect(assets.resolve('/assets/index-abc123.js')).toMatchObject({
      cacheControl: HASHED_CACHE,
      contentType: 'text/javascript; charset=utf-8',
    });
    expect(assets.resolve('/index.html')?.cacheControl).toBe(INDEX_CACHE);
    expect(assets.resolve('/favicon.svg')?.cacheControl).toBe(PLAIN_CACHE);
  });

  it('answers every page path with index.html, but never an API path or a missing asset', () => {
    const assets = WebAssets.load(dist);
    for (const path of ['/', '/objectives/8', '/practices/2.1.9', '/map']) expect(assets.resolve(path)).toBe(assets.index);
    for (const path of ['/api', '/api/v1/nothing', '/api/docs', '/health', '/health/ready', '/assets/gone-123.js']) {
      expect(assets.resolve(path)).toBeUndefined();
    }
  });

  it('serves only listed files: an escaping path gets index.html, not the file system', () => {
    const assets = WebAssets.load(dist);
    expect(assets.resolve('/../../package.json')).toBe(assets.index);
    expect(assets.resolve('/assets/../index.html')).toBeUndefined();
  });

  it('notices a rebuild by the changed index.html', () => {
    const assets = WebAssets.load(dist);
    expect(assets.stale()).toBe(false);
    writeFileSync(join(dist, 'index.html'), '<!doctype html><div id="app"></div><!-- rebuilt -->');
    const later = new Date(Date.now() + 5000);
    utimesSync(join(dist, 'index.html'), later, later);
    expect(assets.stale()).toBe(true);
  });
});

describe('pickEncoding', () => {
  const both = { br: 'a.br', gzip: 'a.gz' };

  it('prefers brotli, falls back to gzip, and sends the plain file otherwise', () => {
    expect(pickEncoding('gzip, deflate, br', both)).toBe('br');
    expect(pickEncoding('gzip, deflate', both)).toBe('gzip');
    expect(pickEncoding('br', { gzip: 'a.gz' })).toBeUndefined();
    expect(pickEncoding(undefined, both)).toBeUndefined();
    expect(pickEncoding('identity', both)).toBeUndefined();
  });

  it('respects q=0 refusals and the * wildcard', () => {
    expect(pickEncoding('br;q=0, gzip', both)).toBe('gzip');
    expect(pickEncoding('br;q=0.0, gzip;q=0', both)).toBeUndefined();
    expect(pickEncoding('*', both)).toBe('br');
  });
});
