import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Public } from '../http/access.decorators';
import { RedisHealthIndicator } from './redis.health';
import { ShutdownState } from '../lifecycle/shutdown-state';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly redis: RedisHealthIndicator,
    private readonly shutdown: ShutdownState,
    private readonly indicator: HealthIndicatorService,
  ) {}

  /** Liveness: the process answers. */
  @Public()
  @Get()
  @HealthCheck()
  live() {
    return this.health.check([]);
  }

  /** Readiness: not shutting down (503 from SIGTERM on), PostgreSQL and Redis both reachable. */
  @Public()
  @Get('ready')
  @HealthCheck()
  ready() {
    return this.health.check([
      () => (this.shutdown.draining ? this.indicator.check('lifecycle').down({ message: 'shutting down' }) : this.indicator.check('lifecycle').up()),
      () => this.db.pingCheck('database', { timeout: 2000 }),
      () => this.redis.isHealthy(),
    ]);
  }
}
