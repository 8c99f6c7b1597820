import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { publicCacheFastPath, settleStatsAfterWrites } from '../cache/public-json';
import { StatsCache } from '../cache/stats-cache';
import { requestContextMiddleware } from '../context/request-context.middleware';

export const BODY_LIMIT = '1mb';

/** HTTP concerns shared by the API's main.ts and the e2e tests. */
export function configureHttpApp(app: INestApplication, opts: { useLogger?: boolean } = {}): void {
  const express = app as NestExpressApplication;
  express.set('trust proxy', 'loopback');
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
  express.enableShutdownHooks();
}
