import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { AuditService, ErrorCode, QueueName, QueueService } from '@gcm/platform';
import type { NextFunction, Request, Response } from 'express';
import { MONITOR_BASE_PATH, MonitorSession } from './monitor-session';

/**
 * Bull Board on the API's express app, behind secretariat access. Mounted
 * when the module starts, after Nest's routes (so the session endpoint wins)
 * and before its not-found handler. Not mounted without an HTTP server.
 */
@Injectable()
export class QueueMonitorMount implements OnModuleInit {
  private readonly logger = new Logger(QueueMonitorMount.name);

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly queues: QueueService,
    private readonly session: MonitorSession,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    const http = this.adapterHost.httpAdapter;
    if (!http || http.getType() !== 'express') return;
    const serverAdapter = new ExpressAdapter().setBasePath(MONITOR_BASE_PATH);
    createBullBoard({
      queues: Object.values(QueueName).map((name) => new BullMQAdapter(this.queues.queue(name))),
      // @bull-board/express pins its own patch release of @bull-board/api: same shape, distinct declarations.
      serverAdapter: serverAdapter as unknown as Parameters<typeof createBullBoard>[0]['serverAdapter'],
      options: { uiConfig: { boardTitle: 'GCM Tracker queues' } },
    });
    http.getInstance().use(MONITOR_BASE_PATH, (req: Request, res: Response, next: NextFunction) => void this.guard(req, res, next), serverAdapter.getRouter());
  }

  private async guard(req: Request, res: Response, next: NextFunction): Promise<void> {
    try {
      const caller = await this.session.caller(req);
      if (caller?.role === 'secretariat') {
        res.setHeader('Cache-Control', 'no-store');
        return next();
      }
      const status = caller ? 403 : 401;
      await this.audit
        .recordStandalone({
          action: 'access.denied', entityType: 'route', entityId: `${req.method} ${MONITOR_BASE_PATH}`.slice(0, 128),
          after: { reason: caller ? 'role' : 'no_session', status, path: req.originalUrl.slice(0, 500) },
          actorId: caller?.id ?? null, actorRole: caller?.role ?? null,
        })
        .catch((err: Error) => this.logger.error({ err: err.message }, 'could not audit a denied monitor request'));
      if (!caller) res.setHeader('WWW-Authenticate', 'Bearer');
      res.status(status).json({
        statusCode: status,
        code: caller ? ErrorCode.Forbidden : ErrorCode.Unauthenticated,
        error: caller ? 'Forbidden' : 'Unauthorized',
        message: caller ? 'The queue monitor is for the secretariat' : 'Sign in as secretariat, then open a monitor session',
      });
    } catch (err) {
      next(err);
    }
  }
}
