import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuthUser } from '@gcm/accounts';
import {
  assertVersion, AuditService, DomainError, ErrorCode, expectedVersion, FieldError, IdempotencyService, updateVersioned,
} from '@gcm/platform';

import { DataSource, EntityManager } from 'typeorm';
import { ReportingConfig } from '../config/reporting-config';
import { cyclesOfYear, CyclePlan, planCycle } from '../domain/cycle-calendar';
import { CycleAction, CycleStatus, nextCycleStatus } from '../domain/lifecycle';
import { CreateCycleDto } from '../dto/cycle.dto';
import { CycleEvents } from './cycle-events';
import { CYCLE_COLUMNS, CycleView } from './cycle.view';

const STAMP: Record<CycleAction, string> = { open: 'opened_at', close: 'closed_at', compile: 'compiled_at', compile_with_failures: 'compiled_at' };

/** Reporting cycles: created from the configured cadence or by hand; opened, closed and compiled. */
@Injectable()
export class CyclesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(ReportingConfig) private readonly config: ReportingConfig,
    private readonly audit: AuditService,
    private readonly idempotency: IdempotencyService,
    private readonly events: CycleEvents,
  ) {}

  list(status?: CycleStatus): Promise<CycleView[]> {
    const where = status ? 'WHERE c.status = $1' : '';
    return this.dataSource.query(`SELECT ${CYCLE_COLUMNS} FROM reporting_cycle c ${where} ORDER BY c.period_start, c.code`, status ? [status] : []);
  }

  async get(code: string, m: EntityManager = this.dataSource.manager): Promise<CycleView> {
    const [row] = await m.query(`SELECT ${CYCLE_COLUMNS} FROM reporting_cycle c WHERE c.code = $1`, [code]);
    if (!row) throw DomainError.notFound(`Reporting cycle ${code}`);
    return row;
  }

  private async insert(m: EntityManager, plan: CyclePlan, userId: string): Promise<boolean> {
    const rows = await m.query(
      `INSERT INTO reporting_cycle (code, period_start, period_end, window_opens, deadline, created_by)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (code) DO NOTHING RETURNING id`,
      [plan.code, plan.periodStart, plan.periodEnd, plan.windowOpens, plan.deadline, userId],
    );
    if (!rows.length) return false;
    await this.audit.record(m, { action: 'cycle.create', entityType: 'reporting_cycle', entityId: rows[0].id, after: plan });
    return true;
  }

  async create(user: AuthUser, dto: CreateCycleDto, key?: string): Promise<{ value: CycleView; replayed: boolean }> {
    const plan = { ...planCycle(dto.code, dto.periodStart, dto.periodEnd, this.config.CYCLE_DEADLINE_DAYS), ...pick(dto) };
    const errors: FieldError[] = [];
    if (plan.periodEnd < plan.periodStart) errors.push({ field: 'periodEnd', messages: ['periodEnd must be on or after periodStart'] });
    if (plan.deadline < plan.periodEnd) errors.push({ field: 'deadline', messages: ['deadline must be on or after periodEnd'] });
    if (plan.windowOpens > plan.deadline) errors.push({ field: 'windowOpens', messages: ['windowOpens must be on or before deadline'] });
    if (errors.length) throw DomainError.invalidFields(errors);
    return this.idempotency.run({ key, userId: user.id, scope: 'cycles.create', request: dto }, async (m) => {
      if (!(await this.insert(m, plan, user.id))) throw new DomainError(ErrorCode.Conflict, `A reporting cycle ${plan.code} already exists`);
      return this.get(plan.code, m);
    });
  }

  /** The year's cycles under the configured cadence; those that exist already are left as they are. */
  async generate(user: AuthUser, year: number) {
    const plans = cyclesOfYear(year, this.config.CYCLE_CADENCE, this.config.CYCLE_DEADLINE_DAYS);
    return this.dataSource.transaction(async (m) => {
      const created: string[] = [];
      for (const plan of plans) if (await this.insert(m, plan, user.id)) created.push(plan.code);
      const cycles: CycleView[] = await m.query(
        `SELECT ${CYCLE_COLUMNS} FROM reporting_cycle c WHERE c.code = ANY($1) ORDER BY c.period_start`,
        [plans.map((p) => p.code)],
      );
      return { cadence: this.config.CYCLE_CADENCE, created, existing: plans.map((p) => p.code).filter((c) => !created.includes(c)), cycles };
    });
  }

  private async transition(
    code: string, action: CycleAction, version: number | undefined, m: EntityManager, detail: Record<string, unknown> = {},
  ): Promise<CycleView> {
    const cycle = await this.get(code, m);
    assertVersion('reporting cycle', cycle.version, version);
    const status = nextCycleStatus(cycle.status, action);
    const target = { table: 'reporting_cycle', what: 'reporting cycle', key: cycle.id, touch: false };
    await updateVersioned(m, target, cycle.version, `status = $3, ${STAMP[action]} = now()`, [status]);
    await this.audit.record(m, {
      action: `cycle.${action}`, entityType: 'reporting_cycle', entityId: cycle.id, before: { status: cycle.status }, after: { status, ...detail },
    });
    return this.get(code, m);
  }

  async open(code: string, dto: { version?: number }, ifMatch?: string): Promise<CycleView> {
    const version = expectedVersion(ifMatch, dto.version);
    const cycle = await this.dataSource.transaction((m) => this.transition(code, 'open', version, m));
    return cycle;
  }

  /** Closes the cycle and, in the same transaction, tells every registered listener (onCycleClosed). */
  async close(code: string, dto: { version?: number }, ifMatch?: string): Promise<CycleView> {
    const version = expectedVersion(ifMatch, dto.version);
    const closed = await this.dataSource.transaction(async (m) => {
      const cycle = await this.transition(code, 'close', version, m);
      await this.onCycleClosed(cycle, m);
      return cycle;
    });
    return closed;
  }

  /** The hook the report flow hangs on: runs each listener registered with CycleEvents. */
  async onCycleClosed(cycle: CycleView, m: EntityManager): Promise<void> {
    for (const listener of this.events.listeners()) await listener.onCycleClosed(cycle, m);
  }

  /**
   * For the reports lib, in the transaction that completes a cycle's IMRF summary: closed (or
   * compiled_with_failures, after a retry) → compiled when no report failed, → compiled_with_failures
   * otherwise; audited with `detail`. A cycle reopened (or already compiled) meanwhile is left alone, and null returned.
   */
  async markCompiled(cycleId: string, m: EntityManager, detail: Record<string, unknown> = {}, failedRuns = 0): Promise<CycleView | null> {
    const [row]: { code: string }[] = await m.query(
      `SELECT code FROM reporting_cycle WHERE id = $1 AND status IN ('closed', 'compiled_with_failures') FOR UPDATE`,
      [cycleId],
    );
    return row ? this.transition(row.code, failedRuns > 0 ? 'compile_with_failures' : 'compile', undefined, m, detail) : null;
  }
}

function pick(dto: CreateCycleDto): Partial<CyclePlan> {
  return Object.fromEntries(Object.entries({ windowOpens: dto.windowOpens, deadline: dto.deadline }).filter(([, v]) => v)) as Partial<CyclePlan>;
}
