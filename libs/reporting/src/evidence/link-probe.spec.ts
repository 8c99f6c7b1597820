import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { probeLink } from './link-probe';

describe('evidence-link probe (a local HTTP server)', () => {
  let server: Server;
  let base: string;
  const seen: string[] = [];
  const open = new Set<import('node:net').Socket>();

  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push(`${req.method} ${req.url}`);
      if (req.url === '/ok') return res.writeHead(200).end('fine');
      if (req.url === '/gone') return res.writeHead(404).end('gone');
      if (req.url === '/no-head') return req.method === 'HEAD' ? res.writeHead(405).end() : res.writeHead(200).end('body');
      if (req.url === '/moved') return res.writeHead(301, { Location: '/ok' }).end();
      if (req.url === '/loop') return res.writeHead(302, { Location: '/loop' }).end();
      if (req.url === '/slow') return; // never answers
      res.writeHead(500).end();
    });
    server.on('connection', (s) => {
      open.add(s);
      s.on('close', () => open.delete(s));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    for (const s of open) s.destroy();
    await new Promise((r) => server.close(r));
  });

  const allowed = { timeoutMs: 300, maxRedirects: 3, allowPrivateNetwork: true };

  it('a link answering 200 is ok, by HEAD alone', async () => {
    seen.length = 0;
    expect(await probeLink(`${base}/ok`, allowed)).toEqual({ outcome: 'ok', httpStatus: 200, detail: null });
    expect(seen).toEqual(['HEAD /ok']);
  });

  it('a 404 does not answer, after HEAD and a GET fallback', async () => {
    seen.length = 0;
    expect(await probeLink(`${base}/gone`, allowed)).toEqual({ outcome: 'http_error', httpStatus: 404, detail: 'HTTP 404' });
    expect(seen).toEqual(['HEAD /gone', 'GET /gone']);
  });

  it('a server refusing HEAD is asked with GET', async () => {
    expect(await probeLink(`${base}/no-head`, allowed)).toMatchObject({ outcome: 'ok', httpStatus: 200 });
  });

  it('follows redirects up to the bound, and no further', async () => {
    expect(await probeLink(`${base}/moved`, allowed)).toMatchObject({ outcome: 'ok', httpStatus: 200 });
    expect(await probeLink(`${base}/loop`, allowed)).toMatchObject({ outcome: 'too_many_redirects', detail: 'more than 3 redirects' });
  });

  it('a server that never answers times out (bounded), without a second wait', async () => {
    seen.length = 0;
    expect(await probeLink(`${base}/slow`, allowed)).toMatchObject({ outcome: 'timeout', httpStatus: null });
    expect(seen).toEqual(['HEAD /slow']);
  });

  it('refuses loopback and private addresses unless allowed, before any connection', async () => {
    seen.length = 0;
    const refusing = { ...allowed, allowPrivateNetwork: false };
    expect(await probeLink(`${base}/ok`, refusing)).toMatchObject({ outcome: 'refused', detail: 'the link points to a private or loopback address' });
    expect(await probeLink('http://169.254.169.254/latest/meta-data', refusing)).toMatchObject({ outcome: 'refused' });
    expect(await probeLink(`http://localhost:${new URL(base).port}/ok`, refusing)).toMatchObject({ outcome: 'refused' });
    expect(seen).toEqual([]);
  });

  it('a URL that is not http(s) or not a URL is refused without a request', async () => {
    expect(await probeLink('ftp://example.org/file', allowed)).toMatchObject({ outcome: 'refused' });
    expect(await probeLink('not a url', allowed)).toMatchObject({ outcome: 'refused', detail: 'not an absolute URL' });
  });
});
