import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { publicCacheFastPath, settleStatsAfterWrites } from '../cache/public-json';
import { StatsCache } from '../cache/stats-cache';
import { AppConfig } from '../config/app-config';
import { parseTrustProxy } from '../config/trust-proxy';
import { requestContextMiddleware } from '../context/request-context.middleware';
import { connectionCloseWhenDraining } from '../lifecycle/http-drain';
import { ShutdownState } from '../lifecycle/shutdown-state';

export const BODY_LIMIT = '1mb';

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
  express.useBodyParser('json', { limit: BODY_LIMIT });
  express.useBodyParser('urlencoded', { limit: BODY_LIMIT, extended: false });
  if (opts.useLogger !== false) express.useLogger(express.get(Logger));
}
