import { Controller, Delete, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser } from '@gcm/accounts';
import { Roles } from '@gcm/platform';
import type { Request, Response } from 'express';
import { MONITOR_BASE_PATH, MONITOR_COOKIE, MonitorSession } from './monitor-session';

/** Opens the browser UI of the queue monitor (Bull Board at /api/v1/admin/queues). */
@ApiTags('reports (secretariat)')
@Roles('secretariat')
@Controller('api/v1/admin/queues')
export class QueueMonitorController {
  constructor(private readonly session: MonitorSession) {}

  /** Sets a short-lived HttpOnly cookie, scoped to the monitor, that lets the browser load its pages. */
  @Post('session')
  @HttpCode(204)
  open(@CurrentUser() user: AuthUser, @Req() req: Request & { user?: { sessionId: string } }, @Res({ passthrough: true }) res: Response): void {
    res.cookie(MONITOR_COOKIE, this.session.issue(user.id, req.user?.sessionId ?? ''), {
      httpOnly: true,
      secure: req.secure,
      sameSite: 'strict',
      path: MONITOR_BASE_PATH,
      maxAge: this.session.ttlSeconds * 1000,
    });
    res.setHeader('Cache-Control', 'no-store');
  }

  /** Ends the queue monitor session of this browser. */
  @Delete('session')
  @HttpCode(204)
  close(@Res({ passthrough: true }) res: Response): void {
    res.clearCookie(MONITOR_COOKIE, { path: MONITOR_BASE_PATH });
  }
}
