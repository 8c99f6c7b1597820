import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError, type Locale } from '@gcm/platform';
import { DataSource, EntityManager } from 'typeorm';
import type { ReportKind } from '../model/report-kind.types';
import { ReportTarget, SPAN_KINDS, normaliseScope } from './report-target';
import { ReportsConfig } from './reports-config';

export interface TargetRequest {
  kind: ReportKind;
  scope?: string;
  cycle?: string;
  cycles?: string[];
  /** The edition's language; the secretariat's default (REPORT_DEFAULT_LANGUAGE) when omitted. */
  language?: Locale;
}

const SCOPE_HINT: Record<ReportKind, string> = {
  state: 'an ISO alpha-3 code of a State (e.g. FRA) or an organisation id',
  objective: 'a GCM objective number from 1 to 23',
  theme: 'an ICMPD theme such as T2',
  region: 'a UN M49 region, sub-region or intermediate-region code with States, such as 002',
  round_table: 'an IMRF round table such as RT2',
  imrf_summary: 'omitted or "global"',
};

/**
 * Turns a request into a report key, checking that the cycles and the scope
 * exist (400 with field errors otherwise) with one query per part.
 */
@Injectable()
export class ReportTargetResolver {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: ReportsConfig,
  ) {}

  async resolve(req: TargetRequest, manager: EntityManager = this.dataSource.manager): Promise<ReportTarget> {
    const codes = this.cycleCodes(req);
    const scope = normaliseScope(req.kind, req.scope);
    if (scope === null) throw DomainError.invalid('scope', `scope of a ${req.kind} report must be ${SCOPE_HINT[req.kind]}`);
    const cycles: { id: string; code: string }[] = await manager.query(
      'SELECT id, code FROM reporting_cycle WHERE code = ANY($1) ORDER BY period_start',
      [codes],
    );
    const unknown = codes.filter((c) => !cycles.some((x) => x.code === c));
    if (unknown.length) throw DomainError.invalid(req.cycles ? 'cycles' : 'cycle', `unknown reporting cycle ${unknown.join(', ')}`);
    return {
      kind: req.kind,
      scope: await this.checkScope(req.kind, scope, manager),
      cycleCodes: cycles.map((c) => c.code),
      cycleIds: cycles.map((c) => c.id),
      language: req.language ?? this.config.REPORT_DEFAULT_LANGUAGE,
    };
  }

  private cycleCodes(req: TargetRequest): string[] {
    if (req.cycle && req.cycles) throw DomainError.invalid('cycles', 'give either cycle or cycles, not both');
    const codes = req.cycles ?? (req.cycle ? [req.cycle] : []);
    if (codes.length === 0) throw DomainError.invalid('cycle', 'cycle is required');
    if (codes.length > 1 && !SPAN_KINDS.includes(req.kind)) {
      throw DomainError.invalid('cycles', `a ${req.kind} report covers one cycle; spans are for ${SPAN_KINDS.join(' and ')}`);
    }
    return [...new Set(codes)];
  }

  /** The scope as stored: a State's report is keyed by its alpha-3 code even when asked for by organisation id. */
  private async checkScope(kind: ReportKind, scope: string, m: EntityManager): Promise<string> {
    const exists = async (sql: string, params: unknown[]) => ((await m.query(sql, params)) as unknown[]).length > 0;
    let ok = true;
    switch (kind) {
      case 'state': {
        const [org] = await m.query(
          `SELECT id, country_alpha3 AS alpha3 FROM organisation WHERE ${scope.length === 3 ? 'country_alpha3' : 'id::text'} = $1`,
          [scope],
        );
        if (!org) break;
        return org.alpha3 ?? org.id;
      }
      case 'objective':
        ok = await exists('SELECT 1 FROM objective WHERE number = $1', [Number(scope)]);
        break;
      case 'theme':
        ok = await exists('SELECT 1 FROM theme WHERE number = $1', [Number(scope.slice(1))]);
        break;
      case 'region':
        ok = await exists('SELECT 1 FROM country WHERE $1 IN (region_m49, subregion_m49, intermediate_region_m49) LIMIT 1', [scope]);
        break;
      case 'round_table':
        ok = await exists('SELECT 1 FROM round_table WHERE code = $1', [scope]);
        break;
      case 'imrf_summary':
        return scope;
    }
    if (kind === 'state' || !ok) throw DomainError.invalid('scope', `no ${kind.replace('_', ' ')} ${scope}: scope must be ${SCOPE_HINT[kind]}`);
    return scope;
  }
}
