import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request } from 'express';
import { from, mergeMap, Observable } from 'rxjs';
import { StatsCache } from './stats-cache';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Read-your-writes for the public aggregates: a mutating request is answered
 * only after this process has handled the change notifications its commit
 * sent, so the very next dashboard read sees the change. No writer calls the
 * cache; reads pay nothing.
 */
@Injectable()
export class SettleStatsInterceptor implements NestInterceptor {
  constructor(private readonly cache: StatsCache) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http' || READS.has(context.switchToHttp().getRequest<Request>().method)) return next.handle();
    return next.handle().pipe(mergeMap((value) => from(this.cache.settle().then(() => value))));
  }
}
