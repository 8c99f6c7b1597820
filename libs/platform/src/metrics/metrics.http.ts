import { timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { currentContext } from '../context/request-context';
import { hotPublicPrefix } from '../http/hot-paths';
import type { MetricsService } from './metrics.service';

export const METRICS_PATH = '/metrics';

/** The route template Express matched (`/api/v1/pledges/:id`), the hot prefix for an answer from memory, else `unmatched`: never the raw URL. */
export function routeOf(req: Request): string {
  const route = (req.route as { path?: string } | undefined)?.path;
  if (route) return `${req.baseUrl}${route}`;
  const hot = hotPublicPrefix(req.originalUrl);
  return hot ? `${hot}*` : 'unmatched';
}

/** One histogram observation per response; the labels are read when it finishes, once routing is known. */
export function httpMetrics(metrics: MetricsService) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const start = process.hrtime.bigint();
    res.once('finish', () => {
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      metrics.httpDuration.observe({ method: req.method, route: routeOf(req), status: String(res.statusCode) }, seconds);
    });
    next();
  };
}

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * `GET /metrics` for Prometheus, ahead of the app's routes: 404 while no
 * METRICS_TOKEN is set (metrics off), 401 without `Authorization: Bearer <METRICS_TOKEN>`.
 */
export function metricsEndpoint(metrics: MetricsService, token: string | undefined) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (req.path !== METRICS_PATH || (req.method !== 'GET' && req.method !== 'HEAD')) return next();
    res.setHeader('Cache-Control', 'no-store');
    if (!token) {
      // Not the web app's page either: the path is reserved, off until a token is set.
      res.status(404).json({ statusCode: 404, code: 'not_found', error: 'Not Found', message: 'Metrics are off: set METRICS_TOKEN', correlationId: currentContext()?.correlationId });
      return;
    }
    const header = req.headers.authorization;
    const given = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header.trim())?.[1] : undefined;
    if (!given || !sameToken(given, token)) {
      res.status(401).setHeader('WWW-Authenticate', 'Bearer realm="metrics"');
      res.json({ statusCode: 401, code: 'unauthenticated', error: 'Unauthorized', message: 'Send the metrics token as a bearer token', correlationId: currentContext()?.correlationId });
      return;
    }
    metrics.registry.metrics().then(
      (body) => res.status(200).type(metrics.registry.contentType).send(body),
      (err: unknown) => next(err),
    );
  };
}
