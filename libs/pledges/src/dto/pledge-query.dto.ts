import { ORGANISATION_KINDS, OrganisationKind } from '@gcm/accounts';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { PLEDGE_FORMS, PledgeForm } from '../domain/pledge-content';
import { IMPLEMENTATION_STATUSES, ImplementationStatus, PLEDGE_STATUSES } from '../domain/pledge-status';
import { lower, PageLimit, PageOffset, PageQueryDto, upper } from '@gcm/platform';

export const PLEDGE_SORTS = ['reference', 'title', 'startDate', 'targetDate', 'updatedAt', 'relevance'] as const;
export type PledgeSort = (typeof PLEDGE_SORTS)[number];

export const PLEDGE_REPORTED = ['owed', 'counted', 'validated', 'late', 'not-reported'] as const;
export type PledgeReported = (typeof PLEDGE_REPORTED)[number];

/** A pledge's status as of a cycle, as the reports' status distributions count it; no_update: it never had a validated update. */
export const STATUSES_IN_CYCLE = [...IMPLEMENTATION_STATUSES, 'no_update'] as const;
export type StatusInCycle = (typeof STATUSES_IN_CYCLE)[number];

export class PledgeFilterDto {
  /**
   * Full-text search over published titles, references, descriptions and the lead and partner organisations' names:
   * accents ignored, plurals and demonyms joined, the last word matched as a prefix while typed
   * (web-search syntax: "quoted phrase", -exclude, or).
   */
  @IsOptional()
  @IsString()
  @Length(1, 200)
  q?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(999)
  objective?: number;

  /** ICMPD theme number or code (2 or T2). */
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? Number(value.replace(/^T/i, '')) : value))
  @IsInt({ message: 'theme must be a theme number or code such as T2' })
  @Min(1)
  @Max(99)
  theme?: number;

  @IsOptional()
  @Transform(lower)
  @Matches(/^[a-z]$/, { message: 'principle must be a key a–j' })
  principle?: string;

  /** SG recommendation paragraph, e.g. 101. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(9999)
  recommendation?: number;

  /** Actionable commitment code, e.g. T2.C4. */
  @IsOptional()
  @Transform(upper)
  @Matches(/^T\d{1,2}\.C\d{1,3}$/, { message: 'commitment must be a code such as T2.C4' })
  commitment?: string;

  /** IMRF round table, e.g. RT2: pledges on any of its objectives. */
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? `RT${value.replace(/^RT/i, '')}` : value))
  @Matches(/^RT\d{1,2}$/, { message: 'roundTable must be a code such as RT2' })
  roundTable?: string;

  /** ISO alpha-3: the pledging State, or a State in the pledge's scope. */
  @IsOptional()
  @Transform(upper)
  @Matches(/^[A-Z]{3}$/, { message: 'country must be an ISO alpha-3 code such as FRA' })
  country?: string;

  /** UN M49 region or sub-region: the pledger's country or the scope lies in it, or the scope names it. */
  @IsOptional()
  @Matches(/^\d{3}$/, { message: 'region must be a three-digit UN M49 code such as 002' })
  region?: string;

  @IsOptional()
  @IsIn(ORGANISATION_KINDS)
  pledgerKind?: OrganisationKind;

  @IsOptional()
  @IsUUID()
  organisation?: string;

  @IsOptional()
  @IsIn(PLEDGE_FORMS)
  form?: PledgeForm;

  /**
   * ICMPD theme number or code under which the theme roll-ups count the pledge once: the primary theme of its
   * primary objective when the pledge keeps that theme, else its lowest-numbered theme (the reports' rule).
   */
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? Number(value.replace(/^T/i, '')) : value))
  @IsInt({ message: 'primaryTheme must be a theme number or code such as T2' })
  @Min(1)
  @Max(99)
  primaryTheme?: number;

  /** UN M49 region, sub-region or intermediate region of the lead State (as the region reports count): the lead is a State whose country lies in it. */
  @IsOptional()
  @Matches(/^\d{3}$/, { message: 'leadRegion must be a three-digit UN M49 code such as 002' })
  leadRegion?: string;

  /** Implementation status, from the latest validated progress update. */
  @IsOptional()
  @IsIn(IMPLEMENTATION_STATUSES)
  status?: ImplementationStatus;

  /** Withdrawn pledges stay public, marked as such; filter them in or out. */
  @IsOptional()
  @IsIn(['published', 'withdrawn'])
  state?: 'published' | 'withdrawn';

  /** Reporting cycle code, e.g. 2026-H1: pledges with a validated progress update in it. */
  @IsOptional()
  @Matches(/^\d{4}(-[A-Z0-9]{1,4})?$/, { message: 'cycle must be a cycle code such as 2026-H1' })
  cycle?: string;

  /**
   * Several reporting cycles (a span report's), comma-separated, e.g. 2026-H1,2026-H2; needs reported, not with cycle.
   * The span's population as the span reports count it: owing an update in at least one of them; reported in any of them;
   * statusInCycle as of the latest of them.
   */
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? [...new Set(value.split(',').map((c) => c.trim()))] : value))
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(24)
  @Matches(/^\d{4}(-[A-Z0-9]{1,4})?$/, { each: true, message: 'cycles must be cycle codes such as 2026-H1,2026-H2' })
  cycles?: string[];

  /**
   * With cycle (or cycles), the population by the rule the reports count with
   * (libs/reporting, cycle population): owed — every pledge owing the cycle an
   * update; counted — those with a submitted or validated update in it (what
   * reports count as reported); validated — those with a validated update in
   * it; late — those whose counted update came after their deadline;
   * not-reported — those with no submitted or validated update in it.
   */
  @IsOptional()
  @IsIn(PLEDGE_REPORTED)
  reported?: PledgeReported;

  /**
   * With cycle, the status as of that cycle, as the reports' status
   * distributions give it: that of the pledge's latest validated update in the
   * cycle or an earlier one; no_update when it never had one.
   */
  @IsOptional()
  @IsIn(STATUSES_IN_CYCLE)
  statusInCycle?: StatusInCycle;

  /** Default: relevance when q is given, otherwise reference. */
  @IsOptional()
  @IsIn(PLEDGE_SORTS)
  sort?: PledgeSort;

  @IsOptional()
  @IsIn(['asc', 'desc'])
  order?: 'asc' | 'desc';

  @PageOffset(10_000)
  offset?: number = 0;
}

export class PledgeQueryDto extends PledgeFilterDto {
  @PageLimit(100)
  limit?: number = 20;
}

export const EXPORT_MAX_ROWS = 10_000;

/** The list's filters; without limit the export holds every matching row up to the cap. */
export class ExportQueryDto extends PledgeFilterDto {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(EXPORT_MAX_ROWS)
  limit?: number;
}

export class MyPledgesQueryDto extends PageQueryDto {
  @IsOptional()
  @IsIn(PLEDGE_STATUSES)
  status?: string;
}


/**
 * The lead organisations of the pledges the list's filters select, each with how many of them it leads
 * (with pledgerKind=state: the States behind a report's "States with pledges" and "reporting States" counts).
 * sort and order do not apply: the organisations come by name.
 */
export class PledgersQueryDto extends PledgeFilterDto {
  @PageLimit(100)
  limit?: number = 50;
}

/**
 * The counted progress updates of the pledges the list's filters select, in the cycle (or cycles):
 * reported=counted (the default: submitted or validated, what the reports count), validated, or late.
 * sort and order do not apply: updates come by pledge reference, then cycle.
 */
export class PledgeUpdatesQueryDto extends PledgeFilterDto {
  @PageLimit(100)
  limit?: number = 50;
}
