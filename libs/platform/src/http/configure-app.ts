import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { isUtf8 } from 'node:buffer';
import type { IncomingMessage, Server } from 'node:http';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { publicCacheFastPath, settleStatsAfterWrites } from '../cache/public-json';
import { AppConfig } from '../config/app-config';
import { StatsCache } from '../cache/stats-cache';
import { parseTrustProxy } from '../config/trust-proxy';
import { requestContextMiddleware } from '../context/request-context.middleware';
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
  mountObservability(express);
  express.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: true,
        directives: { 'img-src': ["'self'", 'data:'], 'script-src': ["'self'"], 'style-src': ["'self'", "'unsafe-inline'"] },
      },
      crossOriginEmbedderPolicy: false,
    }),
  );
  // After the security headers, before body parsing, logging and routing: see publicCacheFastPath.
  express.use(publicCacheFastPath(express.get(StatsCache)));
  express.use(settleStatsAfterWrites(express.get(StatsCache)));
  express.useBodyParser('json', { limit: BODY_LIMIT, verify: verifyJson });
  express.useBodyParser('urlencoded', { limit: BODY_LIMIT, extended: false, verify: verifyForm });
  if (opts.useLogger !== false) express.useLogger(express.get(Logger));
  boundTimeouts(express.getHttpServer() as Server, express.get(AppConfig));
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
