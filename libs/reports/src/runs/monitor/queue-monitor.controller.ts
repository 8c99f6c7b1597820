import { Controller, Delete, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser } from '@gcm/accounts';
import { AuditService, Roles } from '@gcm/platform';
import type { Request, Response } from 'express';
import { MONITOR_BASE_PATH, MONITOR_COOKIE, MonitorSession } from './monitor-session';

/** Opens the browser UI of the queue monitor (Bull Board at /api/v1/admin/queues). */
@ApiTags('reports (secretariat)')
@Roles('secretariat')
@Controller('api/v1/admin/queues')
export class QueueMonitorController {
  constructor(
    private readonly session: MonitorSession,
    private readonly audit: AuditService,
  ) {}

  /** Sets a short-lived HttpOnly cookie, scoped to the monitor, that lets the browser load its pages. */
  @Post('session')
  @HttpCode(204)
  async open(
    @CurrentUser() user: AuthUser, @Req() req: Request & { user?: { sessionId: string } }, @Res({ passthrough: true }) res: Response,
  ): Promise<void> {
    const sessionId = req.user?.sessionId ?? '';
    const cookie = await this.session.issue(user.id, sessionId);
    await this.audit.recordStandalone({ action: 'queue_monitor.session_open', entityType: 'session', entityId: sessionId, actorId: user.id, actorRole: user.role });
    res.cookie(MONITOR_COOKIE, cookie, {
      httpOnly: true,
      secure: req.secure,
      sameSite: 'strict',
      path: MONITOR_BASE_PATH,
      maxAge: this.session.ttlSeconds * 1000,
    });
    res.setHeader('Cache-Control', 'no-store');
  }

  /** Ends the monitor session on the server: this cookie, and every copy of it, stops working at once. */
  @Delete('session')
  @HttpCode(204)
  async close(
    @CurrentUser() user: AuthUser, @Req() req: Request & { user?: { sessionId: string } }, @Res({ passthrough: true }) res: Response,
  ): Promise<void> {
    const sessionId = req.user?.sessionId ?? '';
    const revoked = await this.session.revoke(sessionId);
    if (revoked > 0) {
      await this.audit.recordStandalone({
        action: 'queue_monitor.session_close', entityType: 'session', entityId: sessionId, actorId: user.id, actorRole: user.role, after: { revoked },
      });
    }
    res.clearCookie(MONITOR_COOKIE, { path: MONITOR_BASE_PATH });
  }
}
