import { randomUUID } from 'node:crypto';
import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig } from '../config/app-config';
import { isHotPublicPath } from '../http/hot-paths';

/** Structured JSON logs; each request line carries the correlation id set by requestContextMiddleware. */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        pinoHttp: {
          level: config.LOG_LEVEL,
          genReqId: (req) => (req.headers['x-correlation-id'] as string | undefined) ?? randomUUID(),
          customProps: (req) => ({ correlationId: (req as { id?: unknown }).id }),
          redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'], remove: true },
          autoLogging: { ignore: (req) => (req.url ?? '').startsWith('/health') },
          customLogLevel: (req, res, err) =>
            !err && res.statusCode < 400 && req.method === 'GET' && isHotPublicPath(req.url) ? 'silent' : 'info',
          serializers: {
            // A secret in the query (e.g. RFC 8058's one-click unsubscribe URL, which must carry it) stays out of the log.
            req: (req: { method: string; url: string }) => ({ method: req.method, url: req.url?.replace(/([?&]token=)[^&#]*/g, '$1[redacted]') }),
            // The status is what an access line needs; every response header (CSP and the rest) made each line ~1 KB.
            res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
          },
        },
      }),
    }),
  ],
})
export class LoggingModule {}
