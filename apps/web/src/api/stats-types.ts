/** Shapes of the dashboard API's JSON (libs/dashboard stats-response.dto.ts, open-data.dto.ts, related-practices.dto.ts). */
export type ImplementationStatus = 'not_started' | 'on_track' | 'delayed' | 'achieved' | 'discontinued';
export type Dimension = 'objective' | 'theme' | 'region' | 'pledger-kind' | 'form';

export interface CycleRef {
  code: string;
  status: string;
  periodStart: string;
  periodEnd: string;
  deadline: string;
}

export interface Headline {
  cycle: CycleRef | null;
  pledges: number;
  pledgers: number;
  statesPledging: number;
  statesReporting: number;
  reportingRate: number | null;
  achieved: number;
  shareAchieved: number | null;
}

export interface PledgesBy {
  dimension: Dimension;
  count: 'primary' | 'all';
  total: number;
  items: { key: string | number; label: string; title: string; pledges: number; pledgers?: number }[];
}

export interface StatusCount {
  status: ImplementationStatus;
  pledges: number;
}

export interface StatusStats {
  cycle: CycleRef | null;
  total: number;
  reportedInCycle: number;
  statuses: StatusCount[];
}

export interface StatusTrend {
  statuses: ImplementationStatus[];
  cycles: { code: string; status: string; periodStart: string; total: number; reportedInCycle: number; statuses: StatusCount[] }[];
}

export interface Coverage {
  total: number;
  objectives: { number: number; label: string; pledges: number }[];
  regions: { code: string; name: string; pledges: number; counts: number[] }[];
}

export interface Gaps {
  threshold: number;
  total: number;
  objectives: { number: number; label: string; title: string; pledges: number }[];
  themes: { number: number; code: string; title: string; pledges: number }[];
  recommendations: { paragraph: number; shortTitle: string; objectives: number[]; pledges: number }[];
}

export type ReportingStatus = 'reported' | 'not_reported' | 'no_pledges';

export interface MapStats {
  cycle: CycleRef | null;
  countries: { alpha3: string; name: string; region: string; pledges: number; concerning: number; reporting: ReportingStatus }[];
}

export interface RecentPledge {
  reference: string;
  title: string;
  leadOrganisation: string;
  implementationStatus: ImplementationStatus;
  firstPublishedAt: string;
}

export interface ObjectiveSummary {
  pledges: number;
  primaryPledges: number;
  pledgers: number;
  statesPledging: number;
  byStatus: StatusCount[];
  byForm: { form: string; pledges: number }[];
  byRegion: { code: string; name: string; pledges: number }[];
  recommendations: { paragraph: number; shortTitle: string; pledges: number }[];
  practices: number;
  recentPledges: RecentPledge[];
}

export interface CountrySummary {
  organisation: { id: string; name: string } | null;
  pledges: number;
  concerning: number;
  byObjective: { number: number; label: string; pledges: number }[];
  byStatus: StatusCount[];
  byForm: { form: string; pledges: number }[];
  reporting: { cycle: string; cycleStatus: string; status: ReportingStatus; updates: number; validated: number }[];
  recentPledges: RecentPledge[];
}

export interface DictionaryDataset {
  name: string;
  title: string;
  description: string;
  idColumn: string;
  files: { csv: string; json: string };
  columns: { name: string; type: string; description: string }[];
}

export interface Dictionary {
  conventions: Record<string, string>;
  datasets: DictionaryDataset[];
}

export interface RelatedPractices {
  reference: string;
  items: { code: string; title: string; organisation: string | null; sessionCode: string; sessionTitle: string; sharedObjectives: number[]; textScore: number }[];
}

export interface PublishedReport {
  id: string;
  kind: string;
  scope: string;
  cycles: string[];
  number: number;
  title: string;
  publishedAt: string;
  files: { format: string; contentType: string; size: number; url: string }[];
}

export interface ReportPage {
  items: PublishedReport[];
  total: number;
  limit: number;
  offset: number;
}
