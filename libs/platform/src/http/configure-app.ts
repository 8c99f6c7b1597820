import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { isUtf8 } from 'node:buffer';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import compression from 'compression';
import type { Response } from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { publicCacheFastPath, settleStatsAfterWrites } from '../cache/public-json';
import { COMPRESSION_THRESHOLD, PRECOMPRESSED } from '../cache/representations';
import { AppConfig } from '../config/app-config';
import { StatsCache } from '../cache/stats-cache';
import { parseTrustProxy } from '../config/trust-proxy';
import { correlationIdOf, requestContextMiddleware } from '../context/request-context.middleware';
import { requestLocaleMiddleware } from '../i18n/request-locale';
import { inspectRawQuery } from '../validation/input-inspection';
import { validationFailed } from '../validation/validation.pipe';
import { connectionCloseWhenDraining } from '../lifecycle/http-drain';
import { ShutdownState } from '../lifecycle/shutdown-state';
import { MetricsService } from '../metrics/metrics.service';
import { httpMetrics, metricsEndpoint, routeOf } from '../metrics/metrics.http';
import { traceRequests, tracingEnabled } from '../tracing/tracing';

export const BODY_LIMIT = '1mb';

/**
 * Bytes that are not UTF-8 would otherwise be replaced silently by U+FFFD
 * (JSON) or decoded leniently (forms); refused instead, in the one 400 shape.
 */
function verifyJson(_req: IncomingMessage, _res: unknown, buf: Buffer, encoding: string): void {
  if (/^utf-?8$/i.test(encoding) && !isUtf8(buf)) throw validationFailed([{ field: 'body', messages: ['the body must be UTF-8 text'] }]);
}

function verifyForm(_req: IncomingMessage, _res: unknown, buf: Buffer): void {
  const errors = inspectRawQuery(buf.toString('latin1'));
  if (errors.length > 0) throw validationFailed(errors);
}
/**
 * HTTP concerns shared by the API's main.ts and the e2e tests. Signals are
 * not handled here: main.ts drains on SIGTERM (stopOnSignals), tests close.
 */
export function configureHttpApp(app: INestApplication, opts: { useLogger?: boolean } = {}): void {
  const express = app as NestExpressApplication;
  // req.ip (and so clientIp) reads X-Forwarded-For only through these peers; validated at start.
  express.set('trust proxy', parseTrustProxy(express.get(AppConfig).TRUST_PROXY) ?? false);
  express.use(connectionCloseWhenDraining(express.get(ShutdownState)));
  express.set('etag', 'strong');
  express.disable('x-powered-by');
  express.use(requestContextMiddleware);
  express.use(requestLocaleMiddleware);
  mountObservability(express);
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      useDefaults: true,
      directives: { 'img-src': ["'self'", 'data:'], 'script-src': ["'self'"], 'style-src': ["'self'", "'unsafe-inline'"] },
    },
    crossOriginEmbedderPolicy: false,
  });
  express.use(securityHeaders);
  // Every response over 1 kB the client accepts compressed, streamed ones too (chunk by chunk); cached bodies come encoded.
  express.use(compression({
    threshold: COMPRESSION_THRESHOLD,
    filter: (req, res) => !(res as Response & { [PRECOMPRESSED]?: boolean })[PRECOMPRESSED] && compression.filter(req, res),
  }));
  express.use(settleStatsAfterWrites(express.get(StatsCache)));
  express.useBodyParser('json', { limit: BODY_LIMIT, verify: verifyJson });
  express.useBodyParser('urlencoded', { limit: BODY_LIMIT, extended: false, verify: verifyForm });
  if (opts.useLogger !== false) express.useLogger(express.get(Logger));
  const server = express.getHttpServer() as Server;
  const shutdown = express.get(ShutdownState);
  // Ahead of Express: the headers its middleware above would add, fixed ones computed once.
  answerFirst(server, publicCacheFastPath(express.get(StatsCache), {
    fixed: fixedHeaders(securityHeaders),
    perRequest: (req) => shutdown.draining
      ? ['X-Correlation-Id', correlationIdOf(req), 'Connection', 'close']
      : ['X-Correlation-Id', correlationIdOf(req)],
  }));
  boundTimeouts(server, express.get(AppConfig));
}

const fastPathInstalled = new WeakSet<Server>();

/** Lets `fast` answer a request before the server's own listener (the Express app) sees it; once per server. */
function answerFirst(server: Server, fast: (req: IncomingMessage, res: ServerResponse) => boolean): void {
  if (fastPathInstalled.has(server)) return;
  fastPathInstalled.add(server);
  const listeners = server.listeners('request') as ((req: IncomingMessage, res: ServerResponse) => void)[];
  server.removeAllListeners('request');
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (fast(req, res)) return;
    for (const listener of listeners) listener.call(server, req, res);
  });
}

/** The headers a middleware that sets the same ones on every response (helmet) sets, as a flat list for writeHead. */
function fixedHeaders(middleware: (req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) => void): string[] {
  const out: string[] = [];
  const recorder = {
    setHeader: (name: string, value: string | number | string[]) => {
      out.push(name, Array.isArray(value) ? value.join(', ') : String(value));
      return recorder;
    },
    removeHeader: () => undefined,
    getHeader: () => undefined,
  };
  middleware({ headers: {}, method: 'GET', url: '/' } as IncomingMessage, recorder as unknown as ServerResponse, () => undefined);
  return out;
}

/**
 * Request metrics (and a span per request when tracing is on) around
 * everything after this, and `/metrics` for the scraper. The worker mounts it
 * on its health port too.
 */
export function mountObservability(app: INestApplication): void {
  const express = app as NestExpressApplication;
  const metrics = express.get(MetricsService);
  if (tracingEnabled()) express.use(traceRequests(routeOf));
  express.use(httpMetrics(metrics));
  express.use(metricsEndpoint(metrics, express.get(AppConfig).METRICS_TOKEN));
}

/**
 * Node's defaults let a request take 5 minutes to arrive; a slow upload then
 * holds its connection (and the memory of its buffered parts) that long.
 */
function boundTimeouts(server: Server, config: AppConfig): void {
  server.requestTimeout = config.HTTP_REQUEST_TIMEOUT_MS;
  server.headersTimeout = config.HTTP_HEADERS_TIMEOUT_MS;
  server.keepAliveTimeout = config.HTTP_KEEP_ALIVE_TIMEOUT_MS;
  // Node enforces the first two on a sweep every 30 s by default; once a second keeps the bound close to the setting.
  (server as Server & { connectionsCheckingInterval: number }).connectionsCheckingInterval = 1000;
}
