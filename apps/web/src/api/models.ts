import type { components, operations } from './schema';

/**
 * Names for the generated API types (schema.d.ts, from openapi.json by
 * `npm run openapi`), so pages say `Cycle` rather than the schema path. Only
 * aliases live here: a shape the server changes changes here by itself.
 */
type S = components['schemas'];
type QueryOf<O extends keyof operations> = NonNullable<operations[O]['parameters']['query']>;

export type ErrorBody = S['ErrorBodyDto'];
export type ErrorCode = ErrorBody['code'];
export type FieldError = S['FieldErrorDto'];

// accounts
export type UserView = S['UserView'];
export type UserStatus = UserView['status'];
export type OrganisationView = S['OrganisationView'];
export type OrganisationKind = OrganisationView['kind'];
export const ORGANISATION_KINDS = ['state', 'un_entity', 'civil_society', 'private_sector', 'academia', 'local_authority', 'other'] as const satisfies readonly OrganisationKind[];
export type OrganisationPage = S['OrganisationPage'];
export type UserPage = S['UserPage'];
export type InvitationView = S['InvitationView'];
export type TokenResponse = S['TokenResponse'];
export type AuditRow = S['AuditRow'];
export type AuditPage = S['AuditPage'];

// framework and practices
export type ObjectiveView = S['ObjectiveView'];
export type ThemeView = S['ThemeView'];
export type RecommendationView = S['RecommendationView'];
export type RoundTableView = S['RoundTableView'];
export type PrincipleView = S['PrincipleView'];
export type CountryView = S['CountryView'];
export type Practice = S['PracticeView'];
export type PracticePage = S['PracticePage'];
export type PracticeSession = S['PracticeSessionView'];
export type PracticeQuery = QueryOf<'PracticesController_list'>;

// public pledges and the dashboard
export type PublicPledge = S['PublicPledgeView'];
export type TimelineEntry = S['TimelineEntry'];
export type PledgeDetail = S['PublicPledgeDetail'];
export type PledgePage = S['PublicPledgePage'];
export type PledgeQuery = QueryOf<'PledgesPublicController_list'>;
export type PledgeSortKey = NonNullable<PledgeQuery['sort']>;
export type CycleRef = S['CycleRef'];
export type Headline = S['HeadlineStats'];
export type PledgesBy = S['PledgesByStats'];
export type Dimension = operations['StatsController_pledgesBy']['parameters']['path']['dimension'];
export type StatusCount = S['StatusCount'];
export type StatusStats = S['StatusStats'];
export type StatusTrend = S['StatusTrendStats'];
export type Coverage = S['CoverageStats'];
export type Gaps = S['GapsStats'];
export type MapStats = S['MapStats'];
export type ReportingStatus = S['MapCountry']['reporting'];
export type RecentPledge = S['RecentPledge'];
export type ObjectiveSummary = S['ObjectiveSummary'];
export type CountrySummary = S['CountrySummary'];
export type Dictionary = S['OpenDataDictionary'];
export type DictionaryDataset = S['DictionaryDataset'];
export type RelatedPractices = S['RelatedPractices'];

// workspace: pledges and reporting
export type PledgeView = S['PledgeWorkspaceResponse'];
/** The editable part of the working copy. */
export type PledgeContent = Pick<
  PledgeView,
  'title' | 'description' | 'form' | 'matchingPledgeRef' | 'partners' | 'alignment' | 'scope' | 'startDate' | 'targetDate' | 'budget' | 'indicators' | 'frameworkVersion'
>;
export type PledgeForm = PledgeContent['form'];
export const PLEDGE_FORMS = ['policy', 'financial', 'technical', 'process'] as const satisfies readonly PledgeForm[];
export type Indicator = S['IndicatorView'];
export type Direction = Indicator['direction'];
export const DIRECTIONS = ['increase', 'decrease', 'maintain'] as const satisfies readonly Direction[];
export type PledgeStatus = PledgeView['status'];
export type ImplementationStatus = PledgeView['implementationStatus'];
export const IMPLEMENTATION_STATUSES = ['not_started', 'on_track', 'delayed', 'achieved', 'discontinued'] as const satisfies readonly ImplementationStatus[];
export type PledgeListItem = S['MyPledgeItem'];
export type MyPledgePage = S['MyPledgePage'];
export type VersionSummary = S['PledgeVersionSummary'];
export type PledgeVersion = S['PledgeVersionView'];
export type VersionDiff = S['PledgeVersionDiff'];
export type FieldChange = S['FieldChangeView'];
export type ReviewQueueItem = S['PledgeReviewQueueItem'];
export type ReviewQueuePage = S['PledgeReviewQueuePage'];
export type Cycle = S['CycleView'];
export type CycleStatus = Cycle['status'];
export type GeneratedCycles = S['GeneratedCycles'];
export type Measurement = S['MeasurementView'];
export type Evidence = S['EvidenceView'];
export type PartnerContribution = S['PartnerContributionView'];
export type ProgressValues = S['ProgressValuesView'];
export type ProgressUpdate = S['ProgressUpdateResponse'];
export type UpdateStatus = ProgressUpdate['editorialStatus'];
export type UpdateListItem = S['UpdateListItem'];
export type UpdateQueueItem = S['UpdateQueueItem'];
export type UpdateQueuePage = S['UpdateQueuePage'];
export type MyWork = S['MyWorkView'];

// reports
export type ReportRun = S['ReportRunView'];
export type ReportKind = ReportRun['kind'];
export const REPORT_KINDS = ['state', 'objective', 'theme', 'region', 'round_table', 'imrf_summary'] as const satisfies readonly ReportKind[];
export type RunStatus = ReportRun['status'];
export const RUN_STATUSES = ['queued', 'running', 'completed', 'failed', 'cancelled'] as const satisfies readonly RunStatus[];
export type ReportVersion = S['ReportVersionView'];
export type ReportEditorial = S['ReportEditorialView'];
export type ReportFormat = S['ReportFileLink']['format'];
export type PublishedReport = ReportVersion;
export type PublishedVersions = S['PublishedVersionsView'];

// expert reports
type ExpertReportView = S['ExpertReportView'];
/** The author's or the secretariat's view: the private fields are always there. */
export type ExpertReport = ExpertReportView &
  Required<Pick<ExpertReportView, 'status' | 'version' | 'mandate' | 'reviewNote' | 'createdAt' | 'updatedAt' | 'submittedAt'>>;
export type ExpertReportStatus = ExpertReport['status'];
export type ExpertReportInput = S['CreateExpertReportDto'];
export type ExpertReportPage = S['ExpertReportPage'];
export type ReportPage = S['ReportVersionPage'];
export type RunFilter = QueryOf<'ReportRunsController_listRuns'>;
